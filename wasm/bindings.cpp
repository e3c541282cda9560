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
std::string questions() { return revdiag::api::questions(); }
std::string diagnose(const std::string& answers, const std::string& options) {
    return revdiag::api::diagnose(answers, options);
}
std::string snapshot(const std::string& answers) { return revdiag::api::snapshot(answers); }
}  // namespace

EMSCRIPTEN_BINDINGS(revdiag) {
    emscripten::function("version", &version);
    emscripten::function("process_default", &process_default);
    emscripten::function("process_check", &process_check);
    emscripten::function("questions", &questions);
    emscripten::function("diagnose", &diagnose);
    emscripten::function("snapshot", &snapshot);
}
