// Private: the report's evidence and coverage (DESIGN §3.1, §4): the coverage
// block, the unverified figures in the summary, each layer's measurability and
// the process-level CRITERION_NOT_RECORDED findings.
#pragma once

#include "json/envelope.h"
#include "revdiag/audit.h"

namespace revdiag::detail {

/// Adds them to a report body that already holds input, process, summary and layers.
void add_coverage_json(ojson& body, const audit_report& r, const deal_table& table, const process& p);

}  // namespace revdiag::detail
