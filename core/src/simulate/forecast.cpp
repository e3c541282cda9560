// The Monte Carlo forecast of DESIGN §5. In each trial every pipeline deal wins
// independently with its stage's probability and closes on its close date, or,
// when that date has passed or is missing, on a day drawn uniformly over the
// next slip_days after as_of. The stated and the real pipeline share each draw
// (common random numbers): a deal won in the real trial is won in the stated
// one whenever its real probability is not above its stated one, so the two
// distributions differ by the rules, not by noise.
#include <algorithm>
#include <cmath>

#include "revdiag/simulate.h"
#include "simulate/closed.h"

namespace revdiag {

namespace {

struct forecast_deal {
    int64_t cents = 0;
    uint64_t stated = 0;  // win thresholds (53-bit)
    uint64_t real = 0;
    bool slips = false;  // a close day is drawn in each trial
};

void summarize(distribution& d, std::vector<int64_t>& samples, const std::vector<int64_t>& edges,
               std::optional<int64_t> target) {
    const size_t n = samples.size();
    double sum = 0;
    int64_t reaching = 0;
    for (const int64_t v : samples) {
        sum += static_cast<double>(v);
        if (target && v >= *target) ++reaching;
    }
    d.mean_cents = sum / static_cast<double>(n);
    double squares = 0;
    for (const int64_t v : samples) {
        const double e = static_cast<double>(v) - d.mean_cents;
        squares += e * e;
    }
    d.standard_error_cents =
        n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) / std::sqrt(static_cast<double>(n)) : 0;
    if (target) d.p_target = static_cast<double>(reaching) / static_cast<double>(n);
    d.histogram.assign(edges.size() - 1, 0);
    const int64_t width = edges[1] - edges[0];
    for (const int64_t v : samples) ++d.histogram[static_cast<size_t>((v - edges[0]) / width)];
    std::sort(samples.begin(), samples.end());
    // Nearest rank: the smallest value with at least q% of the trials at or below it.
    auto rank = [&](size_t q) { return samples[(q * n + 99) / 100 - 1]; };
    d.p10 = rank(10);
    d.p50 = rank(50);
    d.p90 = rank(90);
}

}  // namespace

forecast_report run_forecast(const deal_table& table, const process& p, const audit_report& audit,
                             const history_report& history, const forecast_options& settings) {
    forecast_report out;
    out.probabilities.resize(p.stages.size());
    out.learned.assign(p.stages.size(), false);
    for (size_t i = 0; i < p.stages.size(); ++i) out.probabilities[i] = p.stages[i].probability;
    if (settings.learned)
        for (const stage_history& s : history.stages)
            if (s.used) {
                out.probabilities[static_cast<size_t>(s.stage)] = s.win_rate.value;
                out.learned[static_cast<size_t>(s.stage)] = true;
            }

    const column* close = table.find("close_date");
    if (close && close->type != field_type::date) close = nullptr;
    const day_t as_of = audit.as_of;
    const int64_t slip_in_horizon =
        std::clamp<int64_t>(int64_t{settings.horizon} - as_of, 0, settings.slip_days);
    std::vector<forecast_deal> deals;
    for (const deal_audit& d : audit.deals) {
        const stage* recorded =
            d.recorded_stage >= 0 ? &p.stages[static_cast<size_t>(d.recorded_stage)] : nullptr;
        const double ps =
            recorded && !recorded->holding ? out.probabilities[static_cast<size_t>(d.recorded_stage)] : 0;
        const double pr = d.in_real_pipeline ? out.probabilities[static_cast<size_t>(d.real_stage)] : 0;
        if (ps > 0) ++out.stated.deals;
        if (pr > 0) ++out.real.deals;
        const day_t closes = close ? close->date[d.row] : no_date;
        const bool slips = closes == no_date || closes < as_of;
        const double in_horizon = slips ? static_cast<double>(slip_in_horizon) / settings.slip_days
                                        : (closes <= settings.horizon ? 1.0 : 0.0);
        out.stated.expected_cents += ps * static_cast<double>(d.amount_cents) * in_horizon;
        out.real.expected_cents += pr * static_cast<double>(d.amount_cents) * in_horizon;
        // A deal that cannot add to revenue by the horizon draws nothing.
        if ((ps <= 0 && pr <= 0) || in_horizon <= 0 || d.amount_cents == 0) continue;
        deals.push_back(forecast_deal{d.amount_cents, sim_random::threshold(ps), sim_random::threshold(pr),
                                      slips && slip_in_horizon < settings.slip_days});
    }

    // Deals with a fixed close day first, then those drawing one; each draws the
    // same numbers in every trial whatever it wins, and adds without a branch
    // (a won deal is a coin flip the processor cannot predict).
    std::stable_partition(deals.begin(), deals.end(), [](const forecast_deal& d) { return !d.slips; });
    const size_t fixed = static_cast<size_t>(
        std::find_if(deals.begin(), deals.end(), [](const forecast_deal& d) { return d.slips; }) -
        deals.begin());
    sim_random rng(settings.seed);
    const size_t trials = static_cast<size_t>(settings.trials);
    std::vector<int64_t> stated(trials), real(trials);
    const uint64_t slip_days = static_cast<uint64_t>(settings.slip_days);
    const uint64_t slip_limit = static_cast<uint64_t>(slip_in_horizon);
    for (size_t t = 0; t < trials; ++t) {
        int64_t s = 0, r = 0;
        for (size_t i = 0; i < fixed; ++i) {
            const forecast_deal& d = deals[i];
            const uint64_t x = rng.next() >> 11;
            s += d.cents & -static_cast<int64_t>(x < d.stated);
            r += d.cents & -static_cast<int64_t>(x < d.real);
        }
        for (size_t i = fixed; i < deals.size(); ++i) {
            const forecast_deal& d = deals[i];
            const uint64_t x = rng.next() >> 11;
            // The close day is as_of + 1 + ((top 32 bits * slip_days) >> 32); it counts within the horizon.
            const int64_t in = -static_cast<int64_t>((((rng.next() >> 32) * slip_days) >> 32) < slip_limit);
            s += d.cents & -static_cast<int64_t>(x < d.stated) & in;
            r += d.cents & -static_cast<int64_t>(x < d.real) & in;
        }
        stated[t] = s;
        real[t] = r;
    }

    int64_t lo = stated.empty() ? 0 : stated[0], hi = lo;
    for (const std::vector<int64_t>* v : {&stated, &real})
        for (const int64_t x : *v) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    const int64_t width = (hi - lo) / settings.bins + 1;
    for (int i = 0; i <= settings.bins; ++i) out.bin_edges.push_back(lo + width * i);
    summarize(out.stated, stated, out.bin_edges, settings.target_cents);
    summarize(out.real, real, out.bin_edges, settings.target_cents);
    return out;
}

}  // namespace revdiag
