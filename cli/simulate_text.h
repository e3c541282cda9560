// The text form of a revdiag.simulate/1 report, for a terminal.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace revdiag::cli {

/// What a person reads: the what-if, the forward series (a table every week and
/// a sparkline of the real pipeline), the forecast quantiles, history, calibration.
std::string render_simulate_text(const nlohmann::json& report);

}  // namespace revdiag::cli
