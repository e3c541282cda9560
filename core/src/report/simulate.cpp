#include "report/simulate.h"

#include <cmath>

#include "revdiag/report.h"

namespace revdiag::simulate_detail {

namespace {

// Rates and means rounded once, to figures a person reads; the same on every build.
double rounded(double x, double scale) {
    return std::round(x * scale) / scale;
}

ojson money_of(double cents) {
    return money_to_json(std::llround(cents));
}

ojson count_amount_json(const count_amount& c) {
    ojson j;
    j["deals"] = c.deals;
    j["amount"] = money_to_json(c.cents);
    return j;
}

ojson figure(const learned_figure& f, double scale, bool money = false) {
    ojson j;
    j["value"] = !f.available ? ojson(nullptr) : money ? money_of(f.value) : ojson(rounded(f.value, scale));
    j["sample"] = f.sample;
    return j;
}

ojson distribution_json(const distribution& d) {
    ojson j;
    j["deals"] = d.deals;
    j["mean"] = money_of(d.mean_cents);
    j["standard_error"] = money_of(d.standard_error_cents);
    j["expected"] = money_of(d.expected_cents);
    j["p10"] = money_to_json(d.p10);
    j["p50"] = money_to_json(d.p50);
    j["p90"] = money_to_json(d.p90);
    if (d.p_target) j["p_target"] = rounded(*d.p_target, 1e4);
    j["histogram"] = d.histogram;
    return j;
}

}  // namespace

ojson forward_to_json(const forward_series& f, const simulate_settings& s, const deal_table& table) {
    ojson j;
    j["policy"] = s.forward.policy == forward_policy::enforced ? "enforced" : "none";
    j["response_rate"] = s.response_rate;
    j["seed"] = s.forward.seed;
    ojson days = ojson::array();
    for (const forward_day& d : f.days) {
        ojson day;
        day["day"] = d.day;
        day["date"] = format_iso_date(d.date);
        day["open_deals"] = d.open.deals;
        day["open_total"] = money_to_json(d.open.cents);
        day["real_total"] = money_to_json(d.real.cents);
        day["real_deals"] = d.real.deals;
        ojson states;
        for (size_t i = 0; i < forward_state_count; ++i)
            states[std::string(to_string(static_cast<forward_state>(i)))] = count_amount_json(d.states[i]);
        day["states"] = std::move(states);
        ojson events = ojson::object();
        for (size_t i = 0; i < forward_event_count; ++i)
            if (d.events[i].deals > 0)
                events[std::string(to_string(static_cast<forward_event>(i)))] =
                    count_amount_json(d.events[i]);
        day["events"] = std::move(events);
        days.push_back(std::move(day));
    }
    j["days"] = std::move(days);
    const column* id = table.find("deal_id");
    ojson events = ojson::array();
    for (size_t i = 0; i < f.events.size() && i < s.events; ++i) {
        const deal_event& e = f.events[i];
        ojson ev;
        ev["row"] = e.row + 1;
        ev["line"] = table.line[e.row];
        ev["deal_id"] =
            id && !id->is_missing(e.row) ? ojson(std::string(id->text_at(e.row))) : ojson(nullptr);
        ev["day"] = e.day;
        ev["date"] = format_iso_date(f.days[static_cast<size_t>(e.day)].date);
        ev["event"] = to_string(e.kind);
        ev["amount"] = money_to_json(e.cents);
        events.push_back(std::move(ev));
    }
    j["events"] = std::move(events);
    j["events_total"] = f.events.size();
    return j;
}

ojson history_to_json(const history_report& h, const process& p) {
    ojson j;
    j["closed_deals"] = h.won + h.lost;
    j["won"] = h.won;
    j["lost"] = h.lost;
    j["minimum"] = history_minimum;
    j["used"] = h.used;
    j["fallback"] =
        h.used ? ojson(nullptr)
               : ojson("History rests on " + std::to_string(h.won) + " won and " + std::to_string(h.lost) +
                       " lost deals, below " + std::to_string(history_minimum) +
                       " of each: its figures are shown, and the process's probabilities are used.");
    j["win_rate"] = figure(h.win_rate, 1e4);
    j["average_won_amount"] = figure(h.average_won_cents, 1, true);
    j["cycle_days"] = figure(h.cycle_days, 10);
    j["sales_velocity_per_day"] = figure(h.velocity_cents_per_day, 1, true);
    if (!h.has_stage_history) {
        j["stages"] = nullptr;
        j["stages_reason"] = "The export has no stage history (Date entered <stage> columns).";
        return j;
    }
    ojson stages = ojson::array();
    for (const stage_history& s : h.stages) {
        ojson st;
        st["stage"] = p.stages[static_cast<size_t>(s.stage)].id;
        st["reached"] = s.reached;
        st["won"] = s.won;
        st["lost"] = s.lost;
        st["conversion"] = figure(s.conversion, 1e4);
        st["win_rate"] = figure(s.win_rate, 1e4);
        st["days_in_stage"] = figure(s.days_in_stage, 10);
        st["used"] = s.used;
        stages.push_back(std::move(st));
    }
    j["stages"] = std::move(stages);
    return j;
}

ojson forecast_to_json(const forecast_report& f, const process& p, const forecast_options& o) {
    ojson j;
    j["trials"] = o.trials;
    j["seed"] = o.seed;
    j["horizon"] = format_iso_date(o.horizon);
    j["slip_days"] = o.slip_days;
    j["target"] = o.target_cents ? money_to_json(*o.target_cents) : ojson(nullptr);
    ojson probabilities;
    probabilities["requested"] = o.learned ? "learned" : "process";
    ojson stages = ojson::array();
    bool fell_back = false;
    for (size_t i = 0; i < p.stages.size(); ++i) {
        const stage& s = p.stages[i];
        if (s.closed_won || s.closed_lost || s.holding) continue;
        ojson st;
        st["stage"] = s.id;
        st["probability"] = rounded(f.probabilities[i], 1e4);
        st["source"] = f.learned[i] ? "learned" : "process";
        fell_back = fell_back || (o.learned && !f.learned[i]);
        stages.push_back(std::move(st));
    }
    probabilities["stages"] = std::move(stages);
    probabilities["fallback"] = fell_back ? ojson(
                                                "Stages without 30 won and 30 lost deals in the stage "
                                                "history use the process's probability.")
                                          : ojson(nullptr);
    j["probabilities"] = std::move(probabilities);
    ojson bins = ojson::array();
    for (const int64_t e : f.bin_edges) bins.push_back(money_to_json(e));
    j["bins"] = std::move(bins);
    j["stated"] = distribution_json(f.stated);
    j["real"] = distribution_json(f.real);
    return j;
}

ojson calibration_to_json(const calibration_report& c, const process& p) {
    if (!c.available) return nullptr;
    ojson j;
    j["activity_field"] = c.activity;
    j["won"] = c.won;
    j["lost"] = c.lost;
    j["current_threshold"] = p.limits.inactive_after_days;
    ojson points = ojson::array();
    for (const calibration_point& pt : c.points) {
        ojson q;
        q["threshold"] = pt.threshold;
        q["lost_archived"] = pt.lost_archived;
        q["lost_archived_share"] =
            rounded(static_cast<double>(pt.lost_archived) / static_cast<double>(c.lost), 1e4);
        q["won_archived"] = pt.won_archived;
        q["won_archived_share"] =
            rounded(static_cast<double>(pt.won_archived) / static_cast<double>(c.won), 1e4);
        q["days_saved"] = pt.lost_days_saved;
        points.push_back(std::move(q));
    }
    j["points"] = std::move(points);
    return j;
}

}  // namespace revdiag::simulate_detail
