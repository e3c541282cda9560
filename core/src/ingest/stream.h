// Private to ingest: which rows of a file are deals, which columns are built
// from them, and the typing of those columns while the file streams in.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/columns.h"
#include "revdiag/csv.h"
#include "revdiag/mapping.h"

namespace revdiag {

/// Lines Salesforce (and spreadsheet) reports append after the data.
bool is_footer_row(const csv_table& t, size_t row);
/// True when every field from `from` on is empty or spaces (trailing delimiters).
bool extra_fields_blank(const csv_table& t, size_t row, size_t from);
inline bool is_blank_row(const csv_table& t, size_t row) {
    return extra_fields_blank(t, row, 0);
}
/// A row with a non-blank field past the header's last: an unquoted delimiter
/// too many shifted every later cell, so nothing in it is trusted.
inline bool is_shifted_row(const csv_table& t, size_t row, size_t header_fields) {
    return t.fields(row) > header_fields && !extra_fields_blank(t, row, header_fields);
}

/// The header row's names, trimmed.
std::vector<std::string> header_names(const csv_table& t);

/// The columns read cell by cell: one builder per mapped field that one source
/// column holds, then one text builder per column no field took. Fields derived
/// from several columns (status from flags or stage names, stage history) have none.
struct column_plan {
    std::vector<column_builder> builders;
    std::vector<size_t> sources;     // the source column of each builder
    std::vector<size_t> builder_of;  // per mapping entry: its builder, or SIZE_MAX when derived
    size_t first_extra = 0;          // builders from here on are the unmapped columns
};
column_plan plan_columns(const std::vector<std::string>& headers, const header_mapping& mapping);

/// Both passes over the kept rows in file order: the columns' conventions, then their values.
void fill_columns(const csv_table& t, const std::vector<size_t>& rows, const std::vector<uint32_t>& lines,
                  const std::vector<size_t>& sources, std::vector<column_builder>& builders);

/// Types the deal rows of a file as the reader completes them, in one pass:
/// each column's conventions (day/month order, decimal mark, ...) are decided on
/// the first `typing_prefix_rows` deals and confirmed on every later one; a column whose
/// decision turns out otherwise is typed again at the end from the kept cells, so
/// the result is the two-pass result whatever the file. A row is typed once a
/// later row shows it is not part of the footer (and blank) lines that end the file.
class row_stream {
public:
    explicit row_stream(const reader_limits& limits)
        : expected_bytes_(limits.expected_bytes),
          prefix_rows_(std::max<size_t>(1, limits.typing_prefix_rows)) {}
    /// Types the rows the reader completed since the last call.
    void advance(const csv_table& t, size_t bytes_read);
    /// After the reader's last row: the plan with every builder filled with the
    /// kept `rows` (which must be the rows typed), decisions confirmed. False when
    /// the stream cannot stand for the two passes (nothing planned, other rows);
    /// the caller then builds the columns itself.
    bool finish(const csv_table& t, const std::vector<size_t>& rows, const std::vector<uint32_t>& lines,
                column_plan& out);
    /// Drops what was typed: the caller builds the columns itself, now and later.
    void abandon();

private:
    void keep(const csv_table& t, size_t row);
    void decide(const csv_table& t);
    void type_row(const csv_table& t, size_t row, uint32_t line);

    size_t expected_bytes_, prefix_rows_;
    size_t bytes_read_ = 0;  // the file's bytes pushed so far
    bool planned_ = false, dead_ = false, decided_ = false;
    size_t next_row_ = 1;  // the first row not yet looked at (0 is the header)
    size_t header_fields_ = 0;
    column_plan plan_;
    std::vector<size_t> observing_;  // builders whose column has conventions to decide
    std::vector<size_t> pending_;    // footer or blank rows, typed only if a deal follows
    std::vector<size_t> held_;       // the first deals, held until they decide the conventions
    size_t typed_count_ = 0;         // the rows typed or held, and a hash of their numbers in order,
    uint64_t typed_hash_ = 0;        // which finish checks against the rows it keeps
    static uint64_t mix(uint64_t h, size_t row) {
        return (h ^ (static_cast<uint64_t>(row) + 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    }
};

}  // namespace revdiag
