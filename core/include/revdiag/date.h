// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), so that
// every comparison and difference is integer arithmetic and no result depends
// on the machine's time zone. Parsing of the many CRM date spellings lives in
// values.h; this header owns only the arithmetic and the ISO form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace revdiag {

using day_t = int32_t;
/// The missing date in a date column.
constexpr day_t no_date = INT32_MIN;

/// Days since 1970-01-01 of a civil date; the caller validates the fields.
day_t days_from_civil(int year, unsigned month, unsigned day);
struct civil_date {
    int year;
    unsigned month;
    unsigned day;
};
civil_date civil_from_days(day_t days);
/// True when year/month/day names a real calendar day.
bool is_valid_civil(int year, unsigned month, unsigned day);
/// `YYYY-MM-DD`, strictly; anything else is nullopt.
std::optional<day_t> parse_iso_date(std::string_view text);
/// `YYYY-MM-DD`.
std::string format_iso_date(day_t days);
/// 0 = Monday ... 6 = Sunday.
int weekday(day_t days);
/// Weekdays (Mon–Fri) in the half-open interval (from, to]; 0 when to <= from.
int business_days_between(day_t from, day_t to);
/// Today's date in UTC from the system clock (the CLI's default as-of).
day_t today_utc();

}  // namespace revdiag
