// Process loader: any text loads or fails with a located error (a line or a
// JSON pointer); a loaded process prints to JSON that loads back to the same
// JSON; checking it, alone or against a table, never crashes; and the api
// answers an envelope either way.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "revdiag/api.h"
#include "revdiag/ingest.h"
#include "revdiag/process.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto p = revdiag::load_process(text);
    if (!p) {
        REVDIAG_FUZZ_CHECK(revdiag::fuzz::located(p.err()));
        REVDIAG_FUZZ_CHECK(p.err().message.size() < 2000);
    } else {
        REVDIAG_FUZZ_CHECK(p->stages.size() <= revdiag::max_process_stages);
        const std::string printed = revdiag::to_json(*p);
        const auto again = revdiag::load_process(printed);
        REVDIAG_FUZZ_CHECK(again.has_value());
        REVDIAG_FUZZ_CHECK(revdiag::to_json(*again) == printed);
        (void)revdiag::check_process(*p);
        static const auto deals = revdiag::read_deals("Deal Name,Stage,Owner\nAcme,Proposal,Dana\n");
        if (deals) (void)revdiag::check_process(*p, &deals->table);
        for (const revdiag::stage& s : p->stages) (void)revdiag::match_stage(*p, s.name);
    }
    const std::string envelope = revdiag::api::process_check(text, "", "");
    REVDIAG_FUZZ_CHECK(!envelope.empty() && envelope[0] == '{');
    return 0;
}
