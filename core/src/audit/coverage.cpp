#include "audit/coverage.h"

#include <algorithm>
#include <limits>

#include "audit/cents.h"
#include "audit/evidence.h"

namespace revdiag::detail {

namespace {

void add_once(std::vector<std::string>& list, std::string_view field) {
    if (std::find(list.begin(), list.end(), field) == list.end()) list.emplace_back(field);
}

measurable level_of(size_t ok, size_t total) {
    if (ok == total) return measurable::yes;
    return ok == 0 ? measurable::no : measurable::partly;
}

// Position of each process stage among the stages judged on criteria (-1 otherwise).
std::vector<int> pipeline_positions(const process& p) {
    std::vector<int> pos(p.stages.size(), -1);
    int next = 0;
    for (size_t i = 0; i < p.stages.size(); ++i)
        if (!p.stages[i].holding && !p.stages[i].closed_won && !p.stages[i].closed_lost) pos[i] = next++;
    return pos;
}

void measure_layers(audit_report& r, const deal_table& t, const process& p, const std::vector<int>& pos) {
    coverage_report& c = r.coverage;
    const auto has = [&t](std::string_view f) { return t.find(f) != nullptr; };
    layer_coverage& stages = c.layers[static_cast<size_t>(layer::stages)];
    if (!has("stage")) stages = {measurable::no, {"stage"}};
    layer_coverage& ownership = c.layers[static_cast<size_t>(layer::ownership)];
    if (!has("owner")) ownership = {measurable::no, {"owner"}};

    layer_coverage& exit = c.layers[static_cast<size_t>(layer::exit_criteria)];
    size_t judged = 0, assessable = 0;
    for (size_t k = 0; k < r.criteria.size(); ++k) {
        if (pos[static_cast<size_t>(r.criteria[k].stage)] < 0) continue;
        ++judged;
        if (c.criteria[k].assessable) {
            ++assessable;
            continue;
        }
        for (const evidence_source& s : c.criteria[k].sources)
            if (s.column.empty()) add_once(exit.add, s.field);
    }
    exit.level = level_of(assessable, judged);

    const evidence_mode m = c.mode;
    const bool proposal = has("proposal_sent_date");
    const bool response = !pick_evidence(t, "last_buyer_response_date", m).column.empty();
    const bool followed = !pick_evidence(t, "last_follow_up_date", m).column.empty();
    layer_coverage& follow = c.layers[static_cast<size_t>(layer::follow_up)];
    const bool any_follow_up = std::any_of(p.stages.begin(), p.stages.end(),
                                           [](const stage& s) { return s.follow_up && !s.holding; });
    if (any_follow_up) {
        // Re-engagement needs the proposal and the buyer's answer; the follow-up check also a follow-up log.
        const size_t ok = (proposal && response ? 1u : 0u) + (proposal && response && followed ? 1u : 0u);
        follow.level = level_of(ok, 2);
        if (!proposal) follow.add.emplace_back("proposal_sent_date");
        if (!response) follow.add.emplace_back("last_buyer_response_date");
        if (!followed) follow.add.emplace_back("last_follow_up_date");
    }

    layer_coverage& archive = c.layers[static_cast<size_t>(layer::archive)];
    const bool activity = !c.activity.column.empty();
    const bool holding =
        std::any_of(p.stages.begin(), p.stages.end(), [](const stage& s) { return s.holding; });
    size_t ok = activity ? 1 : 0, total = 1;
    if (!activity) archive.add.emplace_back("last_buyer_activity_date");
    if (holding) {
        ++total;
        if (activity && has("stage_entered_date")) ++ok;
        if (!has("stage_entered_date")) archive.add.emplace_back("stage_entered_date");
    }
    ++total;
    if (has("close_date"))
        ++ok;
    else
        archive.add.emplace_back("close_date");
    archive.level = level_of(ok, total);
}

day_t newest_date(const deal_table& t) {
    day_t newest = no_date;
    for (const std::string_view name :
         {"created_date", "stage_entered_date", "last_activity_date", "last_buyer_activity_date",
          "last_buyer_response_date", "last_contact_date", "proposal_sent_date", "last_follow_up_date"}) {
        const column* c = t.find(name);
        if (!c || c->type != field_type::date) continue;
        for (const day_t d : c->date)
            if (d != no_date && (newest == no_date || d > newest)) newest = d;
    }
    return newest;
}

}  // namespace

void plan_coverage(audit_report& r, const deal_table& t, const process& p, evidence_mode mode) {
    coverage_report& c = r.coverage;
    c.mode = mode;
    c.activity = pick_evidence(t, "last_buyer_activity_date", mode, evidence_use::archive_reference);
    c.criteria.clear();
    for (const criterion_ref& ref : r.criteria) {
        criterion_coverage cc;
        const criterion& crit = p.stages[static_cast<size_t>(ref.stage)].criteria[ref.index];
        for (const std::string& f : crit.program.fields()) {
            cc.sources.push_back(pick_evidence(t, f, mode));
            if (cc.sources.back().column.empty()) cc.assessable = false;
        }
        c.criteria.push_back(std::move(cc));
    }
}

void finish_coverage(audit_report& r, const deal_table& t, const process& p) {
    coverage_report& c = r.coverage;
    const std::vector<int> pos = pipeline_positions(p);
    for (criterion_coverage& cc : c.criteria) {
        if (!cc.assessable) continue;
        std::vector<const column*> read;
        for (const evidence_source& s : cc.sources) read.push_back(t.find(s.column));
        for (const deal_audit& d : r.deals)
            if (std::any_of(read.begin(), read.end(),
                            [&d](const column* col) { return col->is_missing(d.row); }))
                ++cc.blank_open;
    }
    if (c.mode == evidence_mode::available) {
        // A real-pipeline deal rests on every not-assessable criterion of its real stage and the ones before.
        int first = std::numeric_limits<int>::max();
        for (size_t k = 0; k < r.criteria.size(); ++k) {
            const int at = pos[static_cast<size_t>(r.criteria[k].stage)];
            if (at >= 0 && !c.criteria[k].assessable) first = std::min(first, at);
        }
        for (const deal_audit& d : r.deals) {
            if (!d.in_real_pipeline) continue;
            const int real = pos[static_cast<size_t>(d.real_stage)];
            if (real < first) continue;
            ++c.unverified_deals;
            add_cents(c.unverified_cents, d.amount_cents);
            for (size_t k = 0; k < r.criteria.size(); ++k) {
                const int at = pos[static_cast<size_t>(r.criteria[k].stage)];
                if (at < 0 || at > real || c.criteria[k].assessable) continue;
                ++c.criteria[k].deals_resting;
                add_cents(c.criteria[k].cents_resting, d.amount_cents);
            }
        }
        // Replaced by the coverage block's CRITERION_NOT_RECORDED; a column present but empty everywhere
        // stays.
        r.process_findings.erase(std::remove_if(r.process_findings.begin(), r.process_findings.end(),
                                                [&t](const process_finding& f) {
                                                    return f.code == "FIELD_NOT_RECORDED" && !t.find(f.field);
                                                }),
                                 r.process_findings.end());
    }
    measure_layers(r, t, p, pos);
    c.newest_date = newest_date(t);
    if (c.newest_date != no_date && r.as_of - c.newest_date > 30) {
        const std::string newest = format_iso_date(c.newest_date);
        r.warnings.push_back(make_error(
            "audit.export_older_than_as_of",
            "The newest date in the export is " + newest + ", " + std::to_string(r.as_of - c.newest_date) +
                " days before the as-of date " + format_iso_date(r.as_of) +
                ", so every deal looks older than it was when exported; audit as of " + newest +
                " to judge the pipeline as it stood.",
            location{"audit", 0, 0, "", newest}));
    }
}

}  // namespace revdiag::detail
