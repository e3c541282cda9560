// Private: which column the audit reads for a field it asks for (DESIGN §3.1).
// Under `available` an absent activity field is read from the strongest tier the
// export has; under `strict` every field is read from its own column only.
#pragma once

#include <string_view>
#include <vector>

#include "revdiag/coverage.h"
#include "revdiag/deals.h"

namespace revdiag::detail {

/// What the archive rule's reference and the follow-up checks read.
enum class evidence_use : uint8_t { criterion, archive_reference };

/// The columns `field` may be read from, best first.
std::vector<std::string_view> evidence_candidates(std::string_view field, evidence_mode mode,
                                                  evidence_use use = evidence_use::criterion);
/// The first candidate column the table has; `column` stays "" when it has none.
evidence_source pick_evidence(const deal_table& t, std::string_view field, evidence_mode mode,
                              evidence_use use = evidence_use::criterion);
/// The date column a source names, or nullptr.
const column* date_column(const deal_table& t, const evidence_source& s);

}  // namespace revdiag::detail
