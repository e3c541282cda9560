// Embind registrations of the api.h seam, nothing else: strings in, JSON
// envelope strings out. A JS Uint8Array passed where std::string is expected is
// copied byte for byte, so the page hands file bytes, never decoded text.
// Session.push copies its chunk with one TypedArray.set instead.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "revdiag/api.h"

namespace {
namespace api = revdiag::api;
using api::session;

std::string version() {
    return api::version();
}
std::string describe() {
    return api::describe();
}
std::string match_stages(const std::string& process, const std::string& options) {
    return api::match_stages(process, options);
}
std::string inspect(const std::string& csv, const std::string& options) {
    return api::inspect(csv, options);
}
std::string audit(const std::string& csv, const std::string& options) {
    return api::audit(csv, options);
}
std::string flagged_csv(const std::string& csv, const std::string& options) {
    return api::flagged_csv(csv, options);
}
std::string process_default() {
    return api::process_default();
}
std::string process_check(const std::string& process, const std::string& csv, const std::string& options) {
    return api::process_check(process, csv, options);
}
std::string questions() {
    return api::questions();
}
std::string diagnose(const std::string& answers, const std::string& options) {
    return api::diagnose(answers, options);
}
std::string snapshot(const std::string& answers) {
    return api::snapshot(answers);
}
std::string sample(const std::string& options) {
    return api::sample(options);
}
std::string samples() {
    return api::samples();
}
std::string simulate(const std::string& csv, const std::string& options) {
    return api::simulate(csv, options);
}

session* make_session(const std::string& options) {
    return new session(options);
}
// A chunk of file bytes (a Uint8Array, or a string taken as UTF-8) copied into
// wasm memory in one call: embind's std::string conversion copies byte by byte.
std::string session_push(session& s, const emscripten::val& chunk) {
    emscripten::val bytes = chunk;
    if (!chunk.isString() && chunk["length"].isUndefined() && chunk["byteLength"].isNumber())
        bytes = emscripten::val::global("Uint8Array").new_(chunk);  // an ArrayBuffer
    if (bytes.isString() || !bytes["length"].isNumber())
        return s.push(chunk.as<std::string>());  // embind's own checks
    static std::string buffer;                   // reused: the page pushes chunk after chunk
    buffer.resize(bytes["length"].as<size_t>());
    emscripten::val(
        emscripten::typed_memory_view(buffer.size(), reinterpret_cast<unsigned char*>(buffer.data())))
        .call<void>("set", bytes);
    return s.push(buffer);
}
std::string session_finish(session& s, const std::string& options) {
    return s.finish(options);
}
std::string session_audit(session& s, const std::string& options) {
    return s.audit(options);
}
std::string session_deals(session& s, const std::string& query) {
    return s.deals(query);
}
std::string session_flagged_csv(session& s) {
    return s.flagged_csv();
}
std::string session_simulate(session& s, const std::string& options) {
    return s.simulate(options);
}
}  // namespace

EMSCRIPTEN_BINDINGS(revdiag) {
    using emscripten::function;
    function("version", &version);
    function("describe", &describe);
    function("match_stages", &match_stages);
    function("inspect", &inspect);
    function("audit", &audit);
    function("flagged_csv", &flagged_csv);
    function("process_default", &process_default);
    function("process_check", &process_check);
    function("questions", &questions);
    function("diagnose", &diagnose);
    function("snapshot", &snapshot);
    function("sample", &sample);
    function("samples", &samples);
    function("simulate", &simulate);
    emscripten::class_<session>("Session")
        .constructor(&make_session, emscripten::allow_raw_pointers())
        .function("push", &session_push)
        .function("finish", &session_finish)
        .function("audit", &session_audit)
        .function("deals", &session_deals)
        .function("flagged_csv", &session_flagged_csv)
        .function("simulate", &session_simulate);
}
