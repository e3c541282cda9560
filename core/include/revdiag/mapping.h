// Header mapping: which column of an export holds which canonical field of
// DESIGN §2.1. Headers are compared ignoring case, spacing, punctuation and CRM
// entity prefixes (`Deal - `), against alias tables for Salesforce (API names and
// report labels), HubSpot, Pipedrive, Zoho, Dynamics 365, Close, Freshsales, the
// Maven data set and generic spreadsheets. Owns the choice, its confidence and
// the alternatives; not the values (values.h) nor the table (ingest.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revdiag/error.h"

namespace revdiag {

/// The column chosen for one canonical field.
struct mapping_entry {
    std::string field;                      // canonical id
    std::string header;                     // the header as written
    int source_index = -1;                  // 0-based column in the file
    double confidence = 0;                  // 1 = a known alias of the detected CRM or the user's choice
    std::vector<std::string> alternatives;  // other headers that could hold the field, best first
    std::string
        how;  // "" read as is; "user"; "cents"; "is_closed_is_won"; "stage_names"; "date_entered_columns"
};

struct header_mapping {
    std::string crm = "generic";
    std::vector<mapping_entry> entries;  // canonical order, one per field that found a column
};

/// How strong the proof of an activity column is (DESIGN §2.1), strongest first:
/// the buyer acted, a conversation took place, the rep logged something; `record`
/// for every field that is not an activity date.
enum class evidence_tier : uint8_t { buyer, two_way, rep, record };
/// "buyer", "two_way", "rep", "record".
std::string_view to_string(evidence_tier t);
/// The tier of a canonical field; stage timing (`stage_entered_date`) and plain fields are `record`.
evidence_tier tier_of_field(std::string_view field);

/// True when a field that names someone or something (account, owner) reads a column of record
/// ids (`AccountId`, `OwnerId`, `Owner ID`): the audit still groups by it, but names would read
/// better, so its confidence is capped at `ids_confidence` unless the user chose it.
bool holds_ids(const mapping_entry& e);
inline constexpr double ids_confidence = 0.5;

/// The name an unmapped column keeps for rules: `Lead Source` -> `lead_source`
/// (lower-case, runs of other characters as one `_`); "" when nothing is left.
std::string normalize_header(std::string_view header);
/// "salesforce", "hubspot", "pipedrive", "zoho", "dynamics", "close", "freshsales",
/// "maven", or "generic" when no CRM's signature headers are present.
std::string detect_crm(const std::vector<std::string>& headers);
/// A CRM id and the name people know it by ("dynamics", "Dynamics 365").
struct crm_name {
    std::string_view id;
    std::string_view name;
};
/// Every CRM id the engine emits: detect_crm's, "generic", and the sample styles'.
const std::vector<crm_name>& crm_names();
/// The best column for each canonical field (each column used once, best scores first).
header_mapping map_headers(const std::vector<std::string>& headers);
/// The mapping with the user's choices (canonical field -> header as written;
/// "" unmaps). Errors: mapping.unknown_field, mapping.unknown_header.
result<header_mapping> apply_overrides(header_mapping mapping, const std::vector<std::string>& headers,
                                       const std::vector<std::pair<std::string, std::string>>& overrides);

}  // namespace revdiag
