#include "common/stage_key.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace revdiag {

namespace {

struct range {
    char32_t first;
    char32_t last;
};

// Code points that are neither letters nor digits, in order. Blocks of
// punctuation, symbols and marks; a letter inside such a block (U+3005 々) is
// listed around, not inside.
constexpr range dropped[] = {
    {0x0080, 0x00A9},   {0x00AB, 0x00B1},   {0x00B4, 0x00B4}, {0x00B6, 0x00B8}, {0x00BB, 0x00BB},
    {0x00BF, 0x00BF},   {0x00D7, 0x00D7},   {0x00F7, 0x00F7}, {0x02C2, 0x02C5}, {0x02D2, 0x02DF},
    {0x02E5, 0x02EB},   {0x02ED, 0x02ED},   {0x02EF, 0x036F}, {0x0375, 0x0375}, {0x037E, 0x037E},
    {0x0384, 0x0385},   {0x0387, 0x0387},   {0x03F6, 0x03F6}, {0x0482, 0x0489}, {0x055A, 0x055F},
    {0x0589, 0x058A},   {0x058D, 0x058F},   {0x0591, 0x05C7}, {0x05F3, 0x05F4}, {0x0600, 0x061F},
    {0x064B, 0x065F},   {0x066A, 0x066D},   {0x0670, 0x0670}, {0x06D4, 0x06D4}, {0x06D6, 0x06E4},
    {0x06E7, 0x06ED},   {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF}, {0x2000, 0x206F}, {0x20A0, 0x20FF},
    {0x2190, 0x2BFF},   {0x2E00, 0x2E7F},   {0x3000, 0x3004}, {0x3008, 0x3020}, {0x302A, 0x3030},
    {0x3036, 0x3037},   {0x303D, 0x303F},   {0xFE00, 0xFE0F}, {0xFE10, 0xFE6F}, {0xFEFF, 0xFEFF},
    {0xFF01, 0xFF0F},   {0xFF1A, 0xFF20},   {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF},
    {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},
};

bool is_dropped(char32_t c) {
    const auto it = std::upper_bound(std::begin(dropped), std::end(dropped), c,
                                     [](char32_t v, const range& r) { return v < r.first; });
    return it != std::begin(dropped) && c <= std::prev(it)->last;
}

bool in(char32_t c, char32_t first, char32_t last) {
    return c >= first && c <= last;
}

// Upper case at even code points, lower case at the odd one after it.
char32_t even_pair(char32_t c) {
    return c | 1u;
}
// Upper case at odd code points, lower case at the even one after it.
char32_t odd_pair(char32_t c) {
    return (c & 1u) ? c + 1 : c;
}

char32_t fold_latin(char32_t c) {
    if (c < 0x100) {
        if (in(c, 0xC0, 0xDE) && c != 0xD7) return c + 0x20;
        return c == 0xB5 ? 0x3BC : c;  // micro sign -> Greek mu
    }
    if (c < 0x180) {
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        if (c == 0x17F) return 's';
        if (in(c, 0x100, 0x12F) || in(c, 0x132, 0x137) || in(c, 0x14A, 0x177)) return even_pair(c);
        if (in(c, 0x139, 0x148) || in(c, 0x179, 0x17E)) return odd_pair(c);
        return c;
    }
    // Latin Extended-B: the regular pairs (Vietnamese horn, pinyin caron, Romanian comma below).
    if (in(c, 0x1A0, 0x1A5) || in(c, 0x1DE, 0x1EF) || in(c, 0x1F8, 0x21F) || in(c, 0x222, 0x233))
        return even_pair(c);
    if (c == 0x1AF) return 0x1B0;
    if (in(c, 0x1CD, 0x1DC)) return odd_pair(c);
    return c;
}

char32_t fold_greek(char32_t c) {
    if (in(c, 0x391, 0x3A1) || in(c, 0x3A3, 0x3AB)) return c + 0x20;
    if (in(c, 0x388, 0x38A)) return c + 37;
    if (in(c, 0x38E, 0x38F)) return c + 63;
    if (in(c, 0x370, 0x373) || in(c, 0x376, 0x377) || in(c, 0x3D8, 0x3EF)) return even_pair(c);
    if (in(c, 0x3FD, 0x3FF)) return c - 0x82;
    switch (c) {
        case 0x37F:
            return 0x3F3;
        case 0x386:
            return 0x3AC;
        case 0x38C:
            return 0x3CC;
        case 0x3C2:
            return 0x3C3;  // final sigma
        case 0x3CF:
            return 0x3D7;
        case 0x3D0:
            return 0x3B2;
        case 0x3D1:
        case 0x3F4:
            return 0x3B8;
        case 0x3D5:
            return 0x3C6;
        case 0x3D6:
            return 0x3C0;
        case 0x3F0:
            return 0x3BA;
        case 0x3F1:
            return 0x3C1;
        case 0x3F5:
            return 0x3B5;
        case 0x3F7:
        case 0x3FA:
            return c + 1;
        case 0x3F9:
            return 0x3F2;
        default:
            return c;
    }
}

char32_t fold_cyrillic(char32_t c) {
    if (in(c, 0x400, 0x40F)) return c + 0x50;
    if (in(c, 0x410, 0x42F)) return c + 0x20;
    if (in(c, 0x460, 0x481) || in(c, 0x48A, 0x4BF) || in(c, 0x4D0, 0x52F)) return even_pair(c);
    if (c == 0x4C0) return 0x4CF;
    if (in(c, 0x4C1, 0x4CE)) return odd_pair(c);
    return c;
}

// Unicode simple case folding for the scripts named in stage_key.h.
char32_t fold(char32_t c) {
    if (c < 0x250) return fold_latin(c);
    if (in(c, 0x370, 0x3FF)) return fold_greek(c);
    if (in(c, 0x400, 0x52F)) return fold_cyrillic(c);
    if (in(c, 0x531, 0x556)) return c + 0x30;  // Armenian
    if (c == 0x1E9E) return 0xDF;              // capital sharp s
    if (in(c, 0x1E00, 0x1E95) || in(c, 0x1EA0, 0x1EFF)) return even_pair(c);
    if (in(c, 0xFF21, 0xFF3A)) return c + 0x20;  // fullwidth Latin
    return c;
}

bool continuation(unsigned char b) {
    return (b & 0xC0) == 0x80;
}

// The code point starting at s[i] and its length, or length 0 when the bytes
// there are not valid UTF-8 (overlong forms and surrogates included).
size_t decode(std::string_view s, size_t i, char32_t& cp) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char b0 = byte(0);
    const size_t left = s.size() - i;
    if (b0 >= 0xC2 && b0 <= 0xDF && left >= 2 && continuation(byte(1))) {
        cp = static_cast<char32_t>(((b0 & 0x1Fu) << 6) | (byte(1) & 0x3Fu));
        return 2;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF && left >= 3 && continuation(byte(1)) && continuation(byte(2))) {
        if ((b0 == 0xE0 && byte(1) < 0xA0) || (b0 == 0xED && byte(1) > 0x9F)) return 0;
        cp = static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu));
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4 && left >= 4 && continuation(byte(1)) && continuation(byte(2)) &&
        continuation(byte(3))) {
        if ((b0 == 0xF0 && byte(1) < 0x90) || (b0 == 0xF4 && byte(1) > 0x8F)) return 0;
        cp = static_cast<char32_t>(((b0 & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) |
                                   ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu));
        return 4;
    }
    return 0;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

}  // namespace

std::string stage_key(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {  // ASCII, the common case, without decoding
            if (b >= 'A' && b <= 'Z')
                key.push_back(static_cast<char>(b - 'A' + 'a'));
            else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
                key.push_back(static_cast<char>(b));
            ++i;
            continue;
        }
        char32_t cp = 0;
        const size_t n = decode(text, i, cp);
        if (n == 0) {
            key.push_back(text[i++]);
            continue;
        }
        i += n;
        if (!is_dropped(cp)) append_utf8(key, fold(cp));
    }
    return key;
}

}  // namespace revdiag
