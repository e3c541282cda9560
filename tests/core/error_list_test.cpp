// A process or answers file with several independent mistakes reports each of
// them, with its own pointer, line and column, in one answer (capped), and the
// CLI prints one line per mistake.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "revdiag/api.h"
#include "revdiag/error.h"
#include "test_support.h"

using revdiag::test::parse;

namespace {

// The default process with a rule error in two stages and a bad threshold.
std::string broken_process() {
    auto p = nlohmann::ordered_json::parse(revdiag::api::process_default())["process"];
    p["stages"][0]["criteria"][0]["rule"] = "present((";
    p["stages"][1]["criteria"][0]["rule"] = "zzz_unknown > 3";
    p["thresholds"]["inactive_after_days"] = -5;
    return p.dump(1);
}

}  // namespace

TEST_CASE("a process check reports every independent mistake with its place", "[process][errors]") {
    const auto env = parse(revdiag::api::process_check(broken_process(), "", "{}"));
    REQUIRE(env["ok"] == false);
    REQUIRE(env["errors"].size() == 3);
    CHECK(env["errors"][0] == env["error"]);
    CHECK(env["errors"][0]["at"]["pointer"] == "/stages/0/criteria/0/rule");
    CHECK(env["errors"][0]["at"]["rule_column"] == 9);  // the second, unclosed `(`
    CHECK(env["errors"][1]["code"] == "rule.unknown_field");
    CHECK(env["errors"][1]["at"]["pointer"] == "/stages/1/criteria/0/rule");
    CHECK(env["errors"][1]["at"]["rule_column"] == 1);
    CHECK(env["errors"][2]["at"]["pointer"] == "/thresholds/inactive_after_days");
    for (const auto& e : env["errors"]) {
        CHECK(e["at"]["line"].get<int>() > 1);
        CHECK(e["at"]["column"].get<int>() > 1);
    }
}

TEST_CASE("a process with a single mistake has no error list", "[process][errors]") {
    auto p = nlohmann::ordered_json::parse(revdiag::api::process_default())["process"];
    p["stages"][0]["criteria"][0]["rule"] = "present((";
    const auto env = parse(revdiag::api::process_check(p.dump(1), "", "{}"));
    REQUIRE(env["ok"] == false);
    CHECK_FALSE(env.contains("errors"));
}

TEST_CASE("the errors of one process are capped", "[process][errors]") {
    auto p = nlohmann::ordered_json::parse(revdiag::api::process_default())["process"];
    for (auto& s : p["stages"])
        for (auto& c : s["criteria"]) c["rule"] = "(((";
    for (int i = 0; i < 30; ++i)
        p["stages"][0]["criteria"].push_back({{"id", "X" + std::to_string(i)}, {"rule", ")"}});
    const auto env = parse(revdiag::api::process_check(p.dump(), "", "{}"));
    CHECK(env["errors"].size() == revdiag::max_reported_errors);
}

TEST_CASE("an answers file reports every wrong or missing answer with its pointer", "[diagnostic][errors]") {
    const auto questions = parse(revdiag::api::questions());
    nlohmann::ordered_json answers = {{"schema", "revdiag.answers/1"},
                                      {"bank", "diagnostic"},
                                      {"bank_version", questions["version"]},
                                      {"answers", nlohmann::ordered_json::object()}};
    for (const auto& q : questions["questions"])
        answers["answers"][q["id"].get<std::string>()] = q["choices"][0]["id"];
    const std::string first = questions["questions"][0]["id"], third = questions["questions"][2]["id"],
                      fifth = questions["questions"][4]["id"];
    answers["answers"][first] = "nonsense";
    answers["answers"].erase(third);
    answers["answers"][fifth] = 3;
    answers["answers"]["no_such_question"] = "yes";
    const auto env = parse(revdiag::api::diagnose(answers.dump(1), "{}"));
    REQUIRE(env["ok"] == false);
    REQUIRE(env["errors"].size() == 4);
    CHECK(env["errors"][0]["code"] == "answers.unknown_question");
    CHECK(env["errors"][1]["code"] == "answers.unknown_choice");
    CHECK(env["errors"][1]["at"]["pointer"] == "/answers/" + first);
    CHECK(env["errors"][2]["code"] == "answers.missing");
    CHECK(env["errors"][3]["code"] == "answers.type");
    CHECK(env["errors"][3]["at"]["pointer"] == "/answers/" + fifth);
    for (const auto& e : env["errors"]) CHECK(e["at"]["line"].get<int>() >= 1);
}

TEST_CASE("the CLI prints one line per mistake of a process", "[process][errors][cli]") {
    const std::string file =
        (std::filesystem::temp_directory_path() / "revdiag-broken.process.json").string();
    std::ofstream(file) << broken_process();
    const auto run = revdiag::test::run_cli("process check '" + file + "'", true);
    CHECK(run.exit_code == 1);
    size_t lines = 0;
    for (size_t at = 0; (at = run.out.find("revdiag: ", at)) != std::string::npos; ++at) ++lines;
    CHECK(lines == 3);
    CHECK(run.out.find("/thresholds/inactive_after_days") != std::string::npos);
}
