#include "ingest_columns.h"

#include <unordered_map>

#include "revdiag/values.h"

namespace revdiag {

void warning_sink::add(warning w) {
    const size_t n = ++counts_[{w.code, w.at.field}];
    if (n <= cap_) out_.push_back(std::move(w));
}

void warning_sink::close() {
    for (const auto& [key, n] : counts_) {
        if (n <= cap_) continue;
        const std::string where = key.second.empty() ? std::string() : " in column '" + key.second + "'";
        out_.push_back(make_error("warnings.truncated",
                                  std::to_string(n - cap_) + " more " + key.first + " warnings" + where +
                                      " are not listed.",
                                  location{"csv", 0, 0, "", key.second}));
    }
    counts_.clear();
}

namespace {
class text_interner {
public:
    explicit text_interner(column& c) : c_(c) {}
    uint32_t id(std::string_view v) {
        if (v.empty()) return 0;
        auto [it, added] = ids_.try_emplace(std::string(v), static_cast<uint32_t>(c_.pool.size()));
        if (added) c_.pool.emplace_back(v);
        return it->second;
    }

private:
    column& c_;
    std::unordered_map<std::string, uint32_t> ids_;
};

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
    const std::string raw(trim_value(cells.values[row]));
    sink.add(make_error("value.unparsed",
                        "Line " + std::to_string(line) + ", column '" + cells.header + "': '" + raw + "' is not " +
                            std::string(what) + "; the cell is read as missing.",
                        location{"csv", line, static_cast<uint32_t>(cells.source_index + 1), "", cells.header}));
}
}  // namespace

column build_column(std::string name, field_type type, const source_cells& cells, warning_sink& sink,
                    double divisor) {
    column c = empty_column(std::move(name), type, cells);
    const size_t n = cells.values.size();
    switch (type) {
        case field_type::text: {
            text_interner pool(c);
            c.text.reserve(n);
            for (const std::string_view v : cells.values) c.text.push_back(pool.id(trim_value(v)));
            break;
        }
        case field_type::status: {
            text_interner pool(c);
            for (size_t r = 0; r < n; ++r) {
                const std::string_view v = cells.values[r];
                if (is_missing_value(v)) {
                    c.text.push_back(0);
                } else if (const auto s = parse_status(v)) {
                    c.text.push_back(pool.id(*s));
                } else {
                    warn_unparsed(sink, cells, r, "a deal status (open, won or lost)");
                    c.text.push_back(0);
                }
            }
            break;
        }
        case field_type::money: {
            const money_format f = detect_money_format(cells.values);
            c.number.reserve(n);
            for (size_t r = 0; r < n; ++r) {
                double v = missing_number();
                if (!is_missing_value(cells.values[r])) {
                    if (const auto m = parse_money(cells.values[r], f))
                        v = *m / divisor;
                    else
                        warn_unparsed(sink, cells, r, "an amount");
                }
                c.number.push_back(v);
            }
            break;
        }
        case field_type::percent: {
            const percent_format f = detect_percent_format(cells.values);
            c.number.reserve(n);
            for (size_t r = 0; r < n; ++r) {
                double v = missing_number();
                if (!is_missing_value(cells.values[r])) {
                    if (const auto p = parse_percent(cells.values[r], f))
                        v = *p;
                    else
                        warn_unparsed(sink, cells, r, "a percentage");
                }
                c.number.push_back(v);
            }
            break;
        }
        case field_type::date: {
            const date_format f = detect_date_format(cells.values);
            if (f.ambiguous)
                sink.add(make_error("value.ambiguous_date_order",
                                    "Column '" + cells.header +
                                        "' has no date whose day or month exceeds 12; its dates are read as " +
                                        (f.order == date_order::dmy ? "day/month/year." : "month/day/year."),
                                    location{"csv", 0, static_cast<uint32_t>(cells.source_index + 1), "",
                                             cells.header}));
            c.date.reserve(n);
            for (size_t r = 0; r < n; ++r) {
                day_t d = no_date;
                if (!is_missing_value(cells.values[r])) {
                    if (const auto p = parse_date(cells.values[r], f))
                        d = *p;
                    else
                        warn_unparsed(sink, cells, r, "a date");
                }
                c.date.push_back(d);
            }
            break;
        }
        case field_type::boolean: {
            const bool_format f = detect_bool_format(cells.values);
            c.flag.reserve(n);
            for (size_t r = 0; r < n; ++r) {
                int8_t b = -1;
                if (is_missing_value(cells.values[r])) {
                    if (f.blank_is_false && trim_value(cells.values[r]).empty()) b = 0;
                } else if (const auto p = parse_bool(cells.values[r])) {
                    b = *p ? 1 : 0;
                } else {
                    warn_unparsed(sink, cells, r, "yes or no");
                }
                c.flag.push_back(b);
            }
            break;
        }
    }
    return c;
}

column build_status_from_flags(const source_cells& closed, const source_cells& won, warning_sink& sink) {
    const column is_closed = build_column("is_closed", field_type::boolean, closed, sink);
    const column is_won = build_column("is_won", field_type::boolean, won, sink);
    column c = empty_column("status", field_type::status, closed);
    c.header = closed.header + " + " + won.header;
    text_interner pool(c);
    for (size_t r = 0; r < closed.values.size(); ++r) {
        const int8_t cl = is_closed.flag[r], w = is_won.flag[r];
        if (w == 1)
            c.text.push_back(pool.id(status_won));
        else if (cl == 1)
            c.text.push_back(pool.id(status_lost));
        else if (cl == 0 || trim_value(closed.values[r]).empty())  // a blank IsClosed is not closed
            c.text.push_back(pool.id(status_open));
        else
            c.text.push_back(0);
    }
    return c;
}

column build_status_from_stages(const source_cells& stages) {
    column c = empty_column("status", field_type::status, stages);
    text_interner pool(c);
    for (const std::string_view v : stages.values) {
        if (is_missing_value(v)) {
            c.text.push_back(0);
            continue;
        }
        const auto s = parse_status(v);
        c.text.push_back(pool.id(s && *s != status_open ? *s : status_open));
    }
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
    for (const stage_history_column& h : history) all.insert(all.end(), h.cells.values.begin(), h.cells.values.end());
    const date_format f = detect_date_format(all);
    for (size_t r = 0; r < stages.values.size(); ++r) {
        day_t d = no_date;
        const std::string stage = compact_key(stages.values[r]);
        const std::string pipeline = pipelines ? compact_key(pipelines->values[r]) : std::string();
        for (const stage_history_column& h : history) {
            if (h.stage_key != stage || (!pipeline.empty() && !h.pipeline_key.empty() && h.pipeline_key != pipeline))
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
