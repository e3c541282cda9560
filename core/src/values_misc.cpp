#include <string>

#include "revdiag/deals.h"
#include "revdiag/values.h"

namespace revdiag {

namespace {
bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool one_of(std::string_view key, std::initializer_list<std::string_view> words) {
    for (const std::string_view w : words)
        if (key == w) return true;
    return false;
}
}  // namespace

std::string_view trim_value(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        } else if (s.substr(0, 2) == "\xC2\xA0") {
            s.remove_prefix(2);
        } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
            s.remove_suffix(2);
        } else {
            return s;
        }
    }
}

std::string compact_key(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (const char c : text)
        if (is_alnum(c)) key.push_back(lower(c));
    return key;
}

bool is_missing_value(std::string_view text) {
    const std::string_view s = trim_value(text);
    if (s.empty() || s == "-" || s == "--" || s == "\xE2\x80\x94" /* — */) return true;
    if (s.size() > 6) return false;
    std::string low;
    for (const char c : s) low.push_back(lower(c));
    return one_of(low, {"n/a", "na", "#n/a", "null", "none", "nil", "\\n"});
}

std::optional<bool> parse_bool(std::string_view text) {
    const std::string_view s = trim_value(text);
    if (s == "\xE2\x9C\x93" || s == "\xE2\x9C\x94") return true;  // ✓ ✔
    const std::string key = compact_key(s);
    if (one_of(key, {"yes", "y", "true", "t", "1", "x", "checked", "on", "ja", "oui", "si"})) return true;
    if (one_of(key, {"no", "n", "false", "f", "0", "unchecked", "off", "nein", "non"})) return false;
    return std::nullopt;
}

bool_format detect_bool_format(const std::vector<std::string_view>& values) {
    bool any_true = false, any_false = false;
    for (const std::string_view v : values) {
        if (is_missing_value(v)) continue;
        const std::optional<bool> b = parse_bool(v);
        if (b && *b) any_true = true;
        if (b && !*b) any_false = true;
    }
    bool_format f;
    f.blank_is_false = any_true && !any_false;
    return f;
}

percent_format detect_percent_format(const std::vector<std::string_view>& values) {
    bool any_sign = false, all_unit = true, any_between = false, any = false;
    for (const std::string_view v : values) {
        if (is_missing_value(v)) continue;
        if (v.find('%') != std::string_view::npos) any_sign = true;
        const std::optional<double> p = parse_percent(v, percent_format{});
        if (!p) continue;
        any = true;
        if (*p < 0 || *p > 1) all_unit = false;
        if (*p > 0 && *p < 1) any_between = true;
    }
    percent_format f;
    f.fraction = any && !any_sign && all_unit && any_between;
    return f;
}

std::optional<double> parse_percent(std::string_view text, percent_format format) {
    std::string_view s = trim_value(text);
    bool sign = false;
    if (!s.empty() && s.back() == '%') {
        s.remove_suffix(1);
        s = trim_value(s);
        sign = true;
    }
    if (s.empty()) return std::nullopt;
    const bool comma_decimal = s.find(',') != std::string_view::npos && s.find('.') == std::string_view::npos;
    std::optional<double> v = parse_money(s, money_format{comma_decimal});
    if (!v) return std::nullopt;
    if (format.fraction && !sign) *v *= 100.0;
    return v;
}

std::optional<std::string_view> parse_status(std::string_view text) {
    const std::string key = compact_key(text);
    if (key.empty()) return std::nullopt;
    if (one_of(key, {"open", "inprogress", "active", "pending", "onhold", "new", "notclosed", "working",
                     "inprocess", "notstarted"}))
        return status_open;
    if (one_of(key, {"won", "win", "closedwon", "success", "successful", "wonclosed", "signed"}) ||
        key.rfind("closedwon", 0) == 0)
        return status_won;
    if (one_of(key, {"lost", "closedlost", "cancelled", "canceled", "outsold", "disqualified", "declined",
                     "rejected", "abandoned", "lostclosed", "dead"}) ||
        key.rfind("closedlost", 0) == 0)
        return status_lost;
    return std::nullopt;
}

}  // namespace revdiag
