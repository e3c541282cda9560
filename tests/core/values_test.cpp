// Typed values: money, dates, booleans, percents and status, with the
// per-column conventions decided from all values.
#include "revdiag/values.h"

#include <catch2/catch.hpp>

#include "revdiag/deals.h"

using namespace revdiag;

namespace {
day_t ymd(int y, unsigned m, unsigned d) {
    return days_from_civil(y, m, d);
}
}  // namespace

TEST_CASE("money accepts symbols codes separators and parentheses", "[values][money]") {
    const money_format point{};
    CHECK(parse_money("48250", point) == Approx(48250));
    CHECK(parse_money("48,250.00", point) == Approx(48250));
    CHECK(parse_money("$48,250", point) == Approx(48250));
    CHECK(parse_money("USD 48250", point) == Approx(48250));
    CHECK(parse_money("48250 EUR", point) == Approx(48250));
    CHECK(parse_money("(1,200)", point) == Approx(-1200));
    CHECK(parse_money("-$1,200.50", point) == Approx(-1200.5));
    CHECK(parse_money("215142.0", point) == Approx(215142));
    CHECK(parse_money("1.5E+06", point) == Approx(1500000));
    CHECK(parse_money("R$ 1.234,56", point) == Approx(1234.56));   // both marks: the last is the decimal
    CHECK(parse_money("12,34,567.00", point) == Approx(1234567));  // Indian grouping
    const money_format comma{true};
    CHECK(parse_money("48.250,00 \xE2\x82\xAC", comma) == Approx(48250));
    CHECK(parse_money("12,5", comma) == Approx(12.5));
    CHECK(parse_money("1 234,50", comma) == Approx(1234.5));
}

TEST_CASE("money refuses text that is not an amount instead of reading zero", "[values][money]") {
    const money_format point{};
    CHECK_FALSE(parse_money("abc", point).has_value());
    CHECK_FALSE(parse_money("12abc", point).has_value());
    CHECK_FALSE(parse_money("1,23", point).has_value());
    CHECK_FALSE(parse_money("1.2.3", point).has_value());
    CHECK_FALSE(parse_money("$", point).has_value());
    CHECK_FALSE(parse_money("--5", point).has_value());
    CHECK_FALSE(parse_money("1e999", point).has_value());
    CHECK(is_missing_value(""));
    CHECK(is_missing_value(" - "));
    CHECK(is_missing_value("N/A"));
    CHECK_FALSE(is_missing_value("0"));
}

TEST_CASE("money column convention is decided by the values that show it", "[values][money]") {
    CHECK(detect_money_format({"48.250,00", "12,50", "1.000"}).decimal_comma);
    CHECK_FALSE(detect_money_format({"48,250.00", "1,000", "12.5"}).decimal_comma);
    CHECK_FALSE(detect_money_format({"1,000", "2,000"}).decimal_comma);  // nothing tells: decimal point
    CHECK(detect_money_format({"1.000.000", "2"}).decimal_comma);
}

TEST_CASE("dates read iso and date-times as written without zone shift", "[values][date]") {
    const date_format f{};
    CHECK(parse_date("2026-03-04", f) == ymd(2026, 3, 4));
    CHECK(parse_date("2024-01-22T16:14:25.000+0000", f) == ymd(2024, 1, 22));
    CHECK(parse_date("2024-01-22T23:30:00-08:00", f) == ymd(2024, 1, 22));
    CHECK(parse_date("2024-01-22 23:30:00Z", f) == ymd(2024, 1, 22));
    CHECK(parse_date("2024/01/22", f) == ymd(2024, 1, 22));
    CHECK(parse_date("15 Apr, 2021 00:02:00", f) == ymd(2021, 4, 15));
    CHECK(parse_date("Apr 15, 2021", f) == ymd(2021, 4, 15));
    CHECK(parse_date("15-Apr-21", f) == ymd(2021, 4, 15));
    CHECK(parse_date("Thursday, 15 April 2021", f) == ymd(2021, 4, 15));
    CHECK(parse_date("September 3rd, 2025", f) == ymd(2025, 9, 3));
}

TEST_CASE("numeric dates follow the day and month order of their column", "[values][date]") {
    const date_format us = detect_date_format({"3/4/2026", "5/20/2024 7:42", "12/1/2025"});
    CHECK(us.order == date_order::mdy);
    CHECK_FALSE(us.ambiguous);
    CHECK(parse_date("3/4/2026", us) == ymd(2026, 3, 4));
    CHECK(parse_date("5/20/2024 7:42", us) == ymd(2024, 5, 20));
    CHECK(parse_date("5/20/2024 7:42 PM", us) == ymd(2024, 5, 20));

    const date_format eu = detect_date_format({"04/03/2026", "25/12/2025"});
    CHECK(eu.order == date_order::dmy);
    CHECK(parse_date("04/03/2026", eu) == ymd(2026, 3, 4));

    const date_format dotted = detect_date_format({"04.03.2026", "01.02.2026"});
    CHECK(dotted.ambiguous);
    CHECK(dotted.order == date_order::dmy);
    CHECK(parse_date("04.03.2026", dotted) == ymd(2026, 3, 4));

    const date_format slashed = detect_date_format({"04/03/2026"});
    CHECK(slashed.ambiguous);
    CHECK(slashed.order == date_order::mdy);

    CHECK(parse_date("01-03-17", eu) == ymd(2017, 3, 1));
}

TEST_CASE("excel serials are dates only in a column that holds nothing else", "[values][date]") {
    const date_format serial = detect_date_format({"45717", "45718", ""});
    CHECK(serial.excel_serial);
    CHECK(parse_date("45717", serial) == ymd(2025, 3, 1));
    CHECK(parse_date("45717.75", serial) == ymd(2025, 3, 1));
    const date_format mixed = detect_date_format({"45717", "2025-03-01"});
    CHECK_FALSE(mixed.excel_serial);
    CHECK_FALSE(parse_date("45717", mixed).has_value());
}

TEST_CASE("dates refuse impossible days and stray text", "[values][date]") {
    const date_format f{};
    CHECK_FALSE(parse_date("2026-02-30", f).has_value());
    CHECK_FALSE(parse_date("13/13/2026", f).has_value());
    CHECK_FALSE(parse_date("soon", f).has_value());
    CHECK_FALSE(parse_date("2026-03-04 next week", f).has_value());
    CHECK_FALSE(parse_date("Q3 2026", f).has_value());
}

TEST_CASE("booleans accept the usual spellings and x-marks make blanks false", "[values][bool]") {
    for (const char* t : {"yes", "Y", "TRUE", "1", "x", "X", "checked", "on", "\xE2\x9C\x93"})
        CHECK(parse_bool(t) == true);
    for (const char* t : {"no", "N", "false", "0", "unchecked", "off"}) CHECK(parse_bool(t) == false);
    CHECK_FALSE(parse_bool("maybe").has_value());
    CHECK(detect_bool_format({"x", "", "x"}).blank_is_false);
    CHECK_FALSE(detect_bool_format({"yes", "", "no"}).blank_is_false);
}

TEST_CASE("percent columns are read on a 0 to 100 scale", "[values][percent]") {
    const percent_format hundred = detect_percent_format({"40", "100", "0"});
    CHECK_FALSE(hundred.fraction);
    CHECK(parse_percent("40", hundred) == Approx(40));
    CHECK(parse_percent("40%", hundred) == Approx(40));
    const percent_format fraction = detect_percent_format({"0.4", "1", "0"});
    CHECK(fraction.fraction);
    CHECK(parse_percent("0.4", fraction) == Approx(40));
    CHECK_FALSE(detect_percent_format({"0.4", "40%"}).fraction);
    CHECK_FALSE(detect_percent_format({"0", "1"}).fraction);
    CHECK_FALSE(parse_percent("high", hundred).has_value());
}

TEST_CASE("status is normalized from status columns and closed stage names", "[values][status]") {
    CHECK(parse_status("Open") == status_open);
    CHECK(parse_status("In Progress") == status_open);
    CHECK(parse_status("active") == status_open);
    CHECK(parse_status("Won") == status_won);
    CHECK(parse_status("Closed Won") == status_won);
    CHECK(parse_status("Closed - Won") == status_won);
    CHECK(parse_status("Lost") == status_lost);
    CHECK(parse_status("Canceled") == status_lost);
    CHECK(parse_status("Out-Sold") == status_lost);
    CHECK(parse_status("closed_lost") == status_lost);
    CHECK_FALSE(parse_status("Qualification").has_value());
}
