// Private: the one JSON reader of the engine. Every JSON input (process, api
// options, diagnostic answers, question banks, deal queries) is read here into a
// tree that keeps what nlohmann's non-throwing interfaces do not give: the line
// and column (in code points) of every value and key, duplicate keys as errors
// (nlohmann silently keeps the last), and one depth bound. nlohmann only writes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/error.h"

namespace revdiag {

/// Which input a document is: `name` prefixes its error codes (`options.json`)
/// and is the location's source; `noun` names it in messages ("the options").
/// `within`, when set, is the source of the document that holds this one (a
/// process inside audit options keeps process.* codes but points into "options").
struct json_source {
    std::string_view name;
    std::string_view noun;
    std::string_view within = {};
    std::string_view location_source() const { return within.empty() ? name : within; }
};

inline constexpr json_source process_input{"process", "the process"};
inline constexpr json_source options_input{"options", "the options"};
inline constexpr json_source answers_input{"answers", "the answers file"};
inline constexpr json_source bank_input{"bank", "the question bank"};
inline constexpr json_source query_input{"query", "the query"};
inline constexpr json_source process_in_options{"process", "the process", "options"};

struct json_member;

struct json_value {
    enum kind_t : uint8_t { null_v, bool_v, number_v, string_v, array_v, object_v };
    kind_t kind = null_v;
    bool boolean = false;
    bool integral = false;  // a number written without fraction or exponent
    bool plain = false;     // a string written with no escapes (its columns map 1:1)
    bool exact = false;     // integral, and its absolute value fits `magnitude` exactly
    uint32_t line = 0;      // 1-based position of the value's first character
    uint32_t column = 0;    // in code points
    double number = 0;
    uint64_t magnitude = 0;  // |number| without rounding, when `exact` (the sign is number's)
    std::string text;        // string value
    std::vector<json_value> items;
    std::vector<json_member> members;

    bool is_object() const { return kind == object_v; }
    bool is_array() const { return kind == array_v; }
    bool is_string() const { return kind == string_v; }
    bool is_number() const { return kind == number_v; }
    bool is_bool() const { return kind == bool_v; }
    /// The member `key` of an object, or nullptr (also when this is no object).
    const json_value* find(std::string_view key) const;
};

struct json_member {
    std::string key;
    uint32_t line = 0;  // position of the key
    uint32_t column = 0;
    json_value value;
};

/// "object", "array", "text", "number", "true/false", "null".
std::string_view kind_name(json_value::kind_t k);

/// Nesting any input may use; real documents need 6 (a process inside options: 5).
constexpr int max_json_depth = 32;

/// Read a whole document. Errors: <source>.json (syntax, with line and column),
/// <source>.too_deep, <source>.duplicate_key (with the pointer of the repeated key).
result<json_value> read_json(std::string_view text, const json_source& source);

/// read_json of a document that must be an object; blank text reads as {}.
/// Errors: read_json's, and <source>.type when it is not an object.
result<json_value> read_json_object(std::string_view text, const json_source& source);

/// A key as messages show it: cut past 60 bytes (on a character boundary), so a
/// hostile megabyte-long key never floods a one-sentence message.
std::string shown_key(std::string_view key);

/// `key` escaped for a JSON pointer (~ -> ~0, / -> ~1, RFC 6901).
std::string pointer_token(std::string_view key);

}  // namespace revdiag
