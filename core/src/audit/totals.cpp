// The audit's totals (stated and real, weighted, per stage and layer) and its
// audit-level warnings, once every deal has been judged.
#include "audit/totals.h"

#include <algorithm>
#include <cmath>

#include "audit/cents.h"
#include "audit/text.h"
#include "revdiag/values.h"

namespace revdiag::detail {

void add_totals(audit_report& r, const process& p) {
    std::vector<int> stage_slot(p.stages.size(), -1);
    for (size_t i = 0; i < p.stages.size(); ++i) {
        if (p.stages[i].closed_won || p.stages[i].closed_lost) continue;
        stage_slot[i] = static_cast<int>(r.stages.size());
        r.stages.push_back(stage_total{static_cast<int>(i), 0, 0, 0, 0});
    }
    for (size_t l = 0; l < layer_count; ++l) r.layers[l].id = static_cast<layer>(l);
    bool any_amount = false;
    for (const deal_audit& d : r.deals) {
        any_amount = any_amount || !d.amount_missing;
        if (d.amount_missing) ++r.missing_amount_deals;
        add_cents(r.stated_cents, d.amount_cents);
        if (d.recorded_stage < 0) ++r.unknown_stage_deals;
        const stage* recorded =
            d.recorded_stage >= 0 ? &p.stages[static_cast<size_t>(d.recorded_stage)] : nullptr;
        if (recorded && recorded->holding)
            ++r.holding_deals;
        else if (d.real_stage < 0)
            ++r.not_pipeline_deals;
        if (recorded && !recorded->holding)
            add_cents(r.stated_weighted_cents, weighted_cents(d.amount_cents, recorded->probability));
        if (recorded && stage_slot[static_cast<size_t>(d.recorded_stage)] >= 0) {
            stage_total& s = r.stages[static_cast<size_t>(stage_slot[static_cast<size_t>(d.recorded_stage)])];
            ++s.stated_count;
            add_cents(s.stated_cents, d.amount_cents);
        }
        if (d.in_real_pipeline) {
            add_cents(r.real_cents, d.amount_cents);
            add_cents(
                r.real_weighted_cents,
                weighted_cents(d.amount_cents, p.stages[static_cast<size_t>(d.real_stage)].probability));
            stage_total& s = r.stages[static_cast<size_t>(stage_slot[static_cast<size_t>(d.real_stage)])];
            ++s.real_count;
            add_cents(s.real_cents, d.amount_cents);
        }
        for (size_t l = 0; l < layer_count; ++l)
            if (d.fails(static_cast<layer>(l))) {
                ++r.layers[l].deals_failing;
                add_cents(r.layers[l].amount_at_risk_cents, d.amount_cents);
            }
    }
    r.amounts_recorded = any_amount && r.stated_cents > 0;
    for (layer_total& l : r.layers) {
        double share = 0;
        if (r.amounts_recorded)
            share = static_cast<double>(l.amount_at_risk_cents) / static_cast<double>(r.stated_cents);
        else if (r.open_deals > 0)
            share = static_cast<double>(l.deals_failing) / static_cast<double>(r.open_deals);
        const long score = std::lround(100.0 * (1.0 - share));
        l.score = static_cast<int>(score < 0 ? 0 : score > 100 ? 100 : score);
    }
    for (size_t l = 0; l < layer_count; ++l) {
        const layer_total& c = r.layers[l];
        if (c.deals_failing == 0) continue;
        if (r.weakest_layer < 0) {
            r.weakest_layer = static_cast<int>(l);
            continue;
        }
        const layer_total& w = r.layers[static_cast<size_t>(r.weakest_layer)];
        // Larger amount at risk, then more deals, then the earlier layer (kept by strict comparison).
        const bool better =
            r.amounts_recorded
                ? (c.amount_at_risk_cents > w.amount_at_risk_cents ||
                   (c.amount_at_risk_cents == w.amount_at_risk_cents && c.deals_failing > w.deals_failing))
                : c.deals_failing > w.deals_failing;
        if (better) r.weakest_layer = static_cast<int>(l);
    }
}

void add_warnings(audit_report& r, const deal_table& table, const audit_columns& cols) {
    if (!cols.stage)
        r.warnings.push_back(make_error(
            "audit.no_stage", "The export has no stage column, so no deal can be placed in the process.",
            location{"audit", 0, 0, "", "stage"}));
    if (!cols.amount)
        r.warnings.push_back(make_error("audit.no_amount",
                                        "The export has no amount column, so every pipeline figure is 0 and "
                                        "layers are ranked by deal counts.",
                                        location{"audit", 0, 0, "", "amount"}));
    else if (r.missing_amount_deals > 0) {
        uint32_t first = 0;
        for (const deal_audit& d : r.deals)
            if (d.amount_missing) {
                first = table.line[d.row];
                break;
            }
        r.warnings.push_back(make_error(
            "audit.amount_missing",
            std::to_string(r.missing_amount_deals) + " open deal" +
                (r.missing_amount_deals == 1 ? " has no amount and counts" : "s have no amount and count") +
                " as 0 (first on line " + std::to_string(first) + ").",
            location{"csv", first, 0, "", "amount"}));
    }
    if (cols.currency) {
        std::string_view first;
        for (const deal_audit& d : r.deals) {
            const std::string_view c = cols.currency->text_at(d.row);
            if (c.empty()) continue;
            if (first.empty()) {
                first = c;
            } else if (c != first && (normalize_key(c) != normalize_key(first) || normalize_key(c).empty())) {
                r.warnings.push_back(make_error("audit.mixed_currency",
                                                "Open deals are recorded in several currencies (\"" +
                                                    std::string(first) + "\" and \"" + std::string(c) +
                                                    "\" on line " + std::to_string(table.line[d.row]) +
                                                    "); amounts are added as written, without conversion.",
                                                location{"csv", table.line[d.row], 0, "", "currency"}));
                break;
            }
        }
    }
}

}  // namespace revdiag::detail
