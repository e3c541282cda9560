// Errors and warnings with a location, and result<T>, the expected-shaped return
// type of every fallible function in core. Core never throws: a failure is a value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace revdiag {

/// Where something happened: a CSV line and column (1-based), a JSON pointer,
/// or a column inside a rule expression. Unused parts stay empty / zero.
struct location {
    std::string source;        // "csv", "process", "answers", "options", "rule", ...
    uint32_t line = 0;         // 1-based physical line, 0 = none
    uint32_t column = 0;       // 1-based column (CSV field index or character column), 0 = none
    std::string pointer;       // JSON pointer such as /stages/2/criteria/0/rule
    std::string field;         // a header, canonical field, stage or criterion id when it helps
    uint32_t rule_column = 0;  // 1-based column inside the rule expression at `pointer`, 0 = none
};

/// A stable dotted code (`csv.unterminated_quote`), one sentence naming the
/// offending value, and where it was found. Warnings share the shape.
struct error {
    std::string code;
    std::string message;
    location at;
    /// Further errors of the same input found after this one (a process or an
    /// answers file reports every independent mistake, capped), each with its place.
    std::vector<error> also;
};
/// The most errors one input reports (this one and `also`).
inline constexpr size_t max_reported_errors = 20;
using warning = error;

inline error make_error(std::string code, std::string message, location at = {}) {
    return error{std::move(code), std::move(message), std::move(at), {}};
}

/// Record `e` as the first error, or as one more of it while fewer than
/// max_reported_errors are kept.
inline void add_error(std::optional<error>& first, error e) {
    if (!first)
        first = std::move(e);
    else if (first->also.size() + 1 < max_reported_errors)
        first->also.push_back(std::move(e));
}

/// Either a T or an error; the names follow std::expected so a later switch is a rename.
template <class T>
class result {
public:
    result(T value) : v_(std::move(value)) {}                      // NOLINT: implicit by design
    result(error e) : v_(std::in_place_index<1>, std::move(e)) {}  // NOLINT
    bool has_value() const { return v_.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const error& error_value() const { return std::get<1>(v_); }
    const error& err() const { return std::get<1>(v_); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T& operator*() { return std::get<0>(v_); }
    const T& operator*() const { return std::get<0>(v_); }

private:
    std::variant<T, error> v_;
};

}  // namespace revdiag
