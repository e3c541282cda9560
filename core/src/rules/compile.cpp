// Recursive descent straight to postfix code, type-checking as it goes. No tree
// is built, so nothing walks a tree recursively afterwards: a long flat chain
// (`a or b or c …`) costs no depth, and nesting is bounded by max_depth.
#include <algorithm>
#include <optional>

#include "rules/lexer.h"
#include "rules/names.h"
#include "rules/program.h"

namespace revdiag {

namespace {

using namespace rules_detail;

// What a parsed subexpression produced: its type, its byte span in the text and
// whether its value can be missing (it reads a field not already inside present).
struct piece {
    vtype type = vtype::boolean;
    uint32_t start = 0;
    uint32_t end = 0;
    bool can_miss = false;
};

bool is_keyword(std::string_view s) {
    return s == "and" || s == "or" || s == "not" || s == "true" || s == "false";
}

class compiler {
public:
    compiler(std::string_view text, const std::vector<token>& toks, const std::vector<std::string>& extra,
             rule_program::impl& out)
        : text_(text), toks_(toks), extra_(extra), out_(out) {}

    std::optional<error> run() {
        const piece p = parse_or();
        if (failed_) return err_;
        if (peek().kind != tok::end) {
            fail_syntax(peek().start, "unexpected " + describe(peek()) + " after a complete expression");
            return err_;
        }
        if (p.type != vtype::boolean)
            fail_type(p, p.start, "a criterion must be true or false, got " + std::string(type_name(p.type)));
        if (failed_) return err_;
        return std::nullopt;
    }

private:
    const token& peek() const { return toks_[pos_]; }
    const token& next() { return toks_[pos_ < toks_.size() - 1 ? pos_++ : pos_]; }
    bool peek_word(std::string_view w) const { return peek().kind == tok::ident && peek().text == w; }

    uint32_t col(uint32_t offset) const { return column_of(text_, offset); }

    std::string describe(const token& t) const {
        if (t.kind == tok::end) return "end of the expression";
        return "`" + snippet(t.start, t.end) + "`";  // a 1 MB string literal is not echoed whole
    }

    std::string snippet(uint32_t from, uint32_t to) const {
        std::string s(text_.substr(from, to - from));
        if (s.size() > 60) {
            size_t cut = 60;  // never inside a UTF-8 sequence
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
            s = s.substr(0, cut) + "…";
        }
        return s;
    }

    void fail(std::string code, uint32_t offset, std::string message, std::string field = {}) {
        if (failed_) return;
        failed_ = true;
        err_ = make_error(std::move(code), std::move(message),
                          location{"rule", 0, col(offset), "", std::move(field)});
    }
    void fail_syntax(uint32_t offset, const std::string& what) {
        fail("rule.syntax", offset, "At column " + std::to_string(col(offset)) + ": " + what + ".");
    }
    // Type errors quote the offending subexpression and point at its operator.
    void fail_type(const piece& whole, uint32_t offset, const std::string& what,
                   const char* code = "rule.type") {
        fail(code, offset,
             "`" + snippet(whole.start, whole.end) + "` at column " + std::to_string(col(offset)) + ": " +
                 what + ".");
    }

    void emit(opcode op, vtype t = vtype::boolean, uint32_t arg = 0, double number = 0) {
        out_.code.push_back(instr{op, t, arg, number});
        switch (op) {
            case opcode::lit_bool:
            case opcode::lit_number:
            case opcode::lit_date:
            case opcode::lit_text:
            case opcode::field:
                ++height_;
                break;
            case opcode::op_not:
            case opcode::op_neg:
            case opcode::present:
            case opcode::days_since:
            case opcode::business_days_since:
            case opcode::days_until:
            case opcode::lower:
                break;
            default:
                --height_;
                break;  // binary operators and contains pop two, push one
        }
        if (height_ > max_stack) fail_too_deep(peek().start);
    }

    void fail_too_deep(uint32_t offset) {
        fail("rule.too_deep", offset,
             "At column " + std::to_string(col(offset)) + ": the expression nests more than " +
                 std::to_string(max_depth) + " levels deep.");
    }

    // Every construct that recurses goes through here, so the depth is bounded.
    bool enter(uint32_t offset) {
        if (++depth_ > max_depth) {
            fail_too_deep(offset);
            return false;
        }
        return true;
    }
    void leave() { --depth_; }

    piece parse_or() {
        piece lhs = parse_and();
        while (!failed_ && peek_word("or")) {
            const token& op = next();
            const piece rhs = parse_and();
            if (failed_) break;
            const piece whole{vtype::boolean, lhs.start, rhs.end, lhs.can_miss || rhs.can_miss};
            check_bool(whole, op, lhs, rhs);
            emit(opcode::op_or);
            lhs = whole;
        }
        return lhs;
    }

    piece parse_and() {
        piece lhs = parse_not();
        while (!failed_ && peek_word("and")) {
            const token& op = next();
            const piece rhs = parse_not();
            if (failed_) break;
            const piece whole{vtype::boolean, lhs.start, rhs.end, lhs.can_miss || rhs.can_miss};
            check_bool(whole, op, lhs, rhs);
            emit(opcode::op_and);
            lhs = whole;
        }
        return lhs;
    }

    void check_bool(const piece& whole, const token& op, const piece& lhs, const piece& rhs) {
        if (lhs.type != vtype::boolean || rhs.type != vtype::boolean) {
            const vtype bad = lhs.type != vtype::boolean ? lhs.type : rhs.type;
            fail_type(whole, op.start,
                      op.text + " needs true/false on both sides, got " + std::string(type_name(bad)));
        }
    }

    piece parse_not() {
        if (!peek_word("not")) return parse_compare();
        const token& op = next();
        if (!enter(op.start)) return {};
        const piece inner = parse_not();
        leave();
        if (failed_) return {};
        const piece whole{vtype::boolean, op.start, inner.end, inner.can_miss};
        if (inner.type != vtype::boolean)
            fail_type(whole, op.start, "not needs true/false, got " + std::string(type_name(inner.type)));
        emit(opcode::op_not);
        return whole;
    }

    piece parse_compare() {
        const piece lhs = parse_add();
        if (failed_) return lhs;
        const tok k = peek().kind;
        if (k != tok::eq && k != tok::ne && k != tok::lt && k != tok::le && k != tok::gt && k != tok::ge)
            return lhs;
        const token& op = next();
        const piece rhs = parse_add();
        if (failed_) return lhs;
        const piece whole{vtype::boolean, lhs.start, rhs.end, lhs.can_miss || rhs.can_miss};
        const std::string sym(op_text(k));
        const bool ordering = k != tok::eq && k != tok::ne;
        if (lhs.type != rhs.type) {
            fail_type(whole, op.start,
                      sym + " compares a " + std::string(type_name(lhs.type)) + " with a " +
                          std::string(type_name(rhs.type)));
        } else if (ordering && lhs.type != vtype::number && lhs.type != vtype::date) {
            fail_type(whole, op.start,
                      sym + " needs numbers or dates, got " + std::string(type_name(lhs.type)));
        }
        const tok after = peek().kind;
        if (!failed_ && (after == tok::eq || after == tok::ne || after == tok::lt || after == tok::le ||
                         after == tok::gt || after == tok::ge))
            fail_syntax(peek().start, "comparisons do not chain: join them with `and`");
        const opcode op_code = k == tok::eq   ? opcode::cmp_eq
                               : k == tok::ne ? opcode::cmp_ne
                               : k == tok::lt ? opcode::cmp_lt
                               : k == tok::le ? opcode::cmp_le
                               : k == tok::gt ? opcode::cmp_gt
                                              : opcode::cmp_ge;
        emit(op_code, lhs.type);
        return whole;
    }

    piece parse_add() {
        piece lhs = parse_unary();
        while (!failed_ && (peek().kind == tok::plus || peek().kind == tok::minus)) {
            const token& op = next();
            const piece rhs = parse_unary();
            if (failed_) break;
            piece whole{vtype::number, lhs.start, rhs.end, lhs.can_miss || rhs.can_miss};
            const bool plus = op.kind == tok::plus;
            const vtype a = lhs.type, b = rhs.type;
            const auto numeric = [](vtype t) { return t == vtype::number || t == vtype::date; };
            if (!numeric(a) || !numeric(b)) {
                const vtype bad = numeric(a) ? b : a;
                fail_type(whole, op.start,
                          std::string(plus ? "+" : "-") + " needs numbers or dates, got " +
                              std::string(type_name(bad)));
            } else if (plus && a == vtype::date && b == vtype::date) {
                fail_type(whole, op.start, "+ cannot add two dates: subtract them to get days");
            } else if (!plus && a == vtype::number && b == vtype::date) {
                fail_type(whole, op.start, "- cannot subtract a date from a number");
            } else {
                // date ± number = date; date - date = days; number ± number = number.
                whole.type = (a == vtype::date && b == vtype::date)   ? vtype::number
                             : (a == vtype::date || b == vtype::date) ? vtype::date
                                                                      : vtype::number;
            }
            emit(plus ? opcode::add : opcode::sub);
            lhs = whole;
        }
        return lhs;
    }

    piece parse_unary() {
        if (peek().kind != tok::minus) return parse_primary();
        const token& op = next();
        if (!enter(op.start)) return {};
        const piece inner = parse_unary();
        leave();
        if (failed_) return {};
        const piece whole{vtype::number, op.start, inner.end, inner.can_miss};
        if (inner.type != vtype::number)
            fail_type(whole, op.start, "- needs a number, got " + std::string(type_name(inner.type)));
        emit(opcode::op_neg);
        return whole;
    }

    piece parse_primary() {
        const token& t = next();
        switch (t.kind) {
            case tok::number:
                emit(opcode::lit_number, vtype::number, 0, t.number);
                return {vtype::number, t.start, t.end};
            case tok::date:
                emit(opcode::lit_date, vtype::date, 0, t.number);
                return {vtype::date, t.start, t.end};
            case tok::text:
                out_.texts.push_back(t.text);
                emit(opcode::lit_text, vtype::text, static_cast<uint32_t>(out_.texts.size() - 1));
                return {vtype::text, t.start, t.end};
            case tok::lparen: {
                if (!enter(t.start)) return {};
                piece inner = parse_or();
                leave();
                if (failed_) return inner;
                if (peek().kind != tok::rparen) {
                    fail_syntax(peek().start, "expected `)` to close the `(` at column " +
                                                  std::to_string(col(t.start)) + ", found " +
                                                  describe(peek()));
                    return inner;
                }
                const token& close = next();
                return {inner.type, t.start, close.end, inner.can_miss};
            }
            case tok::ident:
                return parse_name(t);
            default:
                fail_syntax(t.start, "expected a value, found " + describe(t));
                return {};
        }
    }

    piece parse_name(const token& t) {
        if (t.text == "true" || t.text == "false") {
            emit(opcode::lit_bool, vtype::boolean,
                 static_cast<uint32_t>(t.text == "true" ? outcome::met : outcome::unmet));
            return {vtype::boolean, t.start, t.end};
        }
        if (is_keyword(t.text)) {
            fail_syntax(t.start, "expected a value, found `" + t.text + "`");
            return {};
        }
        if (peek().kind == tok::lparen) return parse_call(t);
        if (find_function(t.text)) {
            fail_syntax(t.end, t.text + " is a function: write " + t.text + "(…)");
            return {};
        }
        return load_field(t);
    }

    piece load_field(const token& t) {
        field_ref field;
        if (!resolve_field(t.text, extra_, field)) {
            const std::string hint = suggest_field(t.text, extra_);
            fail("rule.unknown_field", t.start,
                 "`" + std::string(text_.substr(t.start, t.end - t.start)) + "` at column " +
                     std::to_string(col(t.start)) + ": unknown field" +
                     (hint.empty()
                          ? "; fields are the canonical deal fields and the extra columns of the export."
                          : "; did you mean " + hint + "?"),
                 t.text);
            return {};
        }
        const auto found = std::find(out_.fields.begin(), out_.fields.end(), field.name);
        const size_t index = static_cast<size_t>(found - out_.fields.begin());
        if (found == out_.fields.end()) {
            out_.fields.push_back(field.name);
            out_.field_types.push_back(field.type);
        }
        emit(opcode::field, field.type, static_cast<uint32_t>(index));
        return {field.type, t.start, t.end, true};
    }

    piece parse_call(const token& name) {
        const function_info* f = find_function(name.text);
        if (!f) {
            const std::string hint = closest_name(name.text, {"present", "days_since", "business_days_since",
                                                              "days_until", "lower", "contains"});
            fail(
                "rule.unknown_function", name.start,
                "`" + std::string(text_.substr(name.start, name.end - name.start)) + "` at column " +
                    std::to_string(col(name.start)) + ": unknown function; " +
                    (hint.empty() ? "functions are " + function_names() + "." : "did you mean " + hint + "?"),
                name.text);
            return {};
        }
        next();  // (
        if (!enter(name.start)) return {};
        std::vector<piece> args;
        if (peek().kind != tok::rparen) {
            while (!failed_) {
                args.push_back(parse_or());
                if (failed_ || peek().kind != tok::comma) break;
                next();
            }
        }
        leave();
        if (failed_) return {};
        if (peek().kind != tok::rparen) {
            fail_syntax(peek().start,
                        "expected `,` or `)` in the call to " + name.text + ", found " + describe(peek()));
            return {};
        }
        const token& close = next();
        piece whole{f->result, name.start, close.end};
        for (const piece& a : args) whole.can_miss = whole.can_miss || a.can_miss;
        if (static_cast<int>(args.size()) != f->arity) {
            fail_type(whole, name.start,
                      name.text + " takes " + std::to_string(f->arity) +
                          (f->arity == 1 ? " argument" : " arguments") + ", got " +
                          std::to_string(args.size()),
                      "rule.arity");
            return whole;
        }
        if (!f->any_arg) {
            for (size_t i = 0; i < args.size(); ++i)
                if (args[i].type != f->arg) {
                    fail_type(whole, args[i].start,
                              name.text + " needs a " + std::string(type_name(f->arg)) + ", got " +
                                  std::string(type_name(args[i].type)));
                    return whole;
                }
        }
        if (f->op == opcode::present) {
            // present(5) would always be met: it asks about a field's gap, so it needs one.
            if (!args[0].can_miss)
                fail_type(whole, args[0].start,
                          "present needs a field (or a value computed from one), got a " +
                              std::string(type_name(args[0].type)) + " that is always present");
            whole.can_miss = false;
        }
        emit(f->op, args.empty() ? vtype::boolean : args[0].type);
        return whole;
    }

    std::string_view text_;
    const std::vector<token>& toks_;
    const std::vector<std::string>& extra_;
    rule_program::impl& out_;
    size_t pos_ = 0;
    uint32_t depth_ = 0;
    uint32_t height_ = 0;
    bool failed_ = false;
    error err_;
};

}  // namespace

result<rule_program> compile_rule(std::string_view text, const std::vector<std::string>& extra_fields) {
    if (text.size() > max_rule_bytes)
        return make_error("rule.too_long",
                          "The rule is " + std::to_string(text.size()) +
                              " bytes long; a rule may have at most " + std::to_string(max_rule_bytes) + ".",
                          location{"rule", 0, 1, "", ""});
    result<std::vector<rules_detail::token>> toks = rules_detail::lex_rule(text);
    if (!toks) return toks.err();
    if (std::optional<error> e = rules_detail::check_parentheses(text, *toks)) return *e;
    if (toks->size() == 1)
        return make_error("rule.syntax",
                          "The rule is empty: write an expression such as present(next_step_date).",
                          location{"rule", 0, 1, "", ""});
    auto impl = std::make_shared<rule_program::impl>();
    impl->text = std::string(text);
    compiler c(text, *toks, extra_fields, *impl);
    if (std::optional<error> e = c.run()) return *e;
    rule_program p;
    p.impl_ = std::move(impl);
    return p;
}

}  // namespace revdiag
