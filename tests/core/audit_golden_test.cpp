// Golden audit reports: every tests/fixtures/golden/<case>.csv is audited
// with {"as_of":"2026-06-30"} plus <case>.options.json when present (under the
// default evidence "available", and again under "strict"), and the
// envelope is compared as parsed JSON with <case>.expected.json (all but the
// ingest's "input" block, of which only the row count). Run
// tests/fixtures/golden/update.sh to rewrite the expectations, then review the diff.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "revdiag/api.h"
#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<fs::path> golden_cases() {
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(revdiag::test::fixture_path("golden")))
        if (e.path().extension() == ".csv") cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    return cases;
}

std::string case_options(const fs::path& csv, const char* evidence = nullptr) {
    json options = {{"as_of", "2026-06-30"}};
    if (evidence) options["evidence"] = evidence;
    fs::path extra = csv;
    extra.replace_extension(".options.json");
    if (fs::exists(extra)) options.update(revdiag::test::parse(revdiag::test::read_file(extra.string())));
    return options.dump();
}

}  // namespace

TEST_CASE("golden audit reports match their expected JSON", "[golden][audit]") {
    const bool update = std::getenv("REVDIAG_UPDATE_GOLDEN") != nullptr;
    const std::vector<fs::path> cases = golden_cases();
    REQUIRE(cases.size() >= 20);
    for (const fs::path& csv : cases) {
        INFO("case " << csv.filename().string());
        const std::string envelope =
            revdiag::api::audit(revdiag::test::read_file(csv.string()), case_options(csv));
        const json actual = revdiag::test::parse(envelope);
        REQUIRE(actual.is_object());
        CHECK(actual.value("ok", false));
        fs::path expected_path = csv;
        expected_path.replace_extension(".expected.json");
        if (update) {
            // Written in the report's own key order, so the files read like the report.
            std::ofstream(expected_path, std::ios::binary)
                << nlohmann::ordered_json::parse(envelope).dump(2) << "\n";
            continue;
        }
        REQUIRE(fs::exists(expected_path));
        json expected = revdiag::test::parse(revdiag::test::read_file(expected_path.string()));
        // The "input" block is ingest's (its own tests pin mapping confidences);
        // here only the row count must agree, so a reader tweak does not rewrite every report.
        CHECK(actual["input"]["rows"] == expected["input"]["rows"]);
        json a = actual;
        a.erase("input");
        expected.erase("input");
        INFO("differences: " << json::diff(expected, a).dump());
        CHECK(a == expected);

        // Every golden export has a column for every field the default checks read,
        // so `strict` (DESIGN §3.1) gives the same report but for the mode it names.
        json strict = revdiag::test::parse(
            revdiag::api::audit(revdiag::test::read_file(csv.string()), case_options(csv, "strict")));
        strict.erase("input");
        CHECK(strict["coverage"]["evidence"] == "strict");
        strict["coverage"]["evidence"] = expected["coverage"]["evidence"];
        INFO("strict differences: " << json::diff(expected, strict).dump());
        CHECK(strict == expected);
    }
}

TEST_CASE("every golden expectation has its CSV", "[golden]") {
    for (const auto& e : fs::directory_iterator(revdiag::test::fixture_path("golden"))) {
        const std::string name = e.path().filename().string();
        const size_t at = name.find(".expected.json");
        if (at == std::string::npos) continue;
        INFO(name);
        CHECK(fs::exists(e.path().parent_path() / (name.substr(0, at) + ".csv")));
    }
}
