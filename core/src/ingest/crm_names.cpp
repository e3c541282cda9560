// The names people know each CRM by, for the ids detect_crm and the sample
// styles use; surfaces show these instead of the ids.
#include "revdiag/mapping.h"

namespace revdiag {

const std::vector<crm_name>& crm_names() {
    static const std::vector<crm_name> table = {
        {"salesforce", "Salesforce"},   {"hubspot", "HubSpot"},
        {"pipedrive", "Pipedrive"},     {"zoho", "Zoho"},
        {"dynamics", "Dynamics 365"},   {"close", "Close"},
        {"freshsales", "Freshsales"},   {"maven", "Maven sales data set"},
        {"spreadsheet", "Spreadsheet"}, {"generic", "Generic export"},
    };
    return table;
}

}  // namespace revdiag
