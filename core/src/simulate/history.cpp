// History learned from the export's closed deals (DESIGN §5): win rate, average
// won amount, cycle length, sales velocity and, where the export carries a
// stage history, per-stage conversion, win rate and days in stage. Every figure
// keeps the number of closed deals it rests on; below 30 won and 30 lost it is
// shown but not used.
#include "revdiag/simulate.h"
#include "simulate/closed.h"

namespace revdiag {

using simulate_detail::outcome_of_deal;

namespace {

learned_figure mean_of(double sum, int64_t n) {
    learned_figure f;
    f.sample = n;
    f.available = n > 0;
    f.value = n > 0 ? sum / static_cast<double>(n) : 0;
    return f;
}

learned_figure ratio_of(int64_t part, int64_t whole) {
    learned_figure f;
    f.sample = whole;
    f.available = whole > 0;
    f.value = whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0;
    return f;
}

// The pipeline stages in order (not closed, not holding).
std::vector<int> pipeline_stages(const process& p) {
    std::vector<int> out;
    for (size_t i = 0; i < p.stages.size(); ++i) {
        const stage& s = p.stages[i];
        if (!s.holding && !s.closed_won && !s.closed_lost) out.push_back(static_cast<int>(i));
    }
    return out;
}

void learn_stages(history_report& h, const deal_table& table, const process& p,
                  const std::vector<outcome_of_deal>& outcomes) {
    const std::vector<std::vector<day_t>> entries = simulate_detail::stage_entries(table, p);
    if (entries.empty()) return;
    h.has_stage_history = true;
    const std::vector<int> order = pipeline_stages(p);
    for (size_t pos = 0; pos < order.size(); ++pos) {
        const std::vector<day_t>& here = entries[static_cast<size_t>(order[pos])];
        stage_history s;
        s.stage = order[pos];
        int64_t went_on = 0, timed = 0;
        double days_sum = 0;
        for (size_t row = 0; row < table.rows() && !here.empty(); ++row) {
            const outcome_of_deal o = outcomes[row];
            if (o == outcome_of_deal::open || here[row] == no_date) continue;
            ++s.reached;
            if (o == outcome_of_deal::won) ++s.won;
            if (o == outcome_of_deal::lost) ++s.lost;
            // The next stage entered is the earliest entry into any later stage.
            day_t next = no_date;
            for (size_t later = pos + 1; later < order.size(); ++later) {
                const std::vector<day_t>& there = entries[static_cast<size_t>(order[later])];
                if (there.empty() || there[row] == no_date) continue;
                if (next == no_date || there[row] < next) next = there[row];
            }
            if (next != no_date || o == outcome_of_deal::won) ++went_on;
            if (next != no_date && next >= here[row]) {
                ++timed;
                days_sum += static_cast<double>(next - here[row]);
            }
        }
        s.conversion = ratio_of(went_on, s.reached);
        s.win_rate = ratio_of(s.won, s.won + s.lost);
        s.days_in_stage = mean_of(days_sum, timed);
        s.used = s.won >= history_minimum && s.lost >= history_minimum;
        h.stages.push_back(s);
    }
}

}  // namespace

history_report learn_history(const deal_table& table, const process& p, const audit_options& options,
                             const audit_report& audit) {
    history_report h;
    const std::vector<outcome_of_deal> outcomes = simulate_detail::deal_outcomes(table, p, options);
    const column* amount = table.find("amount");
    const column* created = table.find("created_date");
    const column* close = table.find("close_date");
    if (created && created->type != field_type::date) created = nullptr;
    if (close && close->type != field_type::date) close = nullptr;
    double won_sum = 0, cycle_sum = 0;
    int64_t won_with_amount = 0, cycles = 0;
    for (size_t row = 0; row < table.rows(); ++row) {
        if (outcomes[row] == outcome_of_deal::lost) ++h.lost;
        if (outcomes[row] != outcome_of_deal::won) continue;
        ++h.won;
        if (amount && amount->type == field_type::money && !amount->is_missing(row)) {
            ++won_with_amount;
            won_sum += static_cast<double>(simulate_detail::cents_at(amount, row));
        }
        if (created && close && created->date[row] != no_date && close->date[row] != no_date &&
            close->date[row] >= created->date[row]) {
            ++cycles;
            cycle_sum += static_cast<double>(close->date[row] - created->date[row]);
        }
    }
    h.win_rate = ratio_of(h.won, h.won + h.lost);
    h.average_won_cents = mean_of(won_sum, won_with_amount);
    h.cycle_days = mean_of(cycle_sum, cycles);
    h.velocity_cents_per_day.sample = h.won + h.lost;
    h.velocity_cents_per_day.available = h.win_rate.available && h.average_won_cents.available &&
                                         h.cycle_days.available && h.cycle_days.value > 0;
    if (h.velocity_cents_per_day.available)
        h.velocity_cents_per_day.value = static_cast<double>(audit.open_deals) * h.win_rate.value *
                                         h.average_won_cents.value / h.cycle_days.value;
    h.used = h.won >= history_minimum && h.lost >= history_minimum;
    learn_stages(h, table, p, outcomes);
    return h;
}

}  // namespace revdiag
