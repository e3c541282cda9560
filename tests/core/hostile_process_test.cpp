// Process and rule limits: each bound refused under its own code with its
// pointer, quickly, whatever the size of the input; and the uniqueness checks
// still find a duplicate at the far end of a process at its limits.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "revdiag/api.h"
#include "revdiag/process.h"
#include "revdiag/rules.h"
#include "test_support.h"

using namespace revdiag;

namespace {
struct stage_spec {
    size_t aliases = 0;
    size_t criteria = 0;
};

// A process of `n` stages `s0`..; `edit` may change the text of stage i before it is closed.
template <typename Edit>
std::string process_json(size_t n, const stage_spec& spec, Edit edit) {
    std::string j = R"({"schema":"revdiag.process/1","stages":[)";
    for (size_t i = 0; i < n; ++i) {
        std::string s = R"({"id":"s)" + std::to_string(i) + R"(","name":"Stage )" + std::to_string(i) +
                        R"(","probability":0.5,"aliases":[)";
        for (size_t a = 0; a < spec.aliases; ++a)
            s +=
                (a ? "," : "") + std::string("\"alias ") + std::to_string(i) + "x" + std::to_string(a) + "\"";
        s += R"(],"criteria":[)";
        for (size_t c = 0; c < spec.criteria; ++c)
            s += (c ? "," : "") + std::string(R"({"id":"c)") + std::to_string(i) + "x" + std::to_string(c) +
                 "\",\"rule\":\"present(owner)\"}";
        s += "]";
        edit(i, s);
        j += (i ? "," : "") + s + "}";
    }
    return j + "]}";
}
std::string process_json(size_t n, const stage_spec& spec = {}) {
    return process_json(n, spec, [](size_t, std::string&) {});
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void check_error(const result<process>& p, const std::string& code, const std::string& pointer) {
    REQUIRE_FALSE(p.has_value());
    CHECK(p.err().code == code);
    CHECK(p.err().at.pointer == pointer);
    CHECK(p.err().at.line >= 1);
    CHECK(p.err().message.size() < 300);  // never the whole offending text
}
}  // namespace

TEST_CASE("a process of 100,000 stages is refused quickly with a limit error", "[hostile][process][limits]") {
    const std::string json = process_json(100000);
    const auto t0 = std::chrono::steady_clock::now();
    check_error(load_process(json), "process.too_many_stages", "/stages");
    const nlohmann::json checked = test::parse(api::process_check(json, "", ""));
    CHECK(checked["error"]["code"] == "process.too_many_stages");
    CHECK(seconds_since(t0) < 10);  // was minutes: a quadratic uniqueness check
}

TEST_CASE("a process at every limit loads, and a duplicate at its far end is found",
          "[hostile][process][limits]") {
    const stage_spec full{max_stage_aliases, max_stage_criteria};
    const auto t0 = std::chrono::steady_clock::now();
    const auto ok = load_process(process_json(max_process_stages, full));
    REQUIRE(ok.has_value());
    CHECK(ok->stages.size() == max_process_stages);
    const size_t last = max_process_stages - 1, last_alias = max_stage_aliases - 1;
    const auto dup_alias = load_process(process_json(max_process_stages, full, [&](size_t i, std::string& s) {
        if (i != last) return;
        const std::string mine = "\"alias " + std::to_string(i) + "x" + std::to_string(last_alias) + "\"";
        s.replace(s.find(mine), mine.size(), "\"ALIAS 0x0\"");
    }));
    check_error(dup_alias, "process.duplicate_id",
                "/stages/" + std::to_string(last) + "/aliases/" + std::to_string(last_alias));
    const auto dup_criterion =
        load_process(process_json(max_process_stages, full, [&](size_t i, std::string& s) {
            if (i != last) return;
            const std::string mine =
                "\"c" + std::to_string(i) + "x" + std::to_string(max_stage_criteria - 1) + "\"";
            s.replace(s.find(mine), mine.size(), "\"c0x0\"");
        }));
    check_error(
        dup_criterion, "process.duplicate_id",
        "/stages/" + std::to_string(last) + "/criteria/" + std::to_string(max_stage_criteria - 1) + "/id");
    CHECK(seconds_since(t0) < 10);
}

TEST_CASE("every collection and text of a process has a named limit", "[hostile][process][limits]") {
    check_error(load_process(process_json(3, {max_stage_aliases + 1, 0})), "process.too_many_aliases",
                "/stages/0/aliases");
    check_error(load_process(process_json(3, {0, max_stage_criteria + 1})), "process.too_many_criteria",
                "/stages/0/criteria");
    const std::string long_id(max_identifier_bytes + 1, 'x');
    check_error(load_process(process_json(3, {},
                                          [&](size_t i, std::string& s) {
                                              if (i == 1)
                                                  s.replace(s.find("\"s1\""), 4, "\"" + long_id + "\"");
                                          })),
                "process.identifier_too_long", "/stages/1/id");
    check_error(load_process(process_json(3, {1, 0},
                                          [&](size_t i, std::string& s) {
                                              if (i == 2)
                                                  s.replace(s.find("\"alias 2x0\""), 11,
                                                            "\"" + long_id + "\"");
                                          })),
                "process.identifier_too_long", "/stages/2/aliases/0");
    check_error(load_process(process_json(3, {},
                                          [&](size_t i, std::string& s) {
                                              if (i == 0)
                                                  s += R"(,"buyer_action":")" +
                                                       std::string(max_process_text_bytes + 1, 'b') + "\"";
                                          })),
                "process.text_too_long", "/stages/0/buyer_action");
    std::string roster;
    for (size_t k = 0; k <= max_threshold_values; ++k)
        roster += (k ? ",\"p" : "\"p") + std::to_string(k) + "\"";
    std::string with_roster = process_json(3);
    with_roster.insert(with_roster.size() - 1, R"(,"thresholds":{"roster":[)" + roster + "]}");
    check_error(load_process(with_roster), "process.too_many_values", "/thresholds/roster");
}

TEST_CASE("a rule past its length or with a 1 MiB name is refused quickly and not echoed",
          "[hostile][rules][limits]") {
    const std::string long_rule = "present(owner)" + std::string(max_rule_bytes, ' ');
    const auto too_long = compile_rule(long_rule);
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.err().code == "rule.too_long");
    const auto at_limit = compile_rule("present(owner)" + std::string(max_rule_bytes - 14, ' '));
    CHECK(at_limit.has_value());
    const std::string long_name = "a" + std::string(max_rule_name_bytes, 'b') + " == 1";
    const auto named = compile_rule(long_name);
    REQUIRE_FALSE(named.has_value());
    CHECK(named.err().code == "rule.name_too_long");
    CHECK(named.err().at.column == 1);
    // Through a process the rule's whole text is checked first, a megabyte or not.
    const auto t0 = std::chrono::steady_clock::now();
    const auto huge = load_process(process_json(2, {}, [](size_t i, std::string& s) {
        if (i == 1)
            s.replace(s.find(R"("criteria":[])"), 13,
                      R"("criteria":[{"id":"x","rule":")" + std::string(1 << 20, 'a') + R"("}])");
    }));
    check_error(huge, "rule.too_long", "/stages/1/criteria/0/rule");
    CHECK(seconds_since(t0) < 5);
}

TEST_CASE("a process text that is not UTF-8 is refused where it stands, so print and load agree",
          "[hostile][process][limits]") {
    // Found by fuzz_process: 80 bytes of 0xFF printed back as 240 bytes of U+FFFD.
    check_error(load_process(process_json(3, {},
                                          [](size_t i, std::string& s) {
                                              if (i == 2)
                                                  s.replace(s.find("\"s2\""), 4,
                                                            "\"park\xFF\xFF"
                                                            "ed\"");
                                          })),
                "process.encoding", "/stages/2/id");
    check_error(load_process(process_json(3, {1, 0},
                                          [](size_t i, std::string& s) {
                                              if (i == 1)
                                                  s.replace(s.find("\"alias 1x0\""), 11, "\"al\xC3\x28ias\"");
                                          })),
                "process.encoding", "/stages/1/aliases/0");
    const auto fine = load_process(process_json(3, {}, [](size_t i, std::string& s) {
        if (i == 0) s.replace(s.find("\"s0\""), 4, "\"caf\xC3\xA9\"");
    }));
    REQUIRE(fine.has_value());
    CHECK(load_process(to_json(*fine)).has_value());
}
