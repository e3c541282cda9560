#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "common/embedded.h"
#include "revdiag/api.h"
#include "revdiag/process.h"
#include "test_support.h"

namespace fs = std::filesystem;

TEST_CASE("process fixtures load with the expected findings or error location", "[process][fixtures]") {
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(revdiag::test::fixture_path("process"))) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 5 && name.substr(name.size() - 5) == ".json" &&
            name.find(".expected.") == std::string::npos)
            cases.push_back(entry.path());
    }
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 30);
    for (const fs::path& path : cases) {
        fs::path expected_path = path;
        expected_path.replace_extension(".expected.json");
        const nlohmann::json expected =
            revdiag::test::parse(revdiag::test::read_file(expected_path.string()));
        const nlohmann::json got = revdiag::test::parse(
            revdiag::api::process_check(revdiag::test::read_file(path.string()), "", ""));
        INFO(path.filename().string() << "\n" << got.dump());
        REQUIRE(expected.is_object());
        REQUIRE(got.is_object());
        CHECK(got["schema"] == "revdiag.process_check/1");
        REQUIRE(got["ok"] == expected["ok"]);
        if (expected["ok"] == true) {
            std::vector<std::string> codes;
            for (const auto& f : got["findings"]) codes.push_back(f["code"].get<std::string>());
            CHECK(nlohmann::json(codes) == expected["findings"]);
            continue;
        }
        const nlohmann::json& e = got["error"];
        CHECK(e["code"] == expected["code"]);
        CHECK(e["at"]["source"] == "process");
        CHECK(e["at"].value("pointer", std::string()) == expected["pointer"]);
        CHECK(e["at"]["line"] == expected["line"]);
        CHECK(e["at"]["column"] == expected["column"]);
        CHECK(e["message"].get<std::string>().size() > 10);
    }
}

TEST_CASE("the default process round trips through print and load", "[process][default]") {
    const std::string printed = revdiag::to_json(revdiag::default_process());
    const revdiag::result<revdiag::process> loaded = revdiag::load_process(printed);
    REQUIRE(loaded.has_value());
    CHECK(revdiag::to_json(*loaded) == printed);
    // The data file is kept in printed form, so users read what the engine prints;
    // the engine embeds it without indentation, and reads the same process from it.
    CHECK(printed ==
          revdiag::test::read_file(std::string(REVDIAG_SOURCE_DIR) + "/core/data/default_process.json"));
    const auto embedded = revdiag::load_process(revdiag::embedded_file("default_process.json"));
    REQUIRE(embedded.has_value());
    CHECK(revdiag::to_json(*embedded) == printed);
}

TEST_CASE("the default process holds the stages of the design table", "[process][default]") {
    const revdiag::process& p = revdiag::default_process();
    REQUIRE(p.stages.size() == 8);
    const std::vector<std::string> ids{"engaged",     "discovery",  "qualification", "proposal",
                                       "negotiation", "closed_won", "closed_lost",   "reengagement"};
    const std::vector<double> probabilities{0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 0.0, 0.0};
    const std::vector<std::vector<std::string>> criteria{
        {"E1"}, {"D1"}, {"Q1", "Q2", "Q3"}, {"P1", "P2"}, {"N1"}, {}, {}, {}};
    for (size_t i = 0; i < ids.size(); ++i) {
        INFO(ids[i]);
        CHECK(p.stages[i].id == ids[i]);
        CHECK(p.stages[i].probability == Approx(probabilities[i]));
        std::vector<std::string> got;
        for (const revdiag::criterion& c : p.stages[i].criteria) {
            got.push_back(c.id);
            CHECK(!c.program.fields().empty());
        }
        CHECK(got == criteria[i]);
        CHECK_FALSE(p.stages[i].buyer_action.empty());
    }
    CHECK(p.stages[2].criteria[0].rule == "budget_confirmed");
    CHECK(p.stages[4].criteria[0].rule == "last_buyer_response_date >= proposal_sent_date");
    CHECK(p.stages[3].follow_up);
    CHECK(p.stages[4].follow_up);
    CHECK(p.stages[5].closed_won);
    CHECK(p.stages[6].closed_lost);
    CHECK(p.stages[7].holding);
    CHECK(p.limits.follow_up_business_days == 5);
    CHECK(p.limits.reengage_after_days == 14);
    CHECK(p.limits.inactive_after_days == 30);
    CHECK(p.limits.reengagement_window_days == 14);
    CHECK(p.limits.roster.empty());
    CHECK(revdiag::check_process(p).empty());
}

TEST_CASE("thresholds left out of a process take the design defaults", "[process]") {
    const revdiag::result<revdiag::process> p = revdiag::load_process(
        R"({"schema": "revdiag.process/1", "stages": [{"id": "a", "name": "A", "probability": 0.5}]})");
    REQUIRE(p.has_value());
    CHECK(p->limits.follow_up_business_days == 5);
    CHECK(p->limits.inactive_after_days == 30);
    CHECK(p->limits.owner_shared_patterns == revdiag::default_process().limits.owner_shared_patterns);
    CHECK(p->stages[0].aliases.empty());
    CHECK_FALSE(p->stages[0].follow_up);
}

TEST_CASE("a process with extra fields compiles criteria that read them", "[process]") {
    const std::string text = R"({"schema": "revdiag.process/1", "stages": [
        {"id": "a", "name": "A", "probability": 0.5,
         "criteria": [{"id": "A1", "label": "Sourced", "rule": "lead_source != 'Cold call'"}]}]})";
    const revdiag::result<revdiag::process> without = revdiag::load_process(text);
    REQUIRE_FALSE(without.has_value());
    CHECK(without.err().code == "rule.unknown_field");
    CHECK(without.err().at.field == "A1");
    CHECK(without.err().message.find("Stage a, criterion A1") != std::string::npos);
    const revdiag::result<revdiag::process> with = revdiag::load_process(text, {"lead_source"});
    REQUIRE(with.has_value());
    CHECK(with->stages[0].criteria[0].program.fields() == std::vector<std::string>{"lead_source"});
}

TEST_CASE("process text that is not JSON at all is reported at line 1", "[process][error]") {
    for (const char* text : {"", "   ", "stages", "{", "[1, 2", "\"text\"", "nul"}) {
        const revdiag::result<revdiag::process> p = revdiag::load_process(text);
        INFO(text);
        REQUIRE_FALSE(p.has_value());
        CHECK((p.err().code == "process.json" || p.err().code == "process.type"));
        CHECK(p.err().at.line == 1);
    }
}

TEST_CASE("a 10000 level nested process document is a too_deep error", "[process][error][depth]") {
    const std::string text = R"({"schema": "revdiag.process/1", "name": )" + std::string(10000, '[') +
                             std::string(10000, ']') + "}";
    const revdiag::result<revdiag::process> p = revdiag::load_process(text);
    REQUIRE_FALSE(p.has_value());
    CHECK(p.err().code == "process.too_deep");
    CHECK(p.err().at.line == 1);
}

TEST_CASE("json escapes in process text decode to UTF-8", "[process]") {
    const revdiag::result<revdiag::process> p = revdiag::load_process(
        "\xEF\xBB\xBF"
        R"({"schema": "revdiag.process/1", "name": "Caf\u00e9 \ud83d\ude00 \"q\" \/", "stages": [{"id": "a", "name": "A", "probability": 0.5}]})");
    REQUIRE(p.has_value());
    CHECK(p->name == "Caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" /");
}

TEST_CASE("api process_default wraps the default process in an envelope", "[process][api]") {
    const nlohmann::json j = revdiag::test::parse(revdiag::api::process_default());
    REQUIRE(j.is_object());
    CHECK(j["schema"] == "revdiag.process/1");
    CHECK(j["ok"] == true);
    CHECK(j["process"]["schema"] == "revdiag.process/1");
    CHECK(j["process"]["stages"].size() == 8);
    CHECK(j["process"] == revdiag::test::parse(revdiag::to_json(revdiag::default_process())));
}

TEST_CASE("api process_check rejects options that are not JSON", "[process][api]") {
    const nlohmann::json j = revdiag::test::parse(revdiag::api::process_check("{}", "", "{nope"));
    CHECK(j["ok"] == false);
    CHECK(j["error"]["code"] == "options.json");
}

TEST_CASE("an unknown key error suggests the key that was probably meant", "[process][error]") {
    const nlohmann::json j = revdiag::test::parse(revdiag::api::process_check(
        revdiag::test::read_fixture("process/unknown_key_in_stage.json"), "", ""));
    CHECK(j["error"]["message"] == "Unknown key `buyer_actoin` in /stages/1; did you mean buyer_action?");
    const revdiag::result<revdiag::process> far = revdiag::load_process(R"({"colour": 1})");
    REQUIRE_FALSE(far.has_value());
    CHECK(far.err().message ==
          "Unknown key `colour` in the document; expected one of: schema, name, stages, thresholds.");
}
