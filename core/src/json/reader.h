// Private: a small JSON reader for process documents that keeps what nlohmann's
// non-throwing interfaces do not give: the line and column of every value and
// key, duplicate keys (nlohmann silently keeps the last), and a depth bound.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/error.h"

namespace revdiag::process_detail {

struct jmember;

struct jvalue {
    enum kind_t : uint8_t { null_v, bool_v, number_v, string_v, array_v, object_v };
    kind_t kind = null_v;
    bool boolean = false;
    double number = 0;
    bool integral = false;  // a number written without fraction or exponent
    bool plain = false;     // a string written with no escapes (its columns map 1:1)
    std::string text;       // string value
    std::vector<jvalue> items;
    std::vector<jmember> members;
    uint32_t line = 0;  // 1-based position of the value's first character
    uint32_t column = 0;
};

struct jmember {
    std::string key;
    uint32_t line = 0;  // position of the key
    uint32_t column = 0;
    jvalue value;
};

/// "object", "array", "text", "number", "true/false", "null".
std::string_view kind_name(jvalue::kind_t k);

/// Nesting a process document may use; real ones need 4.
constexpr int max_json_depth = 32;

/// Parse a whole document. Errors: process.json (with line and column),
/// process.too_deep, process.duplicate_key (with the pointer of the repeated key).
result<jvalue> read_json(std::string_view text);

/// `key` escaped for a JSON pointer (~ -> ~0, / -> ~1).
std::string pointer_token(std::string_view key);

}  // namespace revdiag::process_detail
