// Private alias tables of the header mapping: header spellings per canonical
// field and CRM, and the signature headers that identify each CRM's export.
// Keys are compact: lower-case letters and digits only (`Est. revenue` -> `estrevenue`).
#pragma once

#include <string_view>
#include <vector>

namespace revdiag {

struct header_alias {
    std::string_view field;
    std::string_view crm;  // "" = generic spreadsheets, any CRM
    std::string_view key;
};
/// Every alias, in no particular order.
const std::vector<header_alias>& header_aliases();

struct crm_signature {
    std::string_view crm;
    std::vector<std::string_view> keys;
};
/// CRMs in tie-break order with the headers only their exports tend to have.
const std::vector<crm_signature>& crm_signatures();

}  // namespace revdiag
