#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "revdiag/process.h"
#include "test_support.h"

namespace {

// A test-local RFC 4180 splitter (quotes, doubled quotes, CRLF), so these tests
// do not wait for the ingest module: just enough to read the stage column.
std::vector<std::vector<std::string>> split_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

std::set<std::string> distinct_values(const std::string& fixture, const std::string& header) {
    const std::vector<std::vector<std::string>> rows = split_csv(revdiag::test::read_fixture(fixture));
    std::set<std::string> out;
    if (rows.empty()) return out;
    size_t col = rows[0].size();
    for (size_t c = 0; c < rows[0].size(); ++c)
        if (rows[0][c] == header) col = c;
    if (col == rows[0].size()) return out;
    for (size_t r = 1; r < rows.size(); ++r)
        if (col < rows[r].size() && !rows[r][col].empty()) out.insert(rows[r][col]);
    return out;
}

std::string matched_id(const std::string& recorded) {
    const revdiag::process& p = revdiag::default_process();
    const int i = revdiag::match_stage(p, recorded);
    return i < 0 ? "(none)" : p.stages[static_cast<size_t>(i)].id;
}

}  // namespace

TEST_CASE("every stage value in the five real exports maps to a default stage", "[process][match][real]") {
    struct source {
        std::string file;
        std::string header;
        size_t distinct;  // counted independently with Python's csv module
    };
    const std::vector<source> sources{{"real/salesforce-opportunity.csv", "StageName", 6},
                                      {"real/hubspot-deals.csv", "Deal Stage", 7},
                                      {"real/zoho-potentials.csv", "Stage", 8},
                                      {"real/dynamics365-opportunity.csv", "Sales Stage", 3},
                                      {"real/maven-crm-sales-pipeline.csv", "deal_stage", 4}};
    size_t total = 0;
    for (const auto& [file, header, distinct] : sources) {
        const std::set<std::string> values = distinct_values(file, header);
        INFO(file);
        CHECK(values.size() == distinct);
        for (const std::string& v : values) {
            INFO(v);
            CHECK(matched_id(v) != "(none)");
            ++total;
        }
    }
    CHECK(total == 28);
}

TEST_CASE("default pipeline stages of five CRMs map stage by stage", "[process][match]") {
    const std::vector<std::pair<std::string, std::string>> expected{
        // Salesforce
        {"Prospecting", "engaged"},
        {"Qualification", "qualification"},
        {"Needs Analysis", "qualification"},
        {"Value Proposition", "qualification"},
        {"Id. Decision Makers", "qualification"},
        {"Perception Analysis", "qualification"},
        {"Proposal/Price Quote", "proposal"},
        {"Proposal/Quote", "proposal"},
        {"Negotiation/Review", "negotiation"},
        {"Closed Won", "closed_won"},
        {"Closed Lost", "closed_lost"},
        // HubSpot internal ids and labels
        {"appointmentscheduled", "engaged"},
        {"Appointment Scheduled", "engaged"},
        {"qualifiedtobuy", "qualification"},
        {"Qualified To Buy", "qualification"},
        {"presentationscheduled", "qualification"},
        {"decisionmakerboughtin", "proposal"},
        {"Decision Maker Bought-In", "proposal"},
        {"contractsent", "negotiation"},
        {"closedwon", "closed_won"},
        {"closedlost", "closed_lost"},
        // Pipedrive
        {"Lead In", "engaged"},
        {"Contact Made", "engaged"},
        {"Needs Defined", "discovery"},
        {"Proposal Made", "proposal"},
        {"Negotiations Started", "negotiation"},
        // Zoho
        {"Prospect", "engaged"},
        {"Initial Offer", "proposal"},
        {"Closed Lost to Competition", "closed_lost"},
        // Dynamics 365
        {"Qualify", "qualification"},
        {"Develop", "qualification"},
        {"Propose", "proposal"},
        {"Close", "negotiation"},
        // Maven
        {"Engaging", "engaged"},
        {"Won", "closed_won"},
        {"Lost", "closed_lost"},
        // Ids, names and the holding stage
        {"discovery", "discovery"},
        {"Re-engagement", "reengagement"},
        {"closed_won", "closed_won"}};
    for (const auto& [recorded, id] : expected) {
        INFO(recorded);
        CHECK(matched_id(recorded) == id);
    }
}

TEST_CASE("stage matching ignores case spacing and punctuation", "[process][match]") {
    CHECK(matched_id("  PROPOSAL ") == "proposal");
    CHECK(matched_id("closed-won") == "closed_won");
    CHECK(matched_id("Closed_Lost") == "closed_lost");
    CHECK(matched_id("re engagement") == "reengagement");
    CHECK(matched_id("Negotiation / Review") == "negotiation");
    CHECK(matched_id("Proposals") == "(none)");
    CHECK(matched_id("") == "(none)");
    CHECK(matched_id("---") == "(none)");
}

TEST_CASE("shared owners are detected by word and mailbox patterns", "[process][owner]") {
    const revdiag::thresholds& t = revdiag::default_process().limits;
    for (const char* shared :
         {"Sales Team", "team", "Inside Sales Queue", "shared-inbox@acme.com", "Unassigned", "sales@acme.com",
          "SUPPORT@acme.io", "info@x.org", "Lead Pool", "nobody", "TBD", "East team / West"})
        CHECK(revdiag::is_shared_owner(t, shared));
    for (const char* person : {"Dana Lee", "Steam Roller", "Teamster Jones", "jsales@acme.com",
                               "dana.lee@acme.com", "Poole Smith", "Nobodyson", ""})
        CHECK_FALSE(revdiag::is_shared_owner(t, person));
}

TEST_CASE("shared owner patterns come from the thresholds", "[process][owner]") {
    revdiag::thresholds t;
    t.owner_shared_patterns = {" desk ", "ops@"};
    CHECK(revdiag::is_shared_owner(t, "Help Desk"));
    CHECK(revdiag::is_shared_owner(t, "ops@acme.com"));
    CHECK_FALSE(revdiag::is_shared_owner(t, "Sales Team"));
    t.owner_shared_patterns.clear();
    CHECK_FALSE(revdiag::is_shared_owner(t, "Sales Team"));
}
