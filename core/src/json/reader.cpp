#include "json/reader.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>

namespace revdiag {

std::string_view kind_name(json_value::kind_t k) {
    switch (k) {
        case json_value::null_v:
            return "null";
        case json_value::bool_v:
            return "true/false";
        case json_value::number_v:
            return "number";
        case json_value::string_v:
            return "text";
        case json_value::array_v:
            return "array";
        case json_value::object_v:
            return "object";
    }
    return "null";
}

std::string pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string shown_key(std::string_view key) {
    constexpr size_t most = 60;
    if (key.size() <= most) return std::string(key);
    size_t cut = most;
    while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
    return std::string(key.substr(0, cut)) + "...";
}

const json_value* json_value::find(std::string_view key) const {
    for (const json_member& m : members)
        if (m.key == key) return &m.value;
    return nullptr;
}

namespace {

std::string noun_of(const json_source& source) {
    return std::string(source.noun);
}

class reader {
public:
    reader(std::string_view text, const json_source& source) : s_(text), source_(source) {}

    result<json_value> run() {
        // A UTF-8 byte order mark is how some editors save JSON; it is not content.
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
        json_value root;
        skip_space();
        parse_value(root, "", 0);
        if (!failed_) {
            skip_space();
            if (i_ < s_.size())
                fail_here("unexpected `" + std::string(1, s_[i_]) + "` after the end of the document");
        }
        if (failed_) return err_;
        return root;
    }

private:
    void fail_at(std::string code, uint32_t line, uint32_t column, std::string message,
                 std::string pointer = {}) {
        if (failed_) return;
        failed_ = true;
        err_ = make_error(std::string(source_.name) + "." + code, std::move(message),
                          location{std::string(source_.name), line, column, std::move(pointer), ""});
    }
    void fail_here(const std::string& what) {
        fail_at("json", line_, col_,
                "Not valid JSON in " + noun_of(source_) + " at line " + std::to_string(line_) + ", column " +
                    std::to_string(col_) + ": " + what + ".");
    }

    void advance() {
        if (i_ >= s_.size()) return;
        const unsigned char c = static_cast<unsigned char>(s_[i_++]);
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++col_;
        }
    }
    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
            advance();
    }

    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        for (size_t k = 0; k < word.size(); ++k) advance();
        return true;
    }

    void parse_value(json_value& v, const std::string& pointer, int depth) {
        v.line = line_;
        v.column = col_;
        if (i_ >= s_.size()) return fail_here("the document ends where a value was expected");
        const char c = s_[i_];
        if (c == '{' || c == '[') {
            if (depth >= max_json_depth)
                return fail_at("too_deep", line_, col_,
                               "JSON nested more than " + std::to_string(max_json_depth) +
                                   " levels deep in " + noun_of(source_) + ".",
                               pointer);
            if (c == '{') return parse_object(v, pointer, depth + 1);
            return parse_array(v, pointer, depth + 1);
        }
        if (c == '"') {
            v.kind = json_value::string_v;
            parse_string(v.text, v.plain);
            return;
        }
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number(v);
        if (literal("true")) {
            v.kind = json_value::bool_v;
            v.boolean = true;
            return;
        }
        if (literal("false")) {
            v.kind = json_value::bool_v;
            return;
        }
        if (literal("null")) return;
        fail_here("expected a value, found `" + std::string(1, c) + "`");
    }

    void parse_object(json_value& v, const std::string& pointer, int depth) {
        v.kind = json_value::object_v;
        advance();  // {
        skip_space();
        if (i_ < s_.size() && s_[i_] == '}') return advance();
        std::unordered_map<std::string, size_t> seen;
        while (!failed_) {
            skip_space();
            if (i_ >= s_.size() || s_[i_] != '"') return fail_here("expected a key in double quotes");
            json_member m;
            m.line = line_;
            m.column = col_;
            bool plain = false;
            parse_string(m.key, plain);
            if (failed_) return;
            const std::string child = pointer + "/" + pointer_token(m.key);
            if (const json_member* other = duplicate_of(v.members, m.key, seen))
                return fail_at("duplicate_key", m.line, m.column,
                               "The key `" + shown_key(m.key) + "` appears twice in the same object of " +
                                   noun_of(source_) + " (first at line " + std::to_string(other->line) + ").",
                               child);
            skip_space();
            if (i_ >= s_.size() || s_[i_] != ':') return fail_here("expected `:` after the key");
            advance();
            skip_space();
            parse_value(m.value, child, depth);
            if (failed_) return;
            v.members.push_back(std::move(m));
            skip_space();
            if (i_ < s_.size() && s_[i_] == ',') {
                advance();
                continue;
            }
            if (i_ < s_.size() && s_[i_] == '}') return advance();
            return fail_here("expected `,` or `}` in an object");
        }
    }

    void parse_array(json_value& v, const std::string& pointer, int depth) {
        v.kind = json_value::array_v;
        advance();  // [
        skip_space();
        if (i_ < s_.size() && s_[i_] == ']') return advance();
        while (!failed_) {
            skip_space();
            json_value item;
            parse_value(item, pointer + "/" + std::to_string(v.items.size()), depth);
            if (failed_) return;
            v.items.push_back(std::move(item));
            skip_space();
            if (i_ < s_.size() && s_[i_] == ',') {
                advance();
                continue;
            }
            if (i_ < s_.size() && s_[i_] == ']') return advance();
            return fail_here("expected `,` or `]` in an array");
        }
    }

    static void append_utf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(uint32_t& out) {
        out = 0;
        for (int k = 0; k < 4; ++k) {
            if (i_ >= s_.size()) return false;
            const char h = s_[i_];
            uint32_t d = 0;
            if (h >= '0' && h <= '9')
                d = static_cast<uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                d = static_cast<uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                d = static_cast<uint32_t>(h - 'A' + 10);
            else
                return false;
            out = out * 16 + d;
            advance();
        }
        return true;
    }

    void parse_string(std::string& out, bool& plain) {
        plain = true;
        advance();  // opening quote
        while (true) {
            if (i_ >= s_.size()) return fail_here("a text value has no closing quote");
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') return advance();
            if (c < 0x20)
                return fail_here("a control character (such as a raw line break) sits inside a text value");
            if (c != '\\') {
                out += static_cast<char>(c);
                advance();
                continue;
            }
            plain = false;
            advance();
            if (i_ >= s_.size()) return fail_here("a text value has no closing quote");
            const char e = s_[i_];
            advance();
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    uint32_t cp = 0;
                    if (!hex4(cp)) return fail_here("`\\u` needs four hex digits");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t low = 0;
                        if (!(literal("\\u") && hex4(low) && low >= 0xDC00 && low <= 0xDFFF))
                            return fail_here("a UTF-16 surrogate has no partner");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail_here("a UTF-16 surrogate has no partner");
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    return fail_here("`\\" + std::string(1, e) + "` is not a JSON escape");
            }
        }
    }

    void parse_number(json_value& v) {
        const size_t start = i_;
        auto digits = [&] {
            size_t n = 0;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') advance(), ++n;
            return n;
        };
        v.integral = true;
        if (s_[i_] == '-') advance();
        if (i_ < s_.size() && s_[i_] == '0') {
            advance();
        } else if (digits() == 0) {
            return fail_here("a number needs digits");
        }
        if (i_ < s_.size() && s_[i_] == '.') {
            advance();
            v.integral = false;
            if (digits() == 0) return fail_here("a number needs digits after `.`");
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            advance();
            v.integral = false;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) advance();
            if (digits() == 0) return fail_here("a number needs digits in its exponent");
        }
        // strtod on a NUL-terminated copy; the engine never changes the "C" locale.
        const std::string copy(s_.substr(start, i_ - start));
        v.kind = json_value::number_v;
        v.number = std::strtod(copy.c_str(), nullptr);
        if (!std::isfinite(v.number)) return fail_here("the number " + copy + " is too large");
        // Whole numbers keep their exact value where a double would round (a 64-bit seed).
        if (!v.integral) return;
        v.exact = true;
        for (const char c : copy) {
            if (c == '-') continue;
            const uint64_t d = static_cast<uint64_t>(c - '0');
            if (v.magnitude > (UINT64_MAX - d) / 10) {
                v.exact = false;
                return;
            }
            v.magnitude = v.magnitude * 10 + d;
        }
    }

    // The member already read under `key`: a scan for small objects, a hash index
    // once an object is large, so a hostile 100k-key object stays linear.
    static const json_member* duplicate_of(const std::vector<json_member>& members, const std::string& key,
                                           std::unordered_map<std::string, size_t>& seen) {
        constexpr size_t scan_limit = 16;
        if (members.size() < scan_limit) {
            for (const json_member& other : members)
                if (other.key == key) return &other;
            return nullptr;
        }
        for (size_t k = seen.size(); k < members.size(); ++k) seen.emplace(members[k].key, k);
        const auto it = seen.find(key);
        return it == seen.end() ? nullptr : &members[it->second];
    }

    std::string_view s_;
    const json_source& source_;
    size_t i_ = 0;
    uint32_t line_ = 1;
    uint32_t col_ = 1;
    bool failed_ = false;
    error err_;
};

}  // namespace

result<json_value> read_json(std::string_view text, const json_source& source) {
    return reader(text, source).run();
}

result<json_value> read_json_object(std::string_view text, const json_source& source) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        json_value empty;
        empty.kind = json_value::object_v;
        empty.line = 1;
        empty.column = 1;
        return empty;
    }
    result<json_value> doc = read_json(text, source);
    if (doc && !doc->is_object()) {
        std::string noun(source.noun);
        noun[0] = static_cast<char>(noun[0] - 'a' + 'A');
        return make_error(std::string(source.name) + ".type",
                          noun + " must be a JSON object, got " + std::string(kind_name(doc->kind)) + ".",
                          location{std::string(source.name), doc->line, doc->column, "", ""});
    }
    return doc;
}

}  // namespace revdiag
