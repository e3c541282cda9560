#include "sample/style.h"

#include <cstdio>

namespace revdiag::detail {

namespace {

std::vector<crm_style> make_styles() {
    std::vector<crm_style> s;
    // Report-label headers as a Salesforce opportunity report exports them; US dates.
    s.push_back(crm_style{"salesforce",
                          ',',
                          "\r\n",
                          date_style::us,
                          money_style::plain_cents,
                          "1",
                          "0",
                          {"Prospecting", "Discovery", "Needs Analysis", "Proposal/Price Quote",
                           "Negotiation/Review", "Closed Won", "Closed Lost", "On Hold"},
                          {{slot::deal_id, "Opportunity ID"},
                           {slot::deal_name, "Opportunity Name"},
                           {slot::account, "Account Name"},
                           {slot::amount, "Amount"},
                           {slot::currency, "Opportunity Currency"},
                           {slot::stage, "Stage"},
                           {slot::owner, "Opportunity Owner"},
                           {slot::created, "Created Date"},
                           {slot::close, "Close Date"},
                           {slot::stage_entered, "Last Stage Change Date"},
                           {slot::buyer_activity, "Last Engagement Date"},
                           {slot::buyer_response, "Last Response Date"},
                           {slot::next_step, "Next Step"},
                           {slot::next_step_date, "Next Step Date"},
                           {slot::problem, "Pain Identified"},
                           {slot::budget, "Budget Confirmed"},
                           {slot::decision_date, "Decision Date"},
                           {slot::decision_maker, "Economic Buyer"},
                           {slot::proposal_sent, "Quote Sent Date"},
                           {slot::follow_up, "Last Follow-up"},
                           {slot::probability, "Probability (%)"},
                           {slot::lead_source, "Lead Source"}}});
    s.push_back(
        crm_style{"hubspot",
                  ',',
                  "\r\n",
                  date_style::iso_time,
                  money_style::plain,
                  "true",
                  "false",
                  {"Appointment Scheduled", "Discovery", "Qualified To Buy", "Decision Maker Bought-In",
                   "Contract Sent", "Closed Won", "Closed Lost", "Nurture"},
                  {{slot::deal_id, "Record ID"},
                   {slot::deal_name, "Deal Name"},
                   {slot::account, "Associated Company"},
                   {slot::amount, "Amount"},
                   {slot::stage, "Deal Stage"},
                   {slot::owner, "Deal owner"},
                   {slot::created, "Create Date"},
                   {slot::close, "Close Date"},
                   {slot::stage_entered, "Stage Entered"},
                   {slot::buyer_activity, "Last Buyer Activity"},
                   {slot::buyer_response, "Last Reply Date"},
                   {slot::next_step, "Next Step"},
                   {slot::next_step_date, "Next Activity Date"},
                   {slot::problem, "Problem Confirmed"},
                   {slot::budget, "Budget Confirmed"},
                   {slot::decision_date, "Decision Date"},
                   {slot::decision_maker, "Decision Maker"},
                   {slot::proposal_sent, "Proposal Sent"},
                   {slot::follow_up, "Last Follow-up"},
                   {slot::snoozed_until, "Snoozed Until"},
                   {slot::probability, "Deal probability"}}});
    s.push_back(crm_style{"pipedrive",
                          ',',
                          "\n",
                          date_style::iso,
                          money_style::plain,
                          "Yes",
                          "No",
                          {"Contact Made", "Needs Defined", "Qualification", "Proposal Made",
                           "Negotiations Started", "Won", "Lost", "Stalled"},
                          {{slot::deal_id, "Deal - ID"},
                           {slot::deal_name, "Deal - Title"},
                           {slot::account, "Deal - Organization"},
                           {slot::amount, "Deal - Value"},
                           {slot::currency, "Deal - Currency"},
                           {slot::stage, "Deal - Stage"},
                           {slot::status, "Deal - Status"},
                           {slot::owner, "Deal - Owner"},
                           {slot::created, "Deal - Deal created"},
                           {slot::close, "Deal - Expected close date"},
                           {slot::stage_entered, "Deal - Last stage change"},
                           {slot::buyer_activity, "Deal - Last Buyer Activity"},
                           {slot::buyer_response, "Deal - Last Response Date"},
                           {slot::next_step_date, "Deal - Next activity date"},
                           {slot::problem, "Deal - Pain Identified"},
                           {slot::budget, "Deal - Budget Confirmed"},
                           {slot::decision_date, "Deal - Decision Date"},
                           {slot::decision_maker, "Deal - Decision Maker"},
                           {slot::proposal_sent, "Deal - Proposal Sent"},
                           {slot::follow_up, "Deal - Last Follow-up"},
                           {slot::snoozed_until, "Deal - Snoozed Until"}}});
    s.push_back(crm_style{"zoho",
                          ',',
                          "\n",
                          date_style::us,
                          money_style::dollar_grouped,
                          "true",
                          "false",
                          {"Prospecting", "Discovery", "Needs Analysis", "Proposal/Price Quote",
                           "Negotiation/Review", "Closed Won", "Closed Lost", "On Hold"},
                          {{slot::deal_id, "Record Id"},
                           {slot::deal_name, "Potential Name"},
                           {slot::account, "Account Name"},
                           {slot::amount, "Amount"},
                           {slot::stage, "Stage"},
                           {slot::owner, "Potential Owner"},
                           {slot::created, "Created Time"},
                           {slot::close, "Closing Date"},
                           {slot::buyer_activity, "Last Engagement Date"},
                           {slot::buyer_response, "Last Reply Date"},
                           {slot::next_step, "Next Step"},
                           {slot::next_step_date, "Next Step Date"},
                           {slot::problem, "Pain Identified"},
                           {slot::budget, "Budget Confirmed"},
                           {slot::decision_date, "Decision Date"},
                           {slot::decision_maker, "Decision Maker"},
                           {slot::proposal_sent, "Proposal Sent"},
                           {slot::follow_up, "Last Follow-up"},
                           {slot::probability, "Probability (%)"},
                           {slot::lead_source, "Lead Source"}}});
    s.push_back(crm_style{"dynamics",
                          ',',
                          "\r\n",
                          date_style::iso_time,
                          money_style::dollar_grouped,
                          "Yes",
                          "No",
                          {"Engaged", "Discovery", "Qualify", "Propose", "Close", "Won", "Lost", "On Hold"},
                          {{slot::deal_id, "Opportunity ID"},
                           {slot::deal_name, "Topic"},
                           {slot::account, "Potential Customer"},
                           {slot::amount, "Est. Revenue"},
                           {slot::stage, "Pipeline Phase"},
                           {slot::status, "Status"},
                           {slot::owner, "Owner"},
                           {slot::created, "Created On"},
                           {slot::close, "Est. Close Date"},
                           {slot::buyer_activity, "Last Buyer Activity"},
                           {slot::buyer_response, "Last Response Date"},
                           {slot::next_step_date, "Next Step Date"},
                           {slot::problem, "Pain Identified"},
                           {slot::budget, "Budget Confirmed"},
                           {slot::decision_date, "Decision Date"},
                           {slot::decision_maker, "Decision Maker"},
                           {slot::proposal_sent, "Proposal Sent"},
                           {slot::follow_up, "Last Follow-up"},
                           {slot::probability, "Probability"}}});
    // Close writes `value` in cents and keeps the expected close date in date_won.
    s.push_back(crm_style{
        "close",
        ',',
        "\n",
        date_style::iso,
        money_style::integer_cents,
        "true",
        "false",
        {"Engaged", "Discovery", "Qualification", "Proposal", "Negotiation", "Won", "Lost", "Nurture"},
        {{slot::deal_id, "id"},
         {slot::account, "lead_name"},
         {slot::amount, "value"},
         {slot::currency, "value_currency"},
         {slot::stage, "status_label"},
         {slot::owner, "user_name"},
         {slot::created, "date_created"},
         {slot::close, "date_won"},
         {slot::buyer_activity, "last_buyer_activity"},
         {slot::buyer_response, "last_reply_date"},
         {slot::next_step_date, "next_step_date"},
         {slot::problem, "problem_confirmed"},
         {slot::budget, "budget_confirmed"},
         {slot::decision_date, "decision_date"},
         {slot::decision_maker, "decision_maker"},
         {slot::proposal_sent, "proposal_sent"},
         {slot::follow_up, "last_follow_up"},
         {slot::probability, "confidence"}}});
    // A hand-kept European spreadsheet: semicolons, dotted dates, "48.250,00 €".
    s.push_back(crm_style{"spreadsheet",
                          ';',
                          "\n",
                          date_style::european_dots,
                          money_style::euro_european,
                          "x",
                          "",
                          {"Engaged", "Discovery", "Qualification", "Proposal", "Negotiation", "Closed Won",
                           "Closed Lost", "Re-engagement"},
                          {{slot::deal_name, "Deal"},
                           {slot::account, "Company"},
                           {slot::amount, "Value"},
                           {slot::stage, "Stage"},
                           {slot::owner, "Owner"},
                           {slot::created, "Created"},
                           {slot::close, "Expected Close Date"},
                           {slot::buyer_activity, "Last Buyer Activity"},
                           {slot::buyer_response, "Last Response Date"},
                           {slot::next_step, "Next Step"},
                           {slot::next_step_date, "Next Step Date"},
                           {slot::problem, "Problem Confirmed"},
                           {slot::budget, "Budget Confirmed"},
                           {slot::decision_date, "Decision Date"},
                           {slot::decision_maker, "Decision Maker"},
                           {slot::proposal_sent, "Proposal Sent"},
                           {slot::follow_up, "Last Follow-up"},
                           {slot::snoozed_until, "Snoozed Until"}}});
    return s;
}

void append_grouped(std::string& out, uint64_t units, char sep) {
    const std::string digits = std::to_string(units);
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
        out.push_back(digits[i]);
    }
}

}  // namespace

const std::vector<crm_style>& crm_styles() {
    static const std::vector<crm_style> styles = make_styles();
    return styles;
}

const crm_style* find_crm_style(std::string_view name) {
    for (const crm_style& s : crm_styles())
        if (s.name == name) return &s;
    return nullptr;
}

void append_date(std::string& out, day_t d, date_style s) {
    const civil_date c = civil_from_days(d);
    char buf[40];
    switch (s) {
        case date_style::iso:
            std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
            break;
        case date_style::iso_time:
            std::snprintf(buf, sizeof buf, "%04d-%02u-%02u 09:30", c.year, c.month, c.day);
            break;
        case date_style::us:
            std::snprintf(buf, sizeof buf, "%u/%u/%04d", c.month, c.day, c.year);
            break;
        case date_style::european_dots:
            std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", c.day, c.month, c.year);
            break;
        case date_style::european_slash:
            std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", c.day, c.month, c.year);
            break;
        case date_style::sf_datetime:
            std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT14:05:00.000+0000", c.year, c.month, c.day);
            break;
    }
    out += buf;
}

void append_money(std::string& out, int64_t cents, money_style s) {
    const uint64_t mag = static_cast<uint64_t>(cents < 0 ? -cents : cents);
    const uint64_t units = mag / 100;
    const unsigned frac = static_cast<unsigned>(mag % 100);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u", frac);
    if (cents < 0) out.push_back('-');
    switch (s) {
        case money_style::plain:
            out += std::to_string(units);
            if (frac) out += std::string(".") + buf;
            break;
        case money_style::plain_cents:
            out += std::to_string(units) + "." + buf;
            break;
        case money_style::dollar_grouped:
            out += "$";
            append_grouped(out, units, ',');
            out += std::string(".") + buf;
            break;
        case money_style::euro_european:
            append_grouped(out, units, '.');
            out += std::string(",") + buf + " \xE2\x82\xAC";
            break;
        case money_style::integer_cents:
            out += std::to_string(mag);
            break;
    }
}

}  // namespace revdiag::detail
