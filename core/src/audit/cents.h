// Private to audit: adding cents without wrapping. Ingest keeps every amount
// within max_money_amount and a column's cents within max_money_total_cents, so
// the audit's sums are exact; a table built another way stops at the int64 edge
// instead of wrapping (signed overflow is undefined, and differs in wasm).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace revdiag {

inline void add_cents(int64_t& total, int64_t cents) {
    if (__builtin_add_overflow(total, cents, &total))
        total = cents < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
}

/// a - b, stopping at the int64 edge like add_cents (the report's difference).
inline int64_t difference_cents(int64_t a, int64_t b) {
    int64_t out = 0;
    if (__builtin_sub_overflow(a, b, &out))
        out = b < 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
    return out;
}

/// An amount in cents times a stage's probability, rounded half away from zero.
inline int64_t weighted_cents(int64_t cents, double probability) {
    return std::llround(static_cast<double>(cents) * probability);
}

}  // namespace revdiag
