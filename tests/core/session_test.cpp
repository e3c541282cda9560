#include <catch2/catch.hpp>

#include "revdiag/api.h"
#include "test_support.h"

using revdiag::api::session;
using revdiag::test::parse;
using revdiag::test::read_fixture;

namespace {

// Feeds the text in chunks of `chunk` bytes and finishes with no options.
void feed(session& s, const std::string& text, size_t chunk) {
    for (size_t at = 0; at < text.size(); at += chunk) {
        const auto progress = parse(s.push(std::string_view(text).substr(at, chunk)));
        REQUIRE(progress["ok"] == true);
    }
    REQUIRE(parse(s.finish(""))["ok"] == true);
}

const std::string as_of = R"({"as_of":"2026-06-30"})";

}  // namespace

TEST_CASE("a session audit equals api audit whatever the chunk size", "[session][audit]") {
    const std::string csv = read_fixture("real/hubspot-deals.csv");
    const std::string expected = revdiag::api::audit(csv, as_of);
    for (size_t chunk : {size_t{1}, size_t{7}, size_t{4096}, csv.size()}) {
        session s;
        feed(s, csv, chunk);
        CHECK(s.audit(as_of) == expected);
    }
}

TEST_CASE("a session re-audits with other options as a fresh audit would", "[session][audit]") {
    const std::string csv = read_fixture("golden/stale_inactivity_boundary.csv");
    session s;
    feed(s, csv, 64);
    CHECK(s.audit(as_of) == revdiag::api::audit(csv, as_of));
    auto designed = parse(revdiag::api::process_default())["process"];
    designed["thresholds"]["inactive_after_days"] = 31;
    const std::string stricter = nlohmann::json{{"as_of", "2026-06-30"}, {"process", designed}}.dump();
    const std::string again = s.audit(stricter);
    CHECK(again == revdiag::api::audit(csv, stricter));
    CHECK(parse(again)["layers"][4]["deals_failing"] == 1);
    const std::string later = R"({"as_of":"2026-07-02","map":{"owner":"Account"}})";
    CHECK(s.audit(later) == revdiag::api::audit(csv, later));
    CHECK(s.audit(as_of) == revdiag::api::audit(csv, R"({"as_of":"2026-06-30","map":{"owner":"Account"}})"));
}

TEST_CASE("session deals serves filtered and sorted windows of the last audit", "[session][deals]") {
    session s;
    feed(s, read_fixture("golden/owner_findings.csv"), 100);
    REQUIRE(parse(s.audit(as_of))["ok"] == true);
    const auto all = parse(s.deals(""));
    CHECK(all["total"] == 10);
    CHECK(all["deals"][0]["row"] == 2);
    const auto shared = parse(s.deals(R"({"filter":{"code":"OWNER_SHARED"}})"));
    CHECK(shared["total"] == 3);
    const auto owners = parse(s.deals(
        R"({"filter":{"layer":"ownership"},"sort":{"key":"owner","desc":true},"offset":1,"limit":2})"));
    CHECK(owners["total"] == 9);
    REQUIRE(owners["deals"].size() == 2);
    CHECK(owners["deals"][0]["owner"] == "Inbound Queue");  // byte order, descending, after "sales@..."
    CHECK(owners["deals"][1]["owner"] == "EMEA Sales Team");
    const auto text = parse(s.deals(R"({"filter":{"text":"MAILBOX"}})"));
    CHECK(text["total"] == 1);
    const auto none = parse(s.deals(R"({"filter":{"stage":"proposal"}})"));
    CHECK(none["total"] == 0);
    const auto bad = parse(s.deals(R"({"sort":{"key":"colour"}})"));
    CHECK(bad["error"]["code"] == "query.sort_key");
    CHECK(parse(s.deals(R"({"filter":{"size":"big"}})"))["error"]["at"]["pointer"] == "/filter/size");
}

TEST_CASE("session flagged csv is the last audit's flagged deals", "[session][csv]") {
    const std::string csv = read_fixture("golden/hostile_text_is_data.csv");
    session s;
    feed(s, csv, 33);
    CHECK(parse(s.flagged_csv())["error"]["code"] == "session.state");
    REQUIRE(parse(s.audit(as_of))["ok"] == true);
    CHECK(s.flagged_csv() == revdiag::api::flagged_csv(csv, as_of));
}

TEST_CASE("a session answers calls out of order with an envelope", "[session][error]") {
    session s;
    CHECK(parse(s.audit(as_of))["error"]["code"] == "session.state");
    CHECK(parse(s.deals(""))["error"]["code"] == "session.state");
    feed(s, read_fixture("golden/owner_findings.csv"), 1000);
    CHECK(parse(s.push("more"))["error"]["code"] == "session.state");
    CHECK(parse(s.audit(R"({"sample":"saas_midmarket"})"))["error"]["code"] == "options.sample");
    const auto bad_process = parse(s.audit(R"({"process":{"schema":"revdiag.process/1","stages":"none"}})"));
    CHECK(bad_process["ok"] == false);
    CHECK(bad_process["error"]["at"]["pointer"].get<std::string>().rfind("/process", 0) == 0);
    session limited(R"({"max_bytes":10})");
    CHECK(parse(limited.push("Deal Name,Amount\nA,1\nB,2\n"))["ok"] == false);
    session wrong(R"({"max_rows":10})");
    CHECK(parse(wrong.push("x"))["error"]["code"] == "options.unknown_key");
}

TEST_CASE("action_deals bounds the deals each owner action lists, not its count", "[session][audit]") {
    const std::string csv = revdiag::api::sample(R"({"crm":"salesforce","deals":400,"seed":3})");
    const auto sample = parse(csv);
    REQUIRE(sample["ok"] == true);
    const std::string text = sample["csv"];
    session s;
    feed(s, text, 1 << 16);
    const auto full = parse(s.audit(R"({"as_of":"2026-06-30","deals":"none"})"));
    const auto short_lists = parse(s.audit(R"({"as_of":"2026-06-30","deals":"none","action_deals":2})"));
    REQUIRE(full["ok"] == true);
    REQUIRE(short_lists["ok"] == true);
    REQUIRE(full["owners"].size() == short_lists["owners"].size());
    size_t longer = 0;
    for (size_t o = 0; o < full["owners"].size(); ++o)
        for (size_t a = 0; a < full["owners"][o]["actions"].size(); ++a) {
            const auto& f = full["owners"][o]["actions"][a];
            const auto& c = short_lists["owners"][o]["actions"][a];
            CHECK(c["count"] == f["count"]);
            CHECK(c["deals"].size() == std::min<size_t>(2, f["deals"].size()));
            if (f["deals"].size() > 2) ++longer;
            for (size_t k = 0; k < c["deals"].size(); ++k) CHECK(c["deals"][k] == f["deals"][k]);
        }
    CHECK(longer > 0);
    const auto bad = parse(s.audit(R"({"action_deals":-1})"));
    CHECK(bad["ok"] == false);
    CHECK(bad["error"]["at"]["pointer"] == "/action_deals");
}
