// Private: the simulator's settings, read from the options JSON in one place
// (read_simulate_settings) with a JSON pointer in every error, and the `set`
// changes applied to a process.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "revdiag/error.h"
#include "revdiag/process.h"
#include "revdiag/simulate.h"

namespace revdiag::simulate_detail {

struct simulate_settings {
    nlohmann::json audit_options = nlohmann::json::object();  // as_of, process, map, stage_map, sample
    forward_options forward;
    forecast_options forecast;
    std::optional<day_t> horizon_date;  // "horizon" as a date
    int horizon_days = 90;              // "horizon" as days after as_of
    nlohmann::json set = nlohmann::json::object();
    nlohmann::json response_rate = 0;  // as given, for the report
    size_t events = 200;               // per-deal forward events listed
    /// The report's parts to compute ("parts" option; all by default).
    bool what_if = true, forward_part = true, history = true, forecast_part = true, calibration = true;
};

/// The simulator keys of the options (the rest is left for the audit options).
/// Errors: options.type, options.range, options.value, with the pointer of the value.
result<simulate_settings> read_simulate_settings(const nlohmann::json& options);

/// One setting the what-if changed.
struct changed_setting {
    std::string key;
    nlohmann::json from;
    nlohmann::json to;
};

/// Applies "set" to the process's thresholds and checks response rates name its
/// stages. Errors: options.unknown_key, options.type, options.range (/set/<key>,
/// /response_rate/<stage>).
result<std::vector<changed_setting>> apply_settings(process& p, const simulate_settings& s);

}  // namespace revdiag::simulate_detail
