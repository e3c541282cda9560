#include "revdiag/ingest.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "ingest/columns.h"
#include "ingest/stream.h"
#include "revdiag/values.h"

namespace revdiag {

namespace {
source_cells cells_of(const csv_table& t, const std::vector<size_t>& rows, const std::vector<uint32_t>& lines,
                      const std::string& header, int index) {
    source_cells s;
    s.header = header;
    s.source_index = index;
    s.lines = &lines;
    s.values.reserve(rows.size());
    const size_t col = static_cast<size_t>(index);
    for (const size_t r : rows) s.values.push_back(col < t.fields(r) ? t.cell(r, col) : std::string_view());
    return s;
}
// The fields every figure of the audit leans on, and a way to name each deal
// (its name, id or account); an export without one says so first, before any
// per-row warning, rather than auditing quietly without it.
void warn_missing_key_fields(ingest_result& r) {
    auto missing = [&r](std::string_view f) {
        return std::find(r.missing_fields.begin(), r.missing_fields.end(), f) != r.missing_fields.end();
    };
    std::string lacking;
    if (missing("deal_name") && missing("deal_id") && missing("account")) lacking = "deal_name";
    for (const std::string_view f : {"stage", "amount", "owner", "close_date"})
        if (missing(f)) lacking += (lacking.empty() ? "" : ", ") + std::string(f);
    if (lacking.empty()) return;
    r.warnings.insert(
        r.warnings.begin(),
        make_error("ingest.missing_fields",
                   "The export has no column for " + lacking +
                       "; the audit reads them as missing in every deal. If the export holds one "
                       "under another name, map that column to it.",
                   location{"csv", 1, 0, "", ""}));
}
}  // namespace

deal_reader::deal_reader(reader_limits limits)
    : csv_(std::make_unique<csv_reader>(limits)), stream_(std::make_unique<row_stream>(limits)) {}
deal_reader::~deal_reader() = default;
deal_reader::deal_reader(deal_reader&&) noexcept = default;
deal_reader& deal_reader::operator=(deal_reader&&) noexcept = default;

result<bool> deal_reader::push(std::string_view chunk) {
    auto pushed = csv_->push(chunk);
    if (pushed) stream_->advance(csv_->table(), csv_->bytes());
    return pushed;
}
size_t deal_reader::bytes() const {
    return csv_->bytes();
}
size_t deal_reader::rows() const {
    return csv_->rows() > 0 ? csv_->rows() - 1 : 0;
}

result<ingest_result> deal_reader::finish(const ingest_options& options) {
    if (auto done = csv_->finish(); !done) return done.err();
    const csv_table& t = csv_->table();
    const csv_info& info = csv_->info();
    if (t.rows() == 0)
        return make_error("csv.empty", "The file holds no header row and no deals.",
                          location{"csv", 1, 0, "", ""});
    ingest_result r;
    r.encoding = info.encoding;
    r.delimiter = info.delimiter;
    r.line_ending = info.line_ending;
    r.warnings = csv_->warnings();
    warning_sink sink(r.warnings);

    // The header row.
    const uint32_t header_line = t.row_line[0];
    std::vector<std::string> headers;
    std::unordered_set<std::string> seen;
    for (size_t f = 0; f < t.fields(0); ++f) {
        std::string h(trim_value(t.cell(0, f)));
        const auto col = static_cast<uint32_t>(f + 1);
        if (h.empty())
            sink.add(make_error("csv.blank_header",
                                "Column " + std::to_string(col) + " of the header on line " +
                                    std::to_string(header_line) + " has no name; it is kept as column_" +
                                    std::to_string(col) + ".",
                                location{"csv", header_line, col, "", ""}));
        else if (!seen.insert(h).second)
            sink.add(make_error("csv.duplicate_header",
                                "Header '" + h + "' appears more than once; column " + std::to_string(col) +
                                    " is kept under a suffixed name.",
                                location{"csv", header_line, col, "", h}));
        headers.push_back(std::move(h));
    }

    if (std::all_of(headers.begin(), headers.end(), [](const std::string& h) { return h.empty(); }))
        return make_error("csv.no_header",
                          "Line " + std::to_string(header_line) +
                              ", the first line with fields, names no column: the file has no header row.",
                          location{"csv", header_line, 1, "", ""});

    // Data rows: footers at the end and blank rows are skipped; ragged rows are kept.
    size_t end = t.rows();
    while (end > 1 && (is_footer_row(t, end - 1) || is_blank_row(t, end - 1))) --end;
    for (size_t row = end; row < t.rows(); ++row)
        if (!is_blank_row(t, row))
            sink.add(make_error("csv.footer_skipped",
                                "Line " + std::to_string(t.row_line[row]) + " looks like a report footer ('" +
                                    std::string(trim_value(t.cell(row, 0))).substr(0, 60) +
                                    "'); it is skipped.",
                                location{"csv", t.row_line[row], 1, "", ""}));
    std::vector<size_t> rows;
    rows.reserve(end);
    for (size_t row = 1; row < end; ++row) {
        const uint32_t line = t.row_line[row];
        if (is_blank_row(t, row)) {
            sink.add(make_error("csv.blank_row",
                                "Line " + std::to_string(line) + " has only empty fields; it is skipped.",
                                location{"csv", line, 0, "", ""}));
            continue;
        }
        if (is_shifted_row(t, row, headers.size())) {
            // An unquoted delimiter too many shifts every later cell: nothing in the row is trusted.
            sink.add(make_error("csv.row_excluded",
                                "Line " + std::to_string(line) + " has " + std::to_string(t.fields(row)) +
                                    " fields where the header has " + std::to_string(headers.size()) +
                                    "; it cannot be read as the header says and is left out of every figure.",
                                location{"csv", line, static_cast<uint32_t>(headers.size() + 1), "", ""}));
            ++r.excluded_rows;
            continue;
        }
        if (t.fields(row) != headers.size())
            sink.add(make_error("csv.ragged_row",
                                "Line " + std::to_string(line) + " has " + std::to_string(t.fields(row)) +
                                    " fields where the header has " + std::to_string(headers.size()) + "; " +
                                    (t.fields(row) < headers.size() ? "the missing ones are read as empty."
                                                                    : "the extra ones are ignored."),
                                location{"csv", line, static_cast<uint32_t>(t.fields(row)), "", ""}));
        rows.push_back(row);
    }
    r.rows = rows.size();
    r.table.line.reserve(rows.size());
    for (const size_t row : rows) r.table.line.push_back(t.row_line[row]);

    // Mapping.
    header_mapping mapping = map_headers(headers);
    if (!options.map.empty()) {
        auto overridden = apply_overrides(std::move(mapping), headers, options.map);
        if (!overridden) return overridden.err();
        mapping = std::move(overridden.value());
    }
    r.detected_crm = mapping.crm;
    r.mapping = mapping.entries;
    auto cells = [&](int index) {
        return cells_of(t, rows, r.table.line, headers[static_cast<size_t>(index)], index);
    };

    // Plain columns (mapped fields, then every unmapped column as text) are
    // built together, reading the file row by row, as it streamed in when it
    // could be; derived ones column by column.
    column_plan plan;
    if (!(options.map.empty() && !csv_->rewrote_cells() && stream_->finish(t, rows, r.table.line, plan))) {
        stream_->abandon();  // one finish uses the typed deals or frees them
        plan = plan_columns(headers, mapping);
        fill_columns(t, rows, r.table.line, plan.sources, plan.builders);
    }
    std::vector<column_builder>& builders = plan.builders;
    for (size_t k = 0; k < mapping.entries.size(); ++k) {
        const mapping_entry& e = mapping.entries[k];
        if (plan.builder_of[k] != SIZE_MAX) {
            r.table.columns.push_back(builders[plan.builder_of[k]].finish(sink));
            continue;
        }
        if (e.how == "is_closed_is_won") {
            const int won = [&] {
                for (size_t c = 0; c < headers.size(); ++c)
                    if (compact_key(headers[c]) == "iswon") return static_cast<int>(c);
                return -1;
            }();
            r.table.columns.push_back(build_status_from_flags(cells(e.source_index), cells(won), sink));
            r.table.columns.back().source_index = -1;
        } else if (e.how == "date_entered_columns") {
            std::vector<stage_history_column> history;
            const source_cells* pipelines = nullptr;
            source_cells pipeline_cells;
            for (size_t c = 0; c < headers.size(); ++c) {
                stage_history_column h;
                if (parse_date_entered_header(headers[c], h.stage_key, h.pipeline_key)) {
                    h.cells = cells(static_cast<int>(c));
                    history.push_back(std::move(h));
                } else if (compact_key(headers[c]) == "pipeline" && !pipelines) {
                    pipeline_cells = cells(static_cast<int>(c));
                    pipelines = &pipeline_cells;
                }
            }
            const mapping_entry* stage = nullptr;
            for (const mapping_entry& s : mapping.entries)
                if (s.field == "stage") stage = &s;
            r.table.columns.push_back(
                build_stage_entered(history, cells(stage->source_index), pipelines, sink));
        } else {  // stage_names
            // From the stage column's distinct names, not from every cell: it is built
            // already, since mapping entries are in canonical order (stage before status).
            const column* stage = r.table.find("stage");
            if (!stage) continue;
            column c = build_status_from_stages(*stage);
            c.source_index = -1;
            c.header.clear();
            r.table.columns.push_back(std::move(c));
        }
    }
    for (const canonical_field& f : canonical_fields())
        if (!r.table.find(f.id)) r.missing_fields.emplace_back(f.id);
    warn_missing_key_fields(r);

    // Unmapped columns stay available to rules as text under their normalized names.
    for (size_t k = plan.first_extra; k < builders.size(); ++k)
        r.table.columns.push_back(builders[k].finish(sink));
    sink.close();
    return r;
}

result<ingest_result> read_deals(std::string_view bytes, const ingest_options& options) {
    reader_limits limits = options.limits;
    if (limits.expected_bytes == 0) limits.expected_bytes = bytes.size();
    deal_reader reader(limits);
    if (auto pushed = reader.push(bytes); !pushed) return pushed.err();
    return reader.finish(options);
}

}  // namespace revdiag
