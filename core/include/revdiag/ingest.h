// Ingest: a CRM deal export's bytes -> the typed deal table, with what was
// detected (encoding, delimiter, line endings, CRM style, mapping) and every
// warning located by physical line and column. Builds on csv.h (cells),
// mapping.h (which column is which field) and values.h (typed values); owns the
// header row, footers, ragged rows, per-column value conventions, derived
// columns (status) and the streaming deal_reader. Not the audit.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revdiag/csv.h"
#include "revdiag/deals.h"
#include "revdiag/error.h"
#include "revdiag/mapping.h"

namespace revdiag {

class row_stream;

struct ingest_options {
    std::vector<std::pair<std::string, std::string>>
        map;  // canonical field -> header as written ("" = leave unmapped)
    reader_limits limits;
};

struct ingest_result {
    /// Every mapped canonical field under its id, then every unmapped column as
    /// text under its normalized name (suffixed `_2`... so it never equals a
    /// canonical id or another extra column).
    deal_table table;
    std::string encoding;  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
    char delimiter = ',';
    std::string line_ending;                  // "lf", "crlf", "cr", "mixed", "none"
    std::string detected_crm;                 // "salesforce", "hubspot", ... or "generic"
    std::vector<mapping_entry> mapping;       // one per canonical field that found a column
    std::vector<std::string> missing_fields;  // canonical fields with no column
    std::vector<warning> warnings;            // structural, then value warnings (capped per column and code)
    size_t rows = 0;
    size_t excluded_rows = 0;  // rows with more fields than the header, left out (csv.row_excluded)
};

/// Read a whole export (bytes as in the file). Errors: those of csv_reader, csv.empty, csv.no_header,
/// mapping.unknown_field, mapping.unknown_header.
result<ingest_result> read_deals(std::string_view bytes, const ingest_options& options = {});

/// The same, streamed: push chunks of any size; identical results whatever the boundaries.
class deal_reader {
public:
    explicit deal_reader(reader_limits limits = {});
    ~deal_reader();
    deal_reader(deal_reader&&) noexcept;
    deal_reader& operator=(deal_reader&&) noexcept;
    /// Error = structural failure (a limit exceeded); the reader then stays failed.
    result<bool> push(std::string_view chunk);
    size_t bytes() const;
    size_t rows() const;
    /// May be called again with other options (mapping overrides): the parsed cells are kept.
    result<ingest_result> finish(const ingest_options& options);

private:
    std::unique_ptr<csv_reader> csv_;
    std::unique_ptr<row_stream> stream_;  // the deals typed as they arrive
};

}  // namespace revdiag
