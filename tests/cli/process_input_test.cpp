// `revdiag audit --process`: the CLI hands the file's text to the engine, so
// errors name the file's lines and columns, and no nesting can crash the CLI.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "revdiag/api.h"
#include "test_support.h"

using revdiag::test::fixture_path;
using revdiag::test::parse;
using revdiag::test::run_cli;

namespace {
std::string shell_quoted(const std::string& s) {
    return "'" + s + "'";
}

std::string temp_file(const std::string& name, const std::string& text) {
    const std::string path = (std::filesystem::temp_directory_path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}
}  // namespace

TEST_CASE("cli audit --process with a 100000 level nesting is an input error, not a crash",
          "[cli][audit][process][depth]") {
    const std::string path =
        temp_file("revdiag-deep-process.json", std::string(100000, '[') + std::string(100000, ']'));
    const auto run = run_cli("audit " + shell_quoted(fixture_path("golden/owner_findings.csv")) +
                             " --process " + shell_quoted(path) + " --as-of 2026-06-30 --format json");
    std::remove(path.c_str());
    CHECK(run.exit_code == 1);
    const auto j = parse(run.out);
    REQUIRE(j.is_object());
    CHECK(j["error"]["code"] == "process.too_deep");
    CHECK(j["error"]["at"]["source"] == "process");
    CHECK(j["error"]["at"]["line"] == 1);
    CHECK(j["error"]["at"]["column"] == 33);
}

TEST_CASE("cli audit --process reports the process file's own line and column",
          "[cli][audit][process][error]") {
    const auto run =
        run_cli("audit " + shell_quoted(fixture_path("golden/owner_findings.csv")) + " --process " +
                shell_quoted(fixture_path("process/invalid_json_missing_comma.json")) +
                " --as-of 2026-06-30 --format json");
    CHECK(run.exit_code == 1);
    const auto j = parse(run.out);
    REQUIRE(j.is_object());
    CHECK(j["error"]["code"] == "process.json");
    CHECK(j["error"]["at"]["source"] == "process");
    CHECK(j["error"]["at"]["line"] == 4);
    CHECK(j["error"]["at"]["column"] == 3);
    const auto text =
        run_cli("audit " + shell_quoted(fixture_path("golden/owner_findings.csv")) + " --process " +
                    shell_quoted(fixture_path("process/unknown_key_in_stage.json")),
                true);
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("line 6, column 40, /stages/1/buyer_actoin") != std::string::npos);
}

TEST_CASE("cli audit --process with a valid file equals the api given the process object",
          "[cli][audit][process]") {
    const std::string process = revdiag::test::read_fixture("process/valid_five_stages.json");
    const std::string csv = revdiag::test::read_fixture("golden/owner_findings.csv");
    const auto run = run_cli("audit " + shell_quoted(fixture_path("golden/owner_findings.csv")) +
                             " --process " + shell_quoted(fixture_path("process/valid_five_stages.json")) +
                             " --as-of 2026-06-30 --format json");
    CHECK(run.exit_code == 0);
    CHECK(run.out == revdiag::api::audit(csv, R"({"as_of":"2026-06-30","process":)" + process + "}") + "\n");
}

TEST_CASE("cli diagnose --audit with a 100000 level nesting is an input error, not a crash",
          "[cli][diagnostic][depth]") {
    const std::string path =
        temp_file("revdiag-deep-audit.json", std::string(100000, '[') + std::string(100000, ']'));
    const std::string answers = fixture_path("diagnostic/mixed.answers.json");
    const auto run =
        run_cli("diagnose " + shell_quoted(answers) + " --audit " + shell_quoted(path) + " --format json");
    const auto text = run_cli("diagnose " + shell_quoted(answers) + " --audit " + shell_quoted(path), true);
    std::remove(path.c_str());
    CHECK(run.exit_code == 1);
    CHECK(parse(run.out)["error"]["code"] == "options.too_deep");
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("is not an audit report (line 1)") != std::string::npos);
}
