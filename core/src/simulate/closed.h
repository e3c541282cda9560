// Private: the closed deals of a table as the simulator learns from them:
// won or lost by status, else by a closed stage (with the audit's stage map).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "revdiag/audit.h"
#include "revdiag/deals.h"
#include "revdiag/process.h"

namespace revdiag::simulate_detail {

enum class outcome_of_deal : uint8_t { open, won, lost };

/// Per row: open, won or lost.
std::vector<outcome_of_deal> deal_outcomes(const deal_table& table, const process& p,
                                           const audit_options& options);

/// A money cell in cents (0 when missing), rounded as the audit rounds.
int64_t cents_at(const column* amount, size_t row);

/// Per process stage, the day each row entered it, from the export's
/// `Date entered "<stage>"` columns (HubSpot's stage history); empty when the
/// export has none.
std::vector<std::vector<day_t>> stage_entries(const deal_table& table, const process& p);

}  // namespace revdiag::simulate_detail
