#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <set>

#include "revdiag/api.h"
#include "revdiag/deals.h"
#include "revdiag/diagnostic.h"
#include "test_support.h"

using namespace revdiag;
namespace fs = std::filesystem;

namespace {

std::string answers_text(const nlohmann::json& answers) {
    nlohmann::json doc{
        {"schema", "revdiag.answers/1"}, {"bank", "snapshot"}, {"bank_version", 1}, {"answers", answers}};
    return doc.dump();
}

nlohmann::json snapshot_of(const nlohmann::json& answers) {
    return test::parse(api::snapshot(answers_text(answers)));
}

nlohmann::json base_answers() {
    return {{"cycle", "six_weeks_to_three_months"},
            {"deal_size", "5k_to_25k"},
            {"buyers", "two_or_three"},
            {"evaluation", "none"},
            {"team", "one_or_two"},
            {"handoff", "one_person"},
            {"crm", "hubspot"},
            {"source", "mixed"}};
}

size_t counted_stages(const nlohmann::json& process) {
    size_t n = 0;
    for (const auto& s : process["stages"]) n += s.value("holding", false) ? 0 : 1;
    return n;
}

std::string normalized(const std::string& s) {
    std::string out;
    for (const char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The identifiers of a rule that are neither functions nor keywords: the fields it reads.
std::vector<std::string> rule_fields(const std::string& rule) {
    static const std::set<std::string> reserved{
        "present", "days_since", "business_days_since", "days_until", "lower", "contains", "and", "or", "not",
        "true",    "false"};
    std::vector<std::string> out;
    for (size_t i = 0; i < rule.size();) {
        if (std::isalpha(static_cast<unsigned char>(rule[i])) || rule[i] == '_') {
            size_t j = i;
            while (j < rule.size() && (std::isalnum(static_cast<unsigned char>(rule[j])) || rule[j] == '_'))
                ++j;
            const std::string word = rule.substr(i, j - i);
            if (!reserved.count(word)) out.push_back(word);
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

void check_drafted_process(const nlohmann::json& process) {
    CHECK(process["schema"] == "revdiag.process/1");
    const size_t n = counted_stages(process);
    CHECK(n >= 5);
    CHECK(n <= 7);
    std::set<std::string> spellings;
    int holding = 0, won = 0, lost = 0;
    for (const auto& s : process["stages"]) {
        INFO(s["id"]);
        CHECK_FALSE(s["buyer_action"].get<std::string>().empty());
        CHECK_FALSE(s["owner_role"].get<std::string>().empty());
        const bool closed = s.value("closed_won", false) || s.value("closed_lost", false);
        holding += s.value("holding", false) ? 1 : 0;
        won += s.value("closed_won", false) ? 1 : 0;
        lost += s.value("closed_lost", false) ? 1 : 0;
        if (!closed && !s.value("holding", false)) CHECK_FALSE(s["criteria"].empty());
        for (const auto& c : s["criteria"])
            for (const std::string& field : rule_fields(c["rule"].get<std::string>())) {
                INFO(field);
                CHECK(find_canonical_field(field) != nullptr);
            }
        // A spelling that matched two stages would make the audit's stage matching ambiguous.
        CHECK(spellings.insert(normalized(s["id"].get<std::string>())).second);
        if (normalized(s["name"].get<std::string>()) != normalized(s["id"].get<std::string>()))
            CHECK(spellings.insert(normalized(s["name"].get<std::string>())).second);
        for (const auto& a : s["aliases"]) CHECK(spellings.insert(normalized(a.get<std::string>())).second);
    }
    CHECK(holding == 1);
    CHECK(won == 1);
    CHECK(lost == 1);
}

}  // namespace

TEST_CASE("snapshot fixtures draft the shape their name announces with 5 to 7 stages", "[snapshot]") {
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(test::fixture_path("diagnostic"))) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("snapshot-", 0) != 0) continue;
        INFO(name);
        const std::string shape = name.substr(9, name.find('-', 9) - 9);
        const nlohmann::json env = test::parse(api::snapshot(test::read_file(entry.path().string())));
        REQUIRE(env["ok"] == true);
        CHECK(env["schema"] == "revdiag.snapshot/1");
        CHECK(env["shape"] == shape);
        check_drafted_process(env["process"]);
        CHECK(env["document"].get<std::string>().rfind("# Sales process design", 0) == 0);
        ++cases;
    }
    CHECK(cases == 4);
}

TEST_CASE("every combination of cycle and deal size and buyers and evaluation drafts a valid process",
          "[snapshot]") {
    const auto bank = snapshot_bank();
    REQUIRE(bank.has_value());
    auto choices = [&](const std::string& qid) {
        std::vector<std::string> ids;
        for (const question& q : bank->questions)
            if (q.id == qid)
                for (const answer_choice& c : q.choices) ids.push_back(c.id);
        return ids;
    };
    std::set<std::string> shapes;
    for (const auto& cycle : choices("cycle"))
        for (const auto& size : choices("deal_size"))
            for (const auto& buyers : choices("buyers"))
                for (const auto& evaluation : choices("evaluation")) {
                    nlohmann::json a = base_answers();
                    a["cycle"] = cycle;
                    a["deal_size"] = size;
                    a["buyers"] = buyers;
                    a["evaluation"] = evaluation;
                    const nlohmann::json env = snapshot_of(a);
                    REQUIRE(env["ok"] == true);
                    const size_t n = counted_stages(env["process"]);
                    if (n < 5 || n > 7)
                        FAIL(cycle << " " << size << " " << buyers << " " << evaluation << ": " << n);
                    shapes.insert(env["shape"].get<std::string>());
                }
    CHECK(shapes == std::set<std::string>{"lean", "standard", "full", "evaluated"});
}

TEST_CASE("every CRM answer drafts aliases that never collide with another stage", "[snapshot]") {
    const auto bank = snapshot_bank();
    REQUIRE(bank.has_value());
    for (const question& q : bank->questions) {
        if (q.id != "crm") continue;
        for (const answer_choice& c : q.choices)
            for (const char* evaluation : {"none", "formal"})
                for (const char* size : {"under_5k", "over_500k"}) {
                    INFO(c.id << " " << evaluation << " " << size);
                    nlohmann::json a = base_answers();
                    a["crm"] = c.id;
                    a["evaluation"] = evaluation;
                    a["deal_size"] = size;
                    const nlohmann::json env = snapshot_of(a);
                    REQUIRE(env["ok"] == true);
                    check_drafted_process(env["process"]);
                }
    }
}

TEST_CASE("snapshot thresholds grow with the sales cycle", "[snapshot]") {
    const char* cycles[] = {"under_2_weeks", "two_to_six_weeks", "six_weeks_to_three_months",
                            "three_to_six_months", "over_six_months"};
    int last_inactive = 0, last_reengage = 0, last_follow_up = 0;
    for (const char* cycle : cycles) {
        INFO(cycle);
        nlohmann::json a = base_answers();
        a["cycle"] = cycle;
        const nlohmann::json t = snapshot_of(a)["process"]["thresholds"];
        CHECK(t["inactive_after_days"].get<int>() > last_inactive);
        CHECK(t["reengage_after_days"].get<int>() > last_reengage);
        CHECK(t["follow_up_business_days"].get<int>() >= last_follow_up);
        // A follow-up must fall due before the deal is moved to re-engagement.
        CHECK(t["follow_up_business_days"].get<int>() < t["reengage_after_days"].get<int>());
        last_inactive = t["inactive_after_days"].get<int>();
        last_reengage = t["reengage_after_days"].get<int>();
        last_follow_up = t["follow_up_business_days"].get<int>();
    }
    // The middle of the range is the process default of DESIGN §2.2.
    nlohmann::json a = base_answers();
    const nlohmann::json t = snapshot_of(a)["process"]["thresholds"];
    CHECK(t["follow_up_business_days"] == 5);
    CHECK(t["reengage_after_days"] == 14);
    CHECK(t["inactive_after_days"] == 30);
    CHECK(t["reengagement_window_days"] == 14);
}

TEST_CASE("the handoff answer sets the opening and closing owner roles", "[snapshot]") {
    nlohmann::json a = base_answers();
    a["handoff"] = "sdr_then_ae";
    a["team"] = "three_to_ten";
    const nlohmann::json p = snapshot_of(a)["process"];
    CHECK(p["stages"][0]["owner_role"] == "Sales development rep");
    CHECK(p["stages"][2]["owner_role"] == "Account executive");
    a["team"] = "founder";
    CHECK(snapshot_of(a)["process"]["stages"][0]["owner_role"] == "Founder");
}

TEST_CASE("the design document names every stage and the thresholds and the CRM steps", "[snapshot]") {
    nlohmann::json a = base_answers();
    a["cycle"] = "three_to_six_months";
    a["crm"] = "salesforce";
    const nlohmann::json env = snapshot_of(a);
    const std::string doc = env["document"].get<std::string>();
    for (const auto& s : env["process"]["stages"])
        CHECK(doc.find(s["name"].get<std::string>()) != std::string::npos);
    for (const auto& c : env["process"]["stages"][2]["criteria"])
        CHECK(doc.find("`" + c["rule"].get<std::string>() + "`") != std::string::npos);
    CHECK(doc.find("within 5 business days") != std::string::npos);
    CHECK(doc.find("for 45 days") != std::string::npos);
    CHECK(doc.find("## Configure Salesforce") != std::string::npos);
    CHECK(doc.find("What you told us") != std::string::npos);
}

TEST_CASE("the snapshot command writes the drafted process with --out and prints the document",
          "[snapshot][cli]") {
    const std::string answers = test::fixture_path("diagnostic/snapshot-standard-hubspot.answers.json");
    const fs::path out =
        fs::temp_directory_path() / ("revdiag-snapshot-test-" + std::to_string(::getpid()) + ".json");
    const auto run = test::run_cli("snapshot '" + answers + "' --out '" + out.string() + "'");
    CHECK(run.exit_code == 0);
    CHECK(run.out.rfind("# Sales process design", 0) == 0);
    const nlohmann::json written = test::parse(test::read_file(out.string()));
    const nlohmann::json env = test::parse(api::snapshot(test::read_file(answers)));
    CHECK(written == env["process"]);
    fs::remove(out);
    const auto json_run = test::run_cli("snapshot '" + answers + "' --format json");
    CHECK(json_run.exit_code == 0);
    CHECK(json_run.out == api::snapshot(test::read_file(answers)) + "\n");
    CHECK(test::run_cli("snapshot").exit_code == 2);
    CHECK(test::run_cli("snapshot '" + test::fixture_path("diagnostic/mixed.answers.json") + "'").exit_code ==
          1);
}
