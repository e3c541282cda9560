#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "revdiag/values.h"

namespace revdiag {

namespace {
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || is_upper(c);
}

// Currency marks written before or after an amount, longest first so that
// `R$` and `US$` are taken whole.
constexpr std::string_view currency_marks[] = {"US$",
                                               "CA$",
                                               "AU$",
                                               "NZ$",
                                               "HK$",
                                               "R$",
                                               "A$",
                                               "C$",
                                               "S$",
                                               "CHF",
                                               "kr.",
                                               "kr",
                                               "Fr.",
                                               "$",
                                               "\xE2\x82\xAC" /* € */,
                                               "\xC2\xA3" /* £ */,
                                               "\xC2\xA5" /* ¥ */,
                                               "\xE2\x82\xB9" /* ₹ */,
                                               "\xE2\x82\xA9" /* ₩ */,
                                               "\xE2\x82\xBD" /* ₽ */,
                                               "z\xC5\x82" /* zł */};

// Spaces used as thousands separators: ASCII, no-break, narrow no-break, thin.
size_t space_length(std::string_view s) {
    if (!s.empty() && s[0] == ' ') return 1;
    if (s.substr(0, 2) == "\xC2\xA0") return 2;
    if (s.substr(0, 3) == "\xE2\x80\xAF" || s.substr(0, 3) == "\xE2\x80\x89") return 3;
    return 0;
}

void strip_spaces(std::string_view& s) {
    for (size_t n; (n = space_length(s)) > 0;) s.remove_prefix(n);
    while (!s.empty()) {
        if (s.back() == ' ') {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
            s.remove_suffix(2);
        } else if (s.size() >= 3 &&
                   (s.substr(s.size() - 3) == "\xE2\x80\xAF" || s.substr(s.size() - 3) == "\xE2\x80\x89")) {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
}

// Removes one currency symbol or ISO code from the front or the back.
bool strip_currency(std::string_view& s, bool front) {
    if (s.empty() || is_digit(front ? s.front() : s.back()))
        return false;  // no mark starts or ends with a digit
    for (const std::string_view m : currency_marks) {
        if (s.size() < m.size()) continue;
        if (front ? s.substr(0, m.size()) == m : s.substr(s.size() - m.size()) == m) {
            front ? s.remove_prefix(m.size()) : s.remove_suffix(m.size());
            return true;
        }
    }
    // A three-letter code (`USD 48250`, `48250EUR`) not glued to other letters.
    if (s.size() >= 3) {
        const std::string_view code = front ? s.substr(0, 3) : s.substr(s.size() - 3);
        const bool letters = is_upper(code[0]) && is_upper(code[1]) && is_upper(code[2]);
        const bool alone = s.size() == 3 || !is_alpha(front ? s[3] : s[s.size() - 4]);
        if (letters && alone) {
            front ? s.remove_prefix(3) : s.remove_suffix(3);
            return true;
        }
    }
    return false;
}

bool strip_sign(std::string_view& s, bool front) {
    static constexpr std::string_view minus_sign = "\xE2\x88\x92";  // U+2212
    if (s.empty()) return false;
    if (front) {
        if (s[0] == '-') return s.remove_prefix(1), true;
        if (s.substr(0, 3) == minus_sign) return s.remove_prefix(3), true;
    } else if (s.back() == '-') {
        return s.remove_suffix(1), true;
    }
    return false;
}

// Strict decimal text to double: digits, an optional fraction, an optional
// exponent. strtod on a NUL-terminated copy works in wasm, where libc++ lacks
// from_chars for doubles; its locale is "C" unless someone calls setlocale.
std::optional<double> to_double(const std::string& clean) {
    size_t i = 0;
    const size_t n = clean.size();
    size_t digits = 0;
    while (i < n && is_digit(clean[i])) ++i, ++digits;
    if (i < n && clean[i] == '.') {
        ++i;
        while (i < n && is_digit(clean[i])) ++i, ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (i < n && (clean[i] == 'e' || clean[i] == 'E')) {
        ++i;
        if (i < n && (clean[i] == '+' || clean[i] == '-')) ++i;
        size_t exp_digits = 0;
        while (i < n && is_digit(clean[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return std::nullopt;
    }
    if (i != n) return std::nullopt;
    // Up to 15 digits and no exponent: the digits as an integer and a power of
    // ten are exact doubles, so one division is correctly rounded, as strtod is.
    if (digits <= 15 && clean.find_first_of("eE") == std::string::npos) {
        static constexpr double powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        uint64_t m = 0;
        size_t fraction = 0;
        bool after_point = false;
        for (const char c : clean) {
            if (c == '.') {
                after_point = true;
                continue;
            }
            m = m * 10 + static_cast<uint64_t>(c - '0');
            fraction += after_point;
        }
        return static_cast<double>(m) / powers[fraction];
    }
    char* end = nullptr;
    const double v = std::strtod(clean.c_str(), &end);
    if (end != clean.c_str() + n || !std::isfinite(v)) return std::nullopt;  // `1e999` is not an amount
    return v;
}

// The body of an amount with its currency and sign removed, or "" when the
// signs and parentheses do not make sense.
std::string_view amount_body(std::string_view s, bool& negative) {
    negative = false;
    strip_spaces(s);
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        negative = true;
        s = s.substr(1, s.size() - 2);
        strip_spaces(s);
    }
    for (int round = 0; round < 3; ++round) {
        bool changed = false;
        if (!negative && strip_sign(s, true)) negative = changed = true;
        if (s.size() > 1 && s[0] == '+') s.remove_prefix(1), changed = true;
        changed |= strip_currency(s, true);
        strip_spaces(s);
        changed |= strip_currency(s, false);
        strip_spaces(s);
        if (!negative && strip_sign(s, false)) negative = changed = true;
        if (!changed) break;
    }
    return s;
}
}  // namespace

void money_format_detector::add(std::string_view raw) {
    bool negative = false;
    const std::string_view s = amount_body(trim_value(raw), negative);
    const size_t last_comma = s.rfind(','), last_point = s.rfind('.');
    const bool comma = last_comma != std::string_view::npos, point = last_point != std::string_view::npos;
    if (comma && point) {
        (last_comma > last_point ? comma_votes_ : point_votes_)++;
    } else if (comma || point) {
        const char sep = comma ? ',' : '.';
        const size_t at = comma ? last_comma : last_point;
        const bool repeated = s.find(sep) != at;
        const size_t after = s.size() - at - 1;
        if (repeated)  // `1,234,567` or `1.234.567`: the separator groups thousands
            (comma ? point_votes_ : comma_votes_)++;
        else if (after != 3)
            (comma ? comma_votes_ : point_votes_)++;
    }
}

money_format money_format_detector::result() const {
    money_format f;
    f.decimal_comma = comma_votes_ > point_votes_;
    return f;
}

money_format detect_money_format(const std::vector<std::string_view>& values) {
    money_format_detector d;
    for (const std::string_view v : values) d.add(v);
    return d.result();
}

bool contradicts_money_format(std::string_view text, money_format format) {
    bool negative = false;
    const std::string_view s = amount_body(trim_value(text), negative);
    const size_t last_comma = s.rfind(','), last_point = s.rfind('.');
    if (last_comma == std::string_view::npos || last_point == std::string_view::npos) return false;
    return (last_comma > last_point) != format.decimal_comma;
}

std::optional<double> parse_money(std::string_view text, money_format format) {
    bool negative = false;
    const std::string_view s = amount_body(trim_value(text), negative);
    if (s.empty()) return std::nullopt;
    const size_t last_comma = s.rfind(','), last_point = s.rfind('.');
    char decimal = format.decimal_comma ? ',' : '.';
    if (last_comma != std::string_view::npos && last_point != std::string_view::npos)
        decimal = last_comma > last_point ? ',' : '.';  // both present: the last one is the decimal mark
    std::string clean;
    clean.reserve(s.size());
    size_t group_digits = 0;  // digits since the last group separator
    bool grouped = false, in_fraction = false, in_exponent = false;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (is_digit(c)) {
            clean.push_back(c);
            ++group_digits;
            ++i;
            continue;
        }
        if (in_exponent && (c == '+' || c == '-') && (clean.back() == 'e' || clean.back() == 'E')) {
            clean.push_back(c);
            ++i;
            continue;
        }
        if ((c == 'e' || c == 'E') && !grouped && !in_exponent && group_digits > 0) {
            in_exponent = true;
            clean.push_back(c);
            ++i;
            continue;
        }
        if (in_fraction || in_exponent) return std::nullopt;
        if (c == decimal) {
            if (grouped && group_digits != 3) return std::nullopt;
            in_fraction = true;
            clean.push_back('.');
            ++i;
            continue;
        }
        size_t sep = 0;
        if (c == ',' || c == '.' || c == '\'')
            sep = 1;
        else
            sep = space_length(s.substr(i));
        if (sep == 0 || group_digits == 0) return std::nullopt;
        // Groups after the first hold three digits (two in Indian lakh grouping).
        if (grouped && group_digits != 3 && group_digits != 2) return std::nullopt;
        grouped = true;
        group_digits = 0;
        i += sep;
    }
    if (grouped && !in_fraction && group_digits != 3) return std::nullopt;
    std::optional<double> v = to_double(clean);
    if (v && negative) *v = -*v;
    return v;
}

}  // namespace revdiag
