// Private: reading the members of one JSON object of an input, so that every
// module names its members the same way: pointers are escaped here, errors carry
// the input's code prefix, the value's line and column and its pointer, and
// unknown keys are refused in one message style.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/reader.h"

namespace revdiag {

/// `base` + "/" + the escaped `key`; the one place pointers grow by a key.
std::string child_pointer(const std::string& base, std::string_view key);
/// `base` + "/" + `index`.
std::string child_pointer(const std::string& base, size_t index);

/// An error of code <source>.<code> located at `at` (its line and column) and `pointer`.
error json_error(const json_source& source, std::string_view code, const json_value& at, std::string pointer,
                 std::string message, std::string field = {});

/// The candidate within a small edit distance of `word` (case ignored), or "".
std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates);

/// One object of an input document, read member by member.
class json_object_reader {
public:
    /// `object` must outlive the reader; `pointer` is the object's own pointer ("" for the root).
    json_object_reader(const json_value& object, const json_source& source, std::string pointer);

    const json_value& object() const { return obj_; }
    const std::string& pointer() const { return pointer_; }
    const json_source& source() const { return source_; }
    /// The escaped pointer of member `key`.
    std::string pointer_of(std::string_view key) const { return child_pointer(pointer_, key); }

    /// <source>.unknown_key at the first member not in `allowed`, suggesting the
    /// closest allowed key or listing them; `where` names the object ("the stage").
    std::optional<error> unknown_keys(std::initializer_list<std::string_view> allowed,
                                      std::string_view where) const;
    /// The member, or nullptr.
    const json_value* optional(std::string_view key) const { return obj_.find(key); }
    /// The member; when absent, <source>.missing at the object naming `what`
    /// ("The stage at /stages/2 has no `id`.") and nullptr.
    const json_value* required(std::string_view key, std::string_view what, std::optional<error>& err) const;
    /// An error at member `key`'s value (or at the object when absent).
    error error_at(std::string_view code, std::string_view key, std::string message,
                   std::string field = {}) const;

private:
    const json_value& obj_;
    const json_source& source_;
    std::string pointer_;
};

/// "an object", "an array", "a text", "a number", "true or false", "null".
std::string_view kind_article(json_value::kind_t k);

/// <source>.type when `v` is not of `kind`: "<pointer> must be an array, got text."
std::optional<error> expect_kind(const json_source& source, const json_value& v, json_value::kind_t kind,
                                 const std::string& pointer);

/// A whole number within [lo, hi], or nullopt. `exact_form`: written without
/// fraction or exponent (1, not 1.0), as api options ask; else any whole value.
std::optional<int64_t> whole_number(const json_value& v, int64_t lo, int64_t hi, bool exact_form = true);

/// Compact JSON of a value for messages, cut short past 60 characters.
std::string shown_value(const json_value& v);

}  // namespace revdiag
