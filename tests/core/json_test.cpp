// The one JSON reader: its own error locations, and, through every api call
// that takes JSON, the pointer, line and column each input kind reports. The
// cases in fixtures/json/locations.json also run in wasm (tests/wasm/json.test.mjs).
#include <catch2/catch.hpp>
#include <string>

#include "json/envelope.h"
#include "json/object_reader.h"
#include "json/reader.h"
#include "revdiag/api.h"
#include "revdiag/diagnostic.h"
#include "test_support.h"

using revdiag::json_value;
using revdiag::read_json;
using revdiag::test::parse;

namespace {

const revdiag::json_source test_input{"test", "the test input"};

// The envelope an api call answers for one case of locations.json.
std::string answer_of(const nlohmann::json& c) {
    const auto text = [&](const char* key) { return c.value(key, std::string()); };
    const std::string call = text("call");
    if (call == "process_check") return revdiag::api::process_check(text("process"), "", text("options"));
    if (call == "audit") return revdiag::api::audit(text("csv"), text("options"));
    if (call == "inspect") return revdiag::api::inspect(text("csv"), text("options"));
    if (call == "sample") return revdiag::api::sample(text("options"));
    if (call == "diagnose") return revdiag::api::diagnose(text("answers"), text("options"));
    if (call == "snapshot") return revdiag::api::snapshot(text("answers"));
    if (call == "session") return revdiag::api::session(text("options")).push("x");
    if (call == "simulate") return revdiag::api::simulate(text("csv"), text("options"));
    if (call == "deals") {
        revdiag::api::session s;
        s.push(text("csv"));
        s.finish("");
        s.audit(R"({"as_of":"2026-06-30"})");
        return s.deals(text("query"));
    }
    return "unknown call " + call;
}

}  // namespace

TEST_CASE("every json input reports the code, pointer, line and column of its error", "[json][error]") {
    const nlohmann::json cases = parse(revdiag::test::read_fixture("json/locations.json"));
    REQUIRE(cases.is_array());
    REQUIRE(cases.size() >= 20);
    for (const nlohmann::json& c : cases) {
        const std::string answer = answer_of(c);
        INFO(c["name"].get<std::string>() << "\n" << answer);
        const nlohmann::json got = parse(answer);
        REQUIRE(got.is_object());
        REQUIRE(got["ok"] == false);
        const nlohmann::json& e = got["error"];
        CHECK(e["code"] == c["code"]);
        CHECK(e["at"]["source"] == c["source"]);
        CHECK(e["at"].value("pointer", std::string()) == c["pointer"]);
        CHECK(e["at"].value("line", 0) == c["line"]);
        CHECK(e["at"].value("column", 0) == c["column"]);
    }
}

TEST_CASE("json reader names the line and column of a syntax error in code points", "[json][error]") {
    const auto doc = read_json("{\"a\": 1,\n \"b\": tru}", test_input);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.err().code == "test.json");
    CHECK(doc.err().at.source == "test");
    CHECK(doc.err().at.line == 2);
    CHECK(doc.err().at.column == 7);
    CHECK(doc.err().message.find("the test input at line 2, column 7") != std::string::npos);
    // Three two-byte letters before the error: bytes would say column 15.
    const auto wide = read_json("{\"äöü\": [1,,2]}", test_input);
    REQUIRE_FALSE(wide.has_value());
    CHECK(wide.err().at.column == 12);
}

TEST_CASE("json reader skips a byte order mark without counting it", "[json]") {
    const auto doc = read_json("\xEF\xBB\xBF{\"a\":}", test_input);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.err().at.line == 1);
    CHECK(doc.err().at.column == 6);
}

TEST_CASE("json reader refuses a duplicate key with its escaped pointer", "[json][error]") {
    const auto doc = read_json("{\"x\": {\"a/b\": 1,\n  \"a/b\": 2}}", test_input);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.err().code == "test.duplicate_key");
    CHECK(doc.err().at.pointer == "/x/a~1b");
    CHECK(doc.err().at.line == 2);
    CHECK(doc.err().at.column == 3);
    // Past the linear scan, large objects use an index: still caught.
    std::string big = "{";
    for (int i = 0; i < 100; ++i) big += "\"k" + std::to_string(i) + "\": 1, ";
    big += "\"k7\": 2}";
    const auto large = read_json(big, test_input);
    REQUIRE_FALSE(large.has_value());
    CHECK(large.err().code == "test.duplicate_key");
    CHECK(large.err().at.pointer == "/k7");
}

TEST_CASE("json reader bounds the depth with one limit and never recurses past it", "[json][error][depth]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto doc = read_json(deep, test_input);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.err().code == "test.too_deep");
    CHECK(doc.err().at.column == static_cast<uint32_t>(revdiag::max_json_depth) + 1);
    std::string at_limit =
        std::string(revdiag::max_json_depth, '[') + std::string(revdiag::max_json_depth, ']');
    CHECK(read_json(at_limit, test_input).has_value());
}

TEST_CASE("json reader keeps the position of every value and key", "[json]") {
    const auto doc = read_json("{\n  \"stages\": [\n    {\"id\": \"é\", \"n\": 2.5}\n  ]\n}", test_input);
    REQUIRE(doc.has_value());
    const json_value* stages = doc->find("stages");
    REQUIRE(stages);
    CHECK(stages->line == 2);
    CHECK(stages->column == 13);
    const json_value& first = stages->items.at(0);
    CHECK(first.line == 3);
    CHECK(first.column == 5);
    const json_value* n = first.find("n");
    REQUIRE(n);
    CHECK(n->column == 22);
    CHECK_FALSE(n->integral);
    CHECK(first.members.at(1).column == 17);
}

TEST_CASE("an object that must be an object says so at line 1", "[json][error]") {
    const auto doc = revdiag::read_json_object("  [1]", test_input);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.err().code == "test.type");
    CHECK(doc.err().at.column == 3);
    const auto blank = revdiag::read_json_object(" \n ", test_input);
    REQUIRE(blank.has_value());
    CHECK(blank->is_object());
}

TEST_CASE("the object reader refuses unknown keys with a hint and an escaped pointer", "[json][error]") {
    const auto doc = read_json("{\"inner\": {\"stagse\": 1, \"~x\": 2}}", test_input);
    REQUIRE(doc.has_value());
    const revdiag::json_object_reader inner(*doc->find("inner"), test_input, "/inner");
    const auto typo = inner.unknown_keys({"stages", "~x"}, "the inner object");
    REQUIRE(typo);
    CHECK(typo->code == "test.unknown_key");
    CHECK(typo->at.pointer == "/inner/stagse");
    CHECK(typo->at.column == 12);
    CHECK(typo->message.find("did you mean stages?") != std::string::npos);
    const auto tilde = inner.unknown_keys({"stagse"}, "the inner object");
    REQUIRE(tilde);
    CHECK(tilde->at.pointer == "/inner/~0x");
    std::optional<revdiag::error> missing;
    CHECK(inner.required("id", "The inner object", missing) == nullptr);
    REQUIRE(missing);
    CHECK(missing->code == "test.missing");
    CHECK(missing->at.pointer == "/inner/id");
}

TEST_CASE("a question bank error names the bank's line and column", "[json][diagnostic][error]") {
    const auto bank = revdiag::load_question_bank(
        "{\"schema\": \"revdiag.questions/1\",\n\"bank\": \"x\", \"version\": 0}");
    REQUIRE_FALSE(bank.has_value());
    CHECK(bank.err().code == "bank.value");
    CHECK(bank.err().at.source == "bank");
    CHECK(bank.err().at.pointer == "/version");
    CHECK(bank.err().at.line == 2);
    CHECK(bank.err().at.column == 25);
}

TEST_CASE("a rule error carries the column inside the rule as well as the file's", "[json][process][error]") {
    // The escape before the rule's error moves the file column but not the rule column.
    const std::string text =
        "{\"schema\": \"revdiag.process/1\", \"stages\": [{\"id\": \"a\", \"name\": \"A\", \"probability\": "
        "0.1,\n"
        " \"criteria\": [{\"id\": \"A1\", \"rule\": \"contains(owner, \\\"x\\\") and \"}]}]}";
    const auto got = parse(revdiag::api::process_check(text, "", ""));
    REQUIRE(got["ok"] == false);
    const auto& at = got["error"]["at"];
    CHECK(got["error"]["code"] == "rule.syntax");
    CHECK(at["pointer"] == "/stages/0/criteria/0/rule");
    CHECK(at["line"] == 2);
    CHECK(at["rule_column"] == 26);
}

TEST_CASE("a hostile long key is cut short in messages but kept whole in the pointer", "[json][error]") {
    const std::string key(100000, 'k');
    const auto doc = read_json("{\"" + key + "\": 1, \"" + key + "\": 2}", test_input);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.err().message.size() < 200);
    CHECK(doc.err().at.pointer == "/" + key);
    const auto ok = read_json("{\"" + key + "\": 1}", test_input);
    REQUIRE(ok.has_value());
    const auto unknown = revdiag::json_object_reader(*ok, test_input, "").unknown_keys({"id"}, "the object");
    REQUIRE(unknown);
    CHECK(unknown->message.size() < 200);
}

TEST_CASE("whole numbers keep their exact 64-bit value", "[json]") {
    const auto doc =
        read_json("[9007199254740993, -9223372036854775808, 18446744073709551615, 1.0]", test_input);
    REQUIRE(doc.has_value());
    CHECK(revdiag::whole_number(doc->items[0], 0, INT64_MAX) == 9007199254740993);
    CHECK(revdiag::whole_number(doc->items[1], INT64_MIN, 0) == INT64_MIN);
    CHECK_FALSE(revdiag::whole_number(doc->items[2], 0, INT64_MAX));
    CHECK_FALSE(revdiag::whole_number(doc->items[3], 0, 10));
    CHECK(revdiag::whole_number(doc->items[3], 0, 10, false) == 1);
    CHECK(revdiag::dump_json(revdiag::to_ojson(*doc)) ==
          "[9007199254740993,-9223372036854775808,18446744073709551615,1.0]");
}
