// Scoring answers per layer and comparing self-assessment with an audit.
// Integer arithmetic throughout, so a score is the same on every platform.
#include <algorithm>
#include <cstdlib>

#include "revdiag/diagnostic.h"

namespace revdiag {

namespace {

const maturity_band& band_for(const question_bank& bank, int score) {
    const maturity_band* found = &bank.bands.front();
    for (const maturity_band& b : bank.bands)
        if (score >= b.min_score) found = &b;
    return *found;
}

const std::vector<std::string>* steps_for(const question_bank& bank, const std::string& layer,
                                          const std::string& band) {
    for (const layer_advice& a : bank.next_steps)
        if (a.layer == layer && a.band == band) return &a.steps;
    return nullptr;
}

const question* find_question(const question_bank& bank, const std::string& id) {
    for (const question& q : bank.questions)
        if (q.id == id) return &q;
    return nullptr;
}

// Round half up of numerator / denominator for non-negative integers.
int rounded_ratio(long long numerator, long long denominator) {
    return denominator <= 0 ? 0 : static_cast<int>((2 * numerator + denominator) / (2 * denominator));
}

std::string layer_name(const diagnostic_result& r, const std::string& id) {
    for (const layer_result& l : r.layers)
        if (l.id == id) return l.name;
    return id;
}

}  // namespace

diagnostic_result score_answers(const question_bank& bank, const answer_set& answers) {
    diagnostic_result r;
    r.bank_version = bank.version;
    for (const bank_layer& layer : bank.layers) {
        layer_result lr;
        lr.id = layer.id;
        lr.name = layer.name;
        long long weighted = 0, weights = 0;
        for (const auto& [qid, cid] : answers.chosen) {
            const question* q = find_question(bank, qid);
            if (!q || q->layer != layer.id) continue;
            for (const answer_choice& c : q->choices) {
                if (c.id != cid) continue;
                weighted += static_cast<long long>(q->weight) * c.score;
                weights += q->weight;
                lr.answers.push_back(scored_answer{qid, cid, c.score, q->weight});
            }
        }
        lr.score = rounded_ratio(weighted, weights);
        const maturity_band& band = band_for(bank, lr.score);
        lr.band = band.id;
        lr.band_label = band.label;
        if (const auto* steps = steps_for(bank, layer.id, band.id)) lr.next_steps = *steps;
        r.layers.push_back(std::move(lr));
    }

    // The weakest layer is the lowest audited one; on a tie the earlier layer
    // wins, because later layers build on earlier ones (exit criteria need
    // defined stages, follow-up and archive rules need both).
    const layer_result* weakest = nullptr;
    for (size_t i = 0; i < r.layers.size(); ++i)
        if (bank.layers[i].audited && (!weakest || r.layers[i].score < weakest->score))
            weakest = &r.layers[i];
    if (weakest) r.weakest_layer = weakest->id;

    // Fix order: the weakest audited layer first (configuring a CRM to enforce
    // a process that is not written down only locks habits in), then the rest
    // by score, ties in bank order.
    std::vector<size_t> order(r.layers.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const bool a_first = r.layers[a].id == r.weakest_layer, b_first = r.layers[b].id == r.weakest_layer;
        if (a_first != b_first) return a_first;
        return r.layers[a].score < r.layers[b].score;
    });
    for (size_t i : order) r.priority.push_back(r.layers[i].id);

    if (weakest && weakest->band == bank.bands.back().id)
        r.summary = "No layer fails: even the lowest audited layer, " + weakest->name + ", scores " +
                    std::to_string(weakest->score) + " of 100 (" + weakest->band_label + ").";
    else if (weakest)
        r.summary = "Fix " + weakest->name + " first: it scores " + std::to_string(weakest->score) +
                    " of 100 (" + weakest->band_label + ").";
    return r;
}

score_comparison compare_scores(const diagnostic_result& self, const std::vector<measured_layer>& measured,
                                std::string_view measured_weakest) {
    score_comparison c;
    c.self_weakest = self.weakest_layer;
    std::vector<std::string> disagreements;
    for (const layer_result& l : self.layers) {
        const measured_layer* m = nullptr;
        for (const measured_layer& x : measured)
            if (x.id == l.id) m = &x;
        if (!m) continue;
        layer_comparison lc;
        lc.id = l.id;
        lc.self_score = l.score;
        lc.measured_score = m->score;
        lc.gap = l.score - m->score;
        const std::string scores = "the answers give " + l.name + " " + std::to_string(l.score) +
                                   ", the export measures " + std::to_string(m->score);
        if (lc.gap > comparison_tolerance) {
            lc.verdict = "overrated";
            lc.message =
                "Overrated: " + scores +
                ". The deals do not follow the rule as well as the team believes; check the flagged deals "
                "before trusting the answers.";
        } else if (lc.gap < -comparison_tolerance) {
            lc.verdict = "underrated";
            lc.message =
                "Underrated: " + scores +
                ". The deals already behave better than the answers say; write down what people do so it "
                "survives the next hire.";
        } else {
            lc.verdict = "agree";
            lc.message = "Agree: " + scores + ".";
        }
        if (lc.verdict != "agree") disagreements.push_back(l.name);
        c.layers.push_back(std::move(lc));
    }
    // Without the audit's own verdict, the lowest measured score; ties go to the earlier layer.
    const layer_comparison* lowest = nullptr;
    for (const layer_comparison& x : c.layers)
        if (!lowest || x.measured_score < lowest->measured_score) lowest = &x;
    if (!measured_weakest.empty())
        c.measured_weakest = std::string(measured_weakest);
    else if (lowest)
        c.measured_weakest = lowest->id;
    c.same_weakest = !c.measured_weakest.empty() && c.measured_weakest == c.self_weakest;

    if (c.layers.empty()) {
        c.summary = "The audit report has no layer scores to compare with.";
        return c;
    }
    if (disagreements.empty()) {
        c.summary = "The answers and the export agree on every layer, within " +
                    std::to_string(comparison_tolerance) + " points.";
    } else {
        c.summary = "The answers and the export disagree on " + std::to_string(disagreements.size()) +
                    (disagreements.size() == 1 ? " layer: " : " layers: ");
        for (size_t i = 0; i < disagreements.size(); ++i) c.summary += (i ? ", " : "") + disagreements[i];
        c.summary += ".";
    }
    if (!c.same_weakest && !c.measured_weakest.empty())
        c.summary += " The answers point to " + layer_name(self, c.self_weakest) +
                     " as the weakest layer, the export to " + layer_name(self, c.measured_weakest) +
                     "; trust the export, which counts real deals.";
    return c;
}

}  // namespace revdiag
