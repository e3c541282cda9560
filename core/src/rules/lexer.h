// Private: the tokens of the rule language, with byte offsets for error columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/error.h"

namespace revdiag::rules_detail {

enum class tok : uint8_t {
    number,
    text,
    date,
    ident,
    lparen,
    rparen,
    comma,
    plus,
    minus,
    eq,
    ne,
    lt,
    le,
    gt,
    ge,
    end,
};

struct token {
    tok kind = tok::end;
    uint32_t start = 0;  // byte offsets into the rule text
    uint32_t end = 0;
    std::string text;   // identifier (lower-cased) or unescaped string literal
    double number = 0;  // number literal, or the day of a date literal
};

/// 1-based character column of a byte offset (UTF-8 continuation bytes do not count).
uint32_t column_of(std::string_view text, uint32_t offset);

/// The character at s[i] for an error message: quoted when visible ASCII, else
/// also named by code point ("`а` (U+0430 CYRILLIC SMALL LETTER A, not the ASCII a)").
std::string describe_character(std::string_view s, size_t i);

/// `+`, `==` … of an operator token, "?" for any other.
std::string_view op_text(tok k);

/// rule.syntax at the innermost `(` the tokens never close, if any: checked
/// before parsing, so an unclosed group is not reported as what follows it.
std::optional<error> check_parentheses(std::string_view text, const std::vector<token>& toks);

/// The expression's tokens, ending with tok::end. Errors: rule.syntax.
result<std::vector<token>> lex_rule(std::string_view text);

}  // namespace revdiag::rules_detail
