// Rule lexer, compiler and evaluator: any text either compiles or fails with
// a code and a 1-based column inside the text; a compiled rule evaluates on
// every row of a small table of every field type without crashing, and names
// only fields it reads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "revdiag/ingest.h"
#include "revdiag/rules.h"

namespace {
const revdiag::deal_table& table() {
    static const revdiag::deal_table t = [] {
        auto r = revdiag::read_deals(
            "Deal Name,Stage,Amount,Owner,Close Date,Problem Confirmed,Probability,Next Step Date,Lead "
            "Source\n"
            "Acme,Proposal,48250,Dana,2026-05-01,yes,60%,2026-04-10,Web\n"
            ",,,,,,,,\n"
            "Beta,Discovery,-5,Team,1999-12-31,no,0%,,\n");
        return r ? r->table : revdiag::deal_table{};
    }();
    return t;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto program = revdiag::compile_rule(text, {"lead_source"});
    if (!program) {
        const revdiag::error& e = program.err();
        REVDIAG_FUZZ_CHECK(e.code.rfind("rule.", 0) == 0 && !e.message.empty());
        REVDIAG_FUZZ_CHECK(e.at.column >= 1 && e.at.column <= text.size() + 1);
        REVDIAG_FUZZ_CHECK(e.message.size() < 1000);
        return 0;
    }
    for (const std::string& f : program->fields())
        REVDIAG_FUZZ_CHECK(!f.empty() && f.size() <= revdiag::max_rule_name_bytes);
    const revdiag::bound_rule bound = revdiag::bind_rule(*program, table());
    for (size_t row = 0; row < table().rows(); ++row) {
        const revdiag::outcome o = revdiag::evaluate(bound, table(), row, 20550);
        REVDIAG_FUZZ_CHECK(o == revdiag::outcome::met || o == revdiag::outcome::unmet ||
                           o == revdiag::outcome::unrecorded);
        (void)revdiag::missing_fields(bound, table(), row);
    }
    return 0;
}
