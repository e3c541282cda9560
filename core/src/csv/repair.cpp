// The cells of a file that is not plain UTF-8: Windows-1252 as a whole, or
// UTF-8 with ill-formed bytes replaced and NUL bytes dropped, each reported.
#include <cstdint>
#include <cstring>
#include <string>

#include "csv/limits.h"
#include "revdiag/csv.h"

namespace revdiag {

using csv_detail::max_cell_bytes;
using csv_detail::max_warnings_per_code;

namespace {
// True when every byte is below 0x80; eight bytes at a time.
bool is_ascii(const char* p, size_t n) {
    uint64_t any = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        any |= w;
    }
    for (; i < n; ++i) any |= static_cast<unsigned char>(p[i]);
    return (any & 0x8080808080808080ull) == 0;
}
}  // namespace

// Most files are valid UTF-8 without NUL bytes: they are checked as a whole and
// not copied. Otherwise the cells are rewritten from the first that needs it:
// a file with no well-formed multi-byte sequence at all is Windows-1252 as a
// whole (one warning); any other file is UTF-8 whose ill-formed bytes become
// U+FFFD, reported per line. NUL bytes are dropped, reported per line, so a
// line of NULs is a blank line and no name hides one.
void csv_reader::repair_cells() {
    const std::string_view bytes = table_.bytes.view();
    const bool has_nul = !bytes.empty() && std::memchr(bytes.data(), 0, bytes.size()) != nullptr;
    const bool ascii = utf16_input_ || is_ascii(bytes.data(), bytes.size());  // UTF-16 arrives decoded
    if (ascii && !has_nul) return;
    // Valid as a whole with no cell starting inside a character: every cell is valid.
    auto splits_a_character = [&] {
        for (size_t cell = 0, begin = 0; cell < table_.cell_end.size(); begin = table_.cell_end[cell++])
            if (table_.cell_end[cell] > begin && (static_cast<unsigned char>(bytes[begin]) & 0xC0) == 0x80)
                return true;
        return false;
    };
    const bool valid = ascii || (is_valid_utf8(bytes) && !splits_a_character());
    if (valid && !has_nul) return;
    const bool latin = !valid && info_.encoding == "utf-8" && !has_utf8_sequence(bytes);
    auto needs_repair = [&](std::string_view v) {
        if (!v.empty() && std::memchr(v.data(), 0, v.size())) return true;
        if (valid || is_ascii(v.data(), v.size())) return false;
        return latin || !is_valid_utf8(v);
    };
    size_t first = table_.cell_end.size();
    for (size_t cell = 0, begin = 0; cell < table_.cell_end.size(); begin = table_.cell_end[cell++])
        if (needs_repair(bytes.substr(begin, table_.cell_end[cell] - begin))) {
            first = cell;
            break;
        }
    if (first == table_.cell_end.size()) return;
    size_t row = 0;
    while (table_.row_end[row] <= first) ++row;
    const uint32_t first_line = table_.row_line[row];
    byte_buffer out;
    out.reserve(bytes.size() + bytes.size() / 8);
    size_t begin =
        first == 0 ? 0 : table_.cell_end[first - 1];  // old offsets are read before each is overwritten
    out.assign(bytes.substr(0, begin));
    std::string fixed;
    size_t counts[2] = {0, 0};  // lines with ill-formed UTF-8, lines with NUL bytes
    uint32_t warned_line[2] = {0, 0};
    auto warn_line = [&](size_t slot, uint32_t line, size_t field) {
        if (warned_line[slot] == line) return;
        warned_line[slot] = line;
        if (++counts[slot] > max_warnings_per_code) return;
        const auto column = static_cast<uint32_t>(field + 1);
        if (slot == 0)
            warnings_.push_back(make_error("encoding.invalid_utf8",
                                           "Line " + std::to_string(line) + ", field " +
                                               std::to_string(column) +
                                               " holds bytes that are not UTF-8; each is read as U+FFFD.",
                                           location{"csv", line, column, "", ""}));
        else
            warnings_.push_back(make_error("csv.nul_byte",
                                           "Line " + std::to_string(line) + ", field " +
                                               std::to_string(column) + " holds NUL bytes; they are removed.",
                                           location{"csv", line, column, "", ""}));
    };
    for (size_t cell = first; cell < table_.cell_end.size(); ++cell) {
        while (table_.row_end[row] <= cell) ++row;
        const size_t end = table_.cell_end[cell];
        const std::string_view v = bytes.substr(begin, end - begin);
        const size_t field = cell - (row == 0 ? 0 : table_.row_end[row - 1]);
        begin = end;
        if (!needs_repair(v)) {
            out.append(v);
        } else {
            fixed.clear();
            const utf8_repairs r = repair_utf8(latin ? std::string_view(windows_1252_to_utf8(v)) : v, fixed);
            if (r.invalid > 0) warn_line(0, table_.row_line[row], field);
            if (r.nul > 0) warn_line(1, table_.row_line[row], field);
            out.append(fixed);
        }
        if (out.size() >= max_cell_bytes) {
            fail(make_error("csv.too_large", "The file's cells exceed 4 GB once decoded.",
                            location{"csv", table_.row_line[row], 0, "", ""}));
            return;
        }
        table_.cell_end[cell] = static_cast<uint32_t>(out.size());
    }
    table_.bytes = std::move(out);
    rewrote_cells_ = true;
    for (size_t slot = 0; slot < 2; ++slot)
        if (counts[slot] > max_warnings_per_code)
            warnings_.push_back(make_error(
                "warnings.truncated",
                std::to_string(counts[slot] - max_warnings_per_code) + " more " +
                    (slot == 0 ? "encoding.invalid_utf8" : "csv.nul_byte") + " warnings are not listed.",
                location{"csv", 0, 0, "", slot == 0 ? "encoding.invalid_utf8" : "csv.nul_byte"}));
    if (!latin) return;
    info_.encoding = "windows-1252";
    warnings_.push_back(make_error("encoding.windows_1252",
                                   "The file is not UTF-8 (first on line " + std::to_string(first_line) +
                                       "); it is read as Windows-1252.",
                                   location{"csv", first_line, 0, "", ""}));
}

}  // namespace revdiag
