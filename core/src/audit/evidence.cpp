#include "audit/evidence.h"

namespace revdiag {

std::string_view to_string(evidence_mode m) {
    return m == evidence_mode::strict ? "strict" : "available";
}

std::string_view to_string(measurable m) {
    switch (m) {
        case measurable::yes:
            return "yes";
        case measurable::partly:
            return "partly";
        case measurable::no:
            return "no";
    }
    return "no";
}

namespace detail {

std::vector<std::string_view> evidence_candidates(std::string_view field, evidence_mode mode,
                                                  evidence_use use) {
    if (mode == evidence_mode::strict) return {field};
    // Buyer tier first, then two-way; the rep tier only where a rep's own log
    // is what the check asks for (E1 never accepts it: DESIGN §3.1).
    if (field == "last_buyer_activity_date") {
        if (use == evidence_use::archive_reference)
            return {"last_buyer_activity_date", "last_buyer_response_date", "last_contact_date",
                    "last_activity_date"};
        return {"last_buyer_activity_date", "last_buyer_response_date", "last_contact_date"};
    }
    if (field == "last_buyer_response_date")
        return {"last_buyer_response_date", "last_buyer_activity_date", "last_contact_date"};
    if (field == "next_step_date") return {"next_step_date", "next_activity_date"};
    if (field == "last_follow_up_date") return {"last_follow_up_date", "last_activity_date"};
    return {field};
}

evidence_source pick_evidence(const deal_table& t, std::string_view field, evidence_mode mode,
                              evidence_use use) {
    evidence_source s;
    s.field = std::string(field);
    s.tier = tier_of_field(field);
    for (const std::string_view name : evidence_candidates(field, mode, use)) {
        if (!t.find(name)) continue;
        s.column = std::string(name);
        s.tier = tier_of_field(name);
        break;
    }
    return s;
}

const column* date_column(const deal_table& t, const evidence_source& s) {
    if (s.column.empty()) return nullptr;
    const column* c = t.find(s.column);
    return c && c->type == field_type::date ? c : nullptr;
}

}  // namespace detail
}  // namespace revdiag
