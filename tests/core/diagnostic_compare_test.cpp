#include <catch2/catch.hpp>

#include "revdiag/api.h"
#include "revdiag/diagnostic.h"
#include "test_support.h"

using namespace revdiag;

namespace {

nlohmann::json diagnose_with_audit(const std::string& audit_json) {
    return test::parse(api::diagnose(test::read_fixture("diagnostic/mixed.answers.json"),
                                     std::string(R"({"audit":)") + audit_json + "}"));
}

const nlohmann::json& compared_layer(const nlohmann::json& comparison, const std::string& id) {
    for (const auto& l : comparison["layers"])
        if (l["id"] == id) return l;
    FAIL("no comparison for " << id);
    return comparison;
}

}  // namespace

TEST_CASE("the comparison with an audit calls out overrated and underrated layers", "[diagnostic][compare]") {
    const nlohmann::json env = diagnose_with_audit(test::read_fixture("diagnostic/audit-report.json"));
    REQUIRE(env["ok"] == true);
    const nlohmann::json& c = env["comparison"];
    REQUIRE(c["layers"].size() == 5);  // crm_enforcement is not measured by an audit
    CHECK(compared_layer(c, "stages")["verdict"] == "underrated");  // 72 vs 95
    CHECK(compared_layer(c, "stages")["gap"] == -23);
    CHECK(compared_layer(c, "exit_criteria")["verdict"] == "agree");   // 35 vs 41
    CHECK(compared_layer(c, "ownership")["verdict"] == "underrated");  // 66 vs 88
    CHECK(compared_layer(c, "follow_up")["verdict"] == "overrated");   // 52 vs 30
    CHECK(compared_layer(c, "archive")["verdict"] == "overrated");     // 38 vs 12
    CHECK(compared_layer(c, "archive")["message"].get<std::string>().find("38") != std::string::npos);
    CHECK(c["self_weakest"] == "exit_criteria");
    CHECK(c["measured_weakest"] == "archive");
    CHECK(c["same_weakest"] == false);
    const std::string summary = c["summary"].get<std::string>();
    CHECK(summary.find("disagree on 4 layers") != std::string::npos);
    CHECK(summary.find("Archive rule") != std::string::npos);
}

TEST_CASE("scores within the tolerance agree and the lowest measured layer is the weakest without a summary",
          "[diagnostic][compare]") {
    const auto bank = diagnostic_bank();
    REQUIRE(bank.has_value());
    const auto answers = read_answers(test::read_fixture("diagnostic/mixed.answers.json"), *bank);
    REQUIRE(answers.has_value());
    const diagnostic_result self = score_answers(*bank, *answers);
    const score_comparison c = compare_scores(self, {{"stages", 72 + comparison_tolerance},
                                                     {"exit_criteria", 35 - comparison_tolerance},
                                                     {"ownership", 66},
                                                     {"follow_up", 52},
                                                     {"archive", 38},
                                                     {"unknown_layer", 0}});
    REQUIRE(c.layers.size() == 5);
    for (const layer_comparison& l : c.layers) CHECK(l.verdict == "agree");
    CHECK(c.measured_weakest == "exit_criteria");
    CHECK(c.same_weakest);
    CHECK(c.summary.find("agree on every layer") != std::string::npos);
    const score_comparison beyond = compare_scores(self, {{"stages", 72 + comparison_tolerance + 1}});
    REQUIRE(beyond.layers.size() == 1);
    CHECK(beyond.layers[0].verdict == "underrated");
}

TEST_CASE("a malformed audit option is an options error with a pointer", "[diagnostic][compare][error]") {
    const struct {
        const char* audit;
        const char* pointer;
    } cases[] = {
        {R"("report.json")", "/audit"},
        {R"({"schema":"revdiag.audit/1","ok":false,"error":{"code":"csv.empty"}})", "/audit/ok"},
        {R"({"schema":"revdiag.audit/1","ok":true})", "/audit/layers"},
        {R"({"layers":[{"id":"stages","score":90},{"id":"archive"}]})", "/audit/layers/1/score"},
        {R"({"layers":[{"id":"stages","score":190}]})", "/audit/layers/0/score"},
        {R"({"layers":[{"score":90}]})", "/audit/layers/0/id"},
    };
    for (const auto& c : cases) {
        INFO(c.audit);
        const nlohmann::json env = diagnose_with_audit(c.audit);
        CHECK(env["ok"] == false);
        CHECK(env["error"]["code"] == "options.audit");
        CHECK(env["error"]["at"]["pointer"] == c.pointer);
    }
    const nlohmann::json unknown =
        test::parse(api::diagnose(test::read_fixture("diagnostic/mixed.answers.json"), R"({"audti":{}})"));
    CHECK(unknown["error"]["code"] == "options.unknown_key");
    CHECK(unknown["error"]["at"]["pointer"] == "/audti");
}

TEST_CASE("the diagnose command prints the same JSON as the api and compares with an audit file",
          "[diagnostic][cli]") {
    const std::string answers = test::fixture_path("diagnostic/mixed.answers.json");
    const auto json_run = test::run_cli("diagnose '" + answers + "' --format json");
    CHECK(json_run.exit_code == 0);
    CHECK(json_run.out == api::diagnose(test::read_file(answers), "") + "\n");

    const auto text = test::run_cli("diagnose '" + answers + "' --audit '" +
                                    test::fixture_path("diagnostic/audit-report.json") + "'");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("Exit criteria") != std::string::npos);
    CHECK(text.out.find("<- weakest") != std::string::npos);
    CHECK(text.out.find("Overrated") != std::string::npos);
}

TEST_CASE("the diagnose command exits 1 on a bad answers file and 2 on a usage error",
          "[diagnostic][cli][error]") {
    const std::string bad = test::fixture_path("diagnostic/bad/missing-answer.answers.json");
    const auto text = test::run_cli("diagnose '" + bad + "'", true);
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("arc_threshold") != std::string::npos);
    const auto json_run = test::run_cli("diagnose '" + bad + "' --format json");
    CHECK(json_run.exit_code == 1);
    CHECK(test::parse(json_run.out)["error"]["code"] == "answers.missing");
    CHECK(test::run_cli("diagnose").exit_code == 2);
    CHECK(test::run_cli("diagnose '" + bad + "' --format xml").exit_code == 2);
    CHECK(test::run_cli("diagnose '" + bad + "' --colour").exit_code == 2);
    CHECK(test::run_cli("diagnose /nonexistent/answers.json").exit_code == 1);
}
