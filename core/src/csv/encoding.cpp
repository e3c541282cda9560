#include <cstdint>
#include <cstring>

#include "csv/detect.h"
#include "revdiag/csv.h"

namespace revdiag {

namespace {
// Windows-1252's 0x80..0x9F block; the five undefined bytes keep their C1 code points.
constexpr uint16_t cp1252_high[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string windows_1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b < 0x80)
            out.push_back(ch);
        else if (b < 0xA0)
            append_utf8(out, cp1252_high[b - 0x80]);
        else
            append_utf8(out, b);
    }
    return out;
}

utf8_step utf8_step_at(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return {1, true};
    size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lo = 0xA0;  // overlong
        if (b == 0xED) hi = 0x9F;  // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lo = 0x90;  // overlong
        if (b == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
        return {1, false};
    }
    if (i + 1 >= s.size()) return {1, false};
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return {1, false};
    size_t k = 2;
    for (; k <= need; ++k)
        if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return {k, false};
    return {k, true};
}

bool has_utf8_sequence(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size();) {
        const utf8_step step = utf8_step_at(bytes, i);
        if (step.valid && step.length > 1) return true;
        i += step.length;
    }
    return false;
}

utf8_repairs repair_utf8(std::string_view bytes, std::string& out) {
    utf8_repairs r;
    for (size_t i = 0; i < bytes.size();) {
        if (bytes[i] == '\0') {
            ++r.nul;
            ++i;
            continue;
        }
        const utf8_step step = utf8_step_at(bytes, i);
        if (step.valid) {
            out.append(bytes.data() + i, step.length);
        } else {
            ++r.invalid;
            append_utf8(out, 0xFFFD);
        }
        i += step.length;
    }
    return r;
}

bool is_valid_utf8(std::string_view bytes) {
    const size_t n = bytes.size();
    size_t i = 0;
    while (i < n) {
        uint64_t word;  // eight ASCII bytes at a time
        while (i + 8 <= n && (std::memcpy(&word, bytes.data() + i, 8), (word & 0x8080808080808080ull) == 0))
            i += 8;
        if (i == n) break;
        // Past the ASCII run: one character, by the same rule as every other reader here.
        const utf8_step step = utf8_step_at(bytes, i);
        if (!step.valid) return false;
        i += step.length;
    }
    return true;
}

void utf16_decoder::decode(std::string_view raw, std::string& out) {
    size_t i = 0;
    auto unit_at = [this](unsigned char a, unsigned char b) {
        return static_cast<uint16_t>(big_endian ? (a << 8) | b : (b << 8) | a);
    };
    auto take = [this, &out](uint16_t unit) {
        if (high != 0) {
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                append_utf8(out,
                            0x10000u + ((static_cast<uint32_t>(high) - 0xD800u) << 10) + (unit - 0xDC00u));
                high = 0;
                return;
            }
            append_utf8(out, 0xFFFD);
            high = 0;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF)
            high = unit;
        else if (unit >= 0xDC00 && unit <= 0xDFFF)
            append_utf8(out, 0xFFFD);
        else
            append_utf8(out, unit);
    };
    if (has_odd && !raw.empty()) {
        take(unit_at(odd, static_cast<unsigned char>(raw[0])));
        has_odd = false;
        i = 1;
    }
    for (; i + 1 < raw.size(); i += 2)
        take(unit_at(static_cast<unsigned char>(raw[i]), static_cast<unsigned char>(raw[i + 1])));
    if (i < raw.size()) {
        odd = static_cast<unsigned char>(raw[i]);
        has_odd = true;
    }
}

void utf16_decoder::flush(std::string& out) {
    if (has_odd || high != 0) append_utf8(out, 0xFFFD);
    has_odd = false;
    high = 0;
}

}  // namespace revdiag
