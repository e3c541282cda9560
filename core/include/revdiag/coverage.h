// Evidence and coverage of an audit (DESIGN §3.1): which column, and which tier
// of evidence, each check read; which criteria the export cannot show at all;
// how measurable each layer was. Kept apart from the per-deal findings so that
// "the CRM does not record it" never reads as "the deals failed it".
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/date.h"
#include "revdiag/mapping.h"

namespace revdiag {

/// available: a check whose field has no column is not assessable; strict: an
/// absent column reads as a blank cell on every deal (the rule before §3.1).
enum class evidence_mode : uint8_t { available, strict };
/// "available", "strict".
std::string_view to_string(evidence_mode m);

/// How much of a layer the export lets the audit check.
enum class measurable : uint8_t { yes, partly, no };
/// "yes", "partly", "no".
std::string_view to_string(measurable m);

/// Where one field a check asks for was read from.
struct evidence_source {
    std::string field;   // the field the check asks for
    std::string column;  // the canonical column read, "" when the export has none
    evidence_tier tier = evidence_tier::record;
};

/// One criterion of the process against this export.
struct criterion_coverage {
    bool assessable = true;
    std::vector<evidence_source> sources;  // one per field its rule reads, in rule order
    size_t blank_open = 0;                 // open deals with a blank cell in a column it reads
    size_t deals_resting = 0;              // real-pipeline deals that needed it (not assessable only)
    int64_t cents_resting = 0;
};

struct layer_coverage {
    measurable level = measurable::yes;
    std::vector<std::string> add;  // canonical fields the export would need
};

struct coverage_report {
    evidence_mode mode = evidence_mode::available;
    evidence_source activity;                  // the archive rule's reference (asks last_buyer_activity_date)
    std::vector<criterion_coverage> criteria;  // parallel to audit_report::criteria
    std::array<layer_coverage, 5> layers{};    // in layer order
    size_t unverified_deals = 0;               // real-pipeline deals resting on a not-assessable criterion
    int64_t unverified_cents = 0;
    day_t newest_date = no_date;  // newest activity, stage or created date of the export
};

}  // namespace revdiag
