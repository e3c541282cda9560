#include <string>

#include "revdiag/values.h"

namespace revdiag {

namespace {
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in for serials past 60).
constexpr int excel_min = 1, excel_max = 2958465;

struct scanner {
    std::string_view s;
    size_t i = 0;
    bool done() const { return i >= s.size(); }
    // Up to max_digits digits as a number; the count of digits read in `len`.
    bool number(int& out, size_t& len, size_t max_digits) {
        out = 0;
        len = 0;
        while (i < s.size() && is_digit(s[i]) && len < max_digits) {
            out = out * 10 + (s[i] - '0');
            ++i;
            ++len;
        }
        return len > 0 && !(i < s.size() && is_digit(s[i]));
    }
    std::string word() {
        std::string w;
        while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            w.push_back(lower(s[i++]));
        return w;
    }
    void skip(std::string_view chars) {
        while (i < s.size() && chars.find(s[i]) != std::string_view::npos) ++i;
    }
};

int month_from_name(const std::string& w) {
    static constexpr std::string_view names[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
    if (w.size() < 3) return 0;
    for (int m = 0; m < 12; ++m)
        if (names[m].substr(0, w.size()) == w || (m == 8 && w == "sept")) return m + 1;
    return 0;
}

bool is_weekday_name(const std::string& w) {
    static constexpr std::string_view names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};
    if (w.size() < 3) return false;
    for (const std::string_view n : names)
        if (n.substr(0, w.size()) == w) return true;
    return false;
}

// What may follow a date: a time, AM/PM and a zone. Its content never moves the
// date (a zone is not applied: the date is taken as written).
bool is_time_tail(std::string_view rest) {
    if (rest.empty()) return true;
    if (rest[0] != ' ' && rest[0] != 'T' && rest[0] != 't') return false;
    size_t k = 1;
    while (k < rest.size() && rest[k] == ' ') ++k;
    if (k >= rest.size() || !is_digit(rest[k])) return false;
    for (; k < rest.size(); ++k) {
        const char c = lower(rest[k]);
        if (!(is_digit(c) || c == ':' || c == '.' || c == '+' || c == '-' || c == ' ' || c == 'z' ||
              c == 'a' || c == 'p' || c == 'm' || c == 'u' || c == 't' || c == 'c' || c == 'g'))
            return false;
    }
    return true;
}

int full_year(int y, size_t len) {
    if (len == 4) return y;
    return y < 70 ? 2000 + y : 1900 + y;  // two-digit years: 00-69 -> 2000s
}

std::optional<day_t> make_date(int y, int m, int d) {
    if (y < 1 || m < 1 || d < 1 || !is_valid_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
        return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// Three numbers split by one of / . - and what follows them.
struct numeric_date {
    int a = 0, b = 0, c = 0;
    size_t la = 0, lb = 0, lc = 0;
    char sep = 0;
    std::string_view rest;
};

std::optional<numeric_date> split_numeric(std::string_view s) {
    scanner sc{s};
    numeric_date n;
    if (!sc.number(n.a, n.la, 4) || sc.done()) return std::nullopt;
    n.sep = s[sc.i];
    if (n.sep != '/' && n.sep != '.' && n.sep != '-') return std::nullopt;
    ++sc.i;
    if (!sc.number(n.b, n.lb, 2) || sc.done() || s[sc.i] != n.sep) return std::nullopt;
    ++sc.i;
    if (!sc.number(n.c, n.lc, 4)) return std::nullopt;
    n.rest = s.substr(sc.i);
    if (n.la == 4 ? n.lc > 2 : (n.la > 2 || (n.lc != 4 && n.lc != 2))) return std::nullopt;
    return n;
}

// `15 Apr, 2021 00:02:00`, `Apr 15, 2021`, `15-Apr-21`, `Tue, 15 April 2021`.
std::optional<day_t> parse_named_month(std::string_view s) {
    scanner sc{s};
    int day = 0, month = 0, year = 0;
    size_t len = 0, year_len = 0;
    std::string w = sc.word();
    if (!w.empty() && is_weekday_name(w) && !month_from_name(w)) {
        sc.skip(" ,.");
        w = sc.word();
    }
    if (!w.empty()) {  // month first
        month = month_from_name(w);
        sc.skip(" .-");
        if (!month || !sc.number(day, len, 2)) return std::nullopt;
        if (sc.i + 1 < s.size() && (s.substr(sc.i, 2) == "st" || s.substr(sc.i, 2) == "nd" ||
                                    s.substr(sc.i, 2) == "rd" || s.substr(sc.i, 2) == "th"))
            sc.i += 2;
        sc.skip(" ,-");
    } else {  // day first
        if (!sc.number(day, len, 2)) return std::nullopt;
        sc.skip(" -./");
        month = month_from_name(sc.word());
        if (!month) return std::nullopt;
        sc.skip(" ,.-/");
    }
    if (!sc.number(year, year_len, 4) || (year_len != 4 && year_len != 2)) return std::nullopt;
    if (!is_time_tail(s.substr(sc.i))) return std::nullopt;
    return make_date(full_year(year, year_len), month, day);
}

bool plain_number(std::string_view s, double& v) {
    int whole = 0;
    size_t len = 0;
    scanner sc{s};
    if (!sc.number(whole, len, 7)) return false;
    if (!sc.done()) {
        if (s[sc.i] != '.') return false;
        ++sc.i;
        while (!sc.done() && is_digit(s[sc.i])) ++sc.i;
        if (!sc.done()) return false;
    }
    v = whole;
    return true;
}
}  // namespace

void date_format_detector::add(std::string_view raw) {
    const std::string_view s = trim_value(raw);
    if (is_missing_value(s)) return;
    double v = 0;
    if (plain_number(s, v) && v >= excel_min && v <= excel_max) {
        ++serials_;
        return;
    }
    ++others_;
    const std::optional<numeric_date> n = split_numeric(s);
    if (!n || n->la == 4) return;
    ++numeric_order_;
    if (n->sep == '.') ++dotted_;
    if (n->a > 12 && n->b <= 12) ++dmy_;
    if (n->b > 12 && n->a <= 12) ++mdy_;
}

date_format date_format_detector::result() const {
    date_format f;
    f.excel_serial = serials_ > 0 && others_ == 0;
    if (dmy_ > mdy_)
        f.order = date_order::dmy;
    else if (mdy_ > 0)
        f.order = date_order::mdy;
    else
        f.order = dotted_ * 2 > numeric_order_ ? date_order::dmy : date_order::mdy;
    f.ambiguous = numeric_order_ > 0 && dmy_ == 0 && mdy_ == 0;
    return f;
}

date_format detect_date_format(const std::vector<std::string_view>& values) {
    date_format_detector d;
    for (const std::string_view v : values) d.add(v);
    return d.result();
}

std::optional<day_t> parse_date(std::string_view text, const date_format& format) {
    const std::string_view s = trim_value(text);
    if (s.empty()) return std::nullopt;
    if (format.excel_serial) {
        double v = 0;
        if (!plain_number(s, v) || v < excel_min || v > excel_max) return std::nullopt;
        return static_cast<day_t>(days_from_civil(1899, 12, 30) + static_cast<day_t>(v));
    }
    if (is_digit(s[0])) {
        const std::optional<numeric_date> n = split_numeric(s);
        if (n) {
            if (!is_time_tail(n->rest)) return std::nullopt;
            if (n->la == 4) return make_date(n->a, n->b, n->c);
            const int year = full_year(n->c, n->lc);
            return format.order == date_order::dmy ? make_date(year, n->b, n->a)
                                                   : make_date(year, n->a, n->b);
        }
    }
    return parse_named_month(s);
}

}  // namespace revdiag
