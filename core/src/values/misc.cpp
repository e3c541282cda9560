#include <string>

#include "common/stage_key.h"
#include "revdiag/deals.h"
#include "revdiag/values.h"

namespace revdiag {

namespace {
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool one_of(std::string_view key, std::initializer_list<std::string_view> words) {
    for (const std::string_view w : words)
        if (key == w) return true;
    return false;
}
}  // namespace

std::string_view trim_value_edges(std::string_view s) {
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
    return stage_key(text);
}

bool is_missing_value(std::string_view text) {
    const std::string_view s = trim_value(text);
    if (s.empty()) return true;
    // Every spelling of "no value" starts with one of these bytes and has at most four.
    const char c0 = s[0];
    if (s.size() > 4 || !(c0 == '-' || c0 == 'n' || c0 == 'N' || c0 == '#' || c0 == '\\' || c0 == '\xE2'))
        return false;
    if (s == "-" || s == "--" || s == "\xE2\x80\x94" /* — */) return true;
    char low[4];
    for (size_t i = 0; i < s.size(); ++i) low[i] = lower(s[i]);
    return one_of(std::string_view(low, s.size()), {"n/a", "na", "#n/a", "null", "none", "nil", "\\n"});
}

std::optional<bool> parse_bool(std::string_view text) {
    const std::string_view s = trim_value(text);
    if (s == "\xE2\x9C\x93" || s == "\xE2\x9C\x94") return true;  // ✓ ✔
    const std::string key = compact_key(s);
    if (one_of(key, {"yes", "y", "true", "t", "1", "x", "checked", "on", "ja", "oui", "si"})) return true;
    if (one_of(key, {"no", "n", "false", "f", "0", "unchecked", "off", "nein", "non"})) return false;
    return std::nullopt;
}

void bool_format_detector::add(std::string_view v) {
    if (is_missing_value(v)) return;
    const std::optional<bool> b = parse_bool(v);
    if (b && *b) any_true_ = true;
    if (b && !*b) any_false_ = true;
}

bool_format bool_format_detector::result() const {
    bool_format f;
    f.blank_is_false = any_true_ && !any_false_;
    return f;
}

bool_format detect_bool_format(const std::vector<std::string_view>& values) {
    bool_format_detector d;
    for (const std::string_view v : values) d.add(v);
    return d.result();
}

void percent_format_detector::add(std::string_view v) {
    if (is_missing_value(v)) return;
    if (v.find('%') != std::string_view::npos) any_sign_ = true;
    const std::optional<double> p = parse_percent(v, percent_format{});
    if (!p) return;
    any_ = true;
    if (*p < 0 || *p > 1) all_unit_ = false;
    if (*p > 0 && *p < 1) any_between_ = true;
}

percent_format percent_format_detector::result() const {
    percent_format f;
    f.fraction = any_ && !any_sign_ && all_unit_ && any_between_;
    return f;
}

percent_format detect_percent_format(const std::vector<std::string_view>& values) {
    percent_format_detector d;
    for (const std::string_view v : values) d.add(v);
    return d.result();
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
