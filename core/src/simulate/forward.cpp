// The pipeline forward in time (DESIGN §5). Day k is, by definition, the audit
// as of as_of + k. Instead of running that audit for every day, each open deal
// is judged (with the audit's own per-deal rules, deal_judge) only on the days
// its state can change: a date of the row plus 0 or 1 day, plus each calendar
// threshold, plus the business-day threshold. Between two such days every rule
// of §3 reads the same comparisons, so the state holds; the daily series is
// then a sum over intervals (difference arrays), not 90 audits.
#include <algorithm>
#include <limits>

#include "revdiag/simulate.h"

namespace revdiag {

std::string_view to_string(forward_state s) {
    static constexpr std::string_view names[] = {"follow_up_due", "reengage_due", "stale", "archive_due",
                                                 "close_date_passed"};
    return names[static_cast<size_t>(s)];
}

std::string_view to_string(forward_event e) {
    static constexpr std::string_view names[] = {"follow_up_due", "reengage_due",      "stale",
                                                 "archive_due",   "close_date_passed", "moved_to_holding",
                                                 "archived",      "responded"};
    return names[static_cast<size_t>(e)];
}

bool response_rates::any() const {
    if (all > 0) return true;
    for (const auto& entry : per_stage)
        if (entry.second > 0) return true;
    return false;
}

double response_rates::of(const process& p, int stage) const {
    if (stage >= 0)
        for (const auto& [id, rate] : per_stage)
            if (p.stages[static_cast<size_t>(stage)].id == id) return rate;
    return all;
}

namespace {

constexpr int never = std::numeric_limits<int>::max();
// The activity columns of the evidence tiers (DESIGN §2.1): buyer, two-way, rep.
constexpr const char* activity_tiers[] = {"last_buyer_activity_date", "last_contact_date",
                                          "last_activity_date"};
constexpr unsigned state_bits_mask = (1u << forward_state_count) - 1;
constexpr unsigned open_bit = forward_state_count;  // tally slots: the states, then open, then real
constexpr unsigned real_bit = forward_state_count + 1;
constexpr unsigned tally_slots = forward_state_count + 2;

unsigned state_bits(const deal_verdict& v) {
    unsigned b = 1u << open_bit;
    if (v.has(finding_code::follow_up_overdue)) b |= 1u << 0;
    if (v.has(finding_code::reengage_due)) b |= 1u << 1;
    if (v.has(finding_code::stale)) b |= 1u << 2;
    if (v.has(finding_code::archive_due)) b |= 1u << 3;
    if (v.has(finding_code::close_date_passed)) b |= 1u << 4;
    if (v.in_real_pipeline) b |= 1u << real_bit;
    return b;
}

// The first day D after `from` with business_days_between(from, D) >= n (n > 0).
day_t business_threshold(day_t from, int n) {
    const int weeks = (n - 1) / 5;
    day_t d = from + 7 * weeks;
    int count = 5 * weeks;
    while (count < n) {
        ++d;
        if (weekday(d) < 5) ++count;
    }
    return d;
}

// Whether any criterion reads the as-of date (days_since, business_days_since,
// days_until): then a deal's real stage can change on any day.
bool criteria_read_as_of(const process& p) {
    for (const stage& s : p.stages)
        for (const criterion& c : s.criteria)
            if (c.program.text().find("days_") != std::string::npos) return true;
    return false;
}

struct simulation {
    deal_table& table;
    const process& p;
    day_t as_of;
    const forward_options& settings;
    deal_judge judge;
    std::vector<const column*> dates;  // every date column of the table
    bool every_day = false;
    int holding = -1;
    uint32_t holding_text = 0;
    column* stage_col = nullptr;
    column* entered_col = nullptr;
    std::vector<column*> activity_cols;  // every activity tier the export records
    column* response_col = nullptr;
    std::vector<std::array<count_amount, tally_slots>> delta;
    forward_series out;
    std::vector<int> candidates;

    simulation(deal_table& t, const process& proc, const audit_options& options, day_t day,
               const forward_options& s)
        : table(t), p(proc), as_of(day), settings(s), judge(t, proc, options) {
        for (const column& c : table.columns)
            if (c.type == field_type::date) dates.push_back(&c);
        every_day = criteria_read_as_of(p);
        for (size_t i = 0; i < p.stages.size(); ++i)
            if (p.stages[i].holding && holding < 0) holding = static_cast<int>(i);
        stage_col = table.find("stage");
        entered_col = table.find("stage_entered_date");
        for (const char* name : activity_tiers)
            if (column* c = table.find(name); c && c->type == field_type::date) activity_cols.push_back(c);
        response_col = table.find("last_buyer_response_date");
        if (stage_col && holding >= 0) {
            const std::string& name = p.stages[static_cast<size_t>(holding)].name;
            for (uint32_t i = 1; i < stage_col->pool.size(); ++i)
                if (stage_col->pool[i] == name) holding_text = i;
        }
        delta.assign(static_cast<size_t>(settings.days) + 2, {});
        out.days.resize(static_cast<size_t>(settings.days) + 1);
    }

    void add_candidate(int64_t day) {
        const int64_t k = day - as_of;
        if (k > 0 && k <= settings.days) candidates.push_back(static_cast<int>(k));
    }

    // Every day in (0, days] on which the row's state may change, ascending.
    void collect_candidates(size_t row) {
        candidates.clear();
        if (every_day) {
            for (int k = 1; k <= settings.days; ++k) candidates.push_back(k);
            return;
        }
        const thresholds& l = p.limits;
        for (const column* c : dates) {
            const day_t v = c->date[row];
            if (v == no_date) continue;
            add_candidate(int64_t{v});
            add_candidate(int64_t{v} + 1);
            add_candidate(int64_t{v} + l.inactive_after_days);
            add_candidate(int64_t{v} + l.reengage_after_days);
            add_candidate(int64_t{v} + l.reengagement_window_days);
            if (l.follow_up_business_days > 0 && int64_t{v} - as_of < settings.days)
                add_candidate(int64_t{business_threshold(v, l.follow_up_business_days)});
        }
        if (settings.policy == forward_policy::enforced) candidates.push_back(1);
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }

    void hold(unsigned bits, int from, int to, int64_t cents) {
        if (from >= to) return;
        for (unsigned b = 0; b < tally_slots; ++b) {
            if (!((bits >> b) & 1u)) continue;
            delta[static_cast<size_t>(from)][b].deals += 1;
            delta[static_cast<size_t>(from)][b].cents += cents;
            delta[static_cast<size_t>(to)][b].deals -= 1;
            delta[static_cast<size_t>(to)][b].cents -= cents;
        }
    }

    void record(size_t row, int day, forward_event kind, int64_t cents, bool listed = true) {
        count_amount& c = out.days[static_cast<size_t>(day)].events[static_cast<size_t>(kind)];
        c.deals += 1;
        c.cents += cents;
        if (listed) out.events.push_back(deal_event{row, day, kind, cents});
    }

    // Records the states the deal enters for the first time on `day`.
    void record_entries(size_t row, int day, unsigned bits, unsigned& seen, int64_t cents) {
        const unsigned fresh = bits & ~seen & state_bits_mask;
        for (unsigned b = 0; b < forward_state_count; ++b)
            if ((fresh >> b) & 1u) record(row, day, static_cast<forward_event>(b), cents);
        seen |= bits;
    }

    void run_deal(size_t row, const deal_verdict& first, const std::vector<uint64_t>& draws) {
        const bool enforced = settings.policy == forward_policy::enforced;
        deal_verdict v = first;
        const int64_t cents = v.amount_cents;
        unsigned bits = state_bits(v), seen = bits;
        int start = 0, k = 0;
        int stage = v.recorded_stage;
        auto next_response = [&](int from) {
            if (draws.empty()) return never;
            const uint64_t limit = sim_random::threshold(settings.rates.of(p, stage));
            for (int d = from; d <= settings.days; ++d)
                if (draws[static_cast<size_t>(d)] < limit) return d;
            return never;
        };
        collect_candidates(row);
        size_t next_candidate = 0;
        int response = next_response(1);
        while (true) {
            while (next_candidate < candidates.size() && candidates[next_candidate] <= k) ++next_candidate;
            const int next =
                std::min(next_candidate < candidates.size() ? candidates[next_candidate] : never, response);
            if (next > settings.days) break;
            k = next;
            const day_t today = as_of + k;
            bool row_changed = false;
            if (response == k) {
                for (column* c : activity_cols) c->date[row] = today;
                response_col->date[row] = today;
                record(row, k, forward_event::responded, cents, false);
                row_changed = true;
            }
            judge.judge(row, today, v);
            record_entries(row, k, state_bits(v), seen, cents);
            bool archive = false;
            if (enforced) {
                archive = v.has(finding_code::stale) || v.has(finding_code::archive_due);
                if (!archive && v.has(finding_code::reengage_due) && holding_text != 0 && entered_col) {
                    stage_col->text[row] = holding_text;
                    entered_col->date[row] = today;
                    record(row, k, forward_event::moved_to_holding, cents);
                    row_changed = true;
                    judge.judge(row, today, v);
                    record_entries(row, k, state_bits(v), seen, cents);
                    archive = v.has(finding_code::stale) || v.has(finding_code::archive_due);
                    stage = v.recorded_stage;
                }
            }
            if (archive) {
                record(row, k, forward_event::archived, cents);
                hold(bits, start, k, cents);
                return;
            }
            const unsigned now = state_bits(v);
            if (now != bits) {
                hold(bits, start, k, cents);
                start = k;
                bits = now;
            }
            if (row_changed) {
                collect_candidates(row);
                next_candidate = 0;
                response = next_response(k + 1);
            }
        }
        hold(bits, start, settings.days + 1, cents);
    }

    void run() {
        const bool respond = settings.rates.any();
        sim_random rng(settings.seed);
        std::vector<uint64_t> draws;
        for (size_t row = 0; row < table.rows(); ++row) {
            deal_verdict v;
            if (!judge.judge(row, as_of, v)) continue;
            if (respond) {
                // Every open deal draws one number per day, whatever its state, so
                // both policies see the same buyers respond on the same days.
                draws.assign(static_cast<size_t>(settings.days) + 1, 0);
                for (int d = 1; d <= settings.days; ++d) draws[static_cast<size_t>(d)] = rng.next() >> 11;
            }
            run_deal(row, v, draws);
        }
        std::array<count_amount, tally_slots> running{};
        for (int k = 0; k <= settings.days; ++k) {
            for (unsigned b = 0; b < tally_slots; ++b) {
                running[b].deals += delta[static_cast<size_t>(k)][b].deals;
                running[b].cents += delta[static_cast<size_t>(k)][b].cents;
            }
            forward_day& d = out.days[static_cast<size_t>(k)];
            d.day = k;
            d.date = as_of + k;
            for (size_t s = 0; s < forward_state_count; ++s) d.states[s] = running[s];
            d.open = running[open_bit];
            d.real = running[real_bit];
        }
        std::stable_sort(out.events.begin(), out.events.end(),
                         [](const deal_event& a, const deal_event& b) { return a.day < b.day; });
    }
};

// A date column of the copy, added blank when the export has none.
column* ensure_date_column(deal_table& t, const char* name) {
    if (column* c = t.find(name)) return c;
    column c;
    c.name = name;
    c.type = field_type::date;
    c.date.assign(t.rows(), no_date);
    t.columns.push_back(std::move(c));
    return &t.columns.back();
}

}  // namespace

forward_series run_forward(const deal_table& table, const process& p, const audit_options& options,
                           day_t as_of, const forward_options& settings) {
    const bool changes_rows = settings.policy == forward_policy::enforced || settings.rates.any();
    if (!changes_rows) {
        // Nobody acts: the table is only read. (The judge takes a mutable table
        // for the other case; nothing below writes to it on this path.)
        simulation sim(const_cast<deal_table&>(table), p, options, as_of, settings);
        sim.run();
        return std::move(sim.out);
    }
    deal_table copy = table;
    if (settings.rates.any()) {
        // A response is dated in the export's own activity columns (a reply is also a
        // contact and an activity logged); only an export with none gets a buyer column.
        bool any_activity = false;
        for (const char* name : activity_tiers) any_activity = any_activity || copy.find(name) != nullptr;
        if (!any_activity) ensure_date_column(copy, "last_buyer_activity_date");
        ensure_date_column(copy, "last_buyer_response_date");
    }
    if (settings.policy == forward_policy::enforced) {
        ensure_date_column(copy, "stage_entered_date");
        // The holding stage's name joins the stage column's pool before the judge
        // caches it, so a move is one index written.
        column* stages = copy.find("stage");
        for (const stage& s : p.stages)
            if (s.holding && stages) {
                bool known = false;
                for (size_t i = 1; i < stages->pool.size(); ++i) known = known || stages->pool[i] == s.name;
                if (!known) stages->pool.push_back(s.name);
                break;
            }
    }
    simulation sim(copy, p, options, as_of, settings);
    sim.run();
    return std::move(sim.out);
}

}  // namespace revdiag
