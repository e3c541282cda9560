#include "revdiag/deals.h"

namespace revdiag {

std::string_view to_string(field_type t) {
    switch (t) {
        case field_type::text:
            return "text";
        case field_type::money:
            return "money";
        case field_type::date:
            return "date";
        case field_type::boolean:
            return "bool";
        case field_type::percent:
            return "percent";
        case field_type::status:
            return "status";
    }
    return "text";
}

const std::vector<canonical_field>& canonical_fields() {
    static const std::vector<canonical_field> fields = {
        {"deal_id", field_type::text},
        {"deal_name", field_type::text},
        {"account", field_type::text},
        {"amount", field_type::money},
        {"currency", field_type::text},
        {"stage", field_type::text},
        {"status", field_type::status},
        {"owner", field_type::text},
        {"created_date", field_type::date},
        {"close_date", field_type::date},
        {"stage_entered_date", field_type::date},
        {"last_activity_date", field_type::date},
        {"last_buyer_activity_date", field_type::date},
        {"last_buyer_response_date", field_type::date},
        {"next_step", field_type::text},
        {"next_step_date", field_type::date},
        {"problem_confirmed", field_type::boolean},
        {"budget_confirmed", field_type::boolean},
        {"decision_date", field_type::date},
        {"decision_maker", field_type::text},
        {"proposal_sent_date", field_type::date},
        {"last_follow_up_date", field_type::date},
        {"probability", field_type::percent},
        {"snoozed_until", field_type::date},
    };
    return fields;
}

const canonical_field* find_canonical_field(std::string_view id) {
    for (const canonical_field& f : canonical_fields())
        if (f.id == id) return &f;
    return nullptr;
}

}  // namespace revdiag
