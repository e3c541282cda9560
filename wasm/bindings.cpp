// Embind registrations of the api.h seam, nothing else: strings in, JSON
// envelope strings out. A JS Uint8Array passed where std::string is expected is
// copied byte for byte, so the page hands file bytes, never decoded text.
#include <emscripten/bind.h>

#include <string>

#include "revdiag/api.h"

namespace {
using revdiag::api::session;

std::string version() { return revdiag::api::version(); }
std::string process_default() { return revdiag::api::process_default(); }
std::string process_check(const std::string& process_json, const std::string& csv, const std::string& options) {
    return revdiag::api::process_check(process_json, csv, options);
}
std::string audit(const std::string& csv, const std::string& options) { return revdiag::api::audit(csv, options); }
std::string flagged_csv(const std::string& csv, const std::string& options) { return revdiag::api::flagged_csv(csv, options); }
std::string sample(const std::string& options) { return revdiag::api::sample(options); }
std::string samples() { return revdiag::api::samples(); }
session* new_session(const std::string& options) { return new session(options); }
std::string session_push(session& s, const std::string& chunk) { return s.push(chunk); }
std::string session_finish(session& s, const std::string& options) { return s.finish(options); }
std::string session_audit(session& s, const std::string& options) { return s.audit(options); }
std::string session_deals(session& s, const std::string& query) { return s.deals(query); }
std::string session_flagged_csv(session& s) { return s.flagged_csv(); }
}  // namespace

EMSCRIPTEN_BINDINGS(revdiag) {
    emscripten::function("version", &version);
    emscripten::function("process_default", &process_default);
    emscripten::function("process_check", &process_check);
    emscripten::function("audit", &audit);
    emscripten::function("flagged_csv", &flagged_csv);
    emscripten::function("sample", &sample);
    emscripten::function("samples", &samples);
    emscripten::class_<session>("Session")
        .constructor(&new_session, emscripten::allow_raw_pointers())
        .function("push", &session_push)
        .function("finish", &session_finish)
        .function("audit", &session_audit)
        .function("deals", &session_deals)
        .function("flagged_csv", &session_flagged_csv);
}
