// Value parsers: money, dates, booleans, percents and statuses under every
// column convention. Nothing crashes; a parsed amount or percent is finite; a
// date is a real calendar day that prints and reads back; a text contradicting
// a money convention writes both separators.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "revdiag/date.h"
#include "revdiag/values.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const uint8_t pick = data[0];  // which conventions the column has
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

    revdiag::money_format money;
    money.decimal_comma = pick & 1;
    if (const auto m = revdiag::parse_money(text, money)) REVDIAG_FUZZ_CHECK(std::isfinite(*m));
    if (revdiag::contradicts_money_format(text, money))
        REVDIAG_FUZZ_CHECK(text.find(',') != std::string_view::npos &&
                           text.find('.') != std::string_view::npos);
    (void)revdiag::detect_money_format({text});

    revdiag::date_format date;
    date.order = static_cast<revdiag::date_order>((pick >> 1) % 3);
    date.excel_serial = pick & 8;
    if (const auto d = revdiag::parse_date(text, date)) {
        const revdiag::civil_date c = revdiag::civil_from_days(*d);
        REVDIAG_FUZZ_CHECK(revdiag::is_valid_civil(c.year, c.month, c.day));
        if (c.year >= 1 && c.year <= 9999) {
            const auto back = revdiag::parse_iso_date(revdiag::format_iso_date(*d));
            REVDIAG_FUZZ_CHECK(back && *back == *d);
        }
    }
    (void)revdiag::detect_date_format({text});

    revdiag::percent_format percent;
    percent.fraction = pick & 16;
    if (const auto p = revdiag::parse_percent(text, percent)) REVDIAG_FUZZ_CHECK(std::isfinite(*p));
    (void)revdiag::parse_bool(text);
    if (const auto s = revdiag::parse_status(text))
        REVDIAG_FUZZ_CHECK(*s == "open" || *s == "won" || *s == "lost");
    (void)revdiag::compact_key(text);
    (void)revdiag::trim_value(text);
    return 0;
}
