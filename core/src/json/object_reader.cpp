#include "json/object_reader.h"

#include <algorithm>
#include <cmath>

#include "json/envelope.h"

namespace revdiag {

namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Levenshtein distance, case ignored; names are short, so the quadratic table is cheap.
size_t distance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t sub = prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string shown_pointer(const std::string& pointer) {
    return pointer.empty() ? "the document" : pointer;
}

}  // namespace

std::string child_pointer(const std::string& base, std::string_view key) {
    return base + "/" + pointer_token(key);
}

std::string child_pointer(const std::string& base, size_t index) {
    return base + "/" + std::to_string(index);
}

error json_error(const json_source& source, std::string_view code, const json_value& at, std::string pointer,
                 std::string message, std::string field) {
    return make_error(std::string(source.name) + "." + std::string(code), std::move(message),
                      location{std::string(source.location_source()), at.line, at.column, std::move(pointer),
                               std::move(field)});
}

std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
    // Two edits catch a swapped pair of letters or a dropped one without
    // suggesting unrelated names for short words.
    const size_t limit = word.size() >= 6 ? 2 : 1;
    std::string best;
    size_t best_distance = limit + 1;
    for (std::string_view c : candidates) {
        // Lengths further apart than the limit cannot be close: no table is built
        // for them, so a megabyte-long word costs nothing.
        if ((word.size() > c.size() ? word.size() - c.size() : c.size() - word.size()) > limit) continue;
        const size_t d = distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c);
        }
    }
    return best;
}

json_object_reader::json_object_reader(const json_value& object, const json_source& source,
                                       std::string pointer)
    : obj_(object), source_(source), pointer_(std::move(pointer)) {}

std::optional<error> json_object_reader::unknown_keys(std::initializer_list<std::string_view> allowed,
                                                      std::string_view where) const {
    for (const json_member& m : obj_.members) {
        if (std::find(allowed.begin(), allowed.end(), m.key) != allowed.end()) continue;
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        const std::string hint = closest_name(m.key, std::vector<std::string_view>(allowed));
        json_value at;
        at.line = m.line;
        at.column = m.column;
        // Typos never pass silently: an unread key would drop a setting without a word.
        return json_error(
            source_, "unknown_key", at, pointer_of(m.key),
            "Unknown key `" + shown_key(m.key) + "` in " + std::string(where) +
                (hint.empty() ? "; expected one of: " + list + "." : "; did you mean " + hint + "?"),
            m.key);
    }
    return std::nullopt;
}

const json_value* json_object_reader::required(std::string_view key, std::string_view what,
                                               std::optional<error>& err) const {
    if (const json_value* v = obj_.find(key)) return v;
    if (!err)
        err = json_error(
            source_, "missing", obj_, pointer_of(key),
            std::string(what) + " at " + shown_pointer(pointer_) + " has no `" + std::string(key) + "`.");
    return nullptr;
}

error json_object_reader::error_at(std::string_view code, std::string_view key, std::string message,
                                   std::string field) const {
    const json_value* v = obj_.find(key);
    return json_error(source_, code, v ? *v : obj_, pointer_of(key), std::move(message), std::move(field));
}

std::string_view kind_article(json_value::kind_t k) {
    switch (k) {
        case json_value::array_v:
            return "an array";
        case json_value::object_v:
            return "an object";
        case json_value::bool_v:
            return "true or false";
        case json_value::number_v:
            return "a number";
        case json_value::string_v:
            return "a text";
        case json_value::null_v:
            return "null";
    }
    return "null";
}

std::optional<error> expect_kind(const json_source& source, const json_value& v, json_value::kind_t kind,
                                 const std::string& pointer) {
    if (v.kind == kind) return std::nullopt;
    return json_error(source, "type", v, pointer,
                      shown_pointer(pointer) + " must be " + std::string(kind_article(kind)) + ", got " +
                          std::string(kind_name(v.kind)) + ".");
}

std::optional<int64_t> whole_number(const json_value& v, int64_t lo, int64_t hi, bool exact_form) {
    if (!v.is_number() || (exact_form && !v.integral)) return std::nullopt;
    if (v.exact) {
        // Exact: a 64-bit value is compared without passing through a double.
        if (!std::signbit(v.number))
            return v.magnitude <= static_cast<uint64_t>(hi) &&
                           (lo <= 0 || v.magnitude >= static_cast<uint64_t>(lo))
                       ? std::optional<int64_t>(static_cast<int64_t>(v.magnitude))
                       : std::nullopt;
        if (v.magnitude > uint64_t{1} << 63) return std::nullopt;
        const int64_t n = static_cast<int64_t>(0 - v.magnitude);
        return n >= lo && n <= hi ? std::optional<int64_t>(n) : std::nullopt;
    }
    if (!std::isfinite(v.number) || v.number != std::floor(v.number)) return std::nullopt;
    // hi + 1 as a double stays exact at INT64_MAX (2^63), where hi itself would round up.
    if (v.number < static_cast<double>(lo) || v.number >= static_cast<double>(hi) + 1.0) return std::nullopt;
    return static_cast<int64_t>(v.number);
}

std::string shown_value(const json_value& v) {
    std::string text = dump_json(to_ojson(v));
    // Messages are one sentence: a pasted document as a value is cut short.
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

}  // namespace revdiag
