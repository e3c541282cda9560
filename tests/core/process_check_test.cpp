#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "revdiag/api.h"
#include "revdiag/process.h"
#include "test_support.h"

namespace {

revdiag::column date_column(const std::string& name, std::vector<revdiag::day_t> values) {
    revdiag::column c;
    c.name = name;
    c.header = "Header of " + name;
    c.type = revdiag::field_type::date;
    c.date = std::move(values);
    return c;
}

std::vector<std::string> codes(const std::vector<revdiag::process_finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.code + ":" + f.stage + ":" + f.criterion + ":" + f.field);
    return out;
}

}  // namespace

TEST_CASE("criteria reading fields the export lacks are not recorded in this CRM", "[process][check]") {
    revdiag::deal_table t;
    t.columns.push_back(date_column("last_buyer_activity_date", {1, 2}));
    t.columns.push_back(date_column("proposal_sent_date", {revdiag::no_date, revdiag::no_date}));
    t.line = {2, 3};
    const std::vector<revdiag::process_finding> f = revdiag::check_process(revdiag::default_process(), &t);
    CHECK(codes(f) == std::vector<std::string>{
                          "FIELD_NOT_RECORDED:discovery:D1:problem_confirmed",
                          "FIELD_NOT_RECORDED:qualification:Q1:budget_confirmed",
                          "FIELD_NOT_RECORDED:qualification:Q2:decision_date",
                          "FIELD_NOT_RECORDED:qualification:Q3:next_step_date",
                          "FIELD_NOT_RECORDED:proposal:P1:decision_maker",
                          "FIELD_NOT_RECORDED:proposal:P2:proposal_sent_date",
                          "FIELD_NOT_RECORDED:negotiation:N1:last_buyer_response_date",
                          "FIELD_NOT_RECORDED:negotiation:N1:proposal_sent_date",
                      });
    REQUIRE(f.size() == 8);
    CHECK(f[0].message.find("not recorded in this CRM") != std::string::npos);
    CHECK(f[0].message.find("no column") != std::string::npos);
    // A column that is there but empty in every row records nothing either.
    CHECK(f[5].message.find("Header of proposal_sent_date is empty in every row") != std::string::npos);
}

TEST_CASE("without a table no field findings are made", "[process][check]") {
    CHECK(revdiag::check_process(revdiag::default_process(), nullptr).empty());
}

TEST_CASE("process findings name the stage they are about", "[process][check]") {
    revdiag::process p = revdiag::default_process();
    p.stages[1].buyer_action = " ";
    p.stages[2].criteria.clear();
    p.stages[0].criteria.clear();  // the first stage needs none
    p.stages[5].criteria.clear();
    const std::vector<revdiag::process_finding> f = revdiag::check_process(p);
    CHECK(codes(f) ==
          std::vector<std::string>{"STAGE_NO_BUYER_ACTION:discovery::", "STAGE_NO_CRITERIA:qualification::"});
    p.stages.erase(p.stages.begin() + 1, p.stages.begin() + 4);
    const std::vector<revdiag::process_finding> g = revdiag::check_process(p);
    REQUIRE(!g.empty());
    CHECK(g[0].code == "STAGE_COUNT");
    CHECK(g[0].message.find("4 stages") != std::string::npos);
}

TEST_CASE("process default prints a process that process check accepts", "[process][cli]") {
    const revdiag::test::cli_run printed = revdiag::test::run_cli("process default");
    CHECK(printed.exit_code == 0);
    CHECK(printed.out == revdiag::to_json(revdiag::default_process()));
    const revdiag::test::cli_run json = revdiag::test::run_cli("process default --format json");
    CHECK(json.exit_code == 0);
    CHECK(revdiag::test::parse(json.out)["ok"] == true);
    const revdiag::test::cli_run checked = revdiag::test::run_cli(
        "process check '" + revdiag::test::fixture_path("process/valid_five_stages.json") + "'");
    CHECK(checked.exit_code == 0);
    CHECK(checked.out.find("valid process, no findings") != std::string::npos);
}

TEST_CASE("process check lists findings with exit 0 and errors with exit 1", "[process][cli]") {
    const std::string few = revdiag::test::fixture_path("process/too_few_stages.json");
    const revdiag::test::cli_run findings = revdiag::test::run_cli("process check '" + few + "'");
    CHECK(findings.exit_code == 0);
    CHECK(findings.out.find("STAGE_COUNT") != std::string::npos);
    const std::string bad = revdiag::test::fixture_path("process/rule_type_error.json");
    const revdiag::test::cli_run error = revdiag::test::run_cli("process check '" + bad + "'", true);
    CHECK(error.exit_code == 1);
    CHECK(error.out.find("/stages/1/criteria/0/rule") != std::string::npos);
    CHECK(error.out.find("rule.type") != std::string::npos);
    const revdiag::test::cli_run json = revdiag::test::run_cli("process check '" + bad + "' --format json");
    CHECK(json.exit_code == 1);
    const nlohmann::json envelope = revdiag::test::parse(json.out);
    CHECK(envelope["ok"] == false);
    CHECK(envelope["error"]["at"]["pointer"] == "/stages/1/criteria/0/rule");
}

TEST_CASE("process command usage errors exit 2", "[process][cli]") {
    CHECK(revdiag::test::run_cli("process").exit_code == 2);
    CHECK(revdiag::test::run_cli("process frobnicate").exit_code == 2);
    CHECK(revdiag::test::run_cli("process check").exit_code == 2);
    CHECK(revdiag::test::run_cli("process default extra").exit_code == 2);
    CHECK(revdiag::test::run_cli("process default --format xml").exit_code == 2);
    CHECK(revdiag::test::run_cli("process check a.json --bogus").exit_code == 2);
    CHECK(revdiag::test::run_cli("process check /nonexistent/p.json").exit_code == 1);
}

TEST_CASE("process check against an export reads its extra columns and maps its stage values",
          "[process][check][api]") {
    const std::string process_text = revdiag::test::read_fixture("process/against/lead_source_process.json");
    const std::string csv = revdiag::test::read_fixture("process/against/pilot_stage_and_lead_source.csv");
    // Alone, the process reads a field nobody declared.
    const nlohmann::json alone = revdiag::test::parse(revdiag::api::process_check(process_text, "", ""));
    CHECK(alone["ok"] == false);
    CHECK(alone["error"]["code"] == "rule.unknown_field");
    const nlohmann::json j = revdiag::test::parse(revdiag::api::process_check(process_text, csv, ""));
    INFO(j.dump());
    REQUIRE(j["ok"] == true);
    CHECK(j["against"]["rows"] == 3);
    std::vector<std::string> got;
    for (const auto& f : j["findings"])
        got.push_back(f["code"].get<std::string>() + ":" + f.value("field", f.value("value", std::string())));
    CHECK(got == std::vector<std::string>{"STAGE_COUNT:", "FIELD_NOT_RECORDED:proposal_sent_date",
                                          "STAGE_UNKNOWN:Pilot"});
    const nlohmann::json& values = j["against"]["stage_values"];
    REQUIRE(values.size() == 2);
    CHECK(values[0] == nlohmann::json{{"value", "Pilot"}, {"count", 2}, {"stage", nullptr}});
    CHECK(values[1] == nlohmann::json{{"value", "Proposal"}, {"count", 1}, {"stage", "proposal"}});
}

TEST_CASE("the default process against each real export finds its unrecorded fields and every stage",
          "[process][check][real]") {
    for (const char* file :
         {"real/salesforce-opportunity.csv", "real/hubspot-deals.csv", "real/zoho-potentials.csv",
          "real/dynamics365-opportunity.csv", "real/maven-crm-sales-pipeline.csv"}) {
        const nlohmann::json j = revdiag::test::parse(revdiag::api::process_check(
            revdiag::to_json(revdiag::default_process()), revdiag::test::read_fixture(file), ""));
        INFO(file);
        REQUIRE(j["ok"] == true);
        int not_recorded = 0;
        for (const auto& f : j["findings"]) {
            CHECK(f["code"] != "STAGE_UNKNOWN");
            not_recorded += f["code"] == "FIELD_NOT_RECORDED";
        }
        // None of the five exports records buyer activity or qualification fields.
        CHECK(not_recorded == 9);
        for (const auto& v : j["against"]["stage_values"]) CHECK(v["stage"].is_string());
    }
}

TEST_CASE("process check against an export reports a bad map option or an unreadable export",
          "[process][check][api]") {
    const std::string process_text = revdiag::to_json(revdiag::default_process());
    const std::string csv = revdiag::test::read_fixture("process/against/pilot_stage_and_lead_source.csv");
    const nlohmann::json bad_map =
        revdiag::test::parse(revdiag::api::process_check(process_text, csv, R"({"map": 5})"));
    CHECK(bad_map["ok"] == false);
    CHECK(bad_map["error"]["code"] == "options.type");
    const nlohmann::json blank = revdiag::test::parse(revdiag::api::process_check(process_text, "\n\n", ""));
    CHECK(blank["ok"] == false);
    CHECK(blank["error"]["code"].get<std::string>().rfind("csv.", 0) == 0);
}

TEST_CASE("process check --against prints the stage mapping", "[process][cli]") {
    const revdiag::test::cli_run r = revdiag::test::run_cli(
        "process check '" + revdiag::test::fixture_path("process/against/lead_source_process.json") +
        "' --against '" + revdiag::test::fixture_path("process/against/pilot_stage_and_lead_source.csv") +
        "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("STAGE_UNKNOWN") != std::string::npos);
    CHECK(r.out.find("Pilot (2 deals): no stage") != std::string::npos);
    CHECK(r.out.find("Proposal (1 deal): proposal") != std::string::npos);
}
