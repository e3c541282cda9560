// Private: long loops run in blocks. A WebAssembly engine swaps its baseline
// code of a function for the optimized one only between calls, so a single call
// that loops over a million rows runs unoptimized throughout; the same loop in
// blocks of a few thousand rows, each a call, runs optimized after the first few.
#pragma once

#include <cstddef>

#define REVDIAG_NOINLINE __attribute__((noinline))

namespace revdiag {
inline constexpr size_t loop_block = 8192;
}  // namespace revdiag
