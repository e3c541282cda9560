#include "revdiag/audit.h"

#include <algorithm>
#include <cmath>

#include "audit/cents.h"
#include "audit/columns.h"
#include "audit/coverage.h"
#include "audit/evidence.h"
#include "audit/reconcile.h"
#include "audit/text.h"
#include "audit/totals.h"
#include "common/blocks.h"
#include "revdiag/values.h"

namespace revdiag {

using detail::audit_columns;
using detail::date_at;
using detail::text_at;

namespace {

enum class owner_kind : uint8_t { missing, multiple, shared, not_in_roster, fine };

owner_kind classify_owner(std::string_view owner, const thresholds& limits) {
    const std::vector<std::string_view> names = split_owners(owner);
    if (names.empty()) return owner_kind::missing;
    if (names.size() > 1) return owner_kind::multiple;
    if (is_shared_owner(limits, names[0])) return owner_kind::shared;
    if (!limits.roster.empty()) {
        const std::string key = normalize_key(names[0]);
        for (const std::string& person : limits.roster)
            if (normalize_key(person) == key) return owner_kind::fine;
        return owner_kind::not_in_roster;
    }
    return owner_kind::fine;
}

int stage_of(std::string_view recorded, const process& p, const audit_options& options) {
    const std::string key = normalize_key(recorded);
    if (key.empty()) return -1;
    for (const auto& [from, to] : options.stage_map) {
        if (normalize_key(from) != key) continue;
        for (size_t i = 0; i < p.stages.size(); ++i)
            if (p.stages[i].id == to) return static_cast<int>(i);
    }
    return match_stage(p, recorded);
}

// An amount past max_money_amount (only a table not built by ingest holds one)
// counts as missing: llround past int64 is undefined and differs in wasm.
bool amount_in_range(double amount) {
    return std::fabs(amount) <= max_money_amount;  // false for NaN
}

int64_t to_cents(double amount) {
    if (!amount_in_range(amount)) return 0;
    return std::llround(amount * 100.0);
}

// The per-audit state: columns, bound criteria and per-pool caches, so the
// per-deal loop matches no strings and compiles nothing.
struct engine {
    const deal_table& table;
    const process& p;
    day_t as_of;
    audit_columns cols;
    std::vector<int> pipeline;                    // process indexes of the ordered stages judged on criteria
    std::vector<int> pipeline_pos;                // process index -> position in pipeline, -1 otherwise
    std::vector<std::vector<bound_rule>> bound;   // per pipeline position
    std::vector<std::vector<uint16_t>> crit_ids;  // per pipeline position, into report.criteria
    std::vector<int> stage_cache;                 // stage pool index -> process stage (-2 = not computed)
    std::vector<int8_t> owner_cache;              // owner pool index -> owner_kind (-1 = not computed)
    int holding = -1;
    audit_report& report;  // findings go straight into its flat lists
    std::vector<uint16_t> unmet_ids, unrecorded_ids;
    // DESIGN §3.1: under `available` a check whose field has no column is skipped,
    // and activity is read from the strongest tier the export has.
    bool available;
    const column* activity = nullptr;  // the archive rule's reference
    const column* response = nullptr;  // the buyer's answer to a proposal
    const column* followed = nullptr;  // a follow-up logged after it

    engine(const deal_table& t, const process& proc, day_t day, audit_report& r, evidence_mode mode)
        : table(t),
          p(proc),
          as_of(day),
          cols(t),
          pipeline_pos(proc.stages.size(), -1),
          report(r),
          available(mode == evidence_mode::available) {
        for (size_t i = 0; i < p.stages.size(); ++i) {
            const stage& s = p.stages[i];
            for (size_t c = 0; c < s.criteria.size(); ++c)
                r.criteria.push_back(criterion_ref{static_cast<int>(i), c, s.criteria[c].id});
            if (s.holding) {
                if (holding < 0) holding = static_cast<int>(i);
                continue;
            }
            if (s.closed_won || s.closed_lost) continue;
            pipeline_pos[i] = static_cast<int>(pipeline.size());
            pipeline.push_back(static_cast<int>(i));
        }
        detail::plan_coverage(r, t, p, mode);
        activity = detail::date_column(t, r.coverage.activity);
        response = detail::date_column(t, detail::pick_evidence(t, "last_buyer_response_date", mode));
        followed = detail::date_column(t, detail::pick_evidence(t, "last_follow_up_date", mode));
        for (int i : pipeline) {
            std::vector<bound_rule> rules;
            std::vector<uint16_t> ids;
            const stage& s = p.stages[static_cast<size_t>(i)];
            for (size_t c = 0; c < s.criteria.size(); ++c) {
                for (size_t k = 0; k < r.criteria.size(); ++k)
                    if (r.criteria[k].stage == i && r.criteria[k].index == c)
                        ids.push_back(static_cast<uint16_t>(k));
                // Read each field from the column the evidence plan chose (its own, under strict).
                std::vector<std::string> read_from;
                for (const evidence_source& src : r.coverage.criteria[ids.back()].sources)
                    read_from.push_back(src.column.empty() ? src.field : src.column);
                rules.push_back(bind_rule(s.criteria[c].program, table, read_from));
            }
            bound.push_back(std::move(rules));
            crit_ids.push_back(std::move(ids));
        }
        if (cols.stage) stage_cache.assign(cols.stage->pool.size(), -2);
        if (cols.owner) owner_cache.assign(cols.owner->pool.size(), -1);
    }

    int recorded_stage(size_t row, const audit_options& options) {
        if (!cols.stage) return -1;
        const uint32_t idx = cols.stage->text[row];
        if (stage_cache[idx] == -2) stage_cache[idx] = stage_of(cols.stage->pool[idx], p, options);
        return stage_cache[idx];
    }

    owner_kind owner_of(size_t row) {
        if (!cols.owner) return owner_kind::missing;
        const uint32_t idx = cols.owner->text[row];
        if (owner_cache[idx] < 0)
            owner_cache[idx] = static_cast<int8_t>(classify_owner(cols.owner->pool[idx], p.limits));
        return static_cast<owner_kind>(owner_cache[idx]);
    }

    bool is_closed(size_t row, int st) const {
        if (st >= 0 &&
            (p.stages[static_cast<size_t>(st)].closed_won || p.stages[static_cast<size_t>(st)].closed_lost))
            return true;
        const std::string_view status = text_at(cols.status, row);
        return status == status_won || status == status_lost;
    }

    // Criteria of the pipeline up to and including position `last`; fills the
    // failing criteria and answers the real stage (a process index, -1 = none).
    int judge_criteria(size_t row, int last, std::vector<uint16_t>& unmet,
                       std::vector<uint16_t>& unrecorded) const {
        int real = -1;
        bool holding_so_far = true;
        for (int pos = 0; pos <= last; ++pos) {
            const auto& rules = bound[static_cast<size_t>(pos)];
            for (size_t c = 0; c < rules.size(); ++c) {
                // Not assessable: neither holds nor fails; a stage of only those is passed through.
                if (available && !report.coverage.criteria[crit_ids[static_cast<size_t>(pos)][c]].assessable)
                    continue;
                const outcome o = evaluate(rules[c], table, row, as_of);
                if (o == outcome::met) continue;
                holding_so_far = false;
                (o == outcome::unmet ? unmet : unrecorded).push_back(crit_ids[static_cast<size_t>(pos)][c]);
            }
            if (holding_so_far) real = pipeline[static_cast<size_t>(pos)];
        }
        return real;
    }

    void judge_follow_up(size_t row, deal_audit& d) const {
        // Without a proposal date or any sign of a response the export cannot show a missed follow-up.
        if (available && (!cols.proposal_sent || !response)) return;
        const day_t proposal = date_at(cols.proposal_sent, row);
        if (proposal == no_date) return;
        const day_t answered = date_at(response, row);
        // A response on the proposal's own day counts as a response.
        if (answered != no_date && answered >= proposal) return;
        const day_t follow = date_at(followed, row);
        const bool did_follow = follow != no_date && follow > proposal;
        if (!did_follow && (followed || !available) &&
            business_days_between(proposal, as_of) >= p.limits.follow_up_business_days)
            add(d, finding_code::follow_up_overdue);
        if (as_of - proposal >= p.limits.reengage_after_days) add(d, finding_code::reengage_due);
    }

    void judge_archive(size_t row, deal_audit& d, bool in_holding) const {
        const day_t last = date_at(activity, row);
        const day_t reference = last != no_date ? last : date_at(cols.created, row);
        // Under `available`, an export with no activity column cannot show inactivity: no deal is
        // flagged only because a column is absent (issue 14); a blank cell still is a finding.
        if (available && !activity) {
            // Not assessable: reported once, in the coverage block.
        } else if (reference == no_date) {
            add(d, finding_code::activity_unrecorded);
        } else if (as_of - reference >= p.limits.inactive_after_days) {
            const day_t snooze = date_at(cols.snoozed_until, row);
            add(d, snooze != no_date && snooze > as_of ? finding_code::snoozed : finding_code::stale);
        }
        if (in_holding) {
            const day_t entered = date_at(cols.stage_entered, row);
            if (entered != no_date && as_of - entered >= p.limits.reengagement_window_days &&
                (activity || !available) && (last == no_date || last < entered))
                add(d, finding_code::archive_due);
        }
        const day_t close = date_at(cols.close, row);
        if (close != no_date && close < as_of) add(d, finding_code::close_date_passed);
    }

    void judge_owner(size_t row, deal_audit& d) {
        if (available && !cols.owner) return;
        switch (owner_of(row)) {
            case owner_kind::missing:
                add(d, finding_code::owner_missing);
                break;
            case owner_kind::multiple:
                add(d, finding_code::owner_multiple);
                break;
            case owner_kind::shared:
                add(d, finding_code::owner_shared);
                break;
            case owner_kind::not_in_roster:
                add(d, finding_code::owner_not_in_roster);
                break;
            case owner_kind::fine:
                break;
        }
    }

    void add(deal_audit& d, finding_code code, const std::vector<uint16_t>& criteria = {}) const {
        finding f;
        f.code = code;
        f.criteria_first = static_cast<uint32_t>(report.finding_criteria.size());
        f.criteria_count = static_cast<uint16_t>(criteria.size());
        report.finding_criteria.insert(report.finding_criteria.end(), criteria.begin(), criteria.end());
        report.findings.push_back(f);
        ++d.findings_count;
        if (counts_as_failure(code))
            d.failing_layers |= static_cast<uint8_t>(1u << static_cast<unsigned>(layer_of(code)));
    }

    // One open deal through the five layers, in layer order so findings read in that order.
    deal_audit judge(size_t row, int st) {
        deal_audit d;
        d.findings_first = static_cast<uint32_t>(report.findings.size());
        unmet_ids.clear();
        unrecorded_ids.clear();
        d.row = row;
        d.recorded_stage = st;
        const double amount = cols.amount ? cols.amount->number[row] : missing_number();
        d.amount_missing = !amount_in_range(amount);
        d.amount_cents = to_cents(amount);
        const bool in_holding = st >= 0 && p.stages[static_cast<size_t>(st)].holding;
        if (st < 0) {
            if (cols.stage || !available) add(d, finding_code::stage_unknown);
            // An unknown stage is still placed: the last stage whose criteria hold.
            if (!pipeline.empty())
                d.real_stage =
                    judge_criteria(row, static_cast<int>(pipeline.size()) - 1, unmet_ids, unrecorded_ids);
        } else if (!in_holding) {
            d.real_stage =
                judge_criteria(row, pipeline_pos[static_cast<size_t>(st)], unmet_ids, unrecorded_ids);
            if (!unmet_ids.empty()) add(d, finding_code::exit_criteria_unmet, unmet_ids);
            if (!unrecorded_ids.empty()) add(d, finding_code::exit_criteria_unrecorded, unrecorded_ids);
        }
        judge_owner(row, d);
        if (st >= 0 && !in_holding && p.stages[static_cast<size_t>(st)].follow_up) judge_follow_up(row, d);
        judge_archive(row, d, in_holding);
        d.in_real_pipeline = d.real_stage >= 0 && !in_holding && !d.fails(layer::archive);
        return d;
    }
};

REVDIAG_NOINLINE void judge_rows(engine& e, audit_report& r, size_t from, size_t to,
                                 const audit_options& options) {
    for (size_t row = from; row < to; ++row) {
        const int st = e.recorded_stage(row, options);
        if (e.is_closed(row, st)) {
            ++r.closed_deals;
            continue;
        }
        r.deals.push_back(e.judge(row, st));
    }
}

}  // namespace

audit_report run_audit(const deal_table& table, const process& p, day_t as_of, const audit_options& options) {
    audit_report r;
    r.as_of = as_of;
    r.rows = table.rows();
    engine e(table, p, as_of, r, options.evidence);
    r.deals.reserve(table.rows());
    for (size_t from = 0; from < table.rows(); from += loop_block)
        judge_rows(e, r, from, std::min(table.rows(), from + loop_block), options);
    r.open_deals = r.deals.size();
    detail::add_totals(r, p);
    detail::reconcile_totals(r, p);
    r.owners = detail::owner_action_lists(r, table, p);
    r.process_findings = check_process(p, &table);
    detail::add_warnings(r, table, e.cols);
    detail::finish_coverage(r, table, p);
    return r;
}

namespace {

// The judge's state; held behind a void pointer so that deal_judge::impl, a
// class with external linkage, names no type of this anonymous namespace.
struct judge_state {
    audit_report scratch;
    audit_options options;
    engine e;
    judge_state(const deal_table& t, const process& p, const audit_options& o)
        : options(o), e(t, p, 0, scratch, o.evidence) {}

    bool judge(size_t row, day_t as_of, deal_verdict& out) {
        e.as_of = as_of;
        const int st = e.recorded_stage(row, options);
        if (e.is_closed(row, st)) return false;
        scratch.findings.clear();
        scratch.finding_criteria.clear();
        const deal_audit d = e.judge(row, st);
        out.recorded_stage = d.recorded_stage;
        out.real_stage = d.real_stage;
        out.in_real_pipeline = d.in_real_pipeline;
        out.failing_layers = d.failing_layers;
        out.amount_cents = d.amount_cents;
        out.codes = 0;
        for (const finding& f : scratch.findings_of(d)) out.codes |= 1u << static_cast<unsigned>(f.code);
        return true;
    }
};

}  // namespace

struct deal_judge::impl {
    std::shared_ptr<void> state;
};

deal_judge::deal_judge(const deal_table& table, const process& p, const audit_options& options)
    : impl_(std::make_unique<impl>(impl{std::make_shared<judge_state>(table, p, options)})) {}

deal_judge::~deal_judge() = default;

bool deal_judge::judge(size_t row, day_t as_of, deal_verdict& out) {
    return static_cast<judge_state*>(impl_->state.get())->judge(row, as_of, out);
}

}  // namespace revdiag
