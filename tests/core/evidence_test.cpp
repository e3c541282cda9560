// Evidence tiers and coverage (DESIGN §2.1, §3.1): which column each check
// reads, what an absent column means, and the figures computed by hand.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "revdiag/api.h"
#include "revdiag/sample.h"
#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using revdiag::test::parse;

namespace {

json audit(const std::string& csv, const std::string& extra = "") {
    return parse(revdiag::api::audit(csv, R"({"as_of":"2026-06-30")" + extra + "}"));
}

bool has_code(const json& list, const std::string& code) {
    return std::any_of(list.begin(), list.end(), [&](const json& f) { return f["code"] == code; });
}

const json& coverage_criterion(const json& report, const std::string& id) {
    for (const json& c : report["coverage"]["criteria"])
        if (c["criterion"] == id) return c;
    FAIL("no criterion " << id);
    return report;
}

// As of Tuesday 2026-06-30. No Budget Confirmed (Q1) and no Decision Maker (P1)
// column; the buyer is seen only through the two-way "Last Contacted" (which
// also stands for the buyer's response to a proposal).
const char* const thin_export =
    "Deal ID,Amount,Stage,Owner,Created Date,Close Date,Last Contacted,Next Step Date,"
    "Problem Confirmed,Decision Date,Proposal Sent,Last Follow-up\n"
    // A: real Discovery; needs nothing not assessable.
    "A,1000,Discovery,Dana Smith,2026-06-01,2026-09-30,2026-06-20,,yes,,,\n"
    // B: real Qualification, resting on Q1.
    "B,2000,Qualification,Dana Smith,2026-06-01,2026-09-30,2026-06-25,2026-07-05,yes,2026-08-01,,\n"
    // C: real Proposal, resting on Q1 and P1; proposal two business days old, no follow-up due.
    "C,4000,Proposal,Dana Smith,2026-06-01,2026-09-30,2026-06-25,2026-07-05,yes,2026-08-01,2026-06-26,\n"
    // D: problem not confirmed: real Engaged, EXIT_CRITERIA_UNMET D1; contacted after the proposal.
    "D,8000,Negotiation,Dana Smith,2026-06-01,2026-09-30,2026-06-25,2026-07-05,no,2026-08-01,2026-06-10,\n"
    // E: no contact recorded on this deal: present() fails, E1 unmet, not pipeline; 29 days old, not stale.
    "E,16000,Qualification,Dana Smith,2026-06-01,2026-09-30,,2026-07-05,yes,2026-08-01,,\n"
    // F: last contact 60 days ago: stale, out of the real pipeline.
    "F,32000,Qualification,Dana Smith,2026-04-01,2026-09-30,2026-05-01,2026-07-05,yes,2026-08-01,,\n";

}  // namespace

TEST_CASE("each CRM's activity columns are read in their evidence tier", "[evidence][mapping]") {
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(revdiag::test::fixture_path("evidence")))
        if (e.path().extension() == ".csv") cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() == 7);
    for (const fs::path& csv : cases) {
        INFO(csv.filename().string());
        fs::path expected_path = csv;
        expected_path.replace_extension(".expected.json");
        const json expected = parse(revdiag::test::read_file(expected_path.string()));
        const json r = audit(revdiag::test::read_file(csv.string()));
        REQUIRE(r["ok"] == true);
        CHECK(r["input"]["detected_crm"] == expected["detected_crm"]);
        json tiers = json::object();
        for (const auto& [field, m] : r["input"]["mapping"].items())
            if (m.contains("tier")) tiers[field] = {{"header", m["header"]}, {"tier", m["tier"]}};
        CHECK(tiers == expected["tiers"]);
        const json& activity = r["coverage"]["activity"];
        CHECK(activity["header"] == expected["activity"]["header"]);
        CHECK(activity["tier"] == expected["activity"]["tier"]);
        const json& e1 = coverage_criterion(r, "E1");
        CHECK(e1["status"] == expected["e1"]["status"]);
        CHECK(e1["column"] == expected["e1"]["column"]);
        CHECK(e1["tier"] == expected["e1"]["tier"]);
        if (expected.contains("stage_entered")) {
            const json in =
                parse(revdiag::api::inspect(revdiag::test::read_file(csv.string()), R"({"rows":true})"));
            const json& cols = in["preview"]["columns"];
            const auto at = std::find(cols.begin(), cols.end(), "stage_entered_date") - cols.begin();
            json entered = json::array();
            for (const json& row : in["preview"]["rows"])
                entered.push_back(row["values"][static_cast<size_t>(at)]);
            CHECK(entered == expected["stage_entered"]);
        }
    }
}

TEST_CASE("an export without criterion columns gives the real, unverified and layer figures of DESIGN 3.1",
          "[evidence][coverage]") {
    const json r = audit(thin_export);
    REQUIRE(r["ok"] == true);
    const json& s = r["summary"];
    CHECK(s["stated_total"] == 63000);
    CHECK(s["real_total"] == 15000);  // A + B + C + D (D placed at Engaged)
    CHECK(s["real_deals"] == 4);
    CHECK(s["unverified_total"] == 6000);  // B and C rest on Q1; C also on P1
    CHECK(s["unverified_deals"] == 2);
    CHECK(s["weakest_layer"] == "archive");

    const json& layers = r["layers"];
    CHECK(layers[1]["deals_failing"] == 2);  // D and E unmet
    CHECK(layers[1]["amount_at_risk"] == 24000);
    CHECK(layers[1]["score"] == 62);  // 100 x (1 - 24000 / 63000) = 61.9
    CHECK(layers[1]["measurable"] == "partly");
    CHECK(layers[3]["deals_failing"] == 0);
    CHECK(layers[3]["measurable"] == "yes");
    CHECK(layers[4]["deals_failing"] == 1);  // F
    CHECK(layers[4]["amount_at_risk"] == 32000);
    CHECK(layers[4]["measurable"] == "partly");  // no stage entered date for the re-engagement rule
    CHECK(layers[0]["measurable"] == "yes");
    CHECK(layers[2]["measurable"] == "yes");

    CHECK(coverage_criterion(r, "E1")["column"] == "Last Contacted");
    CHECK(coverage_criterion(r, "E1")["tier"] == "two_way");
    CHECK(coverage_criterion(r, "E1")["blank_share"] == 0.166);  // E, 1 of 6 open deals
    CHECK(coverage_criterion(r, "Q1")["status"] == "not_assessable");
    CHECK(coverage_criterion(r, "Q1")["deals_resting"] == 2);
    CHECK(coverage_criterion(r, "Q1")["amount_resting"] == 6000);
    CHECK(coverage_criterion(r, "P1")["deals_resting"] == 1);
    CHECK(coverage_criterion(r, "P1")["amount_resting"] == 4000);
    CHECK(coverage_criterion(r, "N1")["status"] == "assessable");
    CHECK(coverage_criterion(r, "N1")["sources"][0]["header"] == "Last Contacted");

    size_t not_recorded = 0;
    for (const json& f : r["process"]["findings"]) {
        CHECK(f["code"] != "FIELD_NOT_RECORDED");
        if (f["code"] != "CRITERION_NOT_RECORDED") continue;
        ++not_recorded;
        CHECK((f["criterion"] == "Q1" || f["criterion"] == "P1"));
        CHECK(f["amount"] == (f["criterion"] == "Q1" ? 6000 : 4000));
    }
    CHECK(not_recorded == 2);

    // Per-deal findings come only from cells: D's unmet D1, E's blank contact, F's age.
    std::map<std::string, std::vector<std::string>> codes;
    for (const json& d : r["deals"])
        for (const json& f : d["findings"]) codes[d["deal_id"]].push_back(f["code"]);
    CHECK(codes["A"].empty());
    CHECK(codes["B"].empty());
    CHECK(codes["C"].empty());
    CHECK(codes["D"] == std::vector<std::string>{"EXIT_CRITERIA_UNMET"});
    CHECK(codes["E"] == std::vector<std::string>{"EXIT_CRITERIA_UNMET"});
    CHECK(codes["F"] == std::vector<std::string>{"STALE"});
    for (const json& d : r["deals"])
        if (d["deal_id"] == "F" && !d["findings"].empty())
            CHECK(d["findings"][0]["message"] ==
                  "No recorded conversation for 60 days (last on 2026-05-01; judged on Last Contacted, a "
                  "two-way contact: weaker than buyer replies).");
}

TEST_CASE("strict evidence reads an absent column as blank on every deal", "[evidence][coverage]") {
    const json r = audit(thin_export, R"(,"evidence":"strict")");
    REQUIRE(r["ok"] == true);
    CHECK(r["coverage"]["evidence"] == "strict");
    CHECK(r["summary"]["real_total"] == 0);  // no last_buyer_activity_date column: E1 unrecorded everywhere
    CHECK(r["summary"]["unverified_total"] == 0);
    CHECK(r["layers"][1]["deals_failing"] == 6);
    CHECK(r["layers"][1]["amount_at_risk"] == 63000);
    // Strict reads only the field's own column: no buyer activity, so ages run from the created date.
    CHECK(r["layers"][4]["deals_failing"] == 1);  // F, created 90 days ago; the others 29
    CHECK(has_code(r["process"]["findings"], "FIELD_NOT_RECORDED"));
    CHECK_FALSE(has_code(r["process"]["findings"], "CRITERION_NOT_RECORDED"));
}

TEST_CASE("no deal gets a finding only because a column is absent", "[evidence][coverage]") {
    // Old deals, but no activity column: how long they have gone quiet cannot be shown.
    const std::string csv =
        "Deal ID,Amount,Stage,Created Date\nA,100,Proposal,2026-01-02\nB,200,Discovery,2026-06-29\n";
    const json r = audit(csv);
    REQUIRE(r["ok"] == true);
    for (const json& d : r["deals"]) CHECK(d["findings"].empty());
    CHECK(r["owners"].empty());
    CHECK(r["summary"]["real_total"] == 300);
    CHECK(r["summary"]["unverified_total"] == 300);
    for (const char* id : {"ownership", "exit_criteria", "follow_up"}) {
        INFO(id);
        for (const json& l : r["layers"])
            if (l["id"] == id) {
                CHECK(l["measurable"] == "no");
                CHECK(l["score"].is_null());
            }
    }
    for (const json& l : r["layers"])
        if (l["id"] == "archive") CHECK(l["measurable"] == "no");  // nor a close date column
    CHECK(r["coverage"]["activity"]["column"].is_null());
    const json strict = audit(csv, R"(,"evidence":"strict")");
    for (const json& d : strict["deals"]) CHECK_FALSE(d["findings"].empty());
    CHECK(strict["deals"][0]["findings"].back()["code"] == "STALE");  // from its created date
}

TEST_CASE("an export whose newest date is more than 30 days before the as-of is named", "[evidence][as_of]") {
    const auto warned = [](const std::string& newest) {
        const json r = audit("Deal ID,Amount,Stage,Created Date\nA,100,Proposal,2026-01-02\nB,1,Proposal," +
                             newest + "\n");
        for (const json& w : r["warnings"])
            if (w["code"] == "audit.export_older_than_as_of") return w["at"]["field"].get<std::string>();
        return std::string();
    };
    CHECK(warned("2026-05-31").empty());  // 30 days before 2026-06-30
    CHECK(warned("2026-05-30") == "2026-05-30");
    const json r = audit("Deal ID,Amount,Stage,Created Date\nA,100,Proposal,2026-05-30\n");
    CHECK(r["coverage"]["newest_date"] == "2026-05-30");
}

TEST_CASE("a demo is audited as of its reference date unless an as-of is given",
          "[evidence][as_of][sample]") {
    const std::string demo(revdiag::sample_demos().front().name);
    const json r = parse(revdiag::api::audit("", json{{"sample", demo}}.dump()));
    REQUIRE(r["ok"] == true);
    CHECK(r["as_of"] == revdiag::format_iso_date(revdiag::sample_options{}.reference));
    const json given = parse(revdiag::api::audit("", json{{"sample", demo}, {"as_of", "2026-07-15"}}.dump()));
    CHECK(given["as_of"] == "2026-07-15");
}

TEST_CASE("the evidence option is available or strict", "[evidence][options]") {
    const json r = parse(revdiag::api::audit("Deal ID\nA\n", R"({"evidence":"lenient"})"));
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == "options.type");
    CHECK(r["error"]["at"]["pointer"] == "/evidence");
}
