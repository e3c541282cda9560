// The CSV reader against one fixture per edge case (tests/fixtures/csv/<case>.csv
// with <case>.expected.json beside it), plus limits and encodings.
#include "revdiag/csv.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

using nlohmann::json;
using revdiag::csv_reader;
using revdiag::reader_limits;

namespace {
json table_rows(const revdiag::csv_table& t) {
    json rows = json::array();
    for (size_t r = 0; r < t.rows(); ++r) {
        json row = json::array();
        for (size_t f = 0; f < t.fields(r); ++f) row.push_back(std::string(t.cell(r, f)));
        rows.push_back(row);
    }
    return rows;
}

void check_case(const std::string& name, const std::string& bytes, const json& expected) {
    INFO("fixture " << name);
    reader_limits limits;
    if (expected.contains("limits")) {
        const json& l = expected["limits"];
        if (l.contains("max_bytes")) limits.max_bytes = l["max_bytes"].get<size_t>();
        if (l.contains("max_field_bytes")) limits.max_field_bytes = l["max_field_bytes"].get<size_t>();
        if (l.contains("max_columns")) limits.max_columns = l["max_columns"].get<size_t>();
    }
    csv_reader reader(limits);
    auto pushed = reader.push(bytes);
    auto done = pushed ? reader.finish() : pushed;
    if (expected.contains("error")) {
        REQUIRE_FALSE(done.has_value());
        CHECK(done.err().code == expected["error"]["code"].get<std::string>());
        CHECK(done.err().at.line == expected["error"]["line"].get<uint32_t>());
        CHECK(done.err().at.column == expected["error"]["column"].get<uint32_t>());
        return;
    }
    REQUIRE(done.has_value());
    CHECK(table_rows(reader.table()) == expected["rows"]);
    if (expected.contains("lines")) CHECK(json(reader.table().row_line) == expected["lines"]);
    if (expected.contains("delimiter"))
        CHECK(std::string(1, reader.info().delimiter) == expected["delimiter"].get<std::string>());
    if (expected.contains("line_ending"))
        CHECK(reader.info().line_ending == expected["line_ending"].get<std::string>());
    if (expected.contains("encoding"))
        CHECK(reader.info().encoding == expected["encoding"].get<std::string>());
    if (expected.contains("warnings")) {
        json got = json::array();
        for (const auto& w : reader.warnings())
            got.push_back({{"code", w.code}, {"line", w.at.line}, {"column", w.at.column}});
        CHECK(got == expected["warnings"]);
    }
}
}  // namespace

TEST_CASE("csv reader reads every edge-case fixture as its expected rows or error", "[csv][fixtures]") {
    size_t cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(revdiag::test::fixture_path("csv"))) {
        if (entry.path().extension() != ".csv") continue;
        const std::string stem = entry.path().stem().string();
        const json expected =
            revdiag::test::parse(revdiag::test::read_fixture("csv/" + stem + ".expected.json"));
        REQUIRE(expected.is_object());
        check_case(stem, revdiag::test::read_file(entry.path().string()), expected);
        ++cases;
    }
    CHECK(cases >= 20);
}

TEST_CASE("csv reader reports a field longer than the limit with its line and field", "[csv][limits]") {
    reader_limits limits;
    limits.max_field_bytes = 8;
    csv_reader reader(limits);
    // Small inputs wait in the detection window, so the error may come from finish.
    auto r = reader.push("id,name\n1,short\n2,much too long a name\n");
    if (r) r = reader.finish();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.err().code == "csv.field_too_large");
    CHECK(r.err().at.line == 3);
    CHECK(r.err().at.column == 2);
}

TEST_CASE("csv reader stops at the column limit before reading the whole row", "[csv][limits]") {
    reader_limits limits;
    limits.max_columns = 3;
    csv_reader reader(limits);
    auto r = reader.push("a,b,c\n1,2,3,4,5\n");
    if (r) r = reader.finish();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.err().code == "csv.too_many_columns");
    CHECK(r.err().at.line == 2);
}

TEST_CASE("csv reader refuses input past the byte limit on the push that crosses it", "[csv][limits]") {
    reader_limits limits;
    limits.max_bytes = 10;
    csv_reader reader(limits);
    CHECK(reader.push("id,name\n").has_value());
    const auto r = reader.push("1,Acme\n");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.err().code == "csv.too_large");
    CHECK_FALSE(reader.finish().has_value());
}

TEST_CASE("csv reader keeps reporting the first failure after it", "[csv][error]") {
    csv_reader reader;
    REQUIRE(reader.push("id\n\"open").has_value());
    const auto first = reader.finish();
    REQUIRE_FALSE(first.has_value());
    CHECK(first.err().code == "csv.unterminated_quote");
    CHECK(reader.finish().err().code == "csv.unterminated_quote");
    CHECK(reader.push("more").err().code == "csv.unterminated_quote");
}

TEST_CASE("csv reader caps repeated structural warnings and counts the rest", "[csv][warnings]") {
    std::string text = "id,name\n";
    for (int i = 0; i < 30; ++i) text += std::to_string(i) + ",5\" pipe\n";
    csv_reader reader;
    REQUIRE(reader.push(text).has_value());
    REQUIRE(reader.finish().has_value());
    size_t bare = 0;
    std::string summary;
    for (const auto& w : reader.warnings()) {
        if (w.code == "csv.bare_quote") ++bare;
        if (w.code == "warnings.truncated") summary = w.message;
    }
    CHECK(bare == 20);
    CHECK(summary.find("10 more") != std::string::npos);
}

TEST_CASE("utf-8 validation rejects overlongs surrogates and truncated sequences", "[csv][encoding]") {
    CHECK(revdiag::is_valid_utf8("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\x80"));
    CHECK_FALSE(revdiag::is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(revdiag::is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(revdiag::is_valid_utf8("\xE2\x82"));
    CHECK_FALSE(revdiag::is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK(revdiag::windows_1252_to_utf8("\x80\xE9\x9F") == "\xE2\x82\xAC\xC3\xA9\xC5\xB8");
}
