// Embind registrations of the api.h seam, nothing else: strings in, JSON
// envelope strings out. A JS Uint8Array passed where std::string is expected is
// copied byte for byte, so the page hands file bytes, never decoded text.
#include <emscripten/bind.h>

#include <string>

#include "revdiag/api.h"

namespace {
using revdiag::api::session;

std::string version() { return revdiag::api::version(); }
}  // namespace

EMSCRIPTEN_BINDINGS(revdiag) {
    emscripten::function("version", &version);
}
