// Simulator settings (the options of api::simulate): any text is read or
// refused with a located error; settings that read stay within their bounds;
// and the api answers an envelope either way, an error carrying a line, a
// column or a pointer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "json/reader.h"
#include "revdiag/api.h"
#include "simulate/settings.h"

namespace {

constexpr std::string_view deals =
    "Deal Name,Stage,Amount,Owner,Created Date,Close Date,Last Activity Date,Status\n"
    "Acme renewal,Proposal,12000,Dana,2026-01-10,2026-05-01,2026-03-20,Open\n"
    "Globex,Negotiation,9000,Lee,2026-02-01,2026-03-01,2026-02-20,Open\n"
    "Initech,Closed Won,5000,Dana,2025-11-01,2026-01-15,2026-01-15,Won\n"
    "Umbrella,Closed Lost,7000,Lee,2025-12-01,2026-02-15,2026-02-10,Lost\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = revdiag::read_json_object(text, revdiag::options_input);
    if (!parsed) {
        REVDIAG_FUZZ_CHECK(revdiag::fuzz::located(parsed.err()));
    } else {
        if (parsed->find("sample")) return 0;  // the sample generator's cost, not the settings'
        const auto s = revdiag::simulate_detail::read_simulate_settings(*parsed);
        if (!s) {
            REVDIAG_FUZZ_CHECK(revdiag::fuzz::located(s.err()));
        } else {
            REVDIAG_FUZZ_CHECK(s->forward.days >= 0 && s->forward.days <= 3650);
            REVDIAG_FUZZ_CHECK(s->forecast.trials >= 1 && s->forecast.trials <= 1000000);
            REVDIAG_FUZZ_CHECK(s->forecast.bins >= 1 && s->forecast.bins <= 200);
            REVDIAG_FUZZ_CHECK(s->events <= 100000);
        }
    }
    const auto answer = revdiag::fuzz::read_envelope(revdiag::api::simulate(deals, text));
    REVDIAG_FUZZ_CHECK(answer.located);
    return 0;
}
