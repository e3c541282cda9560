// Audit options (the JSON of api::audit, api::flagged_csv and the session's
// audit): any text is read or refused with a located error; the api answers an
// envelope either way, its error carrying a line, a column or a pointer; and
// the report and the flagged CSV, which read the same options, agree on
// whether they are valid.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/audit_options.h"
#include "fuzz_check.h"
#include "json/reader.h"
#include "revdiag/api.h"

namespace {

constexpr std::string_view deals =
    "Deal Name,Stage,Amount,Owner,Close Date,Lead Source\n"
    "Acme renewal,Proposal,12000,Dana,2026-05-01,Webinar\n"
    "Globex,Negotiation,9000,Lee,2026-03-01,Referral\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = revdiag::read_json_object(text, revdiag::options_input);
    if (!parsed) {
        REVDIAG_FUZZ_CHECK(revdiag::fuzz::located(parsed.err()));
    } else {
        // A sample of many deals is the sample generator's cost, not the options'.
        if (parsed->find("sample")) return 0;
        const auto request = revdiag::detail::read_audit_options(*parsed);
        if (!request) REVDIAG_FUZZ_CHECK(revdiag::fuzz::located(request.err()));
    }
    const auto report = revdiag::fuzz::read_envelope(revdiag::api::audit(deals, text));
    const auto flagged = revdiag::fuzz::read_envelope(revdiag::api::flagged_csv(deals, text));
    REVDIAG_FUZZ_CHECK(report.ok == flagged.ok);
    REVDIAG_FUZZ_CHECK(report.located && flagged.located);
    return 0;
}
