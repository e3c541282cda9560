#include "report/crm_words.h"

#include "revdiag/deals.h"

namespace revdiag::detail {

namespace {

struct native_field {
    std::string_view crm, field, words;
};

// Columns these CRMs already have and can export (DESIGN §2.1's tier table).
constexpr native_field native[] = {
    {"hubspot", "last_buyer_activity_date",
     "the deal property \"Date of last meeting booked in meetings tool\" or \"Recent Sales Email Replied "
     "Date\""},
    {"hubspot", "last_buyer_response_date", "the deal property \"Recent Sales Email Replied Date\""},
    {"hubspot", "last_contact_date", "the deal property \"Last Contacted\""},
    {"hubspot", "next_step_date", "the deal property \"Next Activity Date\""},
    {"hubspot", "stage_entered_date", "the deal property \"Date entered current stage\""},
    {"hubspot", "last_activity_date", "the deal property \"Last Activity Date\""},
    {"pipedrive", "last_buyer_activity_date", "the column \"Deal - Last email received\""},
    {"pipedrive", "last_buyer_response_date", "the column \"Deal - Last email received\""},
    {"pipedrive", "next_step_date", "the column \"Deal - Next activity date\""},
    {"pipedrive", "stage_entered_date", "the column \"Deal - Last stage change\""},
    {"pipedrive", "last_follow_up_date", "the column \"Deal - Last email sent\""},
    {"close", "last_buyer_activity_date", "the field last_incoming_call_date or last_incoming_email_date"},
    {"close", "last_buyer_response_date", "the field last_incoming_email_date"},
    {"close", "last_contact_date", "the field last_communication_date"},
    {"close", "stage_entered_date", "the field last_opportunity_status_change_date"},
    {"salesforce", "stage_entered_date", "the field LastStageChangeDate"},
    {"salesforce", "last_activity_date", "the field LastActivityDate"},
    {"freshsales", "stage_entered_date", "the field \"Deal stage updated at\""},
    {"zoho", "last_activity_date", "the field \"Last Activity Time\""},
};

std::string_view kind_of(std::string_view field) {
    const canonical_field* f = find_canonical_field(field);
    if (!f) return "text";
    switch (f->type) {
        case field_type::boolean:
            return "checkbox";
        case field_type::date:
            return "date";
        case field_type::money:
            return "currency";
        default:
            return "text";
    }
}

// Salesforce API names: Problem_Confirmed__c.
std::string api_name(const std::string& label) {
    std::string out;
    bool start = true;
    for (const char c : label) {
        if (c == ' ') {
            out.push_back('_');
            start = true;
            continue;
        }
        out.push_back(start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        start = false;
    }
    return out + "__c";
}

}  // namespace

std::string field_label(std::string_view field) {
    if (field == "last_buyer_activity_date") return "Last buyer activity";
    if (field == "last_buyer_response_date") return "Last buyer reply";
    if (field == "proposal_sent_date") return "Proposal sent date";
    if (field == "last_follow_up_date") return "Last follow-up";
    std::string out(field);
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string crm_field_to_add(std::string_view crm, std::string_view field) {
    for (const native_field& n : native)
        if (n.crm == crm && n.field == field) return std::string(n.words);
    const std::string label = field_label(field);
    const std::string kind(kind_of(field));
    if (crm == "salesforce")
        return "a custom " + kind + " field " + api_name(label) + " on Opportunity, in the export";
    if (crm == "hubspot") return "a " + kind + " deal property \"" + label + "\", in the export";
    if (crm == "dynamics")
        return "a " + kind + " column \"" + label + "\" on the Opportunity table, in the export";
    if (crm == "zoho" || crm == "pipedrive" || crm == "close" || crm == "freshsales")
        return "a custom " + kind + " field \"" + label + "\" on deals, in the export";
    return "a " + kind + " column \"" + label + "\"";
}

}  // namespace revdiag::detail
