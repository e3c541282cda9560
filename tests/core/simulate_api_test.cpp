// The simulator's seam: the what-if with nothing changed is the audit byte for
// byte; a session simulates what it read as api::simulate does from the text;
// the CLI prints api::simulate's JSON; every settings error carries a pointer.
#include <catch2/catch.hpp>

#include "revdiag/api.h"
#include "test_support.h"

using nlohmann::ordered_json;
using revdiag::test::parse;

namespace {

std::string hubspot_sample() {
    return parse(revdiag::api::sample(R"({"crm":"hubspot","deals":400,"seed":9})"))["csv"].get<std::string>();
}

}  // namespace

TEST_CASE("a what-if with nothing changed is the audit's summary, layers and stages byte for byte",
          "[simulate][what_if]") {
    for (const std::string& csv :
         {hubspot_sample(), revdiag::test::read_fixture("real/salesforce-opportunity.csv"),
          revdiag::test::read_fixture("simulate/hand.csv")}) {
        const ordered_json audit = ordered_json::parse(revdiag::api::audit(csv, R"({"as_of":"2026-06-30"})"));
        const ordered_json sim =
            ordered_json::parse(revdiag::api::simulate(csv, R"({"as_of":"2026-06-30","trials":10})"));
        REQUIRE(sim["ok"] == true);
        CHECK(sim["schema"] == "revdiag.simulate/1");
        CHECK(sim["what_if"]["changes"].empty());
        for (const char* block : {"summary", "layers", "stages"}) {
            INFO(block);
            CHECK(sim["what_if"][block].dump() == audit[block].dump());
        }
    }
}

TEST_CASE("a what-if with a threshold changed equals the audit of the changed process",
          "[simulate][what_if]") {
    const std::string csv = hubspot_sample();
    ordered_json process = ordered_json::parse(revdiag::api::process_default())["process"];
    process["thresholds"]["inactive_after_days"] = 45;
    const ordered_json audit = ordered_json::parse(
        revdiag::api::audit(csv, ordered_json{{"as_of", "2026-06-30"}, {"process", process}}.dump()));
    REQUIRE(audit["ok"] == true);
    const ordered_json sim = ordered_json::parse(revdiag::api::simulate(
        csv, R"({"as_of":"2026-06-30","trials":10,"set":{"inactive_after_days":45}})"));
    REQUIRE(sim["ok"] == true);
    CHECK(sim["what_if"]["changes"] ==
          ordered_json::parse(R"([{"setting":"inactive_after_days","from":30,"to":45}])"));
    CHECK(sim["what_if"]["summary"].dump() == audit["summary"].dump());
    CHECK(sim["what_if"]["layers"].dump() == audit["layers"].dump());
    const ordered_json plain =
        ordered_json::parse(revdiag::api::simulate(csv, R"({"as_of":"2026-06-30","trials":10})"));
    CHECK(sim["what_if"]["summary"]["real_total"] != plain["what_if"]["summary"]["real_total"]);
}

TEST_CASE("a session simulates what it read as api simulate does", "[simulate][session]") {
    const std::string csv = hubspot_sample();
    revdiag::api::session s;
    for (size_t at = 0; at < csv.size(); at += 4096) s.push(std::string_view(csv).substr(at, 4096));
    REQUIRE(parse(s.finish(""))["ok"] == true);
    const std::string options =
        R"({"as_of":"2026-06-30","trials":500,"seed":4,"policy":"enforced","response_rate":0.02,"target":100000})";
    CHECK(s.simulate(options) == revdiag::api::simulate(csv, options));
    const std::string other = R"({"as_of":"2026-06-30","trials":50,"set":{"reengage_after_days":7}})";
    CHECK(s.simulate(other) == revdiag::api::simulate(csv, other));
    revdiag::api::session unfinished;
    CHECK(parse(unfinished.simulate(""))["error"]["code"] == "session.state");
}

TEST_CASE("revdiag simulate --format json prints api simulate's envelope", "[simulate][cli]") {
    const std::string path = revdiag::test::fixture_path("simulate/hand.csv");
    const auto run =
        revdiag::test::run_cli("simulate '" + path +
                               "' --as-of 2026-06-30 --days 30 --trials 100 --seed 8 --target 30000 "
                               "--policy enforced --set inactive_after_days=20 --format json");
    CHECK(run.exit_code == 0);
    const std::string expected = revdiag::api::simulate(
        revdiag::test::read_file(path),
        R"({"as_of":"2026-06-30","days":30,"trials":100,"seed":8,"target":30000,"policy":"enforced","set":{"inactive_after_days":20}})");
    CHECK(run.out == expected + "\n");
    const auto text = revdiag::test::run_cli("simulate '" + path + "' --as-of 2026-06-30 --trials 100");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("Forecast") != std::string::npos);
    CHECK(text.out.find("P50") != std::string::npos);
    // The forward table: day 0 has the 4 open deals and the 70,000 real pipeline of the hand-made export.
    CHECK(text.out.find("    0  2026-06-30       4        70,000") != std::string::npos);
    CHECK(revdiag::test::run_cli("simulate '" + path + "' --format xml").exit_code == 2);
    CHECK(revdiag::test::run_cli("simulate '" + path + "' --set nonsense").exit_code == 2);
    CHECK(revdiag::test::run_cli("simulate '" + path + "' --set inactive=3").exit_code == 1);
}

TEST_CASE("parts computes only the report blocks asked for", "[simulate][settings]") {
    const std::string csv = revdiag::test::read_fixture("simulate/hand.csv");
    const auto r =
        parse(revdiag::api::simulate(csv, R"({"as_of":"2026-06-30","parts":["forecast"],"trials":10})"));
    REQUIRE(r["ok"] == true);
    CHECK(r.contains("forecast"));
    for (const char* absent : {"what_if", "forward", "history", "calibration"})
        CHECK_FALSE(r.contains(absent));
    const auto bad = parse(revdiag::api::simulate(csv, R"({"parts":["forecast","tea_leaves"]})"));
    CHECK(bad["error"]["at"]["pointer"] == "/parts/1");
}

TEST_CASE("simulator settings errors carry a JSON pointer", "[simulate][settings][error]") {
    const std::string csv = revdiag::test::read_fixture("simulate/hand.csv");
    const std::pair<const char*, const char*> cases[] = {
        {R"({"days":-1})", "/days"},
        {R"({"days":"ninety"})", "/days"},
        {R"({"trials":0})", "/trials"},
        {R"({"seed":-3})", "/seed"},
        {R"({"horizon":"next year"})", "/horizon"},
        {R"({"as_of":"2026-06-30","horizon":"2026-01-01"})", "/horizon"},
        {R"({"target":"lots"})", "/target"},
        {R"({"policy":"strict"})", "/policy"},
        {R"({"probabilities":"guessed"})", "/probabilities"},
        {R"({"response_rate":1.5})", "/response_rate"},
        {R"({"response_rate":{"proposal":"often"}})", "/response_rate/proposal"},
        {R"({"response_rate":{"nowhere":0.1}})", "/response_rate/nowhere"},
        {R"({"set":{"inactive_after_days":-5}})", "/set/inactive_after_days"},
        {R"({"set":{"patience":5}})", "/set/patience"},
        {R"({"set":{"roster":["Ann",3]}})", "/set/roster/1"},
        {R"({"set":[]})", "/set"},
        {R"({"bins":0})", "/bins"},
        {R"({"as_of":"tomorrow"})", "/as_of"},
        {R"({"stage_map":{"X":"nowhere"}})", "/stage_map/X"},
        {R"({"unknown":1})", "/unknown"},
    };
    for (const auto& [options, pointer] : cases) {
        INFO(options);
        const auto r = parse(revdiag::api::simulate(csv, options));
        CHECK(r["schema"] == "revdiag.simulate/1");
        CHECK(r["ok"] == false);
        CHECK(r["error"]["at"]["pointer"] == pointer);
        CHECK(!r["error"]["message"].get<std::string>().empty());
    }
}
