#include "revdiag/audit.h"

#include <catch2/catch.hpp>

#include "audit_test_table.h"

using namespace revdiag;
using revdiag::test::deal_row;
using revdiag::test::healthy_deal;
using revdiag::test::make_table;

namespace {

const day_t as_of = *parse_iso_date("2026-06-30");  // a Tuesday

audit_report audit_rows(const std::vector<deal_row>& rows, day_t day = as_of, const audit_options& o = {}) {
    return run_audit(make_table(rows), default_process(), day, o);
}

std::vector<std::string> codes_of(const audit_report& r, const deal_audit& d) {
    std::vector<std::string> out;
    for (const finding& f : r.findings_of(d)) out.emplace_back(to_string(f.code));
    return out;
}

std::vector<std::string> codes(const std::vector<deal_row>& rows, day_t day = as_of) {
    const audit_report r = audit_rows(rows, day);
    REQUIRE(r.deals.size() == 1);
    return codes_of(r, r.deals[0]);
}

bool has(const std::vector<std::string>& list, const std::string& code) {
    for (const std::string& c : list)
        if (c == code) return true;
    return false;
}

std::string stage_id(int st) {
    return st >= 0 ? default_process().stages[static_cast<size_t>(st)].id : std::string("-");
}

std::string iso(day_t d) {
    return format_iso_date(d);
}

}  // namespace

TEST_CASE("a deal meeting every criterion is in the real pipeline at its recorded stage", "[audit]") {
    const audit_report r = audit_rows({healthy_deal()});
    REQUIRE(r.deals.size() == 1);
    CHECK(codes_of(r, r.deals[0]).empty());
    CHECK(stage_id(r.deals[0].real_stage) == "negotiation");
    CHECK(r.deals[0].in_real_pipeline);
    CHECK(r.stated_cents == 1000000);
    CHECK(r.real_cents == 1000000);
    CHECK(r.weakest_layer == -1);
}

TEST_CASE("an unmet criterion moves the real stage back and names the criterion", "[audit][exit_criteria]") {
    deal_row d = healthy_deal("Proposal");
    d["budget_confirmed"] = "false";
    const audit_report r = audit_rows({d});
    const deal_audit& a = r.deals[0];
    CHECK(stage_id(a.real_stage) == "discovery");
    REQUIRE(r.findings_of(a).size() == 1);
    CHECK(r.findings_of(a)[0].code == finding_code::exit_criteria_unmet);
    REQUIRE(r.criteria_of(r.findings_of(a)[0]).size() == 1);
    CHECK(r.criteria[r.criteria_of(r.findings_of(a)[0])[0]].id == "Q1");
    CHECK(r.real_cents == 1000000);
    CHECK(r.real_weighted_cents == 200000);
    CHECK(r.stated_weighted_cents == 600000);
}

TEST_CASE("a missing bool is unrecorded while a failed presence check is unmet", "[audit][exit_criteria]") {
    deal_row d = healthy_deal("Proposal");
    d["budget_confirmed"] = "";
    d["decision_maker"] = "";
    const audit_report r = audit_rows({d});
    const deal_audit& a = r.deals[0];
    REQUIRE(r.findings_of(a).size() == 2);
    CHECK(r.findings_of(a)[0].code == finding_code::exit_criteria_unmet);
    REQUIRE(r.criteria_of(r.findings_of(a)[0]).size() == 1);
    CHECK(r.criteria[r.criteria_of(r.findings_of(a)[0])[0]].id == "P1");
    CHECK(r.findings_of(a)[1].code == finding_code::exit_criteria_unrecorded);
    REQUIRE(r.criteria_of(r.findings_of(a)[1]).size() == 1);
    CHECK(r.criteria[r.criteria_of(r.findings_of(a)[1])[0]].id == "Q1");
    CHECK(stage_id(a.real_stage) == "discovery");
}

TEST_CASE("a comparison with a missing date is unrecorded", "[audit][exit_criteria]") {
    deal_row d = healthy_deal("Negotiation");
    d["last_buyer_response_date"] = "";
    d["last_follow_up_date"] = "2026-06-25";
    const audit_report r = audit_rows({d});
    CHECK(codes_of(r, r.deals[0]) == std::vector<std::string>{"EXIT_CRITERIA_UNRECORDED"});
    CHECK(stage_id(r.deals[0].real_stage) == "proposal");
    d["last_buyer_response_date"] = "2026-06-19";
    CHECK(codes({d}) == std::vector<std::string>{"EXIT_CRITERIA_UNMET"});
}

TEST_CASE("unmet and unrecorded criteria of one deal are reported apart", "[audit][exit_criteria]") {
    deal_row d = healthy_deal("Qualification");
    d["problem_confirmed"] = "false";
    d["budget_confirmed"] = "";
    const std::vector<std::string> c = codes({d});
    CHECK(c == std::vector<std::string>{"EXIT_CRITERIA_UNMET", "EXIT_CRITERIA_UNRECORDED"});
}

TEST_CASE("a deal failing the first stage criteria has no real stage and leaves the pipeline",
          "[audit][exit_criteria]") {
    deal_row d = healthy_deal("Discovery");
    d["last_buyer_activity_date"] = "";
    const audit_report r = audit_rows({d});
    CHECK(r.deals[0].real_stage == -1);
    CHECK_FALSE(r.deals[0].in_real_pipeline);
    CHECK(r.real_cents == 0);
    CHECK(r.not_pipeline_deals == 1);
}

TEST_CASE("a deal is never promoted beyond its recorded stage", "[audit][exit_criteria]") {
    const audit_report r = audit_rows({healthy_deal("Discovery")});
    CHECK(stage_id(r.deals[0].real_stage) == "discovery");
    CHECK(r.findings_of(r.deals[0]).empty());
}

TEST_CASE("an unknown stage fails the stages layer but is still placed by its criteria", "[audit][stages]") {
    deal_row d = healthy_deal("Verbal Commit");
    d["budget_confirmed"] = "false";
    const audit_report r = audit_rows({d});
    CHECK(codes_of(r, r.deals[0]) == std::vector<std::string>{"STAGE_UNKNOWN"});
    CHECK(stage_id(r.deals[0].real_stage) == "discovery");
    CHECK(r.deals[0].in_real_pipeline);
    CHECK(r.unknown_stage_deals == 1);
    CHECK(r.stated_weighted_cents == 0);
    CHECK(r.layers[0].deals_failing == 1);
    CHECK(r.layers[1].deals_failing == 0);
}

TEST_CASE("a stage map override places a recorded stage the process does not know", "[audit][stages]") {
    audit_options o;
    o.stage_map.emplace_back("verbal commit", "negotiation");
    const audit_report r = audit_rows({healthy_deal("Verbal Commit")}, as_of, o);
    CHECK(stage_id(r.deals[0].recorded_stage) == "negotiation");
    CHECK(r.findings_of(r.deals[0]).empty());
}

TEST_CASE("closed stages and won or lost status leave the pipeline", "[audit]") {
    deal_row won = healthy_deal("Closed Won");
    won["status"] = "open";
    deal_row lost = healthy_deal("Proposal");
    lost["status"] = "lost";
    const audit_report r = audit_rows({won, lost, healthy_deal()});
    CHECK(r.closed_deals == 2);
    CHECK(r.open_deals == 1);
}

TEST_CASE("owners are missing or multiple or shared or off the roster", "[audit][ownership]") {
    auto owner_codes = [](const std::string& owner) {
        deal_row d = healthy_deal();
        d["owner"] = owner;
        return codes({d});
    };
    CHECK(owner_codes("") == std::vector<std::string>{"OWNER_MISSING"});
    for (const char* several :
         {"Ann; Bob", "Ann / Bob", "Ann & Bob", "Ann, Bob", "Ann and Bob", "Ann AND Bob"})
        CHECK(owner_codes(several) == std::vector<std::string>{"OWNER_MULTIPLE"});
    for (const char* shared : {"Sales Team", "EMEA queue", "sales@acme.com", "Unassigned", "Shared Inbox"})
        CHECK(owner_codes(shared) == std::vector<std::string>{"OWNER_SHARED"});
    CHECK(owner_codes("Steamson Andrews").empty());
    CHECK(owner_codes("Sandra Anderson").empty());

    process p = default_process();
    p.limits.roster = {"Dana Smith", "Lee Park"};
    deal_row off = healthy_deal();
    off["owner"] = "Kim Roe";
    deal_row on = healthy_deal();
    on["owner"] = "dana  smith";
    const audit_report r = run_audit(make_table({off, on}), p, as_of);
    CHECK(codes_of(r, r.deals[0]) == std::vector<std::string>{"OWNER_NOT_IN_ROSTER"});
    CHECK(codes_of(r, r.deals[1]).empty());
}

TEST_CASE("follow-up is due after five business days without response at the boundary",
          "[audit][follow_up]") {
    // Proposal on Tuesday 2026-06-23; (Jun 23 - Jun 30] holds 5 weekdays.
    deal_row d = healthy_deal("Proposal");
    d["proposal_sent_date"] = "2026-06-23";
    d["last_buyer_response_date"] = "";
    CHECK(has(codes({d}), "FOLLOW_UP_OVERDUE"));
    CHECK_FALSE(has(codes({d}, as_of - 1), "FOLLOW_UP_OVERDUE"));  // 4 business days
    CHECK(has(codes({d}, as_of + 1), "FOLLOW_UP_OVERDUE"));        // 6 business days
}

TEST_CASE("business days skip the weekend when counting toward a follow-up", "[audit][follow_up]") {
    // Proposal on Friday 2026-06-19: Mon 22 .. Fri 26 are the five weekdays.
    deal_row d = healthy_deal("Proposal");
    d["proposal_sent_date"] = "2026-06-19";
    d["last_buyer_response_date"] = "";
    const day_t friday = *parse_iso_date("2026-06-26");
    CHECK(has(codes({d}, friday), "FOLLOW_UP_OVERDUE"));
    CHECK_FALSE(has(codes({d}, friday - 1), "FOLLOW_UP_OVERDUE"));
    // Saturday and Sunday add nothing: a Monday proposal has 4 weekdays by Sunday, 5 by Monday.
    d["proposal_sent_date"] = "2026-06-22";
    CHECK_FALSE(has(codes({d}, friday + 2), "FOLLOW_UP_OVERDUE"));
    CHECK(has(codes({d}, friday + 3), "FOLLOW_UP_OVERDUE"));
}

TEST_CASE("a response on the proposal day or a later follow-up clears the follow-up finding",
          "[audit][follow_up]") {
    deal_row d = healthy_deal("Proposal");
    d["proposal_sent_date"] = "2026-06-01";
    d["last_buyer_response_date"] = "2026-06-01";
    CHECK_FALSE(has(codes({d}), "FOLLOW_UP_OVERDUE"));
    d["last_buyer_response_date"] = "2026-05-31";
    d["last_follow_up_date"] = "2026-06-01";
    CHECK(has(codes({d}), "FOLLOW_UP_OVERDUE"));
    d["last_follow_up_date"] = "2026-06-02";
    CHECK_FALSE(has(codes({d}), "FOLLOW_UP_OVERDUE"));
}

TEST_CASE("re-engagement is due fourteen calendar days after an unanswered proposal", "[audit][follow_up]") {
    deal_row d = healthy_deal("Proposal");
    d["proposal_sent_date"] = iso(as_of - 14);
    d["last_buyer_response_date"] = "";
    d["last_follow_up_date"] = iso(as_of - 1);
    CHECK(codes({d}) == std::vector<std::string>{"REENGAGE_DUE"});
    d["proposal_sent_date"] = iso(as_of - 13);
    CHECK(codes({d}).empty());
    d["proposal_sent_date"] = iso(as_of - 15);
    CHECK(codes({d}) == std::vector<std::string>{"REENGAGE_DUE"});
}

TEST_CASE("follow-up is judged only in follow-up stages", "[audit][follow_up]") {
    deal_row d = healthy_deal("Qualification");
    d["proposal_sent_date"] = iso(as_of - 20);
    d["last_buyer_response_date"] = "";
    CHECK(codes({d}).empty());
}

TEST_CASE("a deal is stale at thirty days without buyer activity and not before", "[audit][archive]") {
    deal_row d = healthy_deal();
    d["last_buyer_activity_date"] = iso(as_of - 30);
    CHECK(codes({d}) == std::vector<std::string>{"STALE"});
    d["last_buyer_activity_date"] = iso(as_of - 29);
    CHECK(codes({d}).empty());
    d["last_buyer_activity_date"] = iso(as_of - 31);
    const audit_report r = audit_rows({d});
    CHECK(codes_of(r, r.deals[0]) == std::vector<std::string>{"STALE"});
    CHECK_FALSE(r.deals[0].in_real_pipeline);
    CHECK(r.real_cents == 0);
}

TEST_CASE("the created date is the archive reference when no buyer activity is recorded",
          "[audit][archive]") {
    deal_row d = healthy_deal("Proposal");
    d["last_buyer_activity_date"] = "";
    d["stage"] = "Engaged";
    d["created_date"] = iso(as_of - 30);
    // E1 needs buyer activity, so the deal is also out of the pipeline.
    CHECK(codes({d}) == std::vector<std::string>{"EXIT_CRITERIA_UNMET", "STALE"});
    d["created_date"] = "";
    CHECK(codes({d}) == std::vector<std::string>{"EXIT_CRITERIA_UNMET", "ACTIVITY_UNRECORDED"});
}

TEST_CASE("a snoozed deal is reported but stays in the real pipeline", "[audit][archive]") {
    deal_row d = healthy_deal();
    d["last_buyer_activity_date"] = iso(as_of - 40);
    d["snoozed_until"] = iso(as_of + 1);
    const audit_report r = audit_rows({d});
    CHECK(codes_of(r, r.deals[0]) == std::vector<std::string>{"SNOOZED"});
    CHECK(r.deals[0].in_real_pipeline);
    CHECK(r.layers[4].deals_failing == 0);
    d["snoozed_until"] = iso(as_of);
    CHECK(codes({d}) == std::vector<std::string>{"STALE"});
}

TEST_CASE("a holding-stage deal is archived after the re-engagement window without activity",
          "[audit][archive]") {
    deal_row d = healthy_deal("Re-engagement");
    d["last_buyer_activity_date"] = iso(as_of - 20);
    d["stage_entered_date"] = iso(as_of - 14);
    d["proposal_sent_date"] = iso(as_of - 40);
    d["last_buyer_response_date"] = "";
    const audit_report r = audit_rows({d});
    CHECK(codes_of(r, r.deals[0]) == std::vector<std::string>{"ARCHIVE_DUE"});
    CHECK(r.deals[0].real_stage == -1);
    CHECK_FALSE(r.deals[0].in_real_pipeline);
    CHECK(r.holding_deals == 1);
    d["stage_entered_date"] = iso(as_of - 13);
    CHECK(codes({d}).empty());
    d["stage_entered_date"] = iso(as_of - 15);
    d["last_buyer_activity_date"] = iso(as_of - 15);
    CHECK(codes({d}).empty());
}

TEST_CASE("a close date before the as-of date is flagged but the as-of day itself is not",
          "[audit][archive]") {
    deal_row d = healthy_deal();
    d["close_date"] = iso(as_of - 1);
    CHECK(codes({d}) == std::vector<std::string>{"CLOSE_DATE_PASSED"});
    d["close_date"] = iso(as_of);
    CHECK(codes({d}).empty());
}

TEST_CASE("layers count failing deals and their amounts and score against the stated total",
          "[audit][totals]") {
    deal_row a = healthy_deal();
    a["amount"] = "30000";
    a["owner"] = "";
    deal_row b = healthy_deal();
    b["amount"] = "10000";
    b["close_date"] = iso(as_of - 5);
    deal_row c = healthy_deal();
    c["amount"] = "60000";
    const audit_report r = audit_rows({a, b, c});
    CHECK(r.stated_cents == 10000000);
    CHECK(r.real_cents == 9000000);
    CHECK(r.layers[2].deals_failing == 1);
    CHECK(r.layers[2].amount_at_risk_cents == 3000000);
    CHECK(r.layers[2].score == 70);
    CHECK(r.layers[4].score == 90);
    CHECK(r.layers[0].score == 100);
    CHECK(r.weakest_layer == 2);
}

TEST_CASE("the weakest layer ties break on deal count and then on layer order", "[audit][totals]") {
    deal_row a = healthy_deal();
    a["owner"] = "";
    deal_row b = healthy_deal();
    b["close_date"] = iso(as_of - 5);
    CHECK(audit_rows({a, b}).weakest_layer == 2);  // equal amounts and counts: ownership comes first
    deal_row c = healthy_deal();
    c["amount"] = "0";
    c["close_date"] = iso(as_of - 5);
    CHECK(audit_rows({a, b, c}).weakest_layer == 4);  // equal amounts: more deals fail archive
}

TEST_CASE("missing amounts count zero and layers rank by deals when no amount is recorded",
          "[audit][totals]") {
    deal_row a = healthy_deal();
    a["amount"] = "";
    a["owner"] = "";
    deal_row b = healthy_deal();
    b["amount"] = "";
    b["close_date"] = iso(as_of - 5);
    deal_row c = healthy_deal();
    c["amount"] = "";
    c["close_date"] = iso(as_of - 5);
    const audit_report r = audit_rows({a, b, c});
    CHECK(r.missing_amount_deals == 3);
    CHECK_FALSE(r.amounts_recorded);
    CHECK(r.weakest_layer == 4);
    CHECK(r.layers[4].score == 33);
    CHECK(r.layers[2].score == 67);
    REQUIRE_FALSE(r.warnings.empty());
    CHECK(r.warnings[0].code == "audit.amount_missing");
}

TEST_CASE("stages compare stated and real counts and amounts", "[audit][totals]") {
    deal_row a = healthy_deal("Proposal");
    a["decision_maker"] = "";
    const audit_report r = audit_rows({a, healthy_deal("Proposal")});
    for (const stage_total& s : r.stages) {
        const std::string id = stage_id(s.stage);
        if (id == "proposal") {
            CHECK(s.stated_count == 2);
            CHECK(s.real_count == 1);
        } else if (id == "qualification") {
            CHECK(s.stated_count == 0);
            CHECK(s.real_count == 1);
            CHECK(s.real_cents == 1000000);
        }
    }
}

TEST_CASE("owner action lists group deals by action with the largest amounts first", "[audit][owners]") {
    deal_row a = healthy_deal();
    a["owner"] = "Ann";
    a["amount"] = "500";
    a["close_date"] = iso(as_of - 1);
    deal_row b = healthy_deal("Proposal");
    b["owner"] = "Bob";
    b["amount"] = "9000";
    b["budget_confirmed"] = "false";
    b["decision_date"] = "";
    deal_row c = healthy_deal();
    c["owner"] = "Ann";
    c["amount"] = "700";
    c["close_date"] = iso(as_of - 1);
    const audit_report r = audit_rows({a, b, c});
    REQUIRE(r.owners.size() == 2);
    CHECK(r.owners[0].owner == "Bob");
    REQUIRE(r.owners[0].actions.size() == 1);
    CHECK(r.owners[0].actions[0].action == "Move back to Discovery");
    CHECK(r.owners[0].actions[0].deals.size() == 1);
    CHECK(r.owners[1].owner == "Ann");
    REQUIRE(r.owners[1].actions.size() == 1);
    CHECK(r.owners[1].actions[0].deals == std::vector<size_t>{2, 0});
    CHECK(r.owners[1].amount_cents == 120000);
}
