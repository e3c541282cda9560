// Private: the words of the audit. What a sales manager reads for each finding
// (one sentence naming the values) and what to do about it, and the roll-up of
// actions per owner. Kept apart from the engine so the per-deal loop stays
// free of strings.
#pragma once

#include <string>
#include <vector>

#include "audit/columns.h"
#include "revdiag/audit.h"

namespace revdiag::detail {

/// The action for one finding ("Move back to Discovery", "Assign one owner", ...).
std::string action_for(const finding& f, const deal_audit& d, const audit_columns& cols, const process& p);
/// One sentence explaining the finding with the deal's own values.
std::string message_for(const finding& f, const deal_audit& d, const audit_columns& cols, const process& p,
                        const audit_report& r);
/// Who must do what: flagged deals grouped by owner, then by their one next
/// action (next_action_of), each deal once, sorted
/// by amount at risk (then deal count, then text) so the order is deterministic.
std::vector<owner_actions> owner_action_lists(const audit_report& r, const deal_table& table,
                                              const process& p);

}  // namespace revdiag::detail
