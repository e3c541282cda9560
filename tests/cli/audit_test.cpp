#include <catch2/catch.hpp>
#include <filesystem>

#include "revdiag/api.h"
#include "test_support.h"

using revdiag::test::fixture_path;
using revdiag::test::parse;
using revdiag::test::read_fixture;
using revdiag::test::run_cli;

namespace {
const char* const real_exports[] = {"real/dynamics365-opportunity.csv", "real/hubspot-deals.csv",
                                    "real/maven-crm-sales-pipeline.csv", "real/salesforce-opportunity.csv",
                                    "real/zoho-potentials.csv"};
std::string quoted(const std::string& s) {
    return "'" + s + "'";
}
}  // namespace

TEST_CASE("cli audit json is byte-identical to api audit on golden cases and real exports", "[cli][audit]") {
    std::vector<std::string> files(std::begin(real_exports), std::end(real_exports));
    for (const char* golden : {"golden/owner_findings.csv", "golden/hostile_text_is_data.csv",
                               "golden/money_and_weights_in_cents.csv"})
        files.emplace_back(golden);
    for (const std::string& f : files) {
        INFO(f);
        const auto run = run_cli("audit " + quoted(fixture_path(f)) + " --as-of 2026-06-30 --format json");
        CHECK(run.exit_code == 0);
        CHECK(run.out == revdiag::api::audit(read_fixture(f), R"({"as_of":"2026-06-30"})") + "\n");
    }
}

TEST_CASE("cli audit passes stage maps and field maps to the api unchanged", "[cli][audit]") {
    const std::string f = "golden/stage_map_option.csv";
    const auto run = run_cli(
        "audit " + quoted(fixture_path(f)) +
        " --as-of 2026-06-30 --stage-map 'Verbal Commit=negotiation' --map 'owner=Account' --format json");
    CHECK(run.exit_code == 0);
    CHECK(
        run.out ==
        revdiag::api::audit(
            read_fixture(f),
            R"({"as_of":"2026-06-30","map":{"owner":"Account"},"stage_map":{"Verbal Commit":"negotiation"}})") +
            "\n");
    const auto j = parse(run.out);
    CHECK(j["deals"][0]["stage"] == "negotiation");
    CHECK(j["deals"][0]["owner"] == "Acme");
}

TEST_CASE("cli audit csv is the flagged csv of the api", "[cli][audit][csv]") {
    const std::string f = "golden/hostile_text_is_data.csv";
    const auto run = run_cli("audit " + quoted(fixture_path(f)) + " --as-of 2026-06-30 --format csv");
    CHECK(run.exit_code == 0);
    CHECK(run.out == parse(revdiag::api::flagged_csv(read_fixture(f), R"({"as_of":"2026-06-30"})"))["csv"]
                         .get<std::string>());
}

TEST_CASE("cli audit text shows the headline and layers and owners", "[cli][audit]") {
    const auto run = run_cli("audit " + quoted(fixture_path("golden/weakest_layer_tie_breaks.csv")) +
                             " --as-of 2026-06-30");
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("stated 10,000  ->  real 5,000") != std::string::npos);
    CHECK(run.out.find("Weakest layer: archive") != std::string::npos);
    CHECK(run.out.find("Who must do what today") != std::string::npos);
    CHECK(run.out.find("(no owner)") != std::string::npos);
}

TEST_CASE("cli audit with no file audits the built-in demo", "[cli][audit][sample]") {
    const auto run = run_cli("audit --as-of 2026-06-30 --format json");
    CHECK(run.exit_code == 0);
    const auto j = parse(run.out);
    REQUIRE(j.is_object());
    CHECK(j["ok"] == true);
    CHECK(j["summary"]["open_deals"].get<int>() > 100);
    CHECK(run.out == run_cli("audit --sample saas_midmarket --as-of 2026-06-30 --format json").out);
}

TEST_CASE("cli audit of a sample uses its reference date and passes the evidence mode",
          "[cli][audit][sample]") {
    const auto run = run_cli("audit --sample saas_midmarket --format json");
    CHECK(run.exit_code == 0);
    CHECK(parse(run.out)["as_of"] == "2026-06-30");
    const auto file = fixture_path("real/salesforce-opportunity.csv");
    const auto strict =
        run_cli("audit " + quoted(file) + " --as-of 2024-01-22 --evidence strict --format json");
    CHECK(strict.out == revdiag::api::audit(read_fixture("real/salesforce-opportunity.csv"),
                                            R"({"as_of":"2024-01-22","evidence":"strict"})") +
                            "\n");
    CHECK(run_cli("audit --evidence loose").exit_code == 2);
    const auto text = run_cli("audit " + quoted(file) + " --as-of 2024-01-22");
    CHECK(text.out.find("judged on LastActivityDate (logged by reps") != std::string::npos);
    CHECK(text.out.find("not measurable") != std::string::npos);
    const auto maven = run_cli("audit " + quoted(fixture_path("real/maven-crm-sales-pipeline.csv")));
    CHECK(maven.out.find("the pipeline cannot be valued") != std::string::npos);
}

TEST_CASE("cli audit exit codes separate input errors from usage errors", "[cli][audit][error]") {
    CHECK(run_cli("audit --format xml").exit_code == 2);
    CHECK(run_cli("audit --nonsense").exit_code == 2);
    CHECK(run_cli("audit a.csv b.csv").exit_code == 2);
    CHECK(run_cli("audit --map owner").exit_code == 2);
    CHECK(run_cli("audit /no/such/file.csv").exit_code == 1);
    const auto bad_date = run_cli("audit " + quoted(fixture_path("golden/owner_findings.csv")) +
                                  " --as-of 2026-13-01 --format json");
    CHECK(bad_date.exit_code == 1);
    const auto j = parse(bad_date.out);
    CHECK(j["ok"] == false);
    CHECK(j["error"]["code"] == "options.date");
    const auto bad_stage = run_cli("audit " + quoted(fixture_path("golden/owner_findings.csv")) +
                                   " --stage-map 'X=nowhere' --format json");
    CHECK(bad_stage.exit_code == 1);
    CHECK(parse(bad_stage.out)["error"]["at"]["pointer"] == "/stage_map/X");
    CHECK(run_cli("audit --sample no_such_demo").exit_code == 1);
}

TEST_CASE("the five real exports audit without error and fail where their data is thin", "[audit][real]") {
    for (const char* f : real_exports) {
        INFO(f);
        const auto j = parse(revdiag::api::audit(read_fixture(f), R"({"as_of":"2026-06-30"})"));
        REQUIRE(j["ok"] == true);
        const auto& s = j["summary"];
        CHECK(s["open_deals"].get<int>() > 0);
        CHECK(s["open_deals"].get<int>() + s["closed_deals"].get<int>() == j["input"]["rows"].get<int>());
        CHECK(s["unknown_stage_deals"] == 0);
        // None of them records a column for any default criterion: the exit criteria
        // layer is not measurable, and no deal fails it for a column that is absent.
        CHECK(j["layers"][1]["deals_failing"] == 0);
        CHECK(j["layers"][1]["measurable"] == "no");
        CHECK(j["layers"][1]["score"].is_null());
        for (const auto& c : j["coverage"]["criteria"]) CHECK(c["status"] == "not_assessable");
        for (const auto& d : j["deals"])
            for (const auto& finding : d["findings"]) CHECK(finding["layer"] != "exit_criteria");
        // Every export is older than the as-of date, and says so with its newest date.
        bool old_export = false;
        for (const auto& w : j["warnings"])
            old_export = old_export || (w["code"] == "audit.export_older_than_as_of" &&
                                        w["at"]["field"] == j["coverage"]["newest_date"]);
        CHECK(old_export);

        // Strict reads an absent column as blank on every deal: no deal meets E1.
        const auto strict =
            parse(revdiag::api::audit(read_fixture(f), R"({"as_of":"2026-06-30","evidence":"strict"})"));
        CHECK(strict["summary"]["real_total"] == 0);
        CHECK(strict["summary"]["weakest_layer"] == "exit_criteria");
        CHECK(strict["layers"][1]["deals_failing"] == s["open_deals"]);
    }
    const auto maven = parse(
        revdiag::api::audit(read_fixture("real/maven-crm-sales-pipeline.csv"), R"({"as_of":"2026-06-30"})"));
    CHECK(maven["summary"]["ranked_by"] == "deals");
    CHECK(maven["warnings"][0]["code"] == "audit.amount_missing");
}

TEST_CASE("cli sample writes the api sample csv and rejects bad counts", "[cli][sample]") {
    const auto run = run_cli("sample --demo agency_services");
    CHECK(run.exit_code == 0);
    CHECK(run.out == parse(revdiag::api::sample(R"({"demo":"agency_services"})"))["csv"].get<std::string>());
    const auto sized = run_cli("sample --crm zoho --profile stale --deals 5 --seed 9");
    CHECK(sized.exit_code == 0);
    CHECK(sized.out ==
          parse(revdiag::api::sample(R"({"crm":"zoho","profile":"stale","deals":5,"seed":9})"))["csv"]
              .get<std::string>());
    CHECK(run_cli("sample --deals abc").exit_code == 2);
    CHECK(run_cli("sample --deals 0").exit_code == 1);
    CHECK(run_cli("sample --crm excel").exit_code == 1);
    CHECK(run_cli("sample --demo nope").exit_code == 1);
    CHECK(run_cli("sample --list").out.find("saas_midmarket") != std::string::npos);
}
