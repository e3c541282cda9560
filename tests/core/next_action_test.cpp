// One next action per flagged deal (the documented order), owners counting
// each deal once, and the figures that reconcile: the waterfall's steps sum to
// stated - real to the cent, and the layers' amounts less what a layer ranked
// before them already counts sum to the flagged amount.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>

#include "audit_test_table.h"
#include "revdiag/api.h"
#include "revdiag/audit.h"
#include "revdiag/report.h"
#include "test_support.h"

using namespace revdiag;
using nlohmann::json;
using revdiag::test::deal_row;
using revdiag::test::healthy_deal;
using revdiag::test::make_table;

namespace {

const day_t as_of = *parse_iso_date("2026-06-30");

std::string iso(day_t d) {
    return format_iso_date(d);
}

struct picked {
    std::string action, code;
    size_t findings = 0;
};

picked next_of(const deal_row& row) {
    const deal_table table = make_table({row});
    const process& p = default_process();
    const audit_report r = run_audit(table, p, as_of);
    REQUIRE(r.deals.size() == 1);
    const json deal = json::parse(deal_to_json(r, 0, table, p).dump());
    picked out;
    out.findings = deal["findings"].size();
    if (deal["next_action"].is_null()) return out;
    out.action = deal["next_action"]["action"];
    out.code = deal["next_action"]["code"];
    return out;
}

int64_t cents(const json& money) {
    return std::llround(money.get<double>() * 100.0);
}

// Every report the checks below run on: the demos and the golden cases.
std::vector<std::pair<std::string, json>> reports() {
    std::vector<std::pair<std::string, json>> out;
    for (const std::string demo :
         {"saas_midmarket", "agency_services", "industrial_enterprise", "startup_spreadsheet"})
        out.emplace_back(demo,
                         test::parse(api::audit(
                             "", R"({"as_of":"2026-06-30","action_deals":1000,"sample":")" + demo + "\"}")));
    for (const auto& e : std::filesystem::directory_iterator(test::fixture_path("golden")))
        if (e.path().extension() == ".csv")
            out.emplace_back(e.path().filename().string(),
                             test::parse(api::audit(test::read_file(e.path().string()),
                                                    R"({"as_of":"2026-06-30","action_deals":1000})")));
    return out;
}

}  // namespace

TEST_CASE(
    "a deal with many findings gets one next action, archive before re-engage before follow-up "
    "before moving back before data fixes",
    "[audit][next_action]") {
    deal_row d = healthy_deal("Proposal");
    d["owner"] = "";                            // OWNER_MISSING
    d["close_date"] = iso(as_of - 1);           // CLOSE_DATE_PASSED
    d["budget_confirmed"] = "false";            // EXIT_CRITERIA_UNMET
    d["proposal_sent_date"] = iso(as_of - 20);  // REENGAGE_DUE and FOLLOW_UP_OVERDUE
    d["last_buyer_response_date"] = iso(as_of - 21);
    d["last_buyer_activity_date"] = iso(as_of - 40);  // STALE
    picked p = next_of(d);
    CHECK(p.code == "STALE");
    CHECK(p.action == "Archive");
    CHECK(p.findings >= 6);  // every finding stays listed as a reason

    d["last_buyer_activity_date"] = iso(as_of - 5);
    p = next_of(d);
    CHECK(p.code == "REENGAGE_DUE");
    CHECK(p.action == "Move to Re-engagement");

    d["proposal_sent_date"] = iso(as_of - 8);
    d["last_buyer_response_date"] = iso(as_of - 9);
    p = next_of(d);
    CHECK(p.code == "FOLLOW_UP_OVERDUE");
    CHECK(p.action == "Create a follow-up task");

    d["last_follow_up_date"] = iso(as_of - 2);
    p = next_of(d);
    CHECK(p.code == "EXIT_CRITERIA_UNMET");
    CHECK(p.action.rfind("Move back to ", 0) == 0);

    d["budget_confirmed"] = "true";
    p = next_of(d);
    CHECK(p.code == "OWNER_MISSING");
    CHECK(p.action == "Assign one owner");

    d["owner"] = "Dana Smith";
    p = next_of(d);
    CHECK(p.code == "CLOSE_DATE_PASSED");
    CHECK(p.action == "Update the close date");

    d["close_date"] = iso(as_of + 30);
    p = next_of(d);
    CHECK(p.code.empty());  // nothing to do: next_action is null
    CHECK(p.findings == 0);
}

TEST_CASE("requalifying a deal that meets no stage's criteria reads apart from archiving a stale one",
          "[audit][next_action]") {
    deal_row unqualified = healthy_deal("Proposal");
    unqualified["last_buyer_activity_date"] = "";  // E1 unmet: no stage's criteria hold
    unqualified["created_date"] = iso(as_of - 3);
    const picked requalify = next_of(unqualified);
    CHECK(requalify.code.rfind("EXIT_CRITERIA_", 0) == 0);
    CHECK(requalify.action == "Requalify as a lead");
    deal_row stale = healthy_deal();
    stale["last_buyer_activity_date"] = iso(as_of - 45);
    CHECK(next_of(stale).action == "Archive");
}

TEST_CASE("a snoozed deal with nothing else gets no next action", "[audit][next_action]") {
    deal_row d = healthy_deal();
    d["last_buyer_activity_date"] = iso(as_of - 45);
    d["snoozed_until"] = iso(as_of + 10);
    const picked p = next_of(d);
    CHECK(p.findings == 1);
    CHECK(p.code.empty());
}

TEST_CASE("owner cards count each flagged deal once, under its next action", "[audit][next_action][owners]") {
    for (const auto& [name, r] : reports()) {
        INFO(name);
        REQUIRE(r.value("ok", false));
        size_t flagged = 0;
        std::map<std::string, std::map<std::string, size_t>> expected;  // owner -> action -> deals
        for (const json& d : r["deals"]) {
            if (d["next_action"].is_null()) continue;
            ++flagged;
            const std::string owner = d["owner"].is_null() ? "" : d["owner"].get<std::string>();
            ++expected[owner][d["next_action"]["action"].get<std::string>()];
        }
        CHECK(flagged == r["summary"]["flagged_deals"].get<size_t>());
        size_t owned = 0;
        for (const json& o : r["owners"]) {
            size_t sum = 0;
            const std::string owner = o["owner"].is_null() ? "" : o["owner"].get<std::string>();
            for (const json& a : o["actions"]) {
                sum += a["count"].get<size_t>();
                CHECK(a["count"].get<size_t>() == expected[owner][a["action"].get<std::string>()]);
            }
            CHECK(sum == o["deals"].get<size_t>());
            owned += sum;
        }
        CHECK(owned == flagged);
    }
}

TEST_CASE("the waterfall's steps sum to stated minus real to the cent, each deal counted once",
          "[audit][reconcile]") {
    size_t with_gap = 0;
    for (const auto& [name, r] : reports()) {
        INFO(name);
        const json& w = r["waterfall"];
        CHECK(cents(w["stated"]) == cents(r["summary"]["stated_total"]));
        CHECK(cents(w["real"]) == cents(r["summary"]["real_total"]));
        int64_t removed = 0;
        size_t deals = 0;
        for (const json& step : w["steps"]) {
            removed += cents(step["amount"]);
            deals += step["deals"].get<size_t>();
        }
        CHECK(removed == cents(w["stated"]) - cents(w["real"]));
        CHECK(deals == r["summary"]["open_deals"].get<size_t>() - r["summary"]["real_deals"].get<size_t>());
        if (removed != 0) ++with_gap;
        // The archive step is the archive layer: every deal failing it leaves the pipeline.
        CHECK(cents(w["steps"][0]["amount"]) == cents(r["layers"][4]["amount_at_risk"]));
    }
    CHECK(with_gap >= 10);
}

TEST_CASE("layers less what a layer ranked before them counts add up to the flagged amount",
          "[audit][reconcile]") {
    for (const auto& [name, r] : reports()) {
        INFO(name);
        int64_t once = 0;
        std::vector<int> ranks;
        for (const json& l : r["layers"]) {
            once += cents(l["amount_at_risk"]) - cents(l["amount_counted_above"]);
            ranks.push_back(l["rank"].get<int>());
            CHECK(cents(l["amount_not_real"]) <= std::max<int64_t>(cents(l["amount_at_risk"]), 0));
            if (l["id"] == r["summary"]["weakest_layer"]) CHECK(l["rank"] == 1);
            if (l["rank"] == 1) CHECK(l["deals_counted_above"] == 0);
        }
        std::sort(ranks.begin(), ranks.end());
        CHECK(ranks == std::vector<int>{1, 2, 3, 4, 5});
        CHECK(once == cents(r["summary"]["flagged_amount"]));
    }
}

TEST_CASE("the deal table can list the deals of one owner action and of one waterfall step",
          "[session][next_action][reconcile]") {
    const json sample = test::parse(api::sample(R"({"demo":"saas_midmarket"})"));
    REQUIRE(sample.value("ok", false));
    api::session s;
    REQUIRE(test::parse(s.push(sample["csv"].get<std::string>()))["ok"] == true);
    REQUIRE(test::parse(s.finish(""))["ok"] == true);
    const json r = test::parse(s.audit(R"({"as_of":"2026-06-30","deals":"none"})"));
    REQUIRE(r.value("ok", false));
    size_t actions = 0;
    for (const json& o : r["owners"]) {
        for (const json& a : o["actions"]) {
            json filter = {{"next_action", a["action"]}};
            if (!o["owner"].is_null()) filter["owner"] = o["owner"];
            const json q = {{"filter", filter}, {"limit", 0}};
            const json page = test::parse(s.deals(q.dump()));
            INFO(q.dump());
            REQUIRE(page.value("ok", false));
            if (!o["owner"].is_null()) CHECK(page["total"] == a["count"]);
            ++actions;
        }
    }
    CHECK(actions > 10);
    size_t total = 0;
    for (const json& step : r["waterfall"]["steps"]) {
        const json q = {{"filter", {{"removed", step["id"]}}}, {"limit", 0}};
        const json page = test::parse(s.deals(q.dump()));
        CHECK(page["total"] == step["deals"]);
        total += page["total"].get<size_t>();
    }
    CHECK(total > 0);
    CHECK(test::parse(s.deals(R"({"filter":{"removed":"elsewhere"}})"))["total"] == 0);
}
