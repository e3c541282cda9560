// Private shape of a compiled rule: a flat postfix program over a small value
// stack, so evaluation is a loop with no recursion, no parsing and no allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/rules.h"

namespace revdiag::rules_detail {

/// The four types of the rule language; money and percent read as numbers.
enum class vtype : uint8_t { boolean, number, date, text };
std::string_view type_name(vtype t);
/// The rule type a column of that field type reads as.
vtype type_of(field_type t);

/// Nesting levels (parentheses, not, unary minus, function calls) a rule may use:
/// deep enough for any real criterion, shallow enough for the 64 KB wasm stack.
constexpr uint32_t max_depth = 64;
/// Value-stack slots evaluation reserves; the compiler rejects programs needing more.
constexpr uint32_t max_stack = 160;

enum class opcode : uint8_t {
    lit_bool,    // arg: outcome
    lit_number,  // number
    lit_date,    // number (days since 1970-01-01)
    lit_text,    // arg: index into texts
    field,       // arg: index into fields
    op_and,
    op_or,
    op_not,
    op_neg,
    cmp_eq,  // type: operand type
    cmp_ne,
    cmp_lt,
    cmp_le,
    cmp_gt,
    cmp_ge,
    add,  // numbers and dates are both doubles: one opcode serves every legal pairing
    sub,
    present,
    days_since,
    business_days_since,
    days_until,
    lower,
    contains,
};

struct instr {
    opcode op;
    vtype type;
    uint32_t arg;
    double number;
};

}  // namespace revdiag::rules_detail

namespace revdiag {

struct rule_program::impl {
    std::string text;
    std::vector<std::string> fields;  // names as the table spells them
    std::vector<rules_detail::vtype> field_types;
    std::vector<rules_detail::instr> code;
    std::vector<std::string> texts;  // text literals
};

struct bound_rule::impl {
    std::shared_ptr<const rule_program::impl> program;
    std::vector<int> columns;  // per field: index into table.columns, -1 = absent
};

}  // namespace revdiag
