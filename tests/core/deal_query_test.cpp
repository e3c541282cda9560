// The deal query as a core function: read from JSON with a place on every
// error, then filter, sort and window the audited deals without a session.
#include <catch2/catch.hpp>

#include "audit_test_table.h"
#include "revdiag/report.h"

using namespace revdiag;
using revdiag::test::deal_row;
using revdiag::test::healthy_deal;
using revdiag::test::make_table;

namespace {

deal_row deal(const std::string& id, const std::string& owner, const std::string& amount) {
    deal_row d = healthy_deal();
    d["deal_id"] = id;
    d["deal_name"] = "Deal " + id;
    d["owner"] = owner;
    d["amount"] = amount;
    return d;
}

}  // namespace

TEST_CASE("a deal query filters, sorts stably and windows the audited deals", "[report][query]") {
    deal_row unowned = deal("D-3", "", "500");
    const deal_table t = make_table({deal("D-1", "Dana Smith", "3000"), deal("D-2", "Lee Chan", "9000"),
                                     unowned, deal("D-4", "Dana Smith", "9000")});
    const process& p = default_process();
    const audit_report r = run_audit(t, p, *parse_iso_date("2026-06-30"));

    auto ids = [&](const std::string& json) {
        const auto q = read_deal_query(json);
        REQUIRE(q.has_value());
        std::vector<std::string> out;
        for (size_t i : select_deals(r, t, p, *q))
            out.emplace_back(t.find("deal_id")->text_at(r.deals[i].row));
        return out;
    };
    CHECK(ids("{}") == std::vector<std::string>{"D-1", "D-2", "D-3", "D-4"});
    CHECK(ids(R"({"filter":{"owner":"Dana Smith"}})") == std::vector<std::string>{"D-1", "D-4"});
    CHECK(ids(R"({"filter":{"layer":"ownership"}})") == std::vector<std::string>{"D-3"});
    CHECK(ids(R"({"filter":{"text":"deal d-2"}})") == std::vector<std::string>{"D-2"});
    // Equal amounts keep row order, ascending and descending alike.
    CHECK(ids(R"({"sort":{"key":"amount","desc":true}})") ==
          std::vector<std::string>{"D-2", "D-4", "D-1", "D-3"});
    CHECK(ids(R"({"sort":{"key":"amount"}})") == std::vector<std::string>{"D-3", "D-1", "D-2", "D-4"});

    const auto window = deal_window_to_json(r, t, p, *read_deal_query(R"({"offset":1,"limit":2})"));
    CHECK(window["total"] == 4);
    REQUIRE(window["deals"].size() == 2);
    CHECK(window["deals"][0]["deal_id"] == "D-2");
    CHECK(read_deal_query(R"({"limit":1000000})")->limit == 10000);
}

TEST_CASE("a bad deal query is refused with the pointer, line and column of the value", "[report][query]") {
    const auto bad_key = read_deal_query("{\n  \"sort\": {\"key\": \"colour\"}\n}");
    REQUIRE_FALSE(bad_key.has_value());
    CHECK(bad_key.err().code == "query.sort_key");
    CHECK(bad_key.err().at.pointer == "/sort/key");
    CHECK(bad_key.err().at.line == 2);
    CHECK(bad_key.err().at.column == 19);
    const auto bad_filter = read_deal_query(R"({"filter":{"owner":7}})");
    REQUIRE_FALSE(bad_filter.has_value());
    CHECK(bad_filter.err().code == "query.type");
    CHECK(bad_filter.err().at.pointer == "/filter/owner");
    CHECK(read_deal_query(R"({"offset":-1})").err().at.pointer == "/offset");
    CHECK(read_deal_query(R"({"filter":{"size":"big"}})").err().code == "query.unknown_key");
    CHECK(read_deal_query("[").err().code == "query.json");
}
