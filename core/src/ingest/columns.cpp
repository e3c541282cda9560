#include "ingest/columns.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "revdiag/values.h"

namespace revdiag {

void warning_sink::add(warning w) {
    const size_t n = ++counts_[{w.code, w.at.field}];
    if (n <= cap_) out_.push_back(std::move(w));
}

void warning_sink::add_dropped(const std::string& code, const std::string& field, size_t n) {
    if (n > 0) counts_[{code, field}] += n;
}

void warning_sink::close() {
    for (const auto& [key, n] : counts_) {
        if (n <= cap_) continue;
        const std::string where = key.second.empty() ? std::string() : " in column '" + key.second + "'";
        out_.push_back(make_error(
            "warnings.truncated",
            std::to_string(n - cap_) + " more " + key.first + " warnings" + where + " are not listed.",
            location{"csv", 0, 0, "", key.second}));
    }
    counts_.clear();
}

text_interner::text_interner(bool adaptive) : slots_(1024, 0), adaptive_(adaptive) {}

namespace {
uint64_t hash_text(std::string_view v) {
    uint64_t h = 0x9E3779B97F4A7C15ull * (v.size() + 1);
    size_t i = 0;
    for (; i + 8 <= v.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, v.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    std::memcpy(&w, v.data() + i, v.size() - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}
// After this many values, a column with more than 3 in 4 distinct stops interning.
constexpr size_t adaptive_sample = 4096;
}  // namespace

uint32_t text_interner::id(text_pool& pool, std::string_view v) {
    if (v.empty()) return 0;
    if (adaptive_ && !appending_ && ++seen_ == adaptive_sample &&
        4 * (pool.size() - 1) > 3 * adaptive_sample) {
        appending_ = true;
        slots_ = {};
    }
    if (appending_) {
        pool.push_back(v);
        return static_cast<uint32_t>(pool.size() - 1);
    }
    const uint64_t h = hash_text(v);
    const uint64_t tag = h & 0xFFFFFFFF00000000ull;
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>(h >> 32) & mask;
    while (const uint64_t slot = slots_[i]) {
        if ((slot & 0xFFFFFFFF00000000ull) == tag) {
            const auto at = static_cast<uint32_t>(slot);
            if (pool[at] == v) return at;
        }
        i = (i + 1) & mask;
    }
    const auto added = static_cast<uint32_t>(pool.size());
    pool.push_back(v);
    slots_[i] = tag | added;
    if (2 * pool.size() > slots_.size()) grow();
    return added;
}

// Rehashes from the kept upper hash bits, which also choose the slot: no text is read.
void text_interner::grow() {
    std::vector<uint64_t> slots(slots_.size() * 2, 0);
    const size_t mask = slots.size() - 1;
    for (const uint64_t slot : slots_) {
        if (!slot) continue;
        size_t i = static_cast<size_t>(slot >> 32) & mask;
        while (slots[i]) i = (i + 1) & mask;
        slots[i] = slot;
    }
    slots_.swap(slots);
}

namespace {
column empty_column(std::string name, field_type type, const source_cells& cells) {
    column c;
    c.name = std::move(name);
    c.header = cells.header;
    c.type = type;
    c.source_index = cells.source_index;
    return c;
}

void warn_unparsed(warning_sink& sink, const source_cells& cells, size_t row, std::string_view what) {
    const uint32_t line = (*cells.lines)[row];
    const std::string raw = shown_cell(cells.values[row]);
    sink.add(
        make_error("value.unparsed",
                   "Line " + std::to_string(line) + ", column '" + cells.header + "': '" + raw + "' is not " +
                       std::string(what) + "; the cell is read as missing.",
                   location{"csv", line, static_cast<uint32_t>(cells.source_index + 1), "", cells.header}));
}
}  // namespace

column_builder::column_builder(std::string name, field_type type, std::string header, int source_index,
                               double divisor)
    : divisor_(divisor) {
    c_.name = std::move(name);
    c_.header = std::move(header);
    c_.type = type;
    c_.source_index = source_index;
}

void column_builder::observe(std::string_view cell) {
    switch (c_.type) {
        case field_type::money:
            money_detector_.add(cell);
            break;
        case field_type::percent:
            percent_detector_.add(cell);
            break;
        case field_type::date:
            date_detector_.add(cell);
            break;
        case field_type::boolean:
            bool_detector_.add(cell);
            break;
        case field_type::text:
        case field_type::status:
            break;
    }
}

void column_builder::decide(size_t rows) {
    switch (c_.type) {
        case field_type::text:
        case field_type::status:
            c_.text.reserve(rows);
            break;
        case field_type::money:
            money_ = money_detector_.result();
            c_.number.reserve(rows);
            break;
        case field_type::percent:
            percent_ = percent_detector_.result();
            c_.number.reserve(rows);
            break;
        case field_type::date:
            date_ = date_detector_.result();
            if (date_.ambiguous)
                warnings_.push_back(make_error(
                    "value.ambiguous_date_order",
                    "Column '" + c_.header +
                        "' has no date whose day or month exceeds 12; its dates are read as " +
                        (date_.order == date_order::dmy ? "day/month/year." : "month/day/year."),
                    location{"csv", 0, static_cast<uint32_t>(c_.source_index + 1), "", c_.header}));
            c_.date.reserve(rows);
            break;
        case field_type::boolean:
            bool_ = bool_detector_.result();
            c_.flag.reserve(rows);
            break;
    }
}

bool column_builder::decision_holds() const {
    switch (c_.type) {
        case field_type::money:
            return money_detector_.result().decimal_comma == money_.decimal_comma;
        case field_type::percent:
            return percent_detector_.result().fraction == percent_.fraction;
        case field_type::date: {
            const date_format d = date_detector_.result();
            return d.order == date_.order && d.excel_serial == date_.excel_serial &&
                   d.ambiguous == date_.ambiguous;
        }
        case field_type::boolean:
            return bool_detector_.result().blank_is_false == bool_.blank_is_false;
        case field_type::text:
        case field_type::status:
            return true;
    }
    return true;
}

std::string shown_cell(std::string_view cell) {
    constexpr size_t most = 60;
    cell = trim_value(cell);
    if (cell.size() <= most) return std::string(cell);
    size_t cut = most;
    while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80) --cut;
    return std::string(cell.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

void column_builder::warn(const char* code, size_t& count, uint32_t line, std::string message) {
    if (++count > warning_sink::default_cap) return;
    warnings_.push_back(make_error(
        code, "Line " + std::to_string(line) + ", column '" + c_.header + "': " + std::move(message),
        location{"csv", line, static_cast<uint32_t>(c_.source_index + 1), "", c_.header}));
}

void column_builder::warn_unparsed(std::string_view cell, uint32_t line, std::string_view what) {
    warn("value.unparsed", unparsed_, line,
         "'" + shown_cell(cell) + "' is not " + std::string(what) + "; the cell is read as missing.");
}

// Amounts are bounded one by one and as a column, so no total built from them
// can wrap or lose a cent; what goes past a bound is reported and left out.
double column_builder::read_money(std::string_view cell, uint32_t line) {
    const auto m = parse_money(cell, money_);
    if (!m) {
        warn_unparsed(cell, line, "an amount");
        return missing_number();
    }
    if (contradicts_money_format(cell, money_)) {
        warn("value.decimal_mismatch", mismatched_, line,
             "'" + shown_cell(cell) + "' writes a decimal " + (money_.decimal_comma ? "point" : "comma") +
                 " where the column writes a decimal " + (money_.decimal_comma ? "comma" : "point") +
                 "; the cell is read as missing.");
        return missing_number();
    }
    const double v = *m / divisor_;
    if (!(std::fabs(v) <= max_money_amount)) {
        warn("value.implausible_amount", implausible_, line,
             "'" + shown_cell(cell) +
                 "' is beyond 10,000,000,000,000, the largest amount read; the cell is read as missing.");
        return missing_number();
    }
    const int64_t cents = std::llabs(std::llround(v * 100.0));
    if (cents > max_money_total_cents - money_total_) {
        warn("value.amount_total_too_large", over_total_, line,
             "'" + shown_cell(cell) +
                 "' would take the column's total past 90,071,992,547,409.92, the most that stays exact; "
                 "the cell is read as missing.");
        return missing_number();
    }
    money_total_ += cents;
    return v;
}

void column_builder::add(std::string_view cell, uint32_t line) {
    switch (c_.type) {
        case field_type::text:
            c_.text.push_back(pool_.id(c_.pool, trim_value(cell)));
            return;
        case field_type::status:
            if (is_missing_value(cell)) {
                c_.text.push_back(0);
            } else if (const auto s = parse_status(cell)) {
                c_.text.push_back(pool_.id(c_.pool, *s));
            } else {
                warn_unparsed(cell, line, "a deal status (open, won or lost)");
                c_.text.push_back(0);
            }
            return;
        case field_type::money:
            c_.number.push_back(is_missing_value(cell) ? missing_number() : read_money(cell, line));
            return;
        case field_type::percent: {
            double v = missing_number();
            if (!is_missing_value(cell)) {
                if (const auto p = parse_percent(cell, percent_))
                    v = *p;
                else
                    warn_unparsed(cell, line, "a percentage");
            }
            c_.number.push_back(v);
            return;
        }
        case field_type::date: {
            day_t d = no_date;
            if (!is_missing_value(cell)) {
                if (const auto p = parse_date(cell, date_))
                    d = *p;
                else
                    warn_unparsed(cell, line, "a date");
            }
            c_.date.push_back(d);
            return;
        }
        case field_type::boolean: {
            int8_t b = -1;
            if (is_missing_value(cell)) {
                if (bool_.blank_is_false && trim_value(cell).empty()) b = 0;
            } else if (const auto p = parse_bool(cell)) {
                b = *p ? 1 : 0;
            } else {
                warn_unparsed(cell, line, "yes or no");
            }
            c_.flag.push_back(b);
            return;
        }
    }
}

column column_builder::finish(warning_sink& sink) {
    for (warning& w : warnings_) sink.add(std::move(w));
    for (auto [code, count] : {std::pair<const char*, size_t*>{"value.unparsed", &unparsed_},
                               {"value.decimal_mismatch", &mismatched_},
                               {"value.implausible_amount", &implausible_},
                               {"value.amount_total_too_large", &over_total_}}) {
        if (*count > warning_sink::default_cap)
            sink.add_dropped(code, c_.header, *count - warning_sink::default_cap);
        *count = 0;
    }
    warnings_.clear();
    return std::move(c_);
}

column build_column(std::string name, field_type type, const source_cells& cells, warning_sink& sink,
                    double divisor) {
    column_builder b(std::move(name), type, cells.header, cells.source_index, divisor);
    if (b.observes())
        for (const std::string_view v : cells.values) b.observe(v);
    b.decide(cells.values.size());
    for (size_t r = 0; r < cells.values.size(); ++r) b.add(cells.values[r], (*cells.lines)[r]);
    return b.finish(sink);
}

column build_status_from_flags(const source_cells& closed, const source_cells& won, warning_sink& sink) {
    const column is_closed = build_column("is_closed", field_type::boolean, closed, sink);
    const column is_won = build_column("is_won", field_type::boolean, won, sink);
    column c = empty_column("status", field_type::status, closed);
    c.header = closed.header + " + " + won.header;
    text_interner pool;
    for (size_t r = 0; r < closed.values.size(); ++r) {
        const int8_t cl = is_closed.flag[r], w = is_won.flag[r];
        if (w == 1)
            c.text.push_back(pool.id(c.pool, status_won));
        else if (cl == 1)
            c.text.push_back(pool.id(c.pool, status_lost));
        else if (cl == 0 || trim_value(closed.values[r]).empty())  // a blank IsClosed is not closed
            c.text.push_back(pool.id(c.pool, status_open));
        else
            c.text.push_back(0);
    }
    return c;
}

column build_status_from_stages(const column& stages) {
    column c;
    c.name = "status";
    c.header = stages.header;
    c.type = field_type::status;
    c.source_index = stages.source_index;
    text_interner pool;
    std::vector<uint32_t> status_of(stages.pool.size(), 0);
    for (size_t id = 1; id < stages.pool.size(); ++id) {
        const std::string_view v = stages.pool[id];
        if (is_missing_value(v)) continue;
        const auto s = parse_status(v);
        status_of[id] = pool.id(c.pool, s && *s != status_open ? *s : status_open);
    }
    c.text.reserve(stages.text.size());
    for (const uint32_t id : stages.text) c.text.push_back(status_of[id]);
    return c;
}

bool parse_date_entered_header(std::string_view header, std::string& stage_key, std::string& pipeline_key) {
    std::string_view h = trim_value(header);
    constexpr std::string_view prefix = "date entered";
    if (h.size() <= prefix.size() || compact_key(h.substr(0, prefix.size())) != "dateentered") return false;
    h.remove_prefix(prefix.size());
    while (!h.empty() && (h.front() == ' ' || h.front() == '"' || h.front() == '\'')) h.remove_prefix(1);
    while (!h.empty() && (h.back() == ' ' || h.back() == '"' || h.back() == '\'')) h.remove_suffix(1);
    pipeline_key.clear();
    if (const size_t open = h.rfind(" ("); open != std::string_view::npos && !h.empty() && h.back() == ')') {
        pipeline_key = compact_key(h.substr(open + 2, h.size() - open - 3));
        h = h.substr(0, open);
    }
    stage_key = compact_key(h);
    return !stage_key.empty();
}

column build_stage_entered(const std::vector<stage_history_column>& history, const source_cells& stages,
                           const source_cells* pipelines, warning_sink& sink) {
    column c = empty_column("stage_entered_date", field_type::date, stages);
    c.source_index = -1;
    c.header.clear();
    std::vector<std::string_view> all;
    for (const stage_history_column& h : history)
        all.insert(all.end(), h.cells.values.begin(), h.cells.values.end());
    const date_format f = detect_date_format(all);
    for (size_t r = 0; r < stages.values.size(); ++r) {
        day_t d = no_date;
        const std::string stage = compact_key(stages.values[r]);
        const std::string pipeline = pipelines ? compact_key(pipelines->values[r]) : std::string();
        for (const stage_history_column& h : history) {
            if (h.stage_key != stage ||
                (!pipeline.empty() && !h.pipeline_key.empty() && h.pipeline_key != pipeline))
                continue;
            const std::string_view v = h.cells.values[r];
            if (is_missing_value(v)) continue;
            if (const auto p = parse_date(v, f)) {
                d = *p;
                break;
            }
            warn_unparsed(sink, h.cells, r, "a date");
        }
        c.date.push_back(d);
    }
    return c;
}

}  // namespace revdiag
