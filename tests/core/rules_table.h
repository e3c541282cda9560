// A two-row deal table for the rule tests: row 0 records every field the tests
// read, row 1 records nothing. Built by hand because the rules must not depend
// on the CSV reader.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "revdiag/date.h"
#include "revdiag/deals.h"
#include "revdiag/rules.h"

namespace revdiag::test {

inline day_t day(const char* iso) {
    return *parse_iso_date(iso);
}

inline column text_column(const std::string& name, field_type type, const std::string& value) {
    column c;
    c.name = name;
    c.header = name;
    c.type = type;
    c.pool.push_back(value);
    c.text = {1, 0};
    return c;
}

inline column number_column(const std::string& name, field_type type, double value) {
    column c;
    c.name = name;
    c.header = name;
    c.type = type;
    c.number = {value, missing_number()};
    return c;
}

inline column date_column(const std::string& name, const char* iso) {
    column c;
    c.name = name;
    c.header = name;
    c.type = field_type::date;
    c.date = {day(iso), no_date};
    return c;
}

inline column flag_column(const std::string& name, int8_t value) {
    column c;
    c.name = name;
    c.header = name;
    c.type = field_type::boolean;
    c.flag = {value, -1};
    return c;
}

inline deal_table sample_table() {
    deal_table t;
    t.columns.push_back(number_column("amount", field_type::money, 48250));
    t.columns.push_back(number_column("probability", field_type::percent, 60));
    t.columns.push_back(text_column("owner", field_type::text, " Dana Lee "));
    t.columns.push_back(text_column("next_step", field_type::text, "Send DEMO recap"));
    t.columns.push_back(text_column("status", field_type::status, "open"));
    t.columns.push_back(flag_column("problem_confirmed", 1));
    t.columns.push_back(flag_column("budget_confirmed", 0));
    t.columns.push_back(date_column("proposal_sent_date", "2026-02-27"));  // a Friday
    t.columns.push_back(date_column("last_buyer_response_date", "2026-03-02"));
    t.columns.push_back(date_column("decision_date", "2026-03-20"));
    t.columns.push_back(text_column("lead_source", field_type::text, "Web"));
    t.line = {2, 3};
    return t;
}

/// The as-of date of the rule tests: Wednesday 2026-03-04.
inline day_t sample_as_of() {
    return day("2026-03-04");
}

/// Compile (failing the test on an error), bind to the sample table and evaluate one row.
inline outcome judge(const std::string& rule, size_t row = 0, const deal_table& table = sample_table()) {
    const result<rule_program> p = compile_rule(rule, {"lead_source"});
    INFO(rule << (p ? std::string() : " -> " + p.err().message));
    REQUIRE(p.has_value());
    return evaluate(bind_rule(*p, table), table, row, sample_as_of());
}

}  // namespace revdiag::test
