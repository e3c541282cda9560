#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#include "csv/detect.h"
#include "csv/limits.h"
#include "revdiag/csv.h"

namespace revdiag {

using csv_detail::max_cell_bytes;
using csv_detail::max_warnings_per_code;

namespace {
// Bytes held back before the encoding and delimiter are decided; large enough
// that the decoded text always covers delimiter_window unless the input ends.
constexpr size_t prefix_bytes = 4 * delimiter_window;

// The scan's per-cell steps are lambdas; clang (wasm) left some as calls.
#define REVDIAG_INLINE __attribute__((always_inline))

uint64_t load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}
// The high bit set in each byte of `w` equal to `c` (exact up to the first match,
// which is all first_byte reads). Bytes are taken little-endian, as x86 and wasm are.
uint64_t has_byte(uint64_t w, char c) {
    const uint64_t v = w ^ (0x0101010101010101ull * static_cast<unsigned char>(c));
    return (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
}
size_t first_byte(uint64_t mask) {
    return static_cast<size_t>(__builtin_ctzll(mask)) / 8;
}
// Copies p[i..n) to buf[out..] eight bytes at a time, stopping at the first byte
// `marks` flags (or fewer than eight bytes before n). Never writes past the
// chunk's room: the output is never ahead of the input.
template <typename Marks>
REVDIAG_INLINE inline void copy_plain_run(const char* p, size_t& i, size_t n, char* buf, size_t& out,
                                          Marks marks) {
    while (i + 8 <= n) {
        const uint64_t w = load8(p + i);
        std::memcpy(buf + out, &w, 8);
        if (const uint64_t m = marks(w)) {
            const size_t k = first_byte(m);
            i += k;
            out += k;
            return;
        }
        i += 8;
        out += 8;
    }
}

}  // namespace

csv_reader::csv_reader(reader_limits limits) : limits_(limits) {}

bool csv_reader::fail(error e) {
    if (!failed_) {
        failed_ = true;
        failure_ = std::move(e);
    }
    return false;
}

void csv_reader::warn(std::string code, std::string message, uint32_t line, uint32_t column) {
    const size_t slot = code == "csv.bare_quote" ? 0 : 1;
    if (++warning_counts_[slot] > max_warnings_per_code) return;
    warnings_.push_back(
        make_error(std::move(code), std::move(message), location{"csv", line, column, "", ""}));
}

result<bool> csv_reader::push(std::string_view chunk) {
    if (failed_) return failure_;
    if (finished_)
        return make_error("csv.finished", "The reader was already finished; no more input can be pushed.",
                          location{"csv", 0, 0, "", ""});
    if (chunk.size() > limits_.max_bytes - bytes_in_) {
        fail(make_error(
            "csv.too_large",
            "The file is larger than the limit of " + std::to_string(limits_.max_bytes) + " bytes.",
            location{"csv", line_, 0, "", ""}));
        return failure_;
    }
    bytes_in_ += chunk.size();
    if (!started_) {
        if (prefix_.empty() && chunk.size() >= prefix_bytes) {
            start(chunk, false);  // a large first chunk is read in place, not copied
        } else {
            prefix_.append(chunk);
            if (prefix_.size() < prefix_bytes) return true;
            start(prefix_, false);
        }
    } else {
        decode_and_scan(chunk);
    }
    if (failed_) return failure_;
    return true;
}

void csv_reader::start(std::string_view raw, bool at_end) {
    started_ = true;
    auto starts = [&raw](std::string_view bom) { return raw.substr(0, bom.size()) == bom; };
    if (starts("\xEF\xBB\xBF")) {
        info_.encoding = "utf-8-bom";
        raw.remove_prefix(3);
    } else if (starts("\xFF\xFE")) {
        info_.encoding = "utf-16le";
        raw.remove_prefix(2);
        utf16_input_ = true;
    } else if (starts("\xFE\xFF")) {
        info_.encoding = "utf-16be";
        utf16_.big_endian = true;
        raw.remove_prefix(2);
        utf16_input_ = true;
    }
    std::string text;  // the decoded text of UTF-16 input; UTF-8 is read where it lies
    if (utf16_input_) {
        utf16_.decode(raw, text);
        if (at_end) utf16_.flush(text);
    }
    std::string_view body = utf16_input_ ? std::string_view(text) : raw;
    char sep = 0;
    if (const size_t n = sep_line_length(body, sep); n > 0) {
        info_.delimiter = sep;
        if (body.substr(0, n).find('\n') != std::string_view::npos) {
            ++line_;
            ++(body[n - 1] == '\n' && n >= 2 && body[n - 2] == '\r' ? info_.crlf : info_.lf);
        } else if (body[n - 1] == '\r') {
            ++line_;
            ++info_.cr;
        }
        body.remove_prefix(n);
    } else {
        info_.delimiter =
            detect_delimiter(body.substr(0, delimiter_window), at_end && body.size() <= delimiter_window);
    }
    for (bool& b : special_) b = false;
    for (const char c : {info_.delimiter, '"', '\n', '\r'}) special_[static_cast<unsigned char>(c)] = true;
    const size_t expected = std::min(limits_.expected_bytes, limits_.max_bytes);
    if (expected > 0) table_.bytes.reserve(expected);
    scan(body);
    // The first rows tell how many cells and rows the whole file will have.
    if (expected > body.size() && !body.empty() && !failed_) {
        const double scale = 1.1 * static_cast<double>(expected) / static_cast<double>(body.size());
        table_.cell_end.reserve(static_cast<size_t>(static_cast<double>(table_.cell_end.size()) * scale) +
                                64);
        table_.row_end.reserve(static_cast<size_t>(static_cast<double>(table_.row_end.size()) * scale) + 16);
        table_.row_line.reserve(table_.row_end.capacity());
    }
    prefix_.clear();
    prefix_.shrink_to_fit();
}

bool csv_reader::decode_and_scan(std::string_view raw) {
    if (!utf16_input_) return scan(raw);
    decoded_.clear();
    utf16_.decode(raw, decoded_);
    return scan(decoded_);
}

bool csv_reader::field_too_large(size_t length, bool quoted) {
    if (length <= limits_.max_field_bytes) return false;
    const uint32_t line = quoted ? quote_line_ : record_line_;
    fail(make_error("csv.field_too_large",
                    "Field " + std::to_string(field_index_ + 1) + " starting on line " +
                        std::to_string(line) + " is longer than the limit of " +
                        std::to_string(limits_.max_field_bytes) + " bytes" +
                        (quoted ? "; its opening quote may never be closed." : "."),
                    location{"csv", line, field_index_ + 1, "", ""}));
    return true;
}

bool csv_reader::too_many_columns() {
    return fail(make_error("csv.too_many_columns",
                           "Line " + std::to_string(record_line_) + " has more than " +
                               std::to_string(limits_.max_columns) + " fields, the column limit.",
                           location{"csv", record_line_, field_index_ + 1, "", ""}));
}

// One pass over the text that finds the cells and copies their bytes (quotes
// removed) in the same loop. A chunk never yields more cell bytes than it holds,
// so the buffer is sized once per chunk and written through a pointer.
bool csv_reader::scan(std::string_view t) {
    if (failed_) return false;
    const char d = info_.delimiter;
    const size_t n = t.size();
    byte_buffer& bytes = table_.bytes;
    const size_t base = bytes.size();
    bytes.resize_for_overwrite(base + n);
    char* const buf = bytes.data();
    size_t out = base;
    const char* const p = t.data();
    size_t i = 0;
    // Stops at the delimiter, a quote or a line break (the table is built in start()).
    const bool* const special = special_;
    auto is_break = [](char c) { return c == '\n' || c == '\r'; };
    // Counts a physical line break; a CR waits to learn whether an LF follows.
    auto newline = [this](char c) REVDIAG_INLINE {
        ++line_;
        if (c == '\r')
            pending_cr_ = true;
        else
            ++info_.lf;
    };
    auto end_field = [&]() REVDIAG_INLINE {
        table_.cell_end.push_back(static_cast<uint32_t>(out));
        ++field_index_;
    };
    auto end_record = [&]() REVDIAG_INLINE {
        table_.row_end.push_back(static_cast<uint32_t>(table_.cell_end.size()));
        table_.row_line.push_back(record_line_);
    };
    const size_t max_field = limits_.max_field_bytes;
    auto field_done = [&](bool quoted) REVDIAG_INLINE {
        return out - field_start_ <= max_field || !field_too_large(out - field_start_, quoted);
    };
    auto delimiter_seen = [&](bool quoted) REVDIAG_INLINE {
        if (!field_done(quoted)) return false;
        end_field();
        if (field_index_ >= limits_.max_columns) return too_many_columns();
        state_ = state::field_start;
        return true;
    };
    auto stop = [&](bool ok) {
        bytes.resize_for_overwrite(out);
        if (ok && out >= max_cell_bytes)
            return fail(make_error("csv.too_large", "The file's cells exceed 4 GB once decoded.",
                                   location{"csv", line_, 0, "", ""}));
        return ok;
    };
    while (i < n) {
        char c = p[i];
        if (pending_cr_) {
            pending_cr_ = false;
            if (c == '\n') {
                ++info_.crlf;
                if (state_ == state::quoted) buf[out++] = '\n';
                ++i;
                continue;
            }
            ++info_.cr;
        }
        switch (state_) {
            case state::record_start:
                if (is_break(c)) {  // a blank line is skipped
                    newline(c);
                    ++i;
                    continue;
                }
                record_line_ = line_;
                field_index_ = 0;
                state_ = state::field_start;
                continue;
            case state::field_start:
                field_start_ = out;
                if (c == '"') {
                    state_ = state::quoted;
                    quote_line_ = line_;
                    ++i;
                } else {
                    state_ = state::unquoted;
                }
                continue;
            case state::unquoted: {
                copy_plain_run(p, i, n, buf, out, [d](uint64_t w) {
                    return has_byte(w, d) | has_byte(w, '"') | has_byte(w, '\n') | has_byte(w, '\r');
                });
                while (i < n && !special[static_cast<unsigned char>(p[i])]) buf[out++] = p[i++];
                if (i == n) break;
                c = p[i++];
                if (c == d) {
                    if (!delimiter_seen(false)) return stop(false);
                } else if (c == '"') {
                    warn("csv.bare_quote",
                         "Line " + std::to_string(line_) + " has a quote inside unquoted field " +
                             std::to_string(field_index_ + 1) + "; it is kept as a character.",
                         line_, field_index_ + 1);
                    buf[out++] = '"';
                } else {
                    if (!field_done(false)) return stop(false);
                    end_field();
                    end_record();
                    newline(c);
                    state_ = state::record_start;
                }
                continue;
            }
            case state::quoted: {
                copy_plain_run(p, i, n, buf, out, [](uint64_t w) {
                    return has_byte(w, '"') | has_byte(w, '\n') | has_byte(w, '\r');
                });
                while (i < n && p[i] != '"' && !is_break(p[i])) buf[out++] = p[i++];
                if (i == n) break;
                c = p[i++];
                if (c == '"') {
                    state_ = state::quote_in_quoted;
                } else {
                    buf[out++] = c;
                    newline(c);
                    if (field_too_large(out - field_start_, true))
                        return stop(false);  // a runaway quote fails early
                }
                continue;
            }
            case state::quote_in_quoted:
                if (c == '"') {
                    state_ = state::quoted;
                    buf[out++] = '"';
                    ++i;
                } else if (c == d) {
                    ++i;
                    if (!delimiter_seen(true)) return stop(false);
                } else if (is_break(c)) {
                    ++i;
                    if (!field_done(true)) return stop(false);
                    end_field();
                    end_record();
                    newline(c);
                    state_ = state::record_start;
                } else {
                    warn("csv.text_after_quote",
                         "Line " + std::to_string(line_) + " has text after the closing quote of field " +
                             std::to_string(field_index_ + 1) + "; it is appended to the field.",
                         line_, field_index_ + 1);
                    state_ = state::unquoted;
                }
                continue;
        }
    }
    // A field still open at the chunk's end is checked now, so a runaway field fails before the next chunk.
    if (state_ == state::unquoted || state_ == state::quoted || state_ == state::quote_in_quoted)
        if (field_too_large(out - field_start_, state_ != state::unquoted)) return stop(false);
    return stop(true);
}

result<bool> csv_reader::finish() {
    if (finished_) {
        if (failed_) return failure_;
        return true;
    }
    if (failed_) {
        finished_ = true;
        return failure_;
    }
    if (!started_)
        start(prefix_, true);
    else if (utf16_input_) {
        decoded_.clear();
        utf16_.flush(decoded_);
        scan(decoded_);
    }
    finished_ = true;
    if (failed_) return failure_;
    if (pending_cr_) {
        pending_cr_ = false;
        ++info_.cr;
    }
    switch (state_) {
        case state::quoted:
            fail(make_error("csv.unterminated_quote",
                            "The quote that opens field " + std::to_string(field_index_ + 1) + " on line " +
                                std::to_string(quote_line_) + " is never closed.",
                            location{"csv", quote_line_, field_index_ + 1, "", ""}));
            return failure_;
        case state::record_start:
            break;
        default:
            table_.cell_end.push_back(static_cast<uint32_t>(table_.bytes.size()));
            ++field_index_;
            table_.row_end.push_back(static_cast<uint32_t>(table_.cell_end.size()));
            table_.row_line.push_back(record_line_);
            break;
    }
    const int kinds = (info_.lf > 0) + (info_.crlf > 0) + (info_.cr > 0);
    info_.line_ending = kinds > 1    ? "mixed"
                        : info_.crlf ? "crlf"
                        : info_.lf   ? "lf"
                        : info_.cr   ? "cr"
                                     : "none";
    for (size_t slot = 0; slot < 2; ++slot)
        if (warning_counts_[slot] > max_warnings_per_code)
            warnings_.push_back(make_error(
                "warnings.truncated",
                std::to_string(warning_counts_[slot] - max_warnings_per_code) + " more " +
                    (slot == 0 ? "csv.bare_quote" : "csv.text_after_quote") + " warnings are not listed.",
                location{"csv", 0, 0, "", slot == 0 ? "csv.bare_quote" : "csv.text_after_quote"}));
    repair_cells();
    if (failed_) return failure_;
    return true;
}

}  // namespace revdiag
