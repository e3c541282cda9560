// Hostile exports (tests/fixtures/hostile/<case>.csv with <case>.expected.json:
// the error, or the rows, values and every warning with its line and column),
// each also read one byte at a time, which must give the same answer; plus the
// per-line caps on encoding and NUL warnings.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "ingest/ingest_json.h"
#include "revdiag/ingest.h"
#include "test_support.h"

using namespace revdiag;
using nlohmann::json;

namespace {
bool same_value(const json& got, const json& want) {
    if (got.is_number() && want.is_number()) return std::fabs(got.get<double>() - want.get<double>()) < 1e-6;
    return got == want;
}

std::string summary_of(const result<ingest_result>& r) {
    if (!r)
        return r.err().code + "@" + std::to_string(r.err().at.line) + ":" + std::to_string(r.err().at.column);
    return ingest_to_json(*r).dump();
}

void check_case(const std::string& name, const std::string& bytes, const json& expected) {
    INFO("fixture " << name);
    const auto read = read_deals(bytes);
    if (expected.contains("error")) {
        REQUIRE_FALSE(read.has_value());
        CHECK(read.err().code == expected["error"]["code"].get<std::string>());
        CHECK(read.err().at.line == expected["error"]["line"].get<uint32_t>());
        CHECK(read.err().at.column == expected["error"]["column"].get<uint32_t>());
    } else {
        REQUIRE(read.has_value());
        const ingest_result& r = *read;
        CHECK(r.rows == expected["rows"].get<size_t>());
        if (expected.contains("lines")) CHECK(json(r.table.line) == expected["lines"]);
        if (expected.contains("encoding")) CHECK(r.encoding == expected["encoding"].get<std::string>());
        const json values = expected.value("values", json::object());
        for (const auto& [column_name, want] : values.items()) {
            INFO("column " << column_name);
            const column* c = r.table.find(column_name);
            REQUIRE(c != nullptr);
            REQUIRE(r.table.rows() == want.size());
            for (size_t row = 0; row < want.size(); ++row) {
                INFO("row " << row);
                CHECK(same_value(json::parse(cell_to_json(*c, row).dump()), want[row]));
            }
        }
        json got = json::array();
        for (const auto& w : r.warnings)
            got.push_back({{"code", w.code}, {"line", w.at.line}, {"column", w.at.column}});
        CHECK(got == expected["warnings"]);
    }
    // Chunk boundaries never change the answer, even one byte at a time.
    deal_reader reader;
    bool pushed = true;
    for (size_t i = 0; i < bytes.size() && pushed; ++i) pushed = reader.push(bytes.substr(i, 1)).has_value();
    REQUIRE(pushed);
    CHECK(summary_of(reader.finish({})) == summary_of(read));
}
}  // namespace

TEST_CASE("hostile exports read as their expected rows and warnings or error, in any chunks",
          "[hostile][ingest]") {
    size_t cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::fixture_path("hostile"))) {
        if (entry.path().extension() != ".csv") continue;
        const std::string stem = entry.path().stem().string();
        const json expected = test::parse(test::read_fixture("hostile/" + stem + ".expected.json"));
        REQUIRE(expected.is_object());
        check_case(stem, test::read_file(entry.path().string()), expected);
        ++cases;
    }
    CHECK(cases >= 11);
}

TEST_CASE("invalid UTF-8 and NUL bytes are reported once per line, capped with a count",
          "[hostile][ingest]") {
    std::string csv = "Deal Name,Owner\nCaf\xC3\xA9,Ann\n";
    for (int i = 0; i < 30; ++i) csv += "Bad\xFF" + std::to_string(i) + ",A\xFE\xFFn\n";
    for (int i = 0; i < 25; ++i) csv += std::string("N\0ul", 4) + ",Bob\n";
    const auto r = read_deals(csv);
    REQUIRE(r.has_value());
    CHECK(r->rows == 56);
    size_t invalid = 0, nul = 0;
    std::vector<std::string> truncated;
    for (const warning& w : r->warnings) {
        invalid += w.code == "encoding.invalid_utf8";
        nul += w.code == "csv.nul_byte";
        if (w.code == "warnings.truncated") truncated.push_back(w.message);
    }
    CHECK(invalid == 20);
    CHECK(nul == 20);
    REQUIRE(truncated.size() == 2);
    CHECK(truncated[0].find("10 more encoding.invalid_utf8") == 0);
    CHECK(truncated[1].find("5 more csv.nul_byte") == 0);
    CHECK(r->table.find("deal_name")->text_at(1) ==
          "Bad\xEF\xBF\xBD"
          "0");
    CHECK(r->table.find("deal_name")->text_at(40) == "Nul");
}

TEST_CASE("rows with extra fields are left out and counted, however many", "[hostile][ingest]") {
    std::string csv = "Deal Name,Stage,Amount\n";
    for (int i = 0; i < 50; ++i) csv += "Acme, Inc.,Proposal,100\n";
    csv += "Beta,Proposal,7\n";
    const auto r = read_deals(csv);
    REQUIRE(r.has_value());
    CHECK(r->rows == 1);
    CHECK(r->excluded_rows == 50);
    CHECK(r->table.find("amount")->number[0] == 7);
    size_t listed = 0;
    for (const warning& w : r->warnings) listed += w.code == "csv.row_excluded";
    CHECK(listed == 20);
}
