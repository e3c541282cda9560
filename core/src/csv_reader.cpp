#include <cstdint>
#include <limits>

#include "csv_detect.h"
#include "revdiag/csv.h"

namespace revdiag {

namespace {
// Bytes held back before the encoding and delimiter are decided; large enough
// that the decoded text always covers delimiter_window unless the input ends.
constexpr size_t prefix_bytes = 4 * delimiter_window;
constexpr size_t max_warnings_per_code = 20;
constexpr size_t max_cell_bytes = std::numeric_limits<uint32_t>::max();

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
    warnings_.push_back(make_error(std::move(code), std::move(message), location{"csv", line, column, "", ""}));
}

result<bool> csv_reader::push(std::string_view chunk) {
    if (failed_) return failure_;
    if (finished_)
        return make_error("csv.finished", "The reader was already finished; no more input can be pushed.",
                          location{"csv", 0, 0, "", ""});
    if (chunk.size() > limits_.max_bytes - bytes_in_) {
        fail(make_error("csv.too_large",
                        "The file is larger than the limit of " + std::to_string(limits_.max_bytes) + " bytes.",
                        location{"csv", line_, 0, "", ""}));
        return failure_;
    }
    bytes_in_ += chunk.size();
    if (!started_) {
        prefix_.append(chunk);
        if (prefix_.size() < prefix_bytes) return true;
        start(false);
    } else {
        decode_and_scan(chunk);
    }
    if (failed_) return failure_;
    return true;
}

void csv_reader::start(bool at_end) {
    started_ = true;
    std::string_view raw(prefix_);
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
    std::string text;
    if (utf16_input_) {
        utf16_.decode(raw, text);
        if (at_end) utf16_.flush(text);
    } else {
        text.assign(raw);
    }
    std::string_view body(text);
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
        info_.delimiter = detect_delimiter(body.substr(0, delimiter_window), at_end && body.size() <= delimiter_window);
    }
    scan(body);
    prefix_.clear();
    prefix_.shrink_to_fit();
}

bool csv_reader::decode_and_scan(std::string_view raw) {
    if (!utf16_input_) return scan(raw);
    decoded_.clear();
    utf16_.decode(raw, decoded_);
    return scan(decoded_);
}

void csv_reader::end_field() {
    table_.cell_end.push_back(static_cast<uint32_t>(table_.bytes.size()));
    ++field_index_;
}

bool csv_reader::end_record() {
    table_.row_end.push_back(static_cast<uint32_t>(table_.cell_end.size()));
    table_.row_line.push_back(record_line_);
    return true;
}

bool csv_reader::scan(std::string_view t) {
    if (failed_) return false;
    const char d = info_.delimiter;
    const size_t n = t.size();
    size_t i = 0;
    auto is_break = [](char c) { return c == '\n' || c == '\r'; };
    // Counts a physical line break; a CR waits to learn whether an LF follows.
    auto newline = [this](char c) {
        ++line_;
        if (c == '\r')
            pending_cr_ = true;
        else
            ++info_.lf;
    };
    auto append = [this](std::string_view s) {
        table_.bytes.append(s);
        if (table_.bytes.size() - field_start_ > limits_.max_field_bytes) {
            const bool quoted = state_ == state::quoted || state_ == state::quote_in_quoted;
            return fail(make_error(
                "csv.field_too_large",
                "Field " + std::to_string(field_index_ + 1) + " starting on line " +
                    std::to_string(quoted ? quote_line_ : record_line_) + " is longer than the limit of " +
                    std::to_string(limits_.max_field_bytes) + " bytes" +
                    (quoted ? "; its opening quote may never be closed." : "."),
                location{"csv", quoted ? quote_line_ : record_line_, field_index_ + 1, "", ""}));
        }
        if (table_.bytes.size() >= max_cell_bytes)
            return fail(make_error("csv.too_large", "The file's cells exceed 4 GB once decoded.",
                                   location{"csv", line_, 0, "", ""}));
        return true;
    };
    auto delimiter_seen = [this]() {
        end_field();
        if (field_index_ >= limits_.max_columns)
            return fail(make_error("csv.too_many_columns",
                                   "Line " + std::to_string(record_line_) + " has more than " +
                                       std::to_string(limits_.max_columns) + " fields, the column limit.",
                                   location{"csv", record_line_, field_index_ + 1, "", ""}));
        state_ = state::field_start;
        return true;
    };
    while (i < n) {
        char c = t[i];
        if (pending_cr_) {
            pending_cr_ = false;
            if (c == '\n') {
                ++info_.crlf;
                if (state_ == state::quoted && !append("\n")) return false;
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
                field_start_ = table_.bytes.size();
                if (c == '"') {
                    state_ = state::quoted;
                    quote_line_ = line_;
                    ++i;
                } else {
                    state_ = state::unquoted;
                }
                continue;
            case state::unquoted: {
                size_t j = i;
                while (j < n && t[j] != d && t[j] != '"' && !is_break(t[j])) ++j;
                if (j > i) {
                    if (!append(t.substr(i, j - i))) return false;
                    i = j;
                    if (i == n) return true;
                    c = t[i];
                }
                ++i;
                if (c == d) {
                    if (!delimiter_seen()) return false;
                } else if (c == '"') {
                    warn("csv.bare_quote",
                         "Line " + std::to_string(line_) + " has a quote inside unquoted field " +
                             std::to_string(field_index_ + 1) + "; it is kept as a character.",
                         line_, field_index_ + 1);
                    if (!append("\"")) return false;
                } else {
                    end_field();
                    end_record();
                    newline(c);
                    state_ = state::record_start;
                }
                continue;
            }
            case state::quoted: {
                size_t j = i;
                while (j < n && t[j] != '"' && !is_break(t[j])) ++j;
                if (j > i) {
                    if (!append(t.substr(i, j - i))) return false;
                    i = j;
                    if (i == n) return true;
                    c = t[i];
                }
                ++i;
                if (c == '"') {
                    state_ = state::quote_in_quoted;
                } else {
                    if (!append(std::string_view(&t[i - 1], 1))) return false;
                    newline(c);
                }
                continue;
            }
            case state::quote_in_quoted:
                if (c == '"') {
                    state_ = state::quoted;
                    if (!append("\"")) return false;
                    ++i;
                } else if (c == d) {
                    ++i;
                    if (!delimiter_seen()) return false;
                } else if (is_break(c)) {
                    ++i;
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
    return true;
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
    if (!started_) start(true);
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
        case state::record_start: break;
        default:
            end_field();
            end_record();
            break;
    }
    const int kinds = (info_.lf > 0) + (info_.crlf > 0) + (info_.cr > 0);
    info_.line_ending = kinds > 1 ? "mixed" : info_.crlf ? "crlf" : info_.lf ? "lf" : info_.cr ? "cr" : "none";
    for (size_t slot = 0; slot < 2; ++slot)
        if (warning_counts_[slot] > max_warnings_per_code)
            warnings_.push_back(make_error(
                "warnings.truncated",
                std::to_string(warning_counts_[slot] - max_warnings_per_code) + " more " +
                    (slot == 0 ? "csv.bare_quote" : "csv.text_after_quote") + " warnings are not listed.",
                location{"csv", 0, 0, "", slot == 0 ? "csv.bare_quote" : "csv.text_after_quote"}));
    convert_invalid_cells();
    if (failed_) return failure_;
    return true;
}

void csv_reader::convert_invalid_cells() {
    if (utf16_input_) return;
    bool ascii = true;
    for (const char c : table_.bytes)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return;
    std::string out;
    out.reserve(table_.bytes.size());
    uint32_t first_bad_line = 0;
    size_t begin = 0;  // old offsets are read before each is overwritten
    size_t row = 0;
    for (size_t cell = 0; cell < table_.cell_end.size(); ++cell) {
        while (table_.row_end[row] <= cell) ++row;
        const size_t end = table_.cell_end[cell];
        const std::string_view v = std::string_view(table_.bytes).substr(begin, end - begin);
        begin = end;
        if (is_valid_utf8(v)) {
            out.append(v);
        } else {
            if (first_bad_line == 0) first_bad_line = table_.row_line[row];
            out.append(windows_1252_to_utf8(v));
        }
        if (out.size() >= max_cell_bytes) {
            fail(make_error("csv.too_large", "The file's cells exceed 4 GB once decoded.",
                            location{"csv", table_.row_line[row], 0, "", ""}));
            return;
        }
        table_.cell_end[cell] = static_cast<uint32_t>(out.size());
    }
    if (first_bad_line == 0) return;
    table_.bytes = std::move(out);
    info_.encoding = "windows-1252";
    warnings_.push_back(make_error("encoding.windows_1252",
                                   "Line " + std::to_string(first_bad_line) +
                                       " holds bytes that are not UTF-8; such cells were read as Windows-1252.",
                                   location{"csv", first_bad_line, 0, "", ""}));
}

}  // namespace revdiag
