#include "revdiag/report.h"

#include <catch2/catch.hpp>
#include <random>

#include "audit_test_table.h"
#include "revdiag/api.h"
#include "test_support.h"

using namespace revdiag;
using revdiag::test::deal_row;
using revdiag::test::healthy_deal;
using revdiag::test::make_table;

namespace {

const day_t as_of = *parse_iso_date("2026-06-30");

// RFC 4180 rows of a CSV text (the test's own reader, independent of ingest).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, in_quotes = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.push_back('"');
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                cell.push_back(c);
            }
        } else if (c == '"' && cell.empty() && !quoted) {
            in_quotes = quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
            quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            quoted = false;
            rows.emplace_back();
            ++i;
        } else {
            cell.push_back(c);
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

bool starts_with_trigger(const std::string& s) {
    if (s.empty()) return false;
    const char c = s.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
}

}  // namespace

TEST_CASE("money is written as whole units when whole and as cents otherwise", "[report]") {
    CHECK(money_to_json(4825000).dump() == "48250");
    CHECK(money_to_json(4825050).dump() == "48250.5");
    CHECK(money_to_json(12345).dump() == "123.45");
    CHECK(money_to_json(-7).dump() == "-0.07");
    CHECK(money_to_json(0).dump() == "0");
}

TEST_CASE("a CSV text cell starting with a formula trigger gets a leading quote and is quoted",
          "[report][csv]") {
    CHECK(csv_text_cell("=1+1") == "\"'=1+1\"");
    CHECK(csv_text_cell("+cmd") == "\"'+cmd\"");
    CHECK(csv_text_cell("-2") == "\"'-2\"");
    CHECK(csv_text_cell("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_text_cell("\tx") == "\"'\tx\"");
    CHECK(csv_text_cell("\rx") == "\"'\rx\"");
    CHECK(csv_text_cell(std::string("\0x", 2)) == std::string("\"'\0x\"", 5));
    CHECK(csv_text_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_text_cell("a=1") == "a=1");
    CHECK(csv_text_cell("Acme, Inc") == "\"Acme, Inc\"");
    CHECK(csv_text_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_text_cell("plain") == "plain");
}

TEST_CASE("flagged CSV never exports a text cell starting with a trigger and keeps numbers unchanged",
          "[report][csv][property]") {
    // Property test: random hostile deal texts and random amounts, 40 rounds.
    std::mt19937_64 rng(20260630);  // only draws raw 64-bit words, identical on every standard library
    const std::string alphabet = std::string("=+-@\t\r\n\"',; aZ9|") + std::string(1, '\0');
    auto random_text = [&] {
        std::string s;
        const size_t n = rng() % 8;
        for (size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
        return s;
    };
    for (int round = 0; round < 40; ++round) {
        std::vector<deal_row> rows;
        std::vector<int64_t> cents;
        for (int i = 0; i < 12; ++i) {
            deal_row d = healthy_deal();
            d["deal_id"] = random_text();
            d["deal_name"] = random_text();
            d["account"] = random_text();
            d["owner"] = random_text();
            d["stage"] = rng() % 3 == 0 ? random_text() : "Negotiation";
            const int64_t c = static_cast<int64_t>(rng() % 2000001) - 1000000;
            cents.push_back(c);
            d["amount"] = std::to_string(static_cast<double>(c) / 100.0);
            d["close_date"] = "2026-06-01";  // every deal is flagged
            rows.push_back(d);
        }
        const deal_table t = make_table(rows);
        const audit_report r = run_audit(t, default_process(), as_of);
        const auto parsed = parse_csv(flagged_deals_csv(r, t, default_process()));
        REQUIRE(parsed.size() == rows.size() + 1);
        for (size_t i = 1; i < parsed.size(); ++i) {
            const auto& cells = parsed[i];
            REQUIRE(cells.size() == parsed[0].size());
            CHECK(cells[0] == std::to_string(i + 1));  // the CSV line, a number the engine wrote
            const double amount = std::strtod(cells[5].c_str(), nullptr);
            CHECK(std::llround(amount * 100) == cents[i - 1]);
            for (size_t c = 1; c < cells.size(); ++c) {
                if (c == 5) continue;
                INFO("row " << i << " column " << c << " '" << cells[c] << "'");
                CHECK_FALSE(starts_with_trigger(cells[c]));
            }
        }
    }
}

TEST_CASE("flagged CSV writes every neutralized cell quoted", "[report][csv]") {
    deal_row d = healthy_deal();
    d["deal_id"] = "=1+1";
    d["deal_name"] = "@SUM(A1)";
    d["account"] = "+cmd|' /C calc'!A0";
    d["owner"] = "-2";
    d["close_date"] = "2026-06-01";  // flagged: the close date has passed
    const deal_table t = make_table({d});
    const audit_report r = run_audit(t, default_process(), as_of);
    const std::string csv = flagged_deals_csv(r, t, default_process());
    const std::string row = csv.substr(csv.find("\r\n") + 2);
    CHECK(row.rfind("2,\"'=1+1\",\"'@SUM(A1)\",\"'+cmd|' /C calc'!A0\",\"'-2\",10000,", 0) == 0);
    // No cell of the file starts with a bare quote: each neutralized one is inside "…".
    CHECK(csv.find(",'") == std::string::npos);
}

TEST_CASE("the report lists all or flagged or no deals as asked", "[report]") {
    deal_row bad = healthy_deal();
    bad["owner"] = "";
    const deal_table t = make_table({healthy_deal(), bad});
    const audit_report r = run_audit(t, default_process(), as_of);
    const nlohmann::ordered_json input = nlohmann::ordered_json::object();
    CHECK(report_to_json(r, t, default_process(), input, deals_scope::all)["deals"].size() == 2);
    CHECK(report_to_json(r, t, default_process(), input, deals_scope::flagged)["deals"].size() == 1);
    CHECK(report_to_json(r, t, default_process(), input, deals_scope::none)["deals"].empty());
    const auto j = report_to_json(r, t, default_process(), input);
    CHECK(j["summary"]["flagged_deals"] == 1);
    CHECK(j["layers"][2]["id"] == "ownership");
    CHECK(j["owners"][0]["owner"].is_null());
}

TEST_CASE("api flagged csv wraps the same CSV as the report engine", "[report][api]") {
    const std::string csv = revdiag::test::read_fixture("golden/hostile_text_is_data.csv");
    const auto j = revdiag::test::parse(api::flagged_csv(csv, R"({"as_of":"2026-06-30"})"));
    REQUIRE(j["ok"] == true);
    CHECK(j["schema"] == "revdiag.flagged/1");
    const auto rows = parse_csv(j["csv"].get<std::string>());
    REQUIRE(rows.size() == 2);  // the header and the one flagged deal
    CHECK(rows[1][2] == "'-2+3");
    CHECK(rows[1][3] == "<img src=x onerror=alert(1)>");
}
