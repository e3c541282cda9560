// Private helpers of the CSV reader: UTF-8 encoding of code points and the
// detection of the delimiter from the first bytes of a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace revdiag {

/// Appends one code point as UTF-8.
void append_utf8(std::string& out, uint32_t cp);

/// Bytes of the file's start used to pick the delimiter; a fixed window keeps
/// the choice independent of how the input was chunked.
constexpr size_t delimiter_window = 16384;

/// The delimiter among `,` `;` tab `|` that splits the first records of `window`
/// into the most records with the header's field count (ties: that order).
/// `complete` says the window holds the whole input (its last record is whole).
char detect_delimiter(std::string_view window, bool complete);

/// Length of Excel's `sep=X` first line with its line break, and X; 0 when absent.
size_t sep_line_length(std::string_view text, char& delimiter);

}  // namespace revdiag
