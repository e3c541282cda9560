// Shared by the fuzz targets: a property that fails aborts, so libFuzzer keeps
// the input and the corpus replay test fails, each naming the property.
#pragma once

#include <cstdio>
#include <cstdlib>

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

}  // namespace revdiag::fuzz
