// Private to ingest: warnings capped per column and code, and the builders of
// typed columns from the raw cells of one source column.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/deals.h"
#include "revdiag/error.h"
#include "revdiag/values.h"

namespace revdiag {

/// Keeps the first few warnings of each (code, column) and counts the rest, so a
/// million bad cells cost a handful of warnings and one count.
class warning_sink {
public:
    static constexpr size_t default_cap = 20;
    explicit warning_sink(std::vector<warning>& out, size_t cap = default_cap) : out_(out), cap_(cap) {}
    void add(warning w);
    /// Counts `n` more warnings of (code, field) that were dropped before reaching the sink.
    void add_dropped(const std::string& code, const std::string& field, size_t n);
    /// Appends one `warnings.truncated` per (code, column) that went over the cap.
    void close();

private:
    std::vector<warning>& out_;
    size_t cap_;
    std::map<std::pair<std::string, std::string>, size_t> counts_;
};

/// The cells of one source column for the kept rows, and their lines.
struct source_cells {
    std::vector<std::string_view> values;  // "" where a short row lacks the cell
    const std::vector<uint32_t>* lines = nullptr;
    std::string header;
    int source_index = -1;
};

/// Texts -> pool indices by open addressing: no heap string per value. Each slot
/// keeps the upper hash bits beside the index, so a probe rarely touches the pool.
/// With `adaptive`, a column whose values are nearly all distinct (ids, names)
/// stops being interned after a sample: each value is appended as it comes, which
/// costs the same bytes and saves the table. Pools may then repeat a text.
class text_interner {
public:
    explicit text_interner(bool adaptive = false);
    uint32_t id(text_pool& pool, std::string_view v);

private:
    void grow();
    std::vector<uint64_t> slots_;  // (hash >> 32) << 32 | index; 0 = empty
    bool adaptive_;
    bool appending_ = false;
    size_t seen_ = 0;
};

/// One typed column from its cells fed in file order, in two passes so that a
/// file is read row by row (its bytes in order) rather than column by column:
/// observe() every cell (the column's conventions), decide(), then add() every
/// cell. Unparsable cells are missing and warned (`value.unparsed`); an
/// undecidable day/month order is warned once (`value.ambiguous_date_order`).
class column_builder {
public:
    column_builder(std::string name, field_type type, std::string header, int source_index,
                   double divisor = 1.0);
    /// Text columns need no first pass.
    bool observes() const { return c_.type != field_type::text && c_.type != field_type::status; }
    void observe(std::string_view cell);
    void decide(size_t rows);
    void add(std::string_view cell, uint32_t line);
    /// True when every cell observed so far decides the conventions decide() chose.
    bool decision_holds() const;
    /// A new, empty builder of the same column.
    column_builder restarted() const {
        return column_builder(c_.name, c_.type, c_.header, c_.source_index, divisor_);
    }
    /// The column; its warnings go to `sink` in the order they arose.
    column finish(warning_sink& sink);

private:
    void warn_unparsed(std::string_view cell, uint32_t line, std::string_view what);
    /// Keeps the first few warnings of `code` (counted in `count`), so a column costs a bounded list.
    void warn(const char* code, size_t& count, uint32_t line, std::string message);
    /// The amount of a money cell, or NaN after warning why it is kept out of the figures.
    double read_money(std::string_view cell, uint32_t line);

    column c_;
    double divisor_;
    text_interner pool_{true};
    money_format_detector money_detector_;
    date_format_detector date_detector_;
    bool_format_detector bool_detector_;
    percent_format_detector percent_detector_;
    money_format money_;
    date_format date_;
    bool_format bool_;
    percent_format percent_;
    std::vector<warning> warnings_;                             // the first few of each code
    size_t unparsed_ = 0;                                       // value.unparsed warnings, kept or not
    size_t implausible_ = 0, over_total_ = 0, mismatched_ = 0;  // the same for the money codes
    int64_t money_total_ = 0;  // absolute cents kept so far, at most max_money_total_cents
};

/// A column of `type` from the cells; unparsable cells are missing and warned
/// (`value.unparsed`), an undecidable day/month order is warned once
/// (`value.ambiguous_date_order`). `divisor` scales money (Close's cents).
column build_column(std::string name, field_type type, const source_cells& cells, warning_sink& sink,
                    double divisor = 1.0);
/// A status column from IsClosed + IsWon flags (closed and won -> won, closed -> lost, else open).
column build_status_from_flags(const source_cells& closed, const source_cells& won, warning_sink& sink);
/// A status column from stage names: `Closed Won` -> won, `Lost` -> lost, any other stage -> open.
/// Each distinct stage name is read once.
column build_status_from_stages(const column& stages);

/// The text of a cell as shown in a message: at most 60 bytes, cut at a character boundary.
std::string shown_cell(std::string_view cell);

/// One `Date entered "<Stage> (<Pipeline>)"` column: its stage and pipeline as compact keys.
struct stage_history_column {
    source_cells cells;
    std::string stage_key;
    std::string pipeline_key;
};
/// The stage_entered_date of each row from the history column of its stage (and
/// pipeline, when `pipelines` is given); unparsable dates are warned.
column build_stage_entered(const std::vector<stage_history_column>& history, const source_cells& stages,
                           const source_cells* pipelines, warning_sink& sink);
/// The stage and pipeline keys named by a `Date entered "<Stage> (<Pipeline>)"` header; false otherwise.
bool parse_date_entered_header(std::string_view header, std::string& stage_key, std::string& pipeline_key);

}  // namespace revdiag
