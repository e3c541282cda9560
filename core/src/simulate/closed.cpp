#include "simulate/closed.h"

#include <cmath>

#include "revdiag/values.h"

namespace revdiag::simulate_detail {

std::vector<outcome_of_deal> deal_outcomes(const deal_table& table, const process& p,
                                           const audit_options& options) {
    std::vector<outcome_of_deal> out(table.rows(), outcome_of_deal::open);
    const column* status = table.find("status");
    if (status && status->type != field_type::status && status->type != field_type::text) status = nullptr;
    const column* stage = table.find("stage");
    if (stage && stage->type != field_type::text) stage = nullptr;
    // The recorded stage per distinct value, as the audit matches it (stage map first).
    std::vector<int> by_text;
    if (stage) {
        by_text.assign(stage->pool.size(), -1);
        for (size_t i = 1; i < stage->pool.size(); ++i) {
            const std::string key = normalize_key(stage->pool[i]);
            int found = -1;
            for (const auto& [from, to] : options.stage_map) {
                if (normalize_key(from) != key) continue;
                for (size_t s = 0; s < p.stages.size() && found < 0; ++s)
                    if (p.stages[s].id == to) found = static_cast<int>(s);
            }
            by_text[i] = found >= 0 ? found : match_stage(p, stage->pool[i]);
        }
    }
    for (size_t row = 0; row < table.rows(); ++row) {
        const std::string_view st = status ? status->text_at(row) : std::string_view();
        if (st == status_won) {
            out[row] = outcome_of_deal::won;
            continue;
        }
        if (st == status_lost) {
            out[row] = outcome_of_deal::lost;
            continue;
        }
        const int s = stage ? by_text[stage->text[row]] : -1;
        if (s < 0) continue;
        if (p.stages[static_cast<size_t>(s)].closed_won) out[row] = outcome_of_deal::won;
        if (p.stages[static_cast<size_t>(s)].closed_lost) out[row] = outcome_of_deal::lost;
    }
    return out;
}

int64_t cents_at(const column* amount, size_t row) {
    if (!amount || amount->type != field_type::money) return 0;
    const double v = amount->number[row];
    if (std::isnan(v) || std::isinf(v)) return 0;
    return std::llround(v * 100.0);
}

namespace {

std::string compact(std::string_view s) {
    std::string out;
    for (const char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.push_back(c);
        else if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c - 'A' + 'a'));
    return out;
}

// `Date entered "Proposal (Sales Pipeline)"` -> "Proposal"; "" when not such a header.
std::string entered_stage_name(std::string_view header) {
    constexpr std::string_view prefix = "date entered";
    if (header.size() <= prefix.size() || compact(header.substr(0, prefix.size())) != "dateentered")
        return {};
    std::string rest(header.substr(prefix.size()));
    std::string name;
    for (const char c : rest)
        if (c != '"' && c != '\'') name.push_back(c);
    if (const size_t paren = name.find('('); paren != std::string::npos) name.erase(paren);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t' || name.front() == ':'))
        name.erase(name.begin());
    return name;
}

}  // namespace

std::vector<std::vector<day_t>> stage_entries(const deal_table& table, const process& p) {
    std::vector<std::vector<day_t>> entries;
    for (const column& c : table.columns) {
        if (c.header.empty()) continue;
        const std::string name = entered_stage_name(c.header);
        if (name.empty()) continue;
        const int s = match_stage(p, name);
        if (s < 0) continue;
        if (entries.empty()) entries.assign(p.stages.size(), {});
        std::vector<day_t>& days = entries[static_cast<size_t>(s)];
        if (days.empty()) days.assign(table.rows(), no_date);
        if (c.type == field_type::date) {
            for (size_t row = 0; row < table.rows(); ++row)
                if (days[row] == no_date) days[row] = c.date[row];
            continue;
        }
        if (c.type != field_type::text) continue;
        date_format_detector detector;
        for (size_t i = 1; i < c.pool.size(); ++i) detector.add(c.pool[i]);
        const date_format format = detector.result();
        std::vector<day_t> parsed(c.pool.size(), no_date);
        for (size_t i = 1; i < c.pool.size(); ++i)
            if (const auto d = parse_date(c.pool[i], format)) parsed[i] = *d;
        for (size_t row = 0; row < table.rows(); ++row)
            if (days[row] == no_date) days[row] = parsed[c.text[row]];
    }
    return entries;
}

}  // namespace revdiag::simulate_detail
