#include "audit/reconcile.h"

#include <algorithm>

#include "audit/cents.h"

namespace revdiag {

std::string_view to_string(removal r) {
    switch (r) {
        case removal::archive:
            return "archive";
        case removal::holding:
            return "holding";
        case removal::no_real_stage:
            return "no_real_stage";
    }
    return "archive";
}

int removal_of(const deal_audit& d, const process& p) {
    if (d.in_real_pipeline) return -1;
    const bool holding = d.recorded_stage >= 0 && p.stages[static_cast<size_t>(d.recorded_stage)].holding;
    const removal why = d.fails(layer::archive) ? removal::archive
                        : holding               ? removal::holding
                                                : removal::no_real_stage;
    return static_cast<int>(why);
}

namespace detail {

void reconcile_totals(audit_report& r, const process& p) {
    // The dashboard's order: larger amount at risk, then more deals, then the
    // earlier layer (deal counts alone when no amounts are recorded), the same
    // comparison that names the weakest layer.
    std::array<size_t, layer_count> order{};
    for (size_t l = 0; l < layer_count; ++l) order[l] = l;
    std::stable_sort(order.begin(), order.end(), [&r](size_t a, size_t b) {
        const layer_total &x = r.layers[a], &y = r.layers[b];
        if (r.amounts_recorded && x.amount_at_risk_cents != y.amount_at_risk_cents)
            return x.amount_at_risk_cents > y.amount_at_risk_cents;
        return x.deals_failing > y.deals_failing;
    });
    std::array<uint8_t, layer_count> above{};  // bit set of the layers ranked before each layer
    uint8_t seen = 0;
    for (size_t k = 0; k < layer_count; ++k) {
        r.layers[order[k]].rank = static_cast<int>(k + 1);
        above[order[k]] = seen;
        seen = static_cast<uint8_t>(seen | (1u << order[k]));
    }
    for (size_t i = 0; i < removal_count; ++i) r.removed[i].id = static_cast<removal>(i);
    for (const deal_audit& d : r.deals) {
        if (d.flagged()) add_cents(r.flagged_cents, d.amount_cents);
        for (size_t l = 0; l < layer_count; ++l) {
            if (!d.fails(static_cast<layer>(l))) continue;
            layer_total& t = r.layers[l];
            if ((d.failing_layers & above[l]) != 0) {
                ++t.deals_counted_above;
                add_cents(t.amount_counted_above_cents, d.amount_cents);
            }
            if (!d.in_real_pipeline) {
                ++t.deals_not_real;
                add_cents(t.amount_not_real_cents, d.amount_cents);
            }
        }
        const int why = removal_of(d, p);
        if (why < 0) continue;
        removal_total& step = r.removed[static_cast<size_t>(why)];
        ++step.deals;
        add_cents(step.cents, d.amount_cents);
    }
}

}  // namespace detail
}  // namespace revdiag
