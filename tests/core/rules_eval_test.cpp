#include <catch2/catch.hpp>

#include "rules_table.h"

using revdiag::outcome;
using revdiag::test::judge;

TEST_CASE("rules compare numbers with every comparison operator", "[rules][eval]") {
    CHECK(judge("amount > 40000") == outcome::met);
    CHECK(judge("amount > 48250") == outcome::unmet);
    CHECK(judge("amount >= 48250") == outcome::met);
    CHECK(judge("amount < 48250") == outcome::unmet);
    CHECK(judge("amount <= 48250") == outcome::met);
    CHECK(judge("amount == 48250") == outcome::met);
    CHECK(judge("amount != 48250") == outcome::unmet);
    CHECK(judge("probability == 60") == outcome::met);
    CHECK(judge("probability >= 60.5") == outcome::unmet);
}

TEST_CASE("rules add and subtract numbers and negate them", "[rules][eval]") {
    CHECK(judge("amount + 750 == 49000") == outcome::met);
    CHECK(judge("amount - 250 == 48000") == outcome::met);
    CHECK(judge("-amount < 0") == outcome::met);
    CHECK(judge("- -amount == amount") == outcome::met);
    CHECK(judge("1 + 2 - 4 == -1") == outcome::met);
    CHECK(judge("0.5 + 0.25 == 0.75") == outcome::met);
}

TEST_CASE("rules do date arithmetic in days", "[rules][eval]") {
    CHECK(judge("last_buyer_response_date >= proposal_sent_date") == outcome::met);
    CHECK(judge("last_buyer_response_date < proposal_sent_date") == outcome::unmet);
    CHECK(judge("last_buyer_response_date - proposal_sent_date == 3") == outcome::met);
    CHECK(judge("proposal_sent_date + 3 == 2026-03-02") == outcome::met);
    CHECK(judge("3 + proposal_sent_date == 2026-03-02") == outcome::met);
    CHECK(judge("proposal_sent_date - 7 == 2026-02-20") == outcome::met);
    CHECK(judge("proposal_sent_date < 2026-03-01") == outcome::met);
    CHECK(judge("proposal_sent_date != 2026-02-27") == outcome::unmet);
}

TEST_CASE("rules count calendar days since and until the as-of date", "[rules][eval]") {
    CHECK(judge("days_since(proposal_sent_date) == 5") == outcome::met);
    CHECK(judge("days_until(decision_date) == 16") == outcome::met);
    CHECK(judge("days_since(decision_date) == -16") == outcome::met);
    CHECK(judge("days_since(2026-03-04) == 0") == outcome::met);
}

TEST_CASE("rules count business days Monday to Friday only", "[rules][eval]") {
    // Friday 2026-02-27 to Wednesday 2026-03-04: Monday, Tuesday, Wednesday.
    CHECK(judge("business_days_since(proposal_sent_date) == 3") == outcome::met);
    // Wednesday 2026-03-04 to Friday 2026-03-20 lies 12 weekdays ahead.
    CHECK(judge("business_days_since(decision_date) == -12") == outcome::met);
    CHECK(judge("business_days_since(2026-02-28) == 3") == outcome::met);
    CHECK(judge("business_days_since(2026-03-04) == 0") == outcome::met);
}

TEST_CASE("rules compare text exactly after trimming and lower folds case", "[rules][eval]") {
    CHECK(judge("owner == \"Dana Lee\"") == outcome::met);
    CHECK(judge("owner == \"dana lee\"") == outcome::unmet);
    CHECK(judge("lower(owner) == \"dana lee\"") == outcome::met);
    CHECK(judge("lower(owner) == \"Dana Lee\"") == outcome::unmet);
    CHECK(judge("lower(owner) == lower(\"DANA LEE\")") == outcome::met);
    CHECK(judge("owner != 'Sam'") == outcome::met);
    CHECK(judge("status == \"open\"") == outcome::met);
    CHECK(judge("'it\\'s' == \"it's\"") == outcome::met);
}

TEST_CASE("rules find text inside text with contains", "[rules][eval]") {
    CHECK(judge("contains(next_step, \"DEMO\")") == outcome::met);
    CHECK(judge("contains(next_step, \"demo\")") == outcome::unmet);
    CHECK(judge("contains(lower(next_step), \"demo\")") == outcome::met);
    CHECK(judge("contains(next_step, \"\")") == outcome::met);
    CHECK(judge("contains(\"ab\", \"abc\")") == outcome::unmet);
    CHECK(judge("contains(next_step, \"DEMO\")", 1) == outcome::unrecorded);
}

TEST_CASE("rules read a bare bool field as met only when recorded true", "[rules][eval]") {
    CHECK(judge("problem_confirmed") == outcome::met);
    CHECK(judge("budget_confirmed") == outcome::unmet);
    CHECK(judge("problem_confirmed", 1) == outcome::unrecorded);
    CHECK(judge("budget_confirmed == false") == outcome::met);
    CHECK(judge("budget_confirmed != problem_confirmed") == outcome::met);
    CHECK(judge("true") == outcome::met);
    CHECK(judge("false") == outcome::unmet);
}

TEST_CASE("present is met when a value is recorded and unmet when missing", "[rules][eval]") {
    CHECK(judge("present(owner)") == outcome::met);
    CHECK(judge("present(owner)", 1) == outcome::unmet);
    CHECK(judge("present(budget_confirmed)") == outcome::met);
    CHECK(judge("present(budget_confirmed)", 1) == outcome::unmet);
    CHECK(judge("present(decision_date)", 1) == outcome::unmet);
    CHECK(judge("present(amount)", 1) == outcome::unmet);
    CHECK(judge("present(days_since(decision_date))", 1) == outcome::unmet);
    CHECK(judge("present(lower(owner))") == outcome::met);
}

TEST_CASE("a comparison with a missing value is unrecorded rather than unmet", "[rules][eval][tristate]") {
    CHECK(judge("amount > 1", 1) == outcome::unrecorded);
    CHECK(judge("amount + 1 > 1", 1) == outcome::unrecorded);
    CHECK(judge("owner == \"x\"", 1) == outcome::unrecorded);
    CHECK(judge("owner != \"x\"", 1) == outcome::unrecorded);
    CHECK(judge("last_buyer_response_date >= proposal_sent_date", 1) == outcome::unrecorded);
    CHECK(judge("days_since(proposal_sent_date) > 3", 1) == outcome::unrecorded);
    CHECK(judge("business_days_since(proposal_sent_date) > 3", 1) == outcome::unrecorded);
    CHECK(judge("budget_confirmed == false", 1) == outcome::unrecorded);
    CHECK(judge("lower(owner) == \"x\"", 1) == outcome::unrecorded);
}

TEST_CASE("and or not follow three-valued logic", "[rules][eval][tristate]") {
    // budget_confirmed is unmet; amount > 1 on row 0 is met; snoozed_until is absent from the table.
    const std::string missing = "snoozed_until > 2026-01-01";
    CHECK(judge(missing) == outcome::unrecorded);
    CHECK(judge("budget_confirmed and " + missing) == outcome::unmet);
    CHECK(judge(missing + " and budget_confirmed") == outcome::unmet);
    CHECK(judge("problem_confirmed and " + missing) == outcome::unrecorded);
    CHECK(judge("problem_confirmed and amount > 1") == outcome::met);
    CHECK(judge("problem_confirmed or " + missing) == outcome::met);
    CHECK(judge(missing + " or problem_confirmed") == outcome::met);
    CHECK(judge("budget_confirmed or " + missing) == outcome::unrecorded);
    CHECK(judge("budget_confirmed or false") == outcome::unmet);
    CHECK(judge("not " + missing) == outcome::unrecorded);
    CHECK(judge("not budget_confirmed") == outcome::met);
    CHECK(judge("not problem_confirmed") == outcome::unmet);
}

TEST_CASE("rules bind precedence as not then and then or", "[rules][eval]") {
    CHECK(judge("not budget_confirmed and problem_confirmed") == outcome::met);
    CHECK(judge("not (budget_confirmed and problem_confirmed)") == outcome::met);
    CHECK(judge("problem_confirmed or budget_confirmed and false") == outcome::met);
    CHECK(judge("(problem_confirmed or budget_confirmed) and false") == outcome::unmet);
    CHECK(judge("1 + 2 == 3 and 10 - 4 - 3 == 3") == outcome::met);
}

TEST_CASE("rules read extra text columns named at compile time", "[rules][eval]") {
    CHECK(judge("lead_source == \"Web\"") == outcome::met);
    CHECK(judge("LEAD_SOURCE == \"Web\"") == outcome::met);
    CHECK(judge("present(lead_source)", 1) == outcome::unmet);
}

TEST_CASE("a field the table lacks reads as missing", "[rules][eval]") {
    CHECK(judge("present(snoozed_until)") == outcome::unmet);
    CHECK(judge("snoozed_until > 2026-01-01") == outcome::unrecorded);
    CHECK(judge("present(last_follow_up_date) or present(next_step)") == outcome::met);
}

TEST_CASE("a column typed unlike its field is not read", "[rules][eval]") {
    revdiag::deal_table t = revdiag::test::sample_table();
    // A close_date column that arrived as text must not be read as a date.
    t.columns.push_back(revdiag::test::text_column("close_date", revdiag::field_type::text, "2026-03-01"));
    CHECK(judge("present(close_date)", 0, t) == outcome::unmet);
}

TEST_CASE("a long flat chain evaluates without deep recursion", "[rules][eval]") {
    std::string rule = "budget_confirmed";
    for (int i = 0; i < 10000; ++i) rule += " or budget_confirmed";
    CHECK(judge(rule) == outcome::unmet);
    CHECK(judge(rule + " or problem_confirmed") == outcome::met);
    std::string sum = "0";
    for (int i = 0; i < 10000; ++i) sum += " + 1";
    CHECK(judge(sum + " == 10000") == outcome::met);
}

TEST_CASE("evaluating a default constructed rule is unrecorded", "[rules][eval]") {
    const revdiag::deal_table t = revdiag::test::sample_table();
    CHECK(revdiag::evaluate(revdiag::bound_rule{}, t, 0, revdiag::test::sample_as_of()) ==
          outcome::unrecorded);
    CHECK(revdiag::evaluate(revdiag::bind_rule(revdiag::rule_program{}, t), t, 0, 0) == outcome::unrecorded);
}

TEST_CASE("outcomes have stable names", "[rules]") {
    CHECK(revdiag::to_string(outcome::met) == "met");
    CHECK(revdiag::to_string(outcome::unmet) == "unmet");
    CHECK(revdiag::to_string(outcome::unrecorded) == "unrecorded");
}

TEST_CASE("missing_fields names what an unrecorded outcome waits for", "[rules][explain]") {
    const revdiag::deal_table t = revdiag::test::sample_table();
    const revdiag::result<revdiag::rule_program> p =
        revdiag::compile_rule("present(owner) and snoozed_until > decision_date and amount > 0");
    REQUIRE(p.has_value());
    const revdiag::bound_rule b = revdiag::bind_rule(*p, t);
    CHECK(revdiag::missing_fields(b, t, 0) == std::vector<std::string>{"snoozed_until"});
    CHECK(revdiag::missing_fields(b, t, 1) ==
          std::vector<std::string>{"owner", "snoozed_until", "decision_date", "amount"});
    CHECK(revdiag::missing_fields(revdiag::bound_rule{}, t, 0).empty());
}
