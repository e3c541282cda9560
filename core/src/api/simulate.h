// Private: what api::simulate and api::session::simulate share — reading the
// options (the simulator's settings and the audit's) and running the simulator
// on a table already read.
#pragma once

#include <string>
#include <string_view>

#include "api/audit_options.h"
#include "simulate/settings.h"

namespace revdiag::detail {

inline constexpr std::string_view simulate_schema = "revdiag.simulate/1";

struct simulate_request {
    simulate_detail::simulate_settings settings;
    audit_request audit;
};

/// The options of api::simulate. Errors: those of read_simulate_settings and read_audit_options.
result<simulate_request> read_simulate_request(std::string_view options_json);
/// The revdiag.simulate/1 envelope for a table (an error envelope when the
/// process, the settings or the stage map do not fit it).
std::string simulate_envelope(const deal_table& table, const simulate_request& req);

}  // namespace revdiag::detail
