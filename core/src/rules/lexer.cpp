#include "rules/lexer.h"

#include <cmath>
#include <cstdlib>

#include "revdiag/date.h"
#include "revdiag/rules.h"

namespace revdiag::rules_detail {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(char c) {
    return is_ident_start(c) || is_digit(c);
}
char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

error syntax_error(std::string_view text, size_t offset, const std::string& what) {
    const uint32_t col = column_of(text, static_cast<uint32_t>(offset));
    return make_error("rule.syntax", "At column " + std::to_string(col) + ": " + what + ".",
                      location{"rule", 0, col, "", ""});
}

// A date literal is exactly YYYY-MM-DD not glued to more digits or letters; it
// wins over subtraction, so `2026-03-04` is a day, never 2026 minus 3 minus 4.
bool looks_like_date(std::string_view s, size_t i) {
    if (i + 10 > s.size()) return false;
    for (size_t k = 0; k < 10; ++k) {
        const char c = s[i + k];
        if (k == 4 || k == 7) {
            if (c != '-') return false;
        } else if (!is_digit(c)) {
            return false;
        }
    }
    return i + 10 == s.size() || !(is_ident_char(s[i + 10]) || s[i + 10] == '.');
}

std::string snippet(std::string_view s, size_t from, size_t to) {
    std::string out(s.substr(from, to - from));
    if (out.size() > 40) out = out.substr(0, 40) + "…";
    return out;
}

}  // namespace

uint32_t column_of(std::string_view text, uint32_t offset) {
    uint32_t col = 1;
    for (uint32_t i = 0; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    return col;
}

std::string_view op_text(tok k) {
    switch (k) {
        case tok::eq:
            return "==";
        case tok::ne:
            return "!=";
        case tok::lt:
            return "<";
        case tok::le:
            return "<=";
        case tok::gt:
            return ">";
        case tok::ge:
            return ">=";
        case tok::plus:
            return "+";
        case tok::minus:
            return "-";
        default:
            return "?";
    }
}

std::optional<error> check_parentheses(std::string_view text, const std::vector<token>& toks) {
    std::vector<uint32_t> open;
    for (const token& t : toks) {
        if (t.kind == tok::lparen) {
            open.push_back(t.start);
        } else if (t.kind == tok::rparen) {
            if (open.empty()) return std::nullopt;  // a stray `)`: the parser says where
            open.pop_back();
        }
    }
    if (open.empty()) return std::nullopt;
    return syntax_error(text, open.back(), "this `(` is never closed: add a `)` where its group ends");
}

result<std::vector<token>> lex_rule(std::string_view s) {
    std::vector<token> out;
    size_t i = 0;
    while (true) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        token t;
        t.start = static_cast<uint32_t>(i);
        if (i >= s.size()) {
            t.kind = tok::end;
            t.end = t.start;
            out.push_back(std::move(t));
            return out;
        }
        const char c = s[i];
        if (looks_like_date(s, i)) {
            const std::optional<day_t> d = parse_iso_date(s.substr(i, 10));
            if (!d)
                return syntax_error(s, i, "`" + std::string(s.substr(i, 10)) + "` is not a calendar date");
            t.kind = tok::date;
            t.number = *d;
            i += 10;
        } else if (is_digit(c)) {
            size_t j = i;
            while (j < s.size() && is_digit(s[j])) ++j;
            if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
                ++j;
                while (j < s.size() && is_digit(s[j])) ++j;
            }
            if (j < s.size() && (is_ident_char(s[j]) || s[j] == '.'))
                return syntax_error(s, i, "`" + snippet(s, i, j + 1) + "` is not a number");
            if (j - i > 30) return syntax_error(s, i, "the number `" + snippet(s, i, j) + "` is too long");
            // strtod on a NUL-terminated copy: the rule text is not NUL-terminated,
            // and the engine runs in the "C" locale, so '.' is the decimal point.
            const std::string digits(s.substr(i, j - i));
            t.kind = tok::number;
            t.number = std::strtod(digits.c_str(), nullptr);
            i = j;
        } else if (is_ident_start(c)) {
            size_t j = i;
            while (j < s.size() && is_ident_char(s[j])) ++j;
            if (j - i > max_rule_name_bytes) {
                const uint32_t col = column_of(s, static_cast<uint32_t>(i));
                return make_error("rule.name_too_long",
                                  "At column " + std::to_string(col) + ": the name `" +
                                      std::string(s.substr(i, 20)) + "\xE2\x80\xA6` is " +
                                      std::to_string(j - i) + " characters long; a name may have at most " +
                                      std::to_string(max_rule_name_bytes) + ".",
                                  location{"rule", 0, col, "", ""});
            }
            t.kind = tok::ident;
            for (size_t k = i; k < j; ++k) t.text.push_back(ascii_lower(s[k]));
            i = j;
        } else if (c == '"' || c == '\'') {
            size_t j = i + 1;
            bool closed = false;
            while (j < s.size()) {
                if (s[j] == '\\' && j + 1 < s.size() && (s[j + 1] == c || s[j + 1] == '\\')) {
                    t.text.push_back(s[j + 1]);
                    j += 2;
                } else if (s[j] == c) {
                    closed = true;
                    ++j;
                    break;
                } else {
                    t.text.push_back(s[j++]);
                }
            }
            if (!closed) return syntax_error(s, i, std::string("the text starting here has no closing ") + c);
            t.kind = tok::text;
            i = j;
        } else {
            const char n = i + 1 < s.size() ? s[i + 1] : '\0';
            size_t len = 1;
            switch (c) {
                case '(':
                    t.kind = tok::lparen;
                    break;
                case ')':
                    t.kind = tok::rparen;
                    break;
                case ',':
                    t.kind = tok::comma;
                    break;
                case '+':
                    t.kind = tok::plus;
                    break;
                case '-':
                    t.kind = tok::minus;
                    break;
                case '<':
                    t.kind = n == '=' ? tok::le : tok::lt;
                    len = n == '=' ? 2 : 1;
                    break;
                case '>':
                    t.kind = n == '=' ? tok::ge : tok::gt;
                    len = n == '=' ? 2 : 1;
                    break;
                case '=':
                    if (n != '=') return syntax_error(s, i, "a single `=` compares nothing: write `==`");
                    t.kind = tok::eq;
                    len = 2;
                    break;
                case '!':
                    if (n != '=') return syntax_error(s, i, "`!` is not an operator: write `not`");
                    t.kind = tok::ne;
                    len = 2;
                    break;
                case '&':
                    return syntax_error(s, i, "`&` is not an operator: write `and`");
                case '|':
                    return syntax_error(s, i, "`|` is not an operator: write `or`");
                default:
                    return syntax_error(s, i, "unexpected character " + describe_character(s, i));
            }
            i += len;
        }
        t.end = static_cast<uint32_t>(i);
        out.push_back(std::move(t));
    }
}

}  // namespace revdiag::rules_detail
