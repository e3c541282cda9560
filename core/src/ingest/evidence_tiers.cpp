// The evidence tiers of DESIGN §2.1: which canonical activity fields prove what.
#include "revdiag/mapping.h"

namespace revdiag {

std::string_view to_string(evidence_tier t) {
    switch (t) {
        case evidence_tier::buyer:
            return "buyer";
        case evidence_tier::two_way:
            return "two_way";
        case evidence_tier::rep:
            return "rep";
        case evidence_tier::record:
            return "record";
    }
    return "record";
}

evidence_tier tier_of_field(std::string_view field) {
    if (field == "last_buyer_activity_date" || field == "last_buyer_response_date")
        return evidence_tier::buyer;
    if (field == "last_contact_date") return evidence_tier::two_way;
    if (field == "last_activity_date" || field == "next_activity_date") return evidence_tier::rep;
    return evidence_tier::record;
}

}  // namespace revdiag
