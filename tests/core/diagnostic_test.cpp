#include "revdiag/diagnostic.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "revdiag/api.h"
#include "test_support.h"

using namespace revdiag;
namespace fs = std::filesystem;

namespace {

diagnostic_result score_fixture(const std::string& name) {
    const auto bank = diagnostic_bank();
    REQUIRE(bank.has_value());
    const auto answers = read_answers(test::read_fixture("diagnostic/" + name), *bank);
    REQUIRE(answers.has_value());
    return score_answers(*bank, *answers);
}

// A small bank for arithmetic checks: one layer, two questions of weights 1 and 2.
std::string tiny_bank(const std::string& steps_json = R"({"low":["Write it down."],"high":["Keep it."]})") {
    return R"({"schema":"revdiag.questions/1","bank":"diagnostic","version":3,"title":"t","intro":"i",
      "layers":[{"id":"stages","name":"Stages","summary":"s"}],
      "bands":[{"id":"low","label":"Low","min_score":0,"meaning":"m"},{"id":"high","label":"High","min_score":40,"meaning":"m"}],
      "questions":[
        {"id":"a","layer":"stages","weight":1,"text":"A?","choices":[{"id":"no","label":"No","score":0},{"id":"some","label":"Some","score":35},{"id":"yes","label":"Yes","score":100}]},
        {"id":"b","layer":"stages","weight":2,"text":"B?","choices":[{"id":"no","label":"No","score":0},{"id":"mid","label":"Mid","score":45},{"id":"yes","label":"Yes","score":100}]}],
      "next_steps":{"stages":)" +
           steps_json + "}}";
}

int tiny_score(const std::string& a, const std::string& b) {
    const auto bank = load_question_bank(tiny_bank());
    REQUIRE(bank.has_value());
    const auto answers = read_answers(R"({"schema":"revdiag.answers/1","bank_version":3,"answers":{"a":")" +
                                          a + R"(","b":")" + b + R"("}})",
                                      *bank);
    REQUIRE(answers.has_value());
    return score_answers(*bank, *answers).layers.at(0).score;
}

}  // namespace

TEST_CASE("the embedded question bank asks at least four weighted questions per layer and about 25 in all",
          "[diagnostic][bank]") {
    const auto bank = diagnostic_bank();
    REQUIRE(bank.has_value());
    CHECK(bank->version >= 1);
    CHECK(bank->questions.size() >= 20);
    CHECK(bank->questions.size() <= 30);
    const std::vector<std::string> expected{"stages",    "exit_criteria", "ownership",
                                            "follow_up", "archive",       "crm_enforcement"};
    REQUIRE(bank->layers.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CHECK(bank->layers[i].id == expected[i]);
        CHECK(bank->layers[i].audited == (expected[i] != "crm_enforcement"));
        int asked = 0;
        for (const question& q : bank->questions) asked += q.layer == expected[i] ? 1 : 0;
        CHECK(asked >= 4);
    }
    for (const question& q : bank->questions) {
        INFO(q.id);
        CHECK(q.weight >= 1);
        int lowest = 100, highest = 0;
        for (const answer_choice& c : q.choices) {
            lowest = std::min(lowest, c.score);
            highest = std::max(highest, c.score);
        }
        // Without a 0 and a 100 answer in every question no layer could reach either end of the scale.
        CHECK(lowest == 0);
        CHECK(highest == 100);
    }
    CHECK(bank->next_steps.size() == bank->layers.size() * bank->bands.size());
}

TEST_CASE("scoring walks the fixtures and matches the hand-computed layer scores and bands",
          "[diagnostic][score]") {
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(test::fixture_path("diagnostic"))) {
        const std::string name = entry.path().filename().string();
        const std::string suffix = ".expected.json";
        if (name.size() <= suffix.size() ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string stem = name.substr(0, name.size() - suffix.size());
        INFO(stem);
        const nlohmann::json expected = test::parse(test::read_file(entry.path().string()));
        REQUIRE(expected.is_object());
        const diagnostic_result r = score_fixture(stem + ".answers.json");
        REQUIRE(r.layers.size() == expected["layers"].size());
        for (const layer_result& l : r.layers) {
            INFO(l.id);
            CHECK(l.score == expected["layers"][l.id][0].get<int>());
            CHECK(l.band == expected["layers"][l.id][1].get<std::string>());
            CHECK_FALSE(l.next_steps.empty());
        }
        CHECK(r.weakest_layer == expected["weakest_layer"].get<std::string>());
        CHECK(r.priority == expected["priority"].get<std::vector<std::string>>());
        ++cases;
    }
    CHECK(cases >= 5);
}

TEST_CASE("all-best answers score every layer 100 and all-worst answers score every layer 0",
          "[diagnostic][score]") {
    for (const auto& [file, score, band] : {std::tuple{"all-best.answers.json", 100, "enforced"},
                                            std::tuple{"all-worst.answers.json", 0, "absent"}}) {
        const diagnostic_result r = score_fixture(file);
        for (const layer_result& l : r.layers) {
            CHECK(l.score == score);
            CHECK(l.band == band);
        }
        // Every layer ties, so the documented order decides: stages first.
        CHECK(r.weakest_layer == "stages");
    }
}

TEST_CASE(
    "the summary names the layer to fix first, and says no layer fails when even the lowest is enforced",
    "[diagnostic][score]") {
    CHECK(score_fixture("all-best.answers.json").summary ==
          "No layer fails: even the lowest audited layer, Stage definitions, scores 100 of 100 (Enforced).");
    CHECK(score_fixture("all-worst.answers.json").summary ==
          "Fix Stage definitions first: it scores 0 of 100 (Absent).");
    const diagnostic_result mixed = score_fixture("mixed.answers.json");
    const auto weakest = std::find_if(mixed.layers.begin(), mixed.layers.end(),
                                      [&](const layer_result& l) { return l.id == mixed.weakest_layer; });
    REQUIRE(weakest != mixed.layers.end());
    CHECK(mixed.summary == "Fix " + weakest->name + " first: it scores " + std::to_string(weakest->score) +
                               " of 100 (" + weakest->band_label + ").");
    // The envelope carries the engine's sentence unchanged.
    const auto env = test::parse(api::diagnose(test::read_fixture("diagnostic/all-best.answers.json"), "{}"));
    CHECK(env["summary"] == score_fixture("all-best.answers.json").summary);
}

TEST_CASE("layer scores are weighted means rounded half up", "[diagnostic][score]") {
    CHECK(tiny_score("no", "no") == 0);
    CHECK(tiny_score("yes", "yes") == 100);
    CHECK(tiny_score("no", "yes") == 67);    // 200 / 3 = 66.67
    CHECK(tiny_score("yes", "no") == 33);    // 100 / 3 = 33.33
    CHECK(tiny_score("some", "mid") == 42);  // (35 + 90) / 3 = 41.67
    CHECK(tiny_score("yes", "mid") == 63);   // (100 + 90) / 3 = 63.33
}

TEST_CASE("a score on a band boundary belongs to the upper band", "[diagnostic][score]") {
    const auto bank = load_question_bank(tiny_bank());
    REQUIRE(bank.has_value());
    // (35 + 2 * 45) / 3 = 41.67 -> 42, above the boundary at 40; (0 + 2 * 45) / 3 = 30.
    const auto high = read_answers(
        R"({"schema":"revdiag.answers/1","bank_version":3,"answers":{"a":"some","b":"mid"}})", *bank);
    const auto low = read_answers(
        R"({"schema":"revdiag.answers/1","bank_version":3,"answers":{"a":"no","b":"mid"}})", *bank);
    REQUIRE(high.has_value());
    REQUIRE(low.has_value());
    CHECK(score_answers(*bank, *high).layers[0].band == "high");
    CHECK(score_answers(*bank, *high).layers[0].next_steps == std::vector<std::string>{"Keep it."});
    CHECK(score_answers(*bank, *low).layers[0].band == "low");
    CHECK(score_answers(*bank, *low).layers[0].next_steps == std::vector<std::string>{"Write it down."});
}

TEST_CASE("a question bank without next steps for a band is rejected with a pointer",
          "[diagnostic][bank][error]") {
    const auto bank = load_question_bank(tiny_bank(R"({"low":["Write it down."]})"));
    REQUIRE_FALSE(bank.has_value());
    CHECK(bank.err().code == "bank.missing");
    CHECK(bank.err().at.pointer == "/next_steps/stages/high");
}

TEST_CASE("a question bank with a choice score above 100 is rejected with a pointer",
          "[diagnostic][bank][error]") {
    std::string text = tiny_bank();
    text.replace(text.find("\"score\":100"), 11, "\"score\":140");
    const auto bank = load_question_bank(text);
    REQUIRE_FALSE(bank.has_value());
    CHECK(bank.err().code == "bank.value");
    CHECK(bank.err().at.pointer == "/questions/0/choices/2/score");
}

TEST_CASE("bad answers files get errors naming the question with a JSON pointer",
          "[diagnostic][answers][error]") {
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(test::fixture_path("diagnostic/bad"))) {
        const std::string name = entry.path().filename().string();
        const std::string suffix = ".expected.json";
        if (name.size() <= suffix.size() ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string stem = name.substr(0, name.size() - suffix.size());
        INFO(stem);
        const nlohmann::json expected = test::parse(test::read_file(entry.path().string()));
        REQUIRE(expected.is_object());
        const std::string answers = test::read_fixture("diagnostic/bad/" + stem + ".answers.json");
        const bool snapshot = expected.value("api", std::string()) == "snapshot";
        const nlohmann::json env =
            test::parse(snapshot ? api::snapshot(answers) : api::diagnose(answers, ""));
        REQUIRE(env.is_object());
        CHECK(env["schema"] == (snapshot ? "revdiag.snapshot/1" : "revdiag.diagnostic/1"));
        CHECK(env["ok"] == false);
        const nlohmann::json& e = env["error"];
        CHECK(e["code"] == expected["code"]);
        CHECK(e["message"].get<std::string>().find(expected["message_contains"].get<std::string>()) !=
              std::string::npos);
        if (expected.contains("pointer")) CHECK(e["at"]["pointer"] == expected["pointer"]);
        if (expected.contains("field")) CHECK(e["at"]["field"] == expected["field"]);
        if (expected.contains("line")) CHECK(e["at"]["line"] == expected["line"]);
        if (expected.contains("column")) CHECK(e["at"]["column"] == expected["column"]);
        // Every error of the answers file points into it, as every JSON error does.
        if (e["code"].get<std::string>().rfind("answers.", 0) == 0) {
            CHECK(e["at"].value("line", 0) > 0);
            CHECK(e["at"].value("column", 0) > 0);
        }
        ++cases;
    }
    CHECK(cases >= 12);
}

TEST_CASE("the questions envelope lists both banks without revealing choice scores", "[diagnostic][api]") {
    const nlohmann::json env = test::parse(api::questions());
    REQUIRE(env.is_object());
    CHECK(env["schema"] == "revdiag.questions/1");
    CHECK(env["ok"] == true);
    CHECK(env["bank"] == "diagnostic");
    CHECK(env["layers"].size() == 6);
    CHECK(env["questions"].size() == diagnostic_bank()->questions.size());
    for (const auto& q : env["questions"])
        for (const auto& c : q["choices"]) CHECK_FALSE(c.contains("score"));
    CHECK(env["snapshot"]["bank"] == "snapshot");
    CHECK(env["snapshot"]["questions"].size() >= 6);
    CHECK(env["snapshot"]["questions"].size() <= 8);
}

TEST_CASE(
    "the diagnostic envelope lists layers with answers and next steps and recommendations weakest first",
    "[diagnostic][api]") {
    const nlohmann::json env =
        test::parse(api::diagnose(test::read_fixture("diagnostic/mixed.answers.json"), "{}"));
    REQUIRE(env.is_object());
    CHECK(env["schema"] == "revdiag.diagnostic/1");
    CHECK(env["ok"] == true);
    CHECK(env["weakest_layer"] == "exit_criteria");
    REQUIRE(env["layers"].size() == 6);
    CHECK(env["layers"][1]["id"] == "exit_criteria");
    CHECK(env["layers"][1]["score"] == 35);
    CHECK(env["layers"][1]["answers"].size() == 5);
    CHECK(env["layers"][1]["answers"][0]["question"] == "exit_written");
    CHECK_FALSE(env["layers"][1]["next_steps"].empty());
    CHECK(env["recommendations"][0]["layer"] == "exit_criteria");
    CHECK(env["recommendations"][0]["priority"] == 1);
    CHECK(env["summary"].get<std::string>().find("Exit criteria") != std::string::npos);
    CHECK_FALSE(env.contains("comparison"));
}

TEST_CASE("a megabyte-long question id or answer is cut short in the message",
          "[diagnostic][answers][error]") {
    const std::string huge(1 << 20, 'q');
    const std::string unknown_question = R"({"schema":"revdiag.answers/1","bank_version":)" +
                                         std::to_string(diagnostic_bank()->version) + R"(,"answers":{")" +
                                         huge + R"(":"x"}})";
    const nlohmann::json e1 = test::parse(api::diagnose(unknown_question, ""))["error"];
    CHECK(e1["code"] == "answers.unknown_question");
    CHECK(e1["message"].get<std::string>().size() < 300);
    nlohmann::json answers = test::parse(test::read_fixture("diagnostic/mixed.answers.json"));
    answers["answers"].begin().value() = huge;
    const nlohmann::json e2 = test::parse(api::diagnose(answers.dump(), ""))["error"];
    CHECK(e2["code"] == "answers.unknown_choice");
    CHECK(e2["message"].get<std::string>().size() < 600);
}
