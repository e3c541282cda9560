// api::describe (the vocabulary the page shows) and api::match_stages (the
// page's stage mapping, by the audit's rule).
#include <catch2/catch.hpp>
#include <set>

#include "revdiag/api.h"
#include "revdiag/audit.h"
#include "revdiag/deals.h"
#include "revdiag/diagnostic.h"
#include "revdiag/ingest.h"
#include "revdiag/mapping.h"
#include "revdiag/rules.h"
#include "revdiag/sample.h"
#include "test_support.h"

using revdiag::test::parse;
using revdiag::test::run_cli;

namespace {
std::string name_of_crm(const nlohmann::json& d, const std::string& id) {
    for (const auto& c : d["crms"])
        if (c["id"] == id) return c["name"].get<std::string>();
    return "";
}
}  // namespace

TEST_CASE("describe lists the five layers in order with the bank names and the audit advice", "[describe]") {
    const auto d = parse(revdiag::api::describe());
    REQUIRE(d["ok"] == true);
    CHECK(d["schema"] == "revdiag.describe/1");
    const auto bank = revdiag::diagnostic_bank();
    REQUIRE(bank.has_value());
    REQUIRE(d["layers"].size() == revdiag::layer_count);
    for (size_t i = 0; i < revdiag::layer_count; ++i) {
        const auto l = static_cast<revdiag::layer>(i);
        const auto& j = d["layers"][i];
        INFO(j.dump());
        CHECK(j["id"] == std::string(revdiag::to_string(l)));
        CHECK(j["name"] == bank->layers[i].name);
        CHECK(j["why"] == std::string(revdiag::why_it_fails(l)));
        CHECK(j["fix"] == std::string(revdiag::how_to_fix(l)));
        // The one-line rule the start screen shows is the bank's summary of the layer.
        CHECK(j["rule"] == bank->layers[i].summary);
        CHECK(j["why"].get<std::string>().size() > 20);
        CHECK(j["fix"].get<std::string>().size() > 20);
    }
    CHECK(d["layers"][1]["name"] == "Exit criteria");
}

TEST_CASE("describe names the waterfall's steps in the report's order, and the CLI text uses those names",
          "[describe]") {
    const auto d = parse(revdiag::api::describe());
    REQUIRE(d["removals"].size() == revdiag::removal_count);
    CHECK(d["removals"][0] == nlohmann::json{{"id", "archive"}, {"label", "Archive rule"}});
    CHECK(d["removals"][1] == nlohmann::json{{"id", "holding"}, {"label", "Waiting in re-engagement"}});
    CHECK(d["removals"][2] == nlohmann::json{{"id", "no_real_stage"}, {"label", "Meets no stage"}});
    const auto report = parse(run_cli("audit --sample saas_midmarket --format json").out);
    REQUIRE(report["waterfall"]["steps"].size() == revdiag::removal_count);
    for (size_t i = 0; i < revdiag::removal_count; ++i)
        CHECK(report["waterfall"]["steps"][i]["id"] == d["removals"][i]["id"]);
    const std::string text = run_cli("audit --sample saas_midmarket").out;
    for (const auto& r : d["removals"])
        CHECK(text.find("  - " + r["label"].get<std::string>()) != std::string::npos);
}

TEST_CASE("describe lists every finding code once with its layer and a label", "[describe]") {
    const auto d = parse(revdiag::api::describe());
    REQUIRE(d["findings"].size() == revdiag::finding_code_count);
    std::set<std::string> codes;
    std::set<std::string> layers;
    for (const auto& l : d["layers"]) layers.insert(l["id"].get<std::string>());
    for (const auto& f : d["findings"]) {
        INFO(f.dump());
        codes.insert(f["code"].get<std::string>());
        CHECK(layers.count(f["layer"].get<std::string>()) == 1);
        CHECK(!f["label"].get<std::string>().empty());
        CHECK(f["fails_layer"] == (f["code"] != "SNOOZED"));
    }
    CHECK(codes.size() == revdiag::finding_code_count);
    CHECK(d["findings"][2] == nlohmann::json{{"code", "EXIT_CRITERIA_UNRECORDED"},
                                             {"layer", "exit_criteria"},
                                             {"label", "criteria never recorded"},
                                             {"fails_layer", true},
                                             {"criteria_status", "unrecorded"}});
    // No code after the last counted one: a new code must raise finding_code_count.
    const auto past = static_cast<revdiag::finding_code>(revdiag::finding_code_count);
    CHECK(revdiag::label_of(past).empty());
}

TEST_CASE("describe names every CRM the engine detects or samples", "[describe]") {
    const auto d = parse(revdiag::api::describe());
    CHECK(name_of_crm(d, "dynamics") == "Dynamics 365");
    CHECK(name_of_crm(d, "hubspot") == "HubSpot");
    CHECK(!name_of_crm(d, "generic").empty());
    for (const std::string_view crm : revdiag::sample_crms()) {
        INFO(crm);
        CHECK(!name_of_crm(d, std::string(crm)).empty());
        revdiag::sample_options o;
        o.crm = std::string(crm);
        o.deals = 20;
        const auto csv = revdiag::generate_sample(o);
        REQUIRE(csv.has_value());
        const auto read = revdiag::read_deals(*csv);
        REQUIRE(read.has_value());
        CHECK(!name_of_crm(d, read->detected_crm).empty());
    }
}

TEST_CASE("cli describe json is byte-identical to api describe", "[describe][cli]") {
    const auto run = run_cli("describe --format json");
    CHECK(run.exit_code == 0);
    CHECK(run.out == revdiag::api::describe() + "\n");
    const auto text = run_cli("describe");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("exit_criteria  Exit criteria") != std::string::npos);
    CHECK(text.out.find("OWNER_SHARED") != std::string::npos);
    CHECK(run_cli("describe extra").exit_code == 2);
}

TEST_CASE("match stages answers the audit match for each recorded value", "[describe][stage_key]") {
    const auto m = parse(revdiag::api::match_stages(
        "", R"({"values":["Proposal / Quote","NEGOTIATION/review","Closed - Won","Verbal commit",""]})"));
    REQUIRE(m["ok"] == true);
    CHECK(m["schema"] == "revdiag.stage_match/1");
    REQUIRE(m["matches"].size() == 5);
    CHECK(m["matches"][0] == nlohmann::json{{"value", "Proposal / Quote"}, {"stage", "proposal"}});
    CHECK(m["matches"][1]["stage"] == "negotiation");
    CHECK(m["matches"][2]["stage"] == "closed_won");
    CHECK(m["matches"][3]["stage"] == nullptr);
    CHECK(m["matches"][4]["stage"] == nullptr);
}

TEST_CASE("match stages uses the given process and its Unicode aliases", "[describe][stage_key]") {
    std::string process = revdiag::to_json(revdiag::default_process());
    const std::string anchor = "\"Needs Defined\"";
    process.replace(process.find(anchor), anchor.size(), "\"Needs Defined\", \"Выявление потребностей\"");
    const auto m = parse(revdiag::api::match_stages(process, R"({"values":["ВЫЯВЛЕНИЕ ПОТРЕБНОСТЕЙ"]})"));
    REQUIRE(m["ok"] == true);
    CHECK(m["matches"][0]["stage"] == "discovery");
}

TEST_CASE("match stages reports a bad process or bad options with a pointer", "[describe][error]") {
    const auto bad_process = parse(revdiag::api::match_stages(R"({"stages": 3})", ""));
    CHECK(bad_process["ok"] == false);
    const auto unknown = parse(revdiag::api::match_stages("", R"({"value":["x"]})"));
    CHECK(unknown["error"]["code"] == "options.unknown_key");
    CHECK(unknown["error"]["at"]["pointer"] == "/value");
    const auto not_text = parse(revdiag::api::match_stages("", R"({"values":["x",4]})"));
    CHECK(not_text["error"]["code"] == "options.type");
    CHECK(not_text["error"]["at"]["pointer"] == "/values/1");
}

TEST_CASE("describe lists what a rule can call and read, as the rule compiler knows it", "[describe]") {
    const auto d = parse(revdiag::api::describe());
    const auto& functions = d["rules"]["functions"];
    REQUIRE(functions.size() >= 6);
    std::set<std::string> names;
    for (const auto& f : functions) names.insert(f["name"].get<std::string>());
    for (const char* n : {"present", "days_since", "business_days_since", "days_until", "lower", "contains"})
        CHECK(names.count(n) == 1);
    CHECK(functions[0] ==
          nlohmann::json{{"name", "present"}, {"args", 1}, {"takes", "any"}, {"returns", "bool"}});
    const auto& fields = d["rules"]["fields"];
    REQUIRE(fields.size() == revdiag::canonical_fields().size());
    for (size_t i = 0; i < fields.size(); ++i)
        CHECK(fields[i]["id"] == std::string(revdiag::canonical_fields()[i].id));
    // Every listed function and field compiles in a rule.
    for (const auto& f : fields) {
        const std::string rule = "present(" + f["id"].get<std::string>() + ")";
        INFO(rule);
        CHECK(revdiag::compile_rule(rule, {}).has_value());
    }
}
