// Private: the field an export would need, named in the detected CRM's own
// terms where known (a HubSpot deal property, a Salesforce custom field, ...).
#pragma once

#include <string>
#include <string_view>

namespace revdiag::detail {

/// A plain label for a canonical field ("Problem confirmed").
std::string field_label(std::string_view field);
/// What to create or export so that `field` has a column, for `crm` ("hubspot", ... or "generic").
std::string crm_field_to_add(std::string_view crm, std::string_view field);

}  // namespace revdiag::detail
