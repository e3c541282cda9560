// Header mapping: the five real exports map unaided (deal id or name, amount,
// stage, owner, dates) with sample typed values; CRM header styles; overrides.
#include "revdiag/mapping.h"

#include <catch2/catch.hpp>

#include "ingest/ingest_json.h"
#include "revdiag/ingest.h"
#include "test_support.h"

using namespace revdiag;

namespace {
ingest_result read_real(const std::string& name) {
    auto r = read_deals(test::read_fixture("real/" + name));
    REQUIRE(r.has_value());
    return std::move(r.value());
}

std::string header_of(const ingest_result& r, const std::string& field) {
    for (const mapping_entry& e : r.mapping)
        if (e.field == field) return e.header;
    return "(unmapped)";
}

nlohmann::json cell(const ingest_result& r, const std::string& column_name, size_t row) {
    const column* c = r.table.find(column_name);
    REQUIRE(c != nullptr);
    return nlohmann::json::parse(cell_to_json(*c, row).dump());
}

std::vector<std::string> headers_of(const std::string& line) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t at; (at = line.find(',', from)) != std::string::npos; from = at + 1)
        out.push_back(line.substr(from, at - from));
    out.push_back(line.substr(from));
    return out;
}

std::string mapped(const header_mapping& m, const std::string& field) {
    for (const mapping_entry& e : m.entries)
        if (e.field == field) return e.header;
    return "(unmapped)";
}
}  // namespace

TEST_CASE("salesforce api export maps unaided with typed values", "[mapping][real]") {
    const ingest_result r = read_real("salesforce-opportunity.csv");
    CHECK(r.detected_crm == "salesforce");
    CHECK(r.rows == 50);
    CHECK(header_of(r, "deal_id") == "Id");
    CHECK(header_of(r, "deal_name") == "Name");
    CHECK(header_of(r, "amount") == "Amount");
    CHECK(header_of(r, "stage") == "StageName");
    CHECK(header_of(r, "owner") == "OwnerId");
    CHECK(header_of(r, "created_date") == "CreatedDate");
    CHECK(header_of(r, "close_date") == "CloseDate");
    CHECK(header_of(r, "status") == "IsClosed + IsWon");
    CHECK(cell(r, "deal_id", 0) == "006Ec00000AieKFIAZ");
    CHECK(cell(r, "deal_name", 0) == "Patterson-Hansen - Merchant Services - November 2024");
    CHECK(cell(r, "amount", 0).get<double>() == Approx(1124741.15));
    CHECK(cell(r, "close_date", 0) == "2024-11-10");
    CHECK(cell(r, "created_date", 0) == "2024-01-22");
    CHECK(cell(r, "probability", 0).get<double>() == Approx(10));
    CHECK(cell(r, "status", 0) == "open");
    CHECK(cell(r, "status", 1) == "won");
    CHECK(r.table.find("leadsource") != nullptr);
    CHECK(r.warnings.empty());
}

TEST_CASE("hubspot export maps unaided with stage-derived status", "[mapping][real]") {
    const ingest_result r = read_real("hubspot-deals.csv");
    CHECK(r.detected_crm == "hubspot");
    CHECK(r.rows == 134);
    CHECK(r.line_ending == "crlf");
    CHECK(header_of(r, "deal_id") == "Deal ID");
    CHECK(header_of(r, "deal_name") == "Deal Name");
    CHECK(header_of(r, "amount") == "Amount");
    CHECK(header_of(r, "stage") == "Deal Stage");
    CHECK(header_of(r, "owner") == "Deal Owner");
    CHECK(header_of(r, "created_date") == "Create Date");
    CHECK(header_of(r, "close_date") == "Close Date");
    CHECK(cell(r, "deal_name", 1) == "Bailey, Walters and Lewis - New Business Opportunity");
    CHECK(cell(r, "amount", 0).get<double>() == Approx(210833.37));
    CHECK(cell(r, "stage", 1) == "Closed Won");
    CHECK(cell(r, "status", 1) == "won");
    CHECK(cell(r, "status", 0) == "open");
    CHECK(cell(r, "owner", 0) == "dwight.schrute@example.com");
    CHECK(cell(r, "created_date", 0) == "2023-03-29");
    CHECK(cell(r, "close_date", 0) == "2025-06-17");
    CHECK(r.warnings.empty());
}

TEST_CASE("zoho potentials export maps unaided with dollar amounts and named-month dates",
          "[mapping][real]") {
    const ingest_result r = read_real("zoho-potentials.csv");
    CHECK(r.detected_crm == "zoho");
    CHECK(r.rows == 73);
    CHECK(header_of(r, "deal_name") == "Potential Name");
    CHECK(header_of(r, "amount") == "Amount");
    CHECK(header_of(r, "stage") == "Stage");
    CHECK(header_of(r, "owner") == "Potential Owner");
    CHECK(header_of(r, "created_date") == "Created Time");
    CHECK(header_of(r, "close_date") == "Closing Date");
    CHECK(header_of(r, "status") == "Forecast Type");
    CHECK(cell(r, "deal_name", 0) == "Lewis, James");
    CHECK(cell(r, "amount", 0).get<double>() == Approx(22700));
    CHECK(cell(r, "created_date", 0) == "2021-04-15");
    CHECK(cell(r, "close_date", 0) == "2021-04-16");
    CHECK(cell(r, "status", 0) == "open");
    CHECK(cell(r, "owner", 0) == "Roger Terrence");
    CHECK(r.warnings.empty());
}

TEST_CASE("dynamics 365 export maps unaided with us dates and its status column", "[mapping][real]") {
    const ingest_result r = read_real("dynamics365-opportunity.csv");
    CHECK(r.detected_crm == "dynamics");
    CHECK(r.rows == 53);
    CHECK(header_of(r, "deal_name") == "Topic");
    CHECK(header_of(r, "amount") == "Est. revenue");
    CHECK(header_of(r, "stage") == "Sales Stage");
    CHECK(header_of(r, "owner") == "Owner");
    CHECK(header_of(r, "created_date") == "Created On");
    CHECK(header_of(r, "close_date") == "Est. close date");
    CHECK(header_of(r, "status") == "Status");
    CHECK(cell(r, "deal_name", 0) == "Adatum Corporation | 1-Year Fair Trade Coffee Subscription");
    CHECK(cell(r, "amount", 0).get<double>() == Approx(13400));
    CHECK(cell(r, "created_date", 0) == "2024-05-20");
    CHECK(cell(r, "close_date", 0) == "2024-08-31");
    CHECK(cell(r, "status", 0) == "lost");
    CHECK(cell(r, "status", 1) == "won");
    CHECK(cell(r, "owner", 0) == "Jim Nakashima");
    CHECK(r.warnings.empty());
}

TEST_CASE("maven data set maps unaided with its snake case headers", "[mapping][real]") {
    const ingest_result r = read_real("maven-crm-sales-pipeline.csv");
    CHECK(r.detected_crm == "maven");
    CHECK(r.rows == 628);
    CHECK(header_of(r, "deal_id") == "opportunity_id");
    CHECK(header_of(r, "amount") == "close_value");
    CHECK(header_of(r, "stage") == "deal_stage");
    CHECK(header_of(r, "owner") == "sales_agent");
    CHECK(header_of(r, "created_date") == "engage_date");
    CHECK(header_of(r, "close_date") == "close_date");
    CHECK(cell(r, "deal_id", 0) == "1C1I7A6R");
    CHECK(cell(r, "amount", 0).get<double>() == Approx(1054));
    CHECK(cell(r, "created_date", 0) == "2016-10-20");
    CHECK(cell(r, "close_date", 0) == "2017-03-01");
    CHECK(cell(r, "status", 0) == "won");
    CHECK(cell(r, "owner", 0) == "Moses Frase");
    CHECK(cell(r, "amount", 627).is_null());  // open deals have no close value
    CHECK(r.warnings.empty());
}

TEST_CASE("pipedrive headers map through their deal prefix", "[mapping][crm]") {
    const header_mapping m = map_headers(headers_of(
        "Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Owner,Deal - Stage,"
        "Deal - Status,Deal - Deal created,Deal - Expected close date,Deal - Last stage change,"
        "Deal - Next activity date,Deal - Last activity date"));
    CHECK(m.crm == "pipedrive");
    CHECK(mapped(m, "deal_id") == "Deal - ID");
    CHECK(mapped(m, "deal_name") == "Deal - Title");
    CHECK(mapped(m, "amount") == "Deal - Value");
    CHECK(mapped(m, "currency") == "Deal - Currency");
    CHECK(mapped(m, "account") == "Deal - Organization");
    CHECK(mapped(m, "owner") == "Deal - Owner");
    CHECK(mapped(m, "stage") == "Deal - Stage");
    CHECK(mapped(m, "status") == "Deal - Status");
    CHECK(mapped(m, "created_date") == "Deal - Deal created");
    CHECK(mapped(m, "close_date") == "Deal - Expected close date");
    CHECK(mapped(m, "stage_entered_date") == "Deal - Last stage change");
    CHECK(mapped(m, "next_activity_date") == "Deal - Next activity date");
    CHECK(mapped(m, "last_activity_date") == "Deal - Last activity date");
}

TEST_CASE("close and freshsales and salesforce report headers map", "[mapping][crm]") {
    const header_mapping close = map_headers(headers_of(
        "id,lead_name,status_type,status_label,value,value_currency,value_period,confidence,user_name,"
        "date_created,date_won"));
    CHECK(close.crm == "close");
    CHECK(mapped(close, "status") == "status_type");
    CHECK(mapped(close, "stage") == "status_label");
    CHECK(mapped(close, "amount") == "value");
    CHECK(mapped(close, "owner") == "user_name");
    CHECK(mapped(close, "probability") == "confidence");
    CHECK(mapped(close, "account") == "lead_name");

    const header_mapping fresh = map_headers(headers_of(
        "Name,Amount,Deal stage,Deal pipeline,Sales owner,Sales account,Expected close date,Created at,"
        "Probability (%)"));
    CHECK(fresh.crm == "freshsales");
    CHECK(mapped(fresh, "owner") == "Sales owner");
    CHECK(mapped(fresh, "account") == "Sales account");
    CHECK(mapped(fresh, "probability") == "Probability (%)");

    const header_mapping report = map_headers(headers_of(
        "Opportunity Owner,Account Name,Opportunity Name,Stage,Fiscal Period,Amount,Probability (%),Age,"
        "Close Date,Created Date,Next Step,Lead Source,Type"));
    CHECK(report.crm == "salesforce");
    CHECK(mapped(report, "owner") == "Opportunity Owner");
    CHECK(mapped(report, "deal_name") == "Opportunity Name");
    CHECK(mapped(report, "account") == "Account Name");
    CHECK(mapped(report, "status") == "Stage");
    for (const mapping_entry& e : report.entries)
        if (e.field == "status") CHECK(e.how == "stage_names");
}

TEST_CASE("generic spreadsheet headers map ignoring case spacing and punctuation", "[mapping][generic]") {
    const header_mapping m = map_headers(
        headers_of("DEAL NAME,deal_amount,Stage ,Owner,Last Buyer Activity,Last Reply Date,Proposal Sent,"
                   "Last Follow-up,Budget Confirmed?,Pain Identified,Economic Buyer,Decision Date,Snoozed "
                   "Until,Next Step Date"));
    CHECK(m.crm == "generic");
    CHECK(mapped(m, "deal_name") == "DEAL NAME");
    CHECK(mapped(m, "amount") == "deal_amount");
    CHECK(mapped(m, "last_buyer_activity_date") == "Last Buyer Activity");
    CHECK(mapped(m, "last_buyer_response_date") == "Last Reply Date");
    CHECK(mapped(m, "proposal_sent_date") == "Proposal Sent");
    CHECK(mapped(m, "last_follow_up_date") == "Last Follow-up");
    CHECK(mapped(m, "budget_confirmed") == "Budget Confirmed?");
    CHECK(mapped(m, "problem_confirmed") == "Pain Identified");
    CHECK(mapped(m, "decision_maker") == "Economic Buyer");
    CHECK(mapped(m, "decision_date") == "Decision Date");
    CHECK(mapped(m, "snoozed_until") == "Snoozed Until");
    CHECK(mapped(m, "next_step_date") == "Next Step Date");
}

TEST_CASE("a field keeps its alternatives and each column serves one field", "[mapping]") {
    const header_mapping m = map_headers(headers_of("Amount,Deal Value,Stage,Stage Entered"));
    CHECK(mapped(m, "amount") == "Amount");
    CHECK(mapped(m, "stage") == "Stage");
    CHECK(mapped(m, "stage_entered_date") == "Stage Entered");
    for (const mapping_entry& e : m.entries) {
        if (e.field == "amount") CHECK(e.alternatives == std::vector<std::string>{"Deal Value"});
        if (e.field == "amount") CHECK(e.confidence > 0.8);
    }
}

TEST_CASE("normalized header names keep extra columns addressable", "[mapping]") {
    CHECK(normalize_header("Lead Source") == "lead_source");
    CHECK(normalize_header("  Probability (%) ") == "probability");
    CHECK(normalize_header("External_id__c") == "external_id_c");
    CHECK(normalize_header("Caf\xC3\xA9 Name") == "caf\xC3\xA9_name");
    CHECK(normalize_header("%%").empty());
}

TEST_CASE("overrides remap unmap and reject unknown fields or headers", "[mapping][overrides]") {
    const std::vector<std::string> headers = headers_of("Amount,Deal Value,Stage");
    const header_mapping base = map_headers(headers);
    auto remapped = apply_overrides(base, headers, {{"amount", "Deal Value"}});
    REQUIRE(remapped.has_value());
    CHECK(mapped(*remapped, "amount") == "Deal Value");
    auto unmapped = apply_overrides(base, headers, {{"amount", ""}});
    REQUIRE(unmapped.has_value());
    CHECK(mapped(*unmapped, "amount") == "(unmapped)");
    auto bad_field = apply_overrides(base, headers, {{"amount_usd", "Amount"}});
    REQUIRE_FALSE(bad_field.has_value());
    CHECK(bad_field.err().code == "mapping.unknown_field");
    CHECK(bad_field.err().at.pointer == "/map/amount_usd");
    auto bad_header = apply_overrides(base, headers, {{"amount", "Revenue"}});
    REQUIRE_FALSE(bad_header.has_value());
    CHECK(bad_header.err().code == "mapping.unknown_header");
    auto restaged = apply_overrides(base, headers, {{"stage", "Deal Value"}});
    REQUIRE(restaged.has_value());
    CHECK(mapped(*restaged, "status") == "Deal Value");  // status follows the stage it derives from
}

TEST_CASE("id columns matched to name fields are recognized as ids, not sure matches", "[mapping][real]") {
    const ingest_result r = read_real("salesforce-opportunity.csv");
    const ojson j = ingest_to_json(r);
    for (const char* field : {"account", "owner"}) {
        INFO(field);
        CHECK(j["mapping"][field]["ids"] == true);
        CHECK(j["mapping"][field]["confidence"].get<double>() <= ids_confidence);
    }
    CHECK_FALSE(j["mapping"]["deal_name"].contains("ids"));
    CHECK(j["mapping"]["amount"]["confidence"] == 1.0);

    const std::vector<std::string> headers =
        headers_of("Opportunity Name,Account Name,Opportunity Owner,Amount,Stage");
    for (const mapping_entry& e : map_headers(headers).entries) CHECK_FALSE(holds_ids(e));
    // Chosen by the user, an id column keeps the user's confidence and is still named as ids.
    const std::vector<std::string> ids = headers_of("Name,Owner ID,Amount,Stage");
    const auto chosen = apply_overrides(map_headers(ids), ids, {{"owner", "Owner ID"}});
    REQUIRE(chosen.has_value());
    for (const mapping_entry& e : chosen->entries)
        if (e.field == "owner") CHECK(holds_ids(e));
}
