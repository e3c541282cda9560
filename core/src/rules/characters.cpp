// Naming the character a rule cannot use. A name pasted from a document can hold
// a letter that looks Latin but is not (Cyrillic а in `amаunt`), a typographic
// quote or a space of another kind; shown raw, the message would quote what
// looks like valid text. So the character is named by its code point, with its
// Unicode name and the ASCII it imitates when it is a known look-alike.
#include <cstdio>

#include "rules/lexer.h"

namespace revdiag::rules_detail {

namespace {

struct look_alike {
    uint32_t code;
    const char* name;
    const char* looks_like;  // "" when it imitates nothing in particular
};

// Letters of other scripts drawn like ASCII letters, and the punctuation and
// spaces that word processors substitute. Sorted by code point.
constexpr look_alike look_alikes[] = {
    {0x00A0, "NO-BREAK SPACE", " "},
    {0x0391, "GREEK CAPITAL LETTER ALPHA", "A"},
    {0x0392, "GREEK CAPITAL LETTER BETA", "B"},
    {0x0395, "GREEK CAPITAL LETTER EPSILON", "E"},
    {0x0396, "GREEK CAPITAL LETTER ZETA", "Z"},
    {0x0397, "GREEK CAPITAL LETTER ETA", "H"},
    {0x0399, "GREEK CAPITAL LETTER IOTA", "I"},
    {0x039A, "GREEK CAPITAL LETTER KAPPA", "K"},
    {0x039C, "GREEK CAPITAL LETTER MU", "M"},
    {0x039D, "GREEK CAPITAL LETTER NU", "N"},
    {0x039F, "GREEK CAPITAL LETTER OMICRON", "O"},
    {0x03A1, "GREEK CAPITAL LETTER RHO", "P"},
    {0x03A4, "GREEK CAPITAL LETTER TAU", "T"},
    {0x03A5, "GREEK CAPITAL LETTER UPSILON", "Y"},
    {0x03A7, "GREEK CAPITAL LETTER CHI", "X"},
    {0x03B1, "GREEK SMALL LETTER ALPHA", "a"},
    {0x03B9, "GREEK SMALL LETTER IOTA", "i"},
    {0x03BA, "GREEK SMALL LETTER KAPPA", "k"},
    {0x03BD, "GREEK SMALL LETTER NU", "v"},
    {0x03BF, "GREEK SMALL LETTER OMICRON", "o"},
    {0x03C1, "GREEK SMALL LETTER RHO", "p"},
    {0x0405, "CYRILLIC CAPITAL LETTER DZE", "S"},
    {0x0406, "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I", "I"},
    {0x0408, "CYRILLIC CAPITAL LETTER JE", "J"},
    {0x0410, "CYRILLIC CAPITAL LETTER A", "A"},
    {0x0412, "CYRILLIC CAPITAL LETTER VE", "B"},
    {0x0415, "CYRILLIC CAPITAL LETTER IE", "E"},
    {0x041A, "CYRILLIC CAPITAL LETTER KA", "K"},
    {0x041C, "CYRILLIC CAPITAL LETTER EM", "M"},
    {0x041D, "CYRILLIC CAPITAL LETTER EN", "H"},
    {0x041E, "CYRILLIC CAPITAL LETTER O", "O"},
    {0x0420, "CYRILLIC CAPITAL LETTER ER", "P"},
    {0x0421, "CYRILLIC CAPITAL LETTER ES", "C"},
    {0x0422, "CYRILLIC CAPITAL LETTER TE", "T"},
    {0x0423, "CYRILLIC CAPITAL LETTER U", "Y"},
    {0x0425, "CYRILLIC CAPITAL LETTER HA", "X"},
    {0x0430, "CYRILLIC SMALL LETTER A", "a"},
    {0x0435, "CYRILLIC SMALL LETTER IE", "e"},
    {0x043E, "CYRILLIC SMALL LETTER O", "o"},
    {0x0440, "CYRILLIC SMALL LETTER ER", "p"},
    {0x0441, "CYRILLIC SMALL LETTER ES", "c"},
    {0x0443, "CYRILLIC SMALL LETTER U", "y"},
    {0x0445, "CYRILLIC SMALL LETTER HA", "x"},
    {0x0455, "CYRILLIC SMALL LETTER DZE", "s"},
    {0x0456, "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", "i"},
    {0x0458, "CYRILLIC SMALL LETTER JE", "j"},
    {0x04BB, "CYRILLIC SMALL LETTER SHHA", "h"},
    {0x0501, "CYRILLIC SMALL LETTER KOMI DE", "d"},
    {0x200B, "ZERO WIDTH SPACE", ""},
    {0x2013, "EN DASH", "-"},
    {0x2018, "LEFT SINGLE QUOTATION MARK", "'"},
    {0x2019, "RIGHT SINGLE QUOTATION MARK", "'"},
    {0x201C, "LEFT DOUBLE QUOTATION MARK", "\""},
    {0x201D, "RIGHT DOUBLE QUOTATION MARK", "\""},
    {0x2212, "MINUS SIGN", "-"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE", ""},
};

// The code point of the well-formed UTF-8 sequence at s[i] and its length, or
// false for a byte that starts no such sequence.
bool decode_at(std::string_view s, size_t i, uint32_t& code, size_t& len) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b = byte(i);
    len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    code = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return false;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    return code >= least[len] && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
}

}  // namespace

std::string describe_character(std::string_view s, size_t i) {
    uint32_t code = 0;
    size_t len = 0;
    char hex[16];
    if (!decode_at(s, i, code, len)) {
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
        return std::string("(byte ") + hex + ", not UTF-8)";
    }
    // Control characters, spaces and zero-width characters are named only:
    // quoting them shows nothing, or what looks like an ASCII space.
    const bool visible = code > 0x20 && code != 0x7F && !(code >= 0x80 && code <= 0xA0) &&
                         !(code >= 0x2000 && code <= 0x200F) && !(code >= 0x2028 && code <= 0x202F) &&
                         code != 0x205F && code != 0x3000 && code != 0xFEFF;
    if (visible && code < 0x80) return "`" + std::string(1, s[i]) + "`";
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code));
    std::string out = visible ? "`" + std::string(s.substr(i, len)) + "` (" + hex : std::string("(") + hex;
    if (code >= 0xFF21 && code <= 0xFF5A && (code <= 0xFF3A || code >= 0xFF41)) {
        const bool small = code >= 0xFF41;
        const char letter = static_cast<char>(small ? 'a' + (code - 0xFF41) : 'A' + (code - 0xFF21));
        return out + " FULLWIDTH LATIN " + (small ? "SMALL" : "CAPITAL") + " LETTER " +
               static_cast<char>(small ? letter - 'a' + 'A' : letter) + ", not the ASCII " + letter + ")";
    }
    for (const look_alike& l : look_alikes) {
        if (l.code != code) continue;
        out += std::string(" ") + l.name;
        const std::string_view like = l.looks_like;
        if (like == " ") return out + ", not an ASCII space)";
        if (!like.empty()) return out + ", not the ASCII " + std::string(like) + ")";
        return out + ")";
    }
    return out + (code >= 0x80 ? ": rules are written in ASCII outside quoted text)" : ")");
}

}  // namespace revdiag::rules_detail
