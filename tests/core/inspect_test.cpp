// api::inspect and `revdiag inspect`: the envelope, options, stage values, the
// typed preview, and the CLI's exit codes and formats.
#include <catch2/catch.hpp>

#include "revdiag/api.h"
#include "test_support.h"

using nlohmann::json;
using revdiag::test::parse;
using revdiag::test::run_cli;

TEST_CASE("inspect answers the reading of an export in a revdiag.inspect envelope", "[inspect][api]") {
    const json j = parse(revdiag::api::inspect(revdiag::test::read_fixture("real/hubspot-deals.csv"), ""));
    REQUIRE(j.is_object());
    CHECK(j["schema"] == "revdiag.inspect/1");
    CHECK(j["ok"] == true);
    CHECK(j["rows"] == 134);
    CHECK(j["encoding"] == "utf-8");
    CHECK(j["delimiter"] == ",");
    CHECK(j["line_ending"] == "crlf");
    CHECK(j["detected_crm"] == "hubspot");
    CHECK(j["mapping"]["amount"]["header"] == "Amount");
    CHECK(j["mapping"]["amount"]["column"] == 5);
    CHECK(j["mapping"]["amount"]["confidence"] == 1.0);
    CHECK(j["mapping"]["status"]["derived"] == "stage_names");
    CHECK(j["stage_values"][0] == json{{"value", "Qualified to Buy"}, {"count", 24}});
    CHECK(j["stage_values"].size() == 7);
    CHECK(j["extra_columns"][0] == json{{"name", "pipeline"}, {"header", "Pipeline"}, {"column", 4}});
    CHECK_FALSE(j.contains("preview"));
}

TEST_CASE("inspect with rows adds the first twenty typed rows", "[inspect][api]") {
    const json j = parse(revdiag::api::inspect(
        revdiag::test::read_fixture("real/maven-crm-sales-pipeline.csv"), R"({"rows":true})"));
    REQUIRE(j["ok"] == true);
    const json& p = j["preview"];
    CHECK(p["rows"].size() == 20);
    CHECK(p["columns"][0] == "deal_id");
    CHECK(p["rows"][0]["line"] == 2);
    const json first = p["rows"][0]["values"];
    CHECK(first[0] == "1C1I7A6R");
    CHECK(first[2] == 1054.0);
    CHECK(first[6] == "2016-10-20");
}

TEST_CASE("inspect applies map options and reports bad ones with a pointer", "[inspect][api]") {
    const std::string csv = "Deal Name,Amount,Deal Value\nAcme,100,5\n";
    const json remapped = parse(revdiag::api::inspect(csv, R"({"map":{"amount":"Deal Value"},"rows":true})"));
    REQUIRE(remapped["ok"] == true);
    CHECK(remapped["mapping"]["amount"]["header"] == "Deal Value");
    CHECK(remapped["preview"]["rows"][0]["values"][1] == 5.0);

    const json not_string = parse(revdiag::api::inspect(csv, R"({"map":{"amount":3}})"));
    CHECK(not_string["ok"] == false);
    CHECK(not_string["error"]["code"] == "options.type");
    CHECK(not_string["error"]["at"]["pointer"] == "/map/amount");

    const json bad_json = parse(revdiag::api::inspect(csv, "{\"map\":"));
    CHECK(bad_json["error"]["code"] == "options.json");

    const json unknown = parse(revdiag::api::inspect(csv, R"({"map":{"amount":"Revenue"}})"));
    CHECK(unknown["error"]["code"] == "mapping.unknown_header");
    CHECK(unknown["schema"] == "revdiag.inspect/1");
}

TEST_CASE("inspect answers a structural failure as an error envelope with its line", "[inspect][api]") {
    const json j = parse(revdiag::api::inspect("id,name\n1,\"open\n2,x\n", ""));
    CHECK(j["ok"] == false);
    CHECK(j["error"]["code"] == "csv.unterminated_quote");
    CHECK(j["error"]["at"]["line"] == 2);
    CHECK(j["error"]["at"]["column"] == 2);
}

TEST_CASE("revdiag inspect prints the reading as text or json", "[inspect][cli]") {
    const std::string file = "'" + revdiag::test::fixture_path("real/zoho-potentials.csv") + "'";
    const auto text = run_cli("inspect " + file);
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("CRM: zoho") != std::string::npos);
    CHECK(text.out.find("Potential Owner") != std::string::npos);

    const auto as_json = run_cli("inspect " + file + " --format json --rows --map owner=Type");
    CHECK(as_json.exit_code == 0);
    const json j = parse(as_json.out);
    REQUIRE(j.is_object());
    CHECK(j["mapping"]["owner"]["header"] == "Type");
    CHECK(j["preview"]["rows"].size() == 20);
    CHECK(as_json.out == revdiag::api::inspect(revdiag::test::read_fixture("real/zoho-potentials.csv"),
                                               R"({"map":{"owner":"Type"},"rows":true})") +
                             "\n");
}

TEST_CASE("revdiag inspect exits 1 on input errors and 2 on usage errors", "[inspect][cli]") {
    const std::string bad = "'" + revdiag::test::fixture_path("ingest/unterminated_quote_error.csv") + "'";
    const auto failed = run_cli("inspect " + bad + " --format json");
    CHECK(failed.exit_code == 1);
    CHECK(parse(failed.out)["error"]["code"] == "csv.unterminated_quote");
    const auto failed_text = run_cli("inspect " + bad, true);
    CHECK(failed_text.exit_code == 1);
    CHECK(failed_text.out.find("line 3") != std::string::npos);
    CHECK(run_cli("inspect /nonexistent/deals.csv").exit_code == 1);
    CHECK(run_cli("inspect").exit_code == 2);
    CHECK(run_cli("inspect " + bad + " --format xml").exit_code == 2);
    CHECK(run_cli("inspect " + bad + " --map amount").exit_code == 2);
}
