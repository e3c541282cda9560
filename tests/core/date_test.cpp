#include "revdiag/date.h"

#include <catch2/catch.hpp>

using namespace revdiag;

TEST_CASE("dates round-trip through days since 1970 across leap years", "[date]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(format_iso_date(days_from_civil(2024, 2, 29)) == "2024-02-29");
    for (day_t d = days_from_civil(1, 1, 1); d <= days_from_civil(9999, 12, 31); d += 997)
        CHECK(parse_iso_date(format_iso_date(d)) == d);
    CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2023-2-28").has_value());
}

TEST_CASE("weekdays and business days count Monday to Friday only", "[date]") {
    const day_t monday = *parse_iso_date("2026-06-01");
    CHECK(weekday(monday) == 0);
    CHECK(weekday(monday + 6) == 6);
    CHECK(business_days_between(monday, monday) == 0);
    CHECK(business_days_between(monday, monday + 4) == 4);      // Tue..Fri
    CHECK(business_days_between(monday, monday + 7) == 5);      // Tue..next Mon
    CHECK(business_days_between(monday + 4, monday + 7) == 1);  // Sat, Sun, Mon
    CHECK(business_days_between(monday, monday + 70) == 50);
}
