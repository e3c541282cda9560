#include "revdiag/date.h"

#include <chrono>
#include <cstdio>

namespace revdiag {

// Howard Hinnant's civil-date algorithms: exact over the whole int32 day range we use.
day_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<day_t>(era * 146097 + static_cast<int>(doe) - 719468);
}

civil_date civil_from_days(day_t z0) {
    const int z = z0 + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return civil_date{y + (m <= 2), m, d};
}

bool is_valid_civil(int y, unsigned m, unsigned d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    static const unsigned days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const unsigned limit = (m == 2 && leap) ? 29 : days_in[m - 1];
    return d <= limit;
}

std::optional<day_t> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](size_t at, size_t n, int& out) {
        out = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
    if (!is_valid_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_iso_date(day_t days) {
    const civil_date c = civil_from_days(days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
    return buf;
}

int weekday(day_t days) {
    // 1970-01-01 was a Thursday (index 3 when Monday is 0).
    const int r = (days % 7 + 7) % 7;
    return (r + 3) % 7;
}

int business_days_between(day_t from, day_t to) {
    if (to <= from) return 0;
    const int total = to - from;
    int count = (total / 7) * 5;
    for (day_t d = from + 1 + (total / 7) * 7; d <= to; ++d)
        if (weekday(d) < 5) ++count;
    return count;
}

day_t today_utc() {
    using namespace std::chrono;
    const auto now = time_point_cast<hours>(system_clock::now()).time_since_epoch().count();
    return static_cast<day_t>(now / 24 - (now < 0 && now % 24 != 0 ? 1 : 0));
}

}  // namespace revdiag
