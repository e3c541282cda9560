// Runs the examples of docs/rules.md so the user documentation cannot go stale:
// every ```rule block compiles, every ```rule-error block fails with the
// message written under its expression.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "revdiag/rules.h"
#include "test_support.h"

namespace {

struct block {
    std::string kind;
    std::vector<std::string> lines;
};

std::vector<block> fenced_blocks(const std::string& markdown) {
    std::vector<block> out;
    bool inside = false;
    size_t start = 0;
    while (start < markdown.size()) {
        size_t end = markdown.find('\n', start);
        if (end == std::string::npos) end = markdown.size();
        const std::string line = markdown.substr(start, end - start);
        start = end + 1;
        if (!inside && line.rfind("```", 0) == 0 && line.size() > 3) {
            out.push_back({line.substr(3), {}});
            inside = true;
        } else if (inside && line == "```") {
            inside = false;
        } else if (inside) {
            out.back().lines.push_back(line);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("every rule example in docs rules.md compiles", "[rules][docs]") {
    const std::string doc = revdiag::test::read_file(std::string(REVDIAG_SOURCE_DIR) + "/docs/rules.md");
    int examples = 0;
    for (const block& b : fenced_blocks(doc)) {
        if (b.kind != "rule") continue;
        std::string text;
        for (const std::string& l : b.lines) text += (text.empty() ? "" : "\n") + l;
        const revdiag::result<revdiag::rule_program> p = revdiag::compile_rule(text);
        INFO(text << (p ? std::string() : "\n-> " + p.err().message));
        CHECK(p.has_value());
        ++examples;
    }
    CHECK(examples >= 8);
}

TEST_CASE("every error example in docs rules.md fails with the message shown", "[rules][docs]") {
    const std::string doc = revdiag::test::read_file(std::string(REVDIAG_SOURCE_DIR) + "/docs/rules.md");
    int examples = 0;
    for (const block& b : fenced_blocks(doc)) {
        if (b.kind != "rule-error") continue;
        REQUIRE(b.lines.size() == 2);
        const revdiag::result<revdiag::rule_program> p = revdiag::compile_rule(b.lines[0]);
        INFO(b.lines[0]);
        REQUIRE_FALSE(p.has_value());
        CHECK(p.err().code + ": " + p.err().message == b.lines[1]);
        ++examples;
    }
    CHECK(examples >= 5);
}
