// Binding and evaluation: a loop over postfix code with a fixed-size value stack
// on the C++ stack, so judging a deal parses nothing and allocates nothing.
#include <cmath>

#include "rules/program.h"

namespace revdiag {

namespace rules_detail {

std::string_view type_name(vtype t) {
    switch (t) {
        case vtype::boolean:
            return "bool";
        case vtype::number:
            return "number";
        case vtype::date:
            return "date";
        case vtype::text:
            return "text";
    }
    return "text";
}

vtype type_of(field_type t) {
    switch (t) {
        case field_type::money:
        case field_type::percent:
            return vtype::number;
        case field_type::date:
            return vtype::date;
        case field_type::boolean:
            return vtype::boolean;
        case field_type::text:
        case field_type::status:
            return vtype::text;
    }
    return vtype::text;
}

}  // namespace rules_detail

using namespace rules_detail;

std::string_view to_string(outcome o) {
    switch (o) {
        case outcome::unmet:
            return "unmet";
        case outcome::met:
            return "met";
        case outcome::unrecorded:
            return "unrecorded";
    }
    return "unrecorded";
}

rule_program::rule_program() = default;

const std::vector<std::string>& rule_program::fields() const {
    static const std::vector<std::string> none;
    return impl_ ? impl_->fields : none;
}

const std::string& rule_program::text() const {
    static const std::string none;
    return impl_ ? impl_->text : none;
}

bound_rule::bound_rule() = default;

bound_rule bind_rule(const rule_program& program, const deal_table& table) {
    return bind_rule(program, table, program.fields());
}

bound_rule bind_rule(const rule_program& program, const deal_table& table,
                     const std::vector<std::string>& read_from) {
    bound_rule b;
    if (!program.impl_) return b;
    auto impl = std::make_shared<bound_rule::impl>();
    impl->program = program.impl_;
    for (size_t f = 0; f < program.impl_->fields.size(); ++f) {
        const std::string& name = f < read_from.size() ? read_from[f] : program.impl_->fields[f];
        int index = -1;
        for (size_t c = 0; c < table.columns.size(); ++c) {
            const column& col = table.columns[c];
            // A column typed differently from what the rule was checked against
            // cannot be read safely; it counts as not recorded.
            if (col.name == name && type_of(col.type) == program.impl_->field_types[f]) {
                index = static_cast<int>(c);
                break;
            }
        }
        impl->columns.push_back(index);
    }
    b.impl_ = std::move(impl);
    return b;
}

namespace {

constexpr uint8_t unmet = static_cast<uint8_t>(outcome::unmet);
constexpr uint8_t met = static_cast<uint8_t>(outcome::met);
constexpr uint8_t unrecorded = static_cast<uint8_t>(outcome::unrecorded);

// Trivial on purpose: the stack array below is left uninitialized, costing nothing per call.
struct value {
    double number;  // numbers, and dates as days since 1970-01-01
    const char* text;
    uint32_t length;
    uint8_t truth;  // booleans: met / unmet / unrecorded (a missing bool is unrecorded)
    bool missing;
    bool folded;  // lower() applied: compare as ASCII lower case without copying
};

char fold(char c, bool on) {
    return (on && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Text compares after trimming surrounding white space, so "Yes " equals "Yes".
void trim(const char*& p, uint32_t& n) {
    while (n > 0 && is_space(p[0])) ++p, --n;
    while (n > 0 && is_space(p[n - 1])) --n;
}

bool text_equal(const value& a, const value& b) {
    const char* pa = a.text;
    const char* pb = b.text;
    uint32_t na = a.length, nb = b.length;
    trim(pa, na);
    trim(pb, nb);
    if (na != nb) return false;
    for (uint32_t i = 0; i < na; ++i)
        if (fold(pa[i], a.folded) != fold(pb[i], b.folded)) return false;
    return true;
}

bool text_contains(const value& hay, const value& needle) {
    if (needle.length == 0) return true;
    if (needle.length > hay.length) return false;
    for (uint32_t i = 0; i + needle.length <= hay.length; ++i) {
        uint32_t k = 0;
        while (k < needle.length && fold(hay.text[i + k], hay.folded) == fold(needle.text[k], needle.folded))
            ++k;
        if (k == needle.length) return true;
    }
    return false;
}

uint8_t truth_not(uint8_t a) {
    return a == unrecorded ? unrecorded : (a == met ? unmet : met);
}

// Kleene logic: a definite `unmet` decides an `and`, a definite `met` decides an `or`.
uint8_t truth_and(uint8_t a, uint8_t b) {
    if (a == unmet || b == unmet) return unmet;
    return (a == unrecorded || b == unrecorded) ? unrecorded : met;
}
uint8_t truth_or(uint8_t a, uint8_t b) {
    if (a == met || b == met) return met;
    return (a == unrecorded || b == unrecorded) ? unrecorded : unmet;
}

bool is_missing(const value& v, vtype t) {
    return t == vtype::boolean ? v.truth == unrecorded : v.missing;
}

// Days outside ±400 million cannot come from a calendar; clamping keeps the
// integer conversion defined for any number a rule can compute.
bool to_day(double d, day_t& out) {
    if (!(d >= -4e8 && d <= 4e8)) return false;
    out = static_cast<day_t>(std::floor(d));
    return true;
}

uint8_t compare(opcode op, vtype t, const value& a, const value& b) {
    if (is_missing(a, t) || is_missing(b, t)) return unrecorded;
    bool r = false;
    if (t == vtype::text) {
        r = text_equal(a, b);
        if (op == opcode::cmp_ne) r = !r;
    } else if (t == vtype::boolean) {
        r = a.truth == b.truth;
        if (op == opcode::cmp_ne) r = !r;
    } else {
        switch (op) {
            case opcode::cmp_eq:
                r = a.number == b.number;
                break;
            case opcode::cmp_ne:
                r = a.number != b.number;
                break;
            case opcode::cmp_lt:
                r = a.number < b.number;
                break;
            case opcode::cmp_le:
                r = a.number <= b.number;
                break;
            case opcode::cmp_gt:
                r = a.number > b.number;
                break;
            default:
                r = a.number >= b.number;
                break;
        }
    }
    return r ? met : unmet;
}

void load(value& v, const instr& in, const bound_rule::impl& b, const deal_table& table, size_t row) {
    v.missing = true;
    v.truth = unrecorded;
    v.folded = false;
    v.number = 0;
    v.text = "";
    v.length = 0;
    const int c = b.columns[in.arg];
    if (c < 0 || static_cast<size_t>(c) >= table.columns.size()) return;
    const column& col = table.columns[static_cast<size_t>(c)];
    switch (in.type) {
        case vtype::boolean:
            if (row < col.flag.size() && col.flag[row] >= 0) {
                v.truth = col.flag[row] > 0 ? met : unmet;
                v.missing = false;
            }
            return;
        case vtype::number:
            if (row < col.number.size() && !std::isnan(col.number[row])) {
                v.number = col.number[row];
                v.missing = false;
            }
            return;
        case vtype::date:
            if (row < col.date.size() && col.date[row] != no_date) {
                v.number = col.date[row];
                v.missing = false;
            }
            return;
        case vtype::text:
            if (row < col.text.size() && col.text[row] != 0 && col.text[row] < col.pool.size()) {
                const std::string_view s = col.pool[col.text[row]];
                v.text = s.data();
                v.length = static_cast<uint32_t>(s.size());
                v.missing = false;
            }
            return;
    }
}

}  // namespace

outcome evaluate(const bound_rule& rule, const deal_table& table, size_t row, day_t as_of) {
    const bound_rule::impl* b = rule.impl_.get();
    if (!b || !b->program) return outcome::unrecorded;
    const rule_program::impl& p = *b->program;
    value st[max_stack];
    uint32_t sp = 0;
    const double today = as_of;
    for (const instr& in : p.code) {
        if (sp >= max_stack) return outcome::unrecorded;  // the compiler rules this out; stay safe anyway
        value& top = st[sp > 0 ? sp - 1 : 0];
        switch (in.op) {
            case opcode::lit_bool:
            case opcode::lit_number:
            case opcode::lit_date:
            case opcode::lit_text: {
                value& v = st[sp++];
                v.missing = false;
                v.folded = false;
                v.number = in.number;
                v.truth = static_cast<uint8_t>(in.arg);
                v.text = "";
                v.length = 0;
                if (in.op == opcode::lit_text) {
                    const std::string& s = p.texts[in.arg];
                    v.text = s.data();
                    v.length = static_cast<uint32_t>(s.size());
                }
                break;
            }
            case opcode::field:
                load(st[sp++], in, *b, table, row);
                break;
            case opcode::op_not:
                top.truth = truth_not(top.truth);
                break;
            case opcode::op_neg:
                top.number = -top.number;
                break;
            case opcode::present:
                top.truth = is_missing(top, in.type) ? unmet : met;
                top.missing = false;
                break;
            case opcode::days_since:
                top.number = today - top.number;
                break;
            case opcode::days_until:
                top.number = top.number - today;
                break;
            case opcode::business_days_since: {
                day_t d = 0;
                if (top.missing || !to_day(top.number, d)) {
                    top.missing = true;
                    break;
                }
                // A future date counts negative, mirroring days_since.
                top.number = d <= as_of ? business_days_between(d, as_of) : -business_days_between(as_of, d);
                break;
            }
            case opcode::lower:
                top.folded = true;
                break;
            default: {
                // Binary operators: pop b, combine into a.
                if (sp < 2) return outcome::unrecorded;
                const value& rhs = st[sp - 1];
                value& lhs = st[sp - 2];
                --sp;
                switch (in.op) {
                    case opcode::op_and:
                        lhs.truth = truth_and(lhs.truth, rhs.truth);
                        break;
                    case opcode::op_or:
                        lhs.truth = truth_or(lhs.truth, rhs.truth);
                        break;
                    case opcode::add:
                        lhs.number += rhs.number;
                        lhs.missing = lhs.missing || rhs.missing;
                        break;
                    case opcode::sub:
                        lhs.number -= rhs.number;
                        lhs.missing = lhs.missing || rhs.missing;
                        break;
                    case opcode::contains:
                        lhs.truth = (lhs.missing || rhs.missing) ? unrecorded
                                    : text_contains(lhs, rhs)    ? met
                                                                 : unmet;
                        lhs.missing = false;
                        break;
                    default:
                        lhs.truth = compare(in.op, in.type, lhs, rhs);
                        lhs.missing = false;
                        break;
                }
                break;
            }
        }
    }
    if (sp != 1) return outcome::unrecorded;
    return static_cast<outcome>(st[0].truth);
}

std::vector<std::string> missing_fields(const bound_rule& rule, const deal_table& table, size_t row) {
    std::vector<std::string> out;
    const bound_rule::impl* b = rule.impl_.get();
    if (!b || !b->program) return out;
    for (size_t f = 0; f < b->columns.size(); ++f) {
        const int c = b->columns[f];
        const bool absent = c < 0 || static_cast<size_t>(c) >= table.columns.size();
        if (absent || row >= table.rows() || table.columns[static_cast<size_t>(c)].is_missing(row))
            out.push_back(b->program->fields[f]);
    }
    return out;
}

}  // namespace revdiag
