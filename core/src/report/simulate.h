// Private (report module): the simulator's results as the blocks of the revdiag.simulate/1
// report (money in currency units from integer cents, dates ISO, no locale).
#pragma once

#include "json/envelope.h"
#include "revdiag/simulate.h"
#include "simulate/settings.h"

namespace revdiag::simulate_detail {

/// {policy, response_rate, seed, days:[…], events:[…], events_total}.
ojson forward_to_json(const forward_series& f, const simulate_settings& s, const deal_table& table);
/// {closed_deals, won, lost, minimum, used, fallback, win_rate, …, stages}.
ojson history_to_json(const history_report& h, const process& p);
/// {trials, seed, horizon, slip_days, target, probabilities, bins, stated, real}.
ojson forecast_to_json(const forecast_report& f, const process& p, const forecast_options& o);
/// The curve, or null when unavailable (the reason is calibration.reason).
ojson calibration_to_json(const calibration_report& c, const process& p);

}  // namespace revdiag::simulate_detail
