// Shared by the fuzz targets: a property that fails aborts, so libFuzzer keeps
// the input and the corpus replay test fails, each naming the property.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "json/reader.h"
#include "revdiag/error.h"

#define REVDIAG_FUZZ_CHECK(cond)                                                                   \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)

namespace revdiag::fuzz {

/// Every error names where it is: a line, a column or a JSON pointer.
inline bool located(const error& e) {
    return !e.code.empty() && !e.message.empty() &&
           (e.at.line > 0 || e.at.column > 0 || !e.at.pointer.empty());
}

/// An api envelope: whether it is ok and, when not, whether its error says where.
struct envelope_outcome {
    bool ok = false;
    bool located = false;
};
inline envelope_outcome read_envelope(const std::string& envelope) {
    const auto j = read_json(envelope, options_input);
    REVDIAG_FUZZ_CHECK(j.has_value() && j->is_object());
    const json_value* ok = j->find("ok");
    REVDIAG_FUZZ_CHECK(ok && ok->is_bool());
    if (ok->boolean) return {true, true};
    const json_value* at = j->find("error") ? j->find("error")->find("at") : nullptr;
    return {false, at && (at->find("line") || at->find("column") || at->find("pointer"))};
}

}  // namespace revdiag::fuzz
