// Ingest against one fixture per case (tests/fixtures/ingest/<case>.csv with
// <case>.expected.json: rows, lines, mapping, typed values, warnings or error),
// plus re-finishing a reader with other options.
#include "revdiag/ingest.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>

#include "ingest/ingest_json.h"
#include "test_support.h"

using namespace revdiag;
using nlohmann::json;

namespace {
bool same_value(const json& got, const json& want) {
    if (got.is_number() && want.is_number()) return std::fabs(got.get<double>() - want.get<double>()) < 1e-9;
    return got == want;
}

void check_case(const std::string& name, const std::string& bytes, const json& expected) {
    INFO("fixture " << name);
    ingest_options options;
    if (expected.contains("options"))
        for (const auto& [field, header] : expected["options"]["map"].items())
            options.map.emplace_back(field, header.get<std::string>());
    const auto read = read_deals(bytes, options);
    if (expected.contains("error")) {
        REQUIRE_FALSE(read.has_value());
        CHECK(read.err().code == expected["error"]["code"].get<std::string>());
        CHECK(read.err().at.line == expected["error"]["line"].get<uint32_t>());
        CHECK(read.err().at.column == expected["error"]["column"].get<uint32_t>());
        return;
    }
    REQUIRE(read.has_value());
    const ingest_result& r = read.value();
    const json summary = json::parse(ingest_to_json(r).dump());
    CHECK(r.rows == expected["rows"].get<size_t>());
    if (expected.contains("lines")) CHECK(json(r.table.line) == expected["lines"]);
    if (expected.contains("crm")) CHECK(r.detected_crm == expected["crm"].get<std::string>());
    if (expected.contains("delimiter"))
        CHECK(std::string(1, r.delimiter) == expected["delimiter"].get<std::string>());
    if (expected.contains("mapping"))
        for (const auto& [field, header] : expected["mapping"].items()) {
            INFO("field " << field);
            REQUIRE(summary["mapping"].contains(field));
            CHECK(summary["mapping"][field]["header"] == header);
        }
    if (expected.contains("missing_includes"))
        for (const auto& f : expected["missing_includes"])
            CHECK(std::find(r.missing_fields.begin(), r.missing_fields.end(), f.get<std::string>()) !=
                  r.missing_fields.end());
    if (expected.contains("extra_columns")) {
        json names = json::array();
        for (const auto& c : summary["extra_columns"]) names.push_back(c["name"]);
        CHECK(names == expected["extra_columns"]);
    }
    if (expected.contains("values"))
        for (const auto& [column_name, want] : expected["values"].items()) {
            INFO("column " << column_name);
            const column* c = r.table.find(column_name);
            REQUIRE(c != nullptr);
            for (size_t row = 0; row < want.size(); ++row) {
                INFO("row " << row);
                const json got = json::parse(cell_to_json(*c, row).dump());
                CHECK(same_value(got, want[row]));
            }
        }
    if (expected.contains("warnings")) {
        json got = json::array();
        for (const auto& w : r.warnings)
            got.push_back({{"code", w.code}, {"line", w.at.line}, {"column", w.at.column}});
        CHECK(got == expected["warnings"]);
    }
    if (expected.contains("warning_counts")) {
        std::map<std::string, size_t> counts;
        for (const auto& w : r.warnings) ++counts[w.code];
        for (const auto& [code, n] : expected["warning_counts"].items())
            CHECK(counts[code] == n.get<size_t>());
    }
}
}  // namespace

TEST_CASE("ingest reads every fixture as its expected rows values warnings or error", "[ingest][fixtures]") {
    size_t cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::fixture_path("ingest"))) {
        if (entry.path().extension() != ".csv") continue;
        const std::string stem = entry.path().stem().string();
        const json expected = test::parse(test::read_fixture("ingest/" + stem + ".expected.json"));
        REQUIRE(expected.is_object());
        check_case(stem, test::read_file(entry.path().string()), expected);
        ++cases;
    }
    CHECK(cases >= 20);
}

TEST_CASE("a deal reader finishes again with other mapping options without re-reading", "[ingest]") {
    deal_reader reader;
    REQUIRE(reader.push("Deal Name,Amount,Deal Value\nAcme,100,5\n"));
    const auto first = reader.finish({});
    REQUIRE(first.has_value());
    CHECK(first->table.find("amount")->number[0] == 100);
    ingest_options remap;
    remap.map = {{"amount", "Deal Value"}};
    const auto second = reader.finish(remap);
    REQUIRE(second.has_value());
    CHECK(second->table.find("amount")->number[0] == 5);
    CHECK(second->table.find("amount_2")->text_at(0) == "100");
}

TEST_CASE("value warnings name the line column header and raw text", "[ingest][warnings]") {
    const auto r =
        read_deals("Deal Name,Stage,Amount,Owner,Close Date\nAcme,Proposal,12abc,Ann,2026-05-01\n");
    REQUIRE(r.has_value());
    REQUIRE(r->warnings.size() == 1);
    const warning& w = r->warnings[0];
    CHECK(w.code == "value.unparsed");
    CHECK(w.at.line == 2);
    CHECK(w.at.column == 3);
    CHECK(w.at.field == "Amount");
    CHECK(w.message.find("'12abc'") != std::string::npos);
    CHECK(std::isnan(r->table.find("amount")->number[0]));
}

TEST_CASE("utf-16 exports are converted before mapping", "[ingest][encoding]") {
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string("Deal Name\tAmount\tClose Date\r\nCaf")) {
        utf16.push_back(c);
        utf16.push_back('\0');
    }
    utf16 += std::string("\xE9\0", 2);
    for (const char c : std::string("\t1.200,50\t04.03.2026\r\n")) {
        utf16.push_back(c);
        utf16.push_back('\0');
    }
    const auto r = read_deals(utf16);
    REQUIRE(r.has_value());
    CHECK(r->encoding == "utf-16le");
    CHECK(r->delimiter == '\t');
    CHECK(r->table.find("deal_name")->text_at(0) == "Caf\xC3\xA9");
    CHECK(r->table.find("amount")->number[0] == Approx(1200.5));
    CHECK(format_iso_date(r->table.find("close_date")->date[0]) == "2026-03-04");
}
