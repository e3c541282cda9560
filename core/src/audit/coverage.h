// Private: the coverage block of an audit (DESIGN §3.1), planned before the deals
// are judged (which column each check reads) and finished after (blank shares,
// unverified totals, layers, the export's newest date).
#pragma once

#include "revdiag/audit.h"

namespace revdiag::detail {

/// The mode, the archive reference and each criterion's sources (r.criteria must be filled).
void plan_coverage(audit_report& r, const deal_table& t, const process& p, evidence_mode mode);
/// Blank shares, unverified deals and amounts, layer measurability, the newest
/// date and its warning; under `available`, FIELD_NOT_RECORDED for an absent
/// column gives way to the coverage block's CRITERION_NOT_RECORDED.
void finish_coverage(audit_report& r, const deal_table& t, const process& p);

}  // namespace revdiag::detail
