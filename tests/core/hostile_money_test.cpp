// Money never wraps: an implausible amount is reported with its line and left
// out, a column's cents stay within what adds up exactly, and the audit's sums
// of a table built without ingest stop at the int64 edge (UBSan-clean).
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

#include "revdiag/api.h"
#include "revdiag/audit.h"
#include "revdiag/ingest.h"
#include "revdiag/process.h"
#include "revdiag/report.h"
#include "revdiag/values.h"
#include "test_support.h"

using namespace revdiag;
using nlohmann::json;

namespace {
json audit_of(const std::string& csv) {
    return test::parse(api::audit(csv, R"({"as_of":"2026-04-01"})"));
}
bool has_warning(const json& envelope, const std::string& code, uint32_t line) {
    for (const auto& w : envelope["input"]["warnings"])
        if (w["code"] == code && w["at"].value("line", 0u) == line) return true;
    return false;
}
}  // namespace

TEST_CASE("an amount of 1e23 is refused with its line and the stated total stays exact", "[hostile][money]") {
    const json a = audit_of(test::read_fixture("hostile/amount_1e23_left_out.csv"));
    REQUIRE(a["ok"] == true);
    CHECK(a["summary"]["stated_total"] == 500);
    CHECK(a["summary"]["real_total"].get<double>() >= 0);
    CHECK(has_warning(a, "value.implausible_amount", 2));
    CHECK(has_warning(a, "value.implausible_amount", 3));
}

TEST_CASE("a money column adds up to at most 2^53 cents, the rest is reported", "[hostile][money]") {
    const json a = audit_of(test::read_fixture("hostile/amount_column_total_bounded.csv"));
    REQUIRE(a["ok"] == true);
    // Nine deals of 9.9 trillion: exact, and below 2^53 cents.
    CHECK(a["summary"]["stated_total"] == json(int64_t{89100000000000}));
    CHECK(has_warning(a, "value.amount_total_too_large", 11));
}

TEST_CASE("amounts at the bound are read, one cent past it is not", "[hostile][money]") {
    const auto r = read_deals("Deal Name,Amount\nA,10000000000000\nB,-10000000000000\nC,10000000000000.01\n");
    REQUIRE(r.has_value());
    const column* amount = r->table.find("amount");
    CHECK(amount->number[0] == max_money_amount);
    CHECK(amount->number[1] == -max_money_amount);
    CHECK(amount->is_missing(2));
}

TEST_CASE("a Close export in cents is bounded after dividing", "[hostile][money]") {
    // Close's `value` column holds cents: 1e15 cents are 1e13, the bound itself.
    const auto r = read_deals(
        "id,lead_name,status_type,status_label,value,value_currency,user_name\n"
        "oppo_1,A,active,Demo,1000000000000000,USD,Jane\noppo_2,B,active,Demo,1000000000000100,USD,Jane\n");
    REQUIRE(r.has_value());
    const column* amount = r->table.find("amount");
    REQUIRE(amount != nullptr);
    CHECK(amount->number[0] == max_money_amount);
    CHECK(amount->is_missing(1));
}

TEST_CASE("audit sums of a table not built by ingest never overflow", "[hostile][money]") {
    deal_table t;
    column stage, amount;
    stage.name = "stage";
    stage.type = field_type::text;
    stage.pool.push_back("Proposal");
    amount.name = "amount";
    amount.type = field_type::money;
    const size_t n = 10000;  // 10,000 x 1e15 cents passes int64's 9.2e18
    for (size_t i = 0; i < n; ++i) {
        stage.text.push_back(1);
        amount.number.push_back(i == 0 ? 1e23 : max_money_amount);
        t.line.push_back(static_cast<uint32_t>(i + 2));
    }
    t.columns.push_back(std::move(stage));
    t.columns.push_back(std::move(amount));
    const audit_report r = run_audit(t, default_process(), 20000);
    CHECK(r.deals.front().amount_missing);  // 1e23 is out of range: missing, not wrapped
    CHECK(r.stated_cents == std::numeric_limits<int64_t>::max());
    CHECK(r.stated_weighted_cents > 0);
}

TEST_CASE("the report's difference of a saturated audit stops at the int64 edge", "[hostile][money]") {
    // Real deals owing 10 trillion each drive the real total to int64's floor;
    // deals on hold (stated, never real) then drive the stated
    // total to its ceiling. real - stated would pass int64 (UBSan stops it).
    deal_table t;
    column stage, amount;
    stage.name = "stage";
    stage.type = field_type::text;
    stage.pool.push_back("Proposal");
    stage.pool.push_back("On Hold");
    amount.name = "amount";
    amount.type = field_type::money;
    const size_t n = 10000;
    for (size_t i = 0; i < 3 * n; ++i) {
        stage.text.push_back(i < n ? 1 : 2);
        amount.number.push_back(i < n ? -max_money_amount : max_money_amount);
        t.line.push_back(static_cast<uint32_t>(i + 2));
    }
    t.columns.push_back(std::move(stage));
    t.columns.push_back(std::move(amount));
    const process p = default_process();
    const audit_report r = run_audit(t, p, 20000);
    REQUIRE(r.real_cents == std::numeric_limits<int64_t>::min());
    REQUIRE(r.stated_cents == std::numeric_limits<int64_t>::max());
    const auto j = report_to_json(r, t, p, nlohmann::ordered_json::object(), deals_scope::none);
    CHECK(j["summary"]["difference"].get<double>() == -9.223372036854776e16);
    CHECK(j["summary"]["real_total"].get<double>() == -9.223372036854776e16);
    CHECK_FALSE(flagged_deals_csv(r, t, p).empty());
}
