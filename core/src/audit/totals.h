// Private to audit: what run_audit adds once every deal has been judged.
#pragma once

#include "audit/columns.h"
#include "revdiag/audit.h"

namespace revdiag::detail {

/// Stated and real totals (plain and weighted), per stage and per layer.
void add_totals(audit_report& r, const process& p);
/// The audit-level warnings: no stage or amount column, missing amounts, mixed currencies, …
void add_warnings(audit_report& r, const deal_table& table, const audit_columns& cols);

}  // namespace revdiag::detail
