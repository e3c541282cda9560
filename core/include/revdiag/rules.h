// The criteria rule language of DESIGN §2.3: compile an expression once (lex,
// parse, type-check), bind it to a deal table's columns, then evaluate it per
// deal with no parsing and no allocation. Outcomes are tri-state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/date.h"
#include "revdiag/deals.h"
#include "revdiag/error.h"

namespace revdiag {

/// met; unmet (the value is recorded and says no); unrecorded (a value the rule
/// needs is missing, so nobody wrote it down).
enum class outcome : uint8_t { unmet = 0, met = 1, unrecorded = 2 };
std::string_view to_string(outcome o);

/// A compiled, type-checked expression. Cheap to copy (shared immutable program).
class rule_program {
public:
    rule_program();
    /// The field names the expression reads, in order of first use.
    const std::vector<std::string>& fields() const;
    const std::string& text() const;
    struct impl;
    std::shared_ptr<const impl> impl_;
};

/// The longest rule text compiled (rule.too_long). A criterion is a line or two;
/// the bound leaves room for generated rules (10,000-term chains) and keeps the
/// time of every check of a rule, linear in its length, small.
inline constexpr size_t max_rule_bytes = 1 << 18;
/// The longest name a rule may use (rule.name_too_long): fields and functions are short words.
inline constexpr size_t max_rule_name_bytes = 100;

/// Compile an expression. Unknown names are allowed only when `extra_fields`
/// lists them (extra CSV columns are text). Errors: rule.syntax, rule.unknown_field,
/// rule.type, rule.arity, rule.too_deep, rule.unknown_function, rule.too_long,
/// rule.name_too_long; `at.column` is
/// the 1-based column in the expression.
result<rule_program> compile_rule(std::string_view text, const std::vector<std::string>& extra_fields = {});

/// A program bound to one table's columns. Fields the table lacks read as missing.
class bound_rule {
public:
    bound_rule();
    struct impl;
    std::shared_ptr<const impl> impl_;
};
bound_rule bind_rule(const rule_program& program, const deal_table& table);
/// The same, reading the program's i-th field from the column named `read_from[i]`
/// (the audit's evidence tiers read a two-way contact date for a buyer activity).
bound_rule bind_rule(const rule_program& program, const deal_table& table,
                     const std::vector<std::string>& read_from);

/// Evaluate for one row, judging dates against `as_of`. Never allocates.
outcome evaluate(const bound_rule& rule, const deal_table& table, size_t row, day_t as_of);

/// The fields the rule reads that are missing in this row (absent column or
/// empty cell), in the program's field order: what an `unrecorded` outcome
/// is waiting for. Allocates; meant for the deals being reported.
std::vector<std::string> missing_fields(const bound_rule& rule, const deal_table& table, size_t row);

}  // namespace revdiag
