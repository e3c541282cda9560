// Private: the simulator's settings, read from the options JSON in one place
// (read_simulate_settings) with a JSON pointer in every error, and the `set`
// changes applied to a process.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "json/envelope.h"
#include "json/reader.h"
#include "revdiag/error.h"
#include "revdiag/process.h"
#include "revdiag/simulate.h"

namespace revdiag::simulate_detail {

struct simulate_settings {
    json_value audit_options;  // an object: as_of, process, map, stage_map, sample, evidence
    forward_options forward;
    forecast_options forecast;
    std::optional<day_t> horizon_date;  // "horizon" as a date
    int horizon_days = 90;              // "horizon" as days after as_of
    json_value set;                     // an object of threshold: value (empty when not given)
    ojson response_rate = 0;            // as given, for the report
    size_t events = 200;                // per-deal forward events listed
    /// The report's parts to compute ("parts" option; all by default).
    bool what_if = true, forward_part = true, history = true, forecast_part = true, calibration = true;
};

/// The simulator keys of the options (the rest is left for the audit options).
/// Errors: options.type, options.range, options.value, with the pointer of the value.
result<simulate_settings> read_simulate_settings(const json_value& options);

/// One setting the what-if changed.
struct changed_setting {
    std::string key;
    ojson from;
    ojson to;
};

/// Applies "set" to the process's thresholds and checks response rates name its
/// stages. Errors: options.unknown_key, options.type, options.range (/set/<key>,
/// /response_rate/<stage>).
result<std::vector<changed_setting>> apply_settings(process& p, const simulate_settings& s);

}  // namespace revdiag::simulate_detail
