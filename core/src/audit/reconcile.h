// Private: the figures that make the dashboard's numbers add up. Layers overlap
// (a deal can fail several), so each layer is told how much of its amount a
// layer ranked before it already counts; the stated -> real gap is split deal
// by deal into the reasons a deal is not real, so its steps sum to the cent.
#pragma once

#include "revdiag/audit.h"

namespace revdiag::detail {

/// Fill layers' rank and overlap, flagged_cents and removed; needs the totals.
void reconcile_totals(audit_report& r, const process& p);

}  // namespace revdiag::detail
