#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "revdiag/api.h"
#include "revdiag/diagnostic.h"
#include "revdiag/process.h"
#include "test_support.h"

using namespace revdiag;
namespace fs = std::filesystem;

namespace {

// The answers that lead to each shape, with the given CRM.
nlohmann::json shape_answers(const std::string& shape, const std::string& crm) {
    nlohmann::json a{{"team", "one_or_two"}, {"handoff", "one_person"}, {"crm", crm}, {"source", "mixed"}};
    if (shape == "lean")
        a.update({{"cycle", "under_2_weeks"},
                  {"deal_size", "under_5k"},
                  {"buyers", "one"},
                  {"evaluation", "none"}});
    if (shape == "standard")
        a.update({{"cycle", "six_weeks_to_three_months"},
                  {"deal_size", "5k_to_25k"},
                  {"buyers", "two_or_three"},
                  {"evaluation", "none"}});
    if (shape == "full")
        a.update({{"cycle", "three_to_six_months"},
                  {"deal_size", "25k_to_100k"},
                  {"buyers", "two_or_three"},
                  {"evaluation", "none"}});
    if (shape == "evaluated")
        a.update({{"cycle", "over_six_months"},
                  {"deal_size", "over_500k"},
                  {"buyers", "committee"},
                  {"evaluation", "formal"}});
    return nlohmann::json{
        {"schema", "revdiag.answers/1"}, {"bank", "snapshot"}, {"bank_version", 1}, {"answers", a}};
}

nlohmann::json drafted(const std::string& shape, const std::string& crm) {
    const nlohmann::json env = test::parse(api::snapshot(shape_answers(shape, crm).dump()));
    REQUIRE(env["ok"] == true);
    REQUIRE(env["shape"] == shape);
    return env["process"];
}

}  // namespace

TEST_CASE("every drafted process loads and passes the process check with no finding", "[snapshot][process]") {
    for (const char* shape : {"lean", "standard", "full", "evaluated"})
        for (const char* crm :
             {"hubspot", "salesforce", "pipedrive", "zoho", "dynamics", "other", "spreadsheet"}) {
            INFO(shape << " " << crm);
            const auto p = load_process(drafted(shape, crm).dump());
            if (!p) FAIL(p.err().code << ": " << p.err().message << " at " << p.err().at.pointer);
            for (const process_finding& f : check_process(*p)) FAIL(f.code << ": " << f.message);
            size_t counted = 0;
            for (const stage& s : p->stages) counted += s.holding ? 0 : 1;
            CHECK(counted >= 5);
            CHECK(counted <= 7);
            // The thresholds the audit will apply are the drafted ones, not the defaults.
            const nlohmann::json t = drafted(shape, crm)["thresholds"];
            CHECK(p->limits.inactive_after_days == t["inactive_after_days"].get<int>());
            CHECK(p->limits.follow_up_business_days == t["follow_up_business_days"].get<int>());
        }
}

TEST_CASE("revdiag process check accepts the process that revdiag snapshot writes",
          "[snapshot][process][cli]") {
    const fs::path out =
        fs::temp_directory_path() / ("revdiag-drafted-" + std::to_string(::getpid()) + ".json");
    for (const auto& entry : fs::directory_iterator(test::fixture_path("diagnostic"))) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("snapshot-", 0) != 0) continue;
        INFO(name);
        CHECK(test::run_cli("snapshot '" + entry.path().string() + "' --out '" + out.string() + "'")
                  .exit_code == 0);
        const auto check = test::run_cli("process check '" + out.string() + "'", true);
        CHECK(check.exit_code == 0);
        CHECK(check.out.find("no findings") != std::string::npos);
    }
    fs::remove(out);
}

TEST_CASE("a process drafted for a CRM places every stage of that CRM's real export", "[snapshot][process]") {
    const struct {
        const char* crm;
        const char* file;
    } exports[] = {{"hubspot", "real/hubspot-deals.csv"},
                   {"salesforce", "real/salesforce-opportunity.csv"},
                   {"zoho", "real/zoho-potentials.csv"},
                   {"dynamics", "real/dynamics365-opportunity.csv"}};
    for (const auto& e : exports) {
        const nlohmann::json inspect = test::parse(api::inspect(test::read_fixture(e.file), "{}"));
        REQUIRE(inspect["ok"] == true);
        REQUIRE_FALSE(inspect["stage_values"].empty());
        for (const char* shape : {"lean", "standard", "full", "evaluated"}) {
            const auto p = load_process(drafted(shape, e.crm).dump());
            REQUIRE(p.has_value());
            for (const auto& v : inspect["stage_values"]) {
                INFO(e.crm << " " << shape << " " << v["value"]);
                CHECK(match_stage(*p, v["value"].get<std::string>()) >= 0);
            }
        }
    }
}

TEST_CASE("a real export audited with the drafted process feeds the self-assessment comparison",
          "[snapshot][diagnostic][audit]") {
    const nlohmann::json process = drafted("standard", "hubspot");
    const nlohmann::json options{{"as_of", "2026-06-30"}, {"process", process}, {"deals", "none"}};
    const nlohmann::json report =
        test::parse(api::audit(test::read_fixture("real/hubspot-deals.csv"), options.dump()));
    REQUIRE(report["ok"] == true);
    REQUIRE(report["layers"].size() == 5);
    CHECK(report["summary"]["open_deals"].get<int>() > 0);
    // Every HubSpot stage matched a drafted stage, so none fails the stages layer as unknown.
    CHECK(report["summary"]["unknown_stage_deals"] == 0);

    const nlohmann::json env = test::parse(api::diagnose(test::read_fixture("diagnostic/mixed.answers.json"),
                                                         nlohmann::json{{"audit", report}}.dump()));
    REQUIRE(env["ok"] == true);
    const nlohmann::json& c = env["comparison"];
    // Layers the export could not measure have no score and are left out of the comparison.
    nlohmann::json measured = nlohmann::json::array();
    for (const nlohmann::json& l : report["layers"])
        if (l["score"].is_number()) measured.push_back(l);
    REQUIRE(measured.size() < 5);
    REQUIRE(c["layers"].size() == measured.size());
    for (size_t i = 0; i < measured.size(); ++i) {
        INFO(measured[i]["id"]);
        CHECK(c["layers"][i]["id"] == measured[i]["id"]);
        CHECK(c["layers"][i]["measured_score"] == measured[i]["score"]);
    }
    CHECK(c["measured_weakest"] == report["summary"]["weakest_layer"]);
}
