// The simulator on a hand-made export (tests/fixtures/simulate/hand.csv, as of
// 2026-06-30, a Tuesday) whose forward events, enforced policy, history and
// calibration were worked out by hand from the dates in the file; and the
// generator against values computed by an independent implementation.
#include "revdiag/simulate.h"

#include <catch2/catch.hpp>

#include "revdiag/api.h"
#include "test_support.h"

using nlohmann::json;

namespace {

json simulate_hand(const json& extra) {
    json options = {{"as_of", "2026-06-30"}, {"days", 60}, {"trials", 200}};
    options.update(extra);
    const json r = revdiag::test::parse(
        revdiag::api::simulate(revdiag::test::read_fixture("simulate/hand.csv"), options.dump()));
    REQUIRE(r.value("ok", false));
    return r;
}

// "day deal event" for each listed event, in report order.
std::vector<std::string> events_of(const json& r) {
    std::vector<std::string> out;
    for (const json& e : r["forward"]["events"])
        out.push_back(std::to_string(e["day"].get<int>()) + " " + e["deal_id"].get<std::string>() + " " +
                      e["event"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("the generator is xoshiro256** seeded by splitmix64", "[simulate][random]") {
    // Reference values from an independent implementation of both algorithms.
    revdiag::sim_random zero(0);
    CHECK(zero.next() == 0x99ec5f36cb75f2b4ull);
    CHECK(zero.next() == 0xbf6e1f784956452aull);
    CHECK(zero.next() == 0x1a5f849d4933e6e0ull);
    revdiag::sim_random answer(42);
    CHECK(answer.next() == 0x15780b2e0c2ec716ull);
    CHECK(answer.next() == 0x6104d9866d113a7eull);
    CHECK(answer.next() == 0xae17533239e499a1ull);
    revdiag::sim_random r(7);
    for (int i = 0; i < 1000; ++i) {
        const double u = r.uniform();
        CHECK((u >= 0 && u < 1));
        CHECK(r.below(60) < 60u);
    }
    CHECK(revdiag::sim_random::threshold(0) == 0);
    CHECK(revdiag::sim_random::threshold(1) == (uint64_t{1} << 53));
    CHECK(revdiag::sim_random::threshold(0.5) == (uint64_t{1} << 52));
}

TEST_CASE("forward events of the hand-made export, nobody acting", "[simulate][forward]") {
    const json r = simulate_hand(json::object());
    // D3: activity 06-01, stale from 07-01; in re-engagement since 06-25, archive due from 07-09.
    // D2: proposal Fri 06-26, five weekdays later (Fri 07-03) follow-up due; +14 days re-engage
    //     due (07-10); +30 stale (07-26); close 08-15 passed from 08-16.
    // D4: close 07-05 passed from 07-06; activity 06-29, stale from 07-29.
    // D1: activity 06-10, stale from 07-10.
    const std::vector<std::string> expected = {
        "1 D3 stale",       "3 D2 follow_up_due", "6 D4 close_date_passed",
        "9 D3 archive_due", "10 D1 stale",        "10 D2 reengage_due",
        "26 D2 stale",      "29 D4 stale",        "47 D2 close_date_passed"};
    CHECK(events_of(r) == expected);
    const json& days = r["forward"]["days"];
    REQUIRE(days.size() == 61);
    CHECK(days[0]["real_total"] == 70000);  // D1 + D2 + D4; D3 waits in re-engagement
    CHECK(days[5]["real_total"] == 70000);
    CHECK(days[6]["real_total"] == 30000);   // D4's close date passed
    CHECK(days[10]["real_total"] == 20000);  // D1 stale
    CHECK(days[26]["real_total"] == 0);      // D2 stale
    CHECK(days[26]["states"]["stale"] == json({{"deals", 3}, {"amount", 35000}}));
    CHECK(days[60]["states"]["stale"] == json({{"deals", 4}, {"amount", 75000}}));
    CHECK(days[60]["open_deals"] == 4);
}

TEST_CASE("the enforced policy moves and archives the hand-made export's deals", "[simulate][forward]") {
    const json r = simulate_hand({{"policy", "enforced"}});
    // Enforcement runs from day 1. D3 is stale that day and leaves. D2 is moved to
    // re-engagement on 07-10 and, with no buyer activity since, archived 14 days later.
    const std::vector<std::string> expected = {
        "1 D3 stale",        "1 D3 archived",  "3 D2 follow_up_due", "6 D4 close_date_passed",
        "10 D1 stale",       "10 D1 archived", "10 D2 reengage_due", "10 D2 moved_to_holding",
        "24 D2 archive_due", "24 D2 archived", "29 D4 stale",        "29 D4 archived"};
    CHECK(events_of(r) == expected);
    const json& days = r["forward"]["days"];
    CHECK(days[0]["open_deals"] == 4);
    CHECK(days[1]["open_deals"] == 3);
    CHECK(days[10]["open_deals"] == 2);
    CHECK(days[10]["real_total"] == 0);  // D2 waits in re-engagement, D4 is past its close date
    CHECK(days[24]["open_deals"] == 1);
    CHECK(days[29]["open_deals"] == 0);
    CHECK(days[29]["open_total"] == 0);
    CHECK(days[10]["events"]["moved_to_holding"] == json({{"deals", 1}, {"amount", 20000}}));
}

TEST_CASE("a buyer who always responds keeps every deal fresh", "[simulate][forward]") {
    const json r = simulate_hand({{"response_rate", 1}});
    const json& days = r["forward"]["days"];
    for (size_t k = 1; k < days.size(); ++k) {
        INFO("day " << k);
        CHECK(days[k]["states"]["stale"]["deals"] == 0);
        CHECK(days[k]["states"]["follow_up_due"]["deals"] == 0);
        CHECK(days[k]["states"]["archive_due"]["deals"] == 0);
        CHECK(days[k]["events"]["responded"]["deals"] == 4);
    }
    // Only the close dates still pass: D4 on day 6, D2 on day 47.
    CHECK(days[6]["states"]["close_date_passed"]["deals"] == 1);
    CHECK(days[47]["states"]["close_date_passed"]["deals"] == 2);
}

TEST_CASE("history of the hand-made export, with its samples and the fallback", "[simulate][history]") {
    const json h = simulate_hand(json::object())["history"];
    CHECK(h["won"] == 2);
    CHECK(h["lost"] == 3);
    CHECK(h["win_rate"] == json({{"value", 0.4}, {"sample", 5}}));
    CHECK(h["average_won_amount"] == json({{"value", 10000}, {"sample", 2}}));
    // Cycles: D5 01-15 -> 03-10 = 54 days, D6 11-01 -> 02-20 = 111 days.
    CHECK(h["cycle_days"] == json({{"value", 82.5}, {"sample", 2}}));
    // 4 open deals x 0.4 x 10000 / 82.5 days.
    CHECK(h["sales_velocity_per_day"]["value"] == 193.94);
    CHECK(h["used"] == false);
    CHECK(h["fallback"].get<std::string>().find("below 30") != std::string::npos);
    CHECK(h["stages"].is_null());
}

TEST_CASE("archive calibration of the hand-made export", "[simulate][calibration]") {
    const json c = simulate_hand({{"set", {{"inactive_after_days", 45}}}})["calibration"];
    // Gaps from last activity to close: won 9 and 50 days, lost 60, 20 and 5 days.
    REQUIRE(c.is_object());
    CHECK(c["current_threshold"] == 45);
    CHECK(c["won"] == 2);
    CHECK(c["lost"] == 3);
    const json& points = c["points"];
    REQUIRE(points.size() == 84);
    auto at = [&](int t) { return points[static_cast<size_t>(t - 7)]; };
    CHECK(at(7)["threshold"] == 7);
    CHECK(at(7)["lost_archived"] == 2);
    CHECK(at(7)["days_saved"] == 53 + 13);
    CHECK(at(7)["won_archived"] == 2);
    CHECK(at(30)["lost_archived"] == 1);
    CHECK(at(30)["lost_archived_share"] == 0.3333);
    CHECK(at(30)["days_saved"] == 30);
    CHECK(at(30)["won_archived"] == 1);
    CHECK(at(50)["won_archived"] == 0);  // archived on the day it was won is not before
    CHECK(at(50)["lost_archived"] == 1);
    CHECK(at(60)["lost_archived"] == 0);
    CHECK(at(90)["won_archived_share"] == 0);
}

TEST_CASE("calibration is null with its reason when no closed deal can be replayed",
          "[simulate][calibration]") {
    const std::string csv = "Deal ID,Stage,Amount,Close Date\nA,Discovery,100,2026-07-01\n";
    const json r = revdiag::test::parse(revdiag::api::simulate(csv, R"({"as_of":"2026-06-30","trials":10})"));
    REQUIRE(r.value("ok", false));
    CHECK(r["calibration"].is_null());
    CHECK(r["calibration_reason"].get<std::string>().find("activity date") != std::string::npos);
}

TEST_CASE("stage history from Date entered columns, used only where 30 won and 30 lost allow",
          "[simulate][history]") {
    // tests/fixtures/simulate/stage_history.csv: 40 won deals entered Discovery, then
    // Proposal 10 days later; 20 lost deals entered Proposal 20 days after Discovery;
    // 15 lost deals never left Discovery.
    const json r = revdiag::test::parse(
        revdiag::api::simulate(revdiag::test::read_fixture("simulate/stage_history.csv"),
                               R"({"as_of":"2026-06-30","trials":100,"probabilities":"learned"})"));
    REQUIRE(r.value("ok", false));
    const json& h = r["history"];
    CHECK(h["used"] == true);
    CHECK(h["fallback"].is_null());
    json discovery, proposal;
    for (const json& s : h["stages"]) {
        if (s["stage"] == "discovery") discovery = s;
        if (s["stage"] == "proposal") proposal = s;
    }
    CHECK(discovery["reached"] == 75);
    CHECK(discovery["conversion"] == json({{"value", 0.8}, {"sample", 75}}));  // 60 of 75 went on
    CHECK(discovery["win_rate"] == json({{"value", 0.5333}, {"sample", 75}}));
    CHECK(discovery["days_in_stage"] == json({{"value", 13.3}, {"sample", 60}}));  // (40 x 10 + 20 x 20) / 60
    CHECK(discovery["used"] == true);
    CHECK(proposal["won"] == 40);
    CHECK(proposal["lost"] == 20);
    CHECK(proposal["used"] == false);  // 20 lost: below 30
    for (const json& s : r["forecast"]["probabilities"]["stages"]) {
        INFO(s.dump());
        if (s["stage"] == "discovery")
            CHECK(s == json({{"stage", "discovery"}, {"probability", 0.5333}, {"source", "learned"}}));
        else
            CHECK(s["source"] == "process");
    }
    CHECK(r["forecast"]["probabilities"]["fallback"].is_string());
}
