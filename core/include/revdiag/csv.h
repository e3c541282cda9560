// The streaming CSV reader: bytes in chunks of any size -> raw cells with the
// physical line of every row. Owns encodings (UTF-8 with or without BOM, UTF-16
// with BOM, invalid UTF-8 read as Windows-1252), delimiter and line-ending
// detection, RFC 4180 quoting with the real world's deviations, and limits.
// It knows nothing of headers, deals or value types (see ingest.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/error.h"

namespace revdiag {

/// Limits checked while reading, so that a hostile or accidental input is
/// answered with a clear error instead of an allocation failure.
struct reader_limits {
    size_t max_bytes = 1ull << 31;     // whole input
    size_t max_field_bytes = 1 << 20;  // one cell
    size_t max_columns = 4096;         // fields in one row
    size_t expected_bytes = 0;         // not a limit: the file's size when known, so buffers are sized once
    size_t typing_prefix_rows = 4096;  // not a limit: deals that decide each column's conventions before
                                       // the rest are typed as they arrive (the result does not depend on it)
};

/// Every cell of the file, row by row, in one byte buffer (UTF-8 once finished).
/// A growable byte buffer that does not zero what it is about to overwrite.
class byte_buffer {
public:
    size_t size() const { return size_; }
    size_t capacity() const { return capacity_; }
    const char* data() const { return data_.get(); }
    char* data() { return data_.get(); }
    std::string_view view() const { return std::string_view(data_.get(), size_); }
    void reserve(size_t n) {
        if (n <= capacity_) return;
        std::unique_ptr<char[]> grown(new char[n]);
        if (size_) std::memcpy(grown.get(), data_.get(), size_);
        data_ = std::move(grown);
        capacity_ = n;
    }
    /// Grows (doubling) or shrinks the size; new bytes are left unset.
    void resize_for_overwrite(size_t n) {
        if (n > capacity_) reserve(std::max(n, 2 * capacity_));
        size_ = n;
    }
    void assign(std::string_view s) {
        size_ = 0;
        append(s);
    }
    void append(std::string_view s) {
        const size_t at = size_;
        resize_for_overwrite(size_ + s.size());
        if (!s.empty()) std::memcpy(data_.get() + at, s.data(), s.size());
    }

private:
    std::unique_ptr<char[]> data_;
    size_t size_ = 0, capacity_ = 0;
};

struct csv_table {
    byte_buffer bytes;               // all cells, concatenated
    std::vector<uint32_t> cell_end;  // end offset of each cell in bytes
    std::vector<uint32_t> row_end;   // one past the last cell index of each row
    std::vector<uint32_t> row_line;  // physical 1-based line on which each row starts

    size_t rows() const { return row_end.size(); }
    size_t fields(size_t row) const { return row_end[row] - first_cell(row); }
    std::string_view cell(size_t row, size_t field) const {
        const size_t c = first_cell(row) + field;
        const size_t begin = c == 0 ? 0 : cell_end[c - 1];
        return bytes.view().substr(begin, cell_end[c] - begin);
    }

    /// The cells of one row, read by field number ("" past the row's last field).
    struct row_cells {
        const char* bytes;
        const uint32_t* end;  // end offsets of the row's cells
        uint32_t begin;       // start offset of its first cell
        size_t fields;
        std::string_view operator[](size_t f) const {
            if (f >= fields) return {};
            const uint32_t b = f == 0 ? begin : end[f - 1];
            return std::string_view(bytes + b, end[f] - b);
        }
    };
    row_cells cells_of_row(size_t row) const {
        const size_t c = first_cell(row);
        return row_cells{bytes.data(), cell_end.data() + c, c == 0 ? 0u : cell_end[c - 1], row_end[row] - c};
    }

private:
    size_t first_cell(size_t row) const { return row == 0 ? 0 : row_end[row - 1]; }
};

/// What the reader found out about the file's shape.
struct csv_info {
    std::string encoding = "utf-8";  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
    char delimiter = ',';
    std::string line_ending = "none";  // "lf", "crlf", "cr", "mixed", "none" (a single line)
    size_t lf = 0, crlf = 0, cr = 0;   // line breaks seen, quoted ones included
};

/// UTF-16 to UTF-8 across chunk boundaries (an odd byte or a lone high
/// surrogate waits for the next chunk); unpaired surrogates become U+FFFD.
struct utf16_decoder {
    bool big_endian = false;
    bool has_odd = false;
    unsigned char odd = 0;
    uint16_t high = 0;
    void decode(std::string_view raw, std::string& out);
    void flush(std::string& out);
};

/// Reads CSV bytes pushed in chunks; results are identical whatever the chunk
/// boundaries, and time is linear in the input.
class csv_reader {
public:
    explicit csv_reader(reader_limits limits = {});
    /// Feed the next chunk. Errors: csv.too_large, csv.field_too_large, csv.too_many_columns.
    result<bool> push(std::string_view chunk);
    /// End of input; later calls return the same answer. Errors: those of push,
    /// csv.unterminated_quote (at the line and field where the quote opened).
    result<bool> finish();
    const csv_table& table() const { return table_; }
    const csv_info& info() const { return info_; }
    /// Structural warnings (csv.bare_quote, csv.text_after_quote, encoding.windows_1252,
    /// encoding.invalid_utf8 and csv.nul_byte per line, capped).
    const std::vector<warning>& warnings() const { return warnings_; }
    size_t bytes() const { return bytes_in_; }
    size_t rows() const { return table_.rows(); }
    /// True when finish() rewrote cells (bytes that are not UTF-8, NUL bytes): a
    /// cell read before then may differ from the same cell now.
    bool rewrote_cells() const { return rewrote_cells_; }

private:
    enum class state : uint8_t { record_start, field_start, unquoted, quoted, quote_in_quoted };
    void start(std::string_view raw, bool at_end);
    bool decode_and_scan(std::string_view raw);
    bool scan(std::string_view text);
    bool too_many_columns();
    bool field_too_large(size_t length, bool quoted);
    void warn(std::string code, std::string message, uint32_t line, uint32_t column);
    void repair_cells();
    bool fail(error e);

    reader_limits limits_;
    csv_table table_;
    csv_info info_;
    std::vector<warning> warnings_;
    size_t bytes_in_ = 0;
    bool started_ = false;
    bool finished_ = false;
    std::string prefix_;   // bytes held back until encoding and delimiter are known
    std::string decoded_;  // reused buffer for UTF-16 conversion
    utf16_decoder utf16_;
    bool utf16_input_ = false;
    state state_ = state::record_start;
    bool pending_cr_ = false;
    uint32_t line_ = 1;
    uint32_t record_line_ = 1;
    uint32_t quote_line_ = 0;
    uint32_t field_index_ = 0;  // 0-based field in the current record
    size_t field_start_ = 0;    // offset in table_.bytes of the current field
    bool special_[256] = {};    // bytes that end an unquoted run: delimiter, quote, CR, LF
    size_t warning_counts_[2] = {0, 0};
    error failure_;
    bool failed_ = false;
    bool rewrote_cells_ = false;
};

/// Windows-1252 bytes as UTF-8 (the undefined bytes map to C1 controls, as WHATWG does).
std::string windows_1252_to_utf8(std::string_view bytes);
/// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);
/// The UTF-8 sequence at s[i]: its length, or the length of its maximal ill-formed part.
struct utf8_step {
    size_t length;
    bool valid;
};
utf8_step utf8_step_at(std::string_view s, size_t i);
/// True when a well-formed multi-byte UTF-8 sequence occurs (then the text is UTF-8, bad bytes and all).
bool has_utf8_sequence(std::string_view bytes);
/// What repair_utf8 replaced or dropped.
struct utf8_repairs {
    size_t invalid = 0;  // ill-formed sequences, each now one U+FFFD
    size_t nul = 0;      // NUL bytes, dropped
};
/// Appends the bytes to `out` with each maximal ill-formed sequence as U+FFFD (as
/// WHATWG decodes) and NUL bytes dropped.
utf8_repairs repair_utf8(std::string_view bytes, std::string& out);

}  // namespace revdiag
