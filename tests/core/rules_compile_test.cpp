#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "revdiag/rules.h"
#include "test_support.h"

namespace fs = std::filesystem;
using revdiag::compile_rule;

namespace {

std::string strip_final_newline(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::vector<fs::path> fixtures_with(const std::string& folder, const std::string& extension) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(revdiag::test::fixture_path(folder)))
        if (entry.path().extension() == extension) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("rule fixtures compile or fail with the expected code and column", "[rules][compile][fixtures]") {
    const std::vector<fs::path> cases = fixtures_with("rules", ".rule");
    REQUIRE(cases.size() >= 30);
    for (const fs::path& path : cases) {
        const std::string rule = strip_final_newline(revdiag::test::read_file(path.string()));
        fs::path expected_path = path;
        expected_path.replace_extension(".expected.json");
        const nlohmann::json expected =
            revdiag::test::parse(revdiag::test::read_file(expected_path.string()));
        INFO(path.filename().string() << ": " << rule);
        REQUIRE(expected.is_object());
        const revdiag::result<revdiag::rule_program> p = compile_rule(rule);
        if (expected.value("ok", false)) {
            INFO((p ? std::string() : p.err().message));
            REQUIRE(p.has_value());
            CHECK(nlohmann::json(p->fields()) == expected["fields"]);
            CHECK(p->text() == rule);
            continue;
        }
        REQUIRE_FALSE(p.has_value());
        INFO(p.err().message);
        CHECK(p.err().code == expected["code"].get<std::string>());
        CHECK(p.err().at.source == "rule");
        CHECK(p.err().at.column == expected["column"].get<unsigned>());
        if (expected.contains("message")) CHECK(p.err().message == expected["message"].get<std::string>());
        if (expected.contains("message_contains"))
            CHECK(p.err().message.find(expected["message_contains"].get<std::string>()) != std::string::npos);
    }
}

TEST_CASE("a 10000 level nested expression is a too_deep error", "[rules][compile][depth]") {
    const int levels = 10000;
    const std::string parens = std::string(levels, '(') + "problem_confirmed" + std::string(levels, ')');
    std::string nots;
    for (int i = 0; i < levels; ++i) nots += "not ";
    nots += "problem_confirmed";
    std::string minus = std::string(levels, '-') + "amount > 0";
    std::string calls;
    for (int i = 0; i < levels; ++i) calls += "lower(";
    calls += "owner" + std::string(levels, ')') + " == \"x\"";
    for (const std::string& rule : {parens, nots, minus, calls}) {
        const revdiag::result<revdiag::rule_program> p = compile_rule(rule);
        REQUIRE_FALSE(p.has_value());
        CHECK(p.err().code == "rule.too_deep");
        CHECK(p.err().at.column > 60);
        CHECK(p.err().at.column < 400);
        CHECK(p.err().message.find("more than 64 levels") != std::string::npos);
    }
}

TEST_CASE("nesting up to 64 levels compiles and one more does not", "[rules][compile][depth]") {
    const auto nested = [](int n) {
        return std::string(static_cast<size_t>(n), '(') + "problem_confirmed" +
               std::string(static_cast<size_t>(n), ')');
    };
    CHECK(compile_rule(nested(64)).has_value());
    const revdiag::result<revdiag::rule_program> p = compile_rule(nested(65));
    REQUIRE_FALSE(p.has_value());
    CHECK(p.err().code == "rule.too_deep");
    CHECK(p.err().at.column == 65);
}

TEST_CASE("deeply right nested arithmetic is bounded by the value stack", "[rules][compile][depth]") {
    // Each level holds one pending operand: (1 + (1 + (… ))) at 64 levels still fits.
    std::string rule;
    for (int i = 0; i < 64; ++i) rule += "1 + (";
    rule += "1" + std::string(64, ')') + " == 65";
    CHECK(compile_rule(rule).has_value());
}

TEST_CASE("unknown names are accepted only when listed as extra fields", "[rules][compile]") {
    CHECK_FALSE(compile_rule("lead_source == \"Web\"").has_value());
    const revdiag::result<revdiag::rule_program> p = compile_rule("lead_source == \"Web\"", {"Lead_Source"});
    REQUIRE(p.has_value());
    CHECK(p->fields() == std::vector<std::string>{"Lead_Source"});
}

TEST_CASE("an unknown field error names the field", "[rules][compile]") {
    const revdiag::result<revdiag::rule_program> p = compile_rule("present(champion)");
    REQUIRE_FALSE(p.has_value());
    CHECK(p.err().code == "rule.unknown_field");
    CHECK(p.err().at.field == "champion");
    CHECK(p.err().at.column == 9);
}

TEST_CASE("every canonical field can be read by a rule", "[rules][compile]") {
    for (const revdiag::canonical_field& f : revdiag::canonical_fields()) {
        const std::string rule = "present(" + std::string(f.id) + ")";
        const revdiag::result<revdiag::rule_program> p = compile_rule(rule);
        INFO(rule);
        REQUIRE(p.has_value());
        CHECK(p->fields() == std::vector<std::string>{std::string(f.id)});
    }
}

TEST_CASE("a default rule program is empty", "[rules][compile]") {
    const revdiag::rule_program p;
    CHECK(p.fields().empty());
    CHECK(p.text().empty());
}
