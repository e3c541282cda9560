#include "revdiag/simulate.h"

namespace revdiag {

namespace {

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace

sim_random::sim_random(uint64_t seed) {
    // splitmix64 spreads any seed (0 included) over the four words; it never
    // yields four zeros, the one state xoshiro cannot leave.
    for (uint64_t& word : s_) word = splitmix64(seed);
}

double sim_random::uniform() {
    // 53 bits times 2^-53: exact in any IEEE double arithmetic.
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

uint64_t sim_random::threshold(double p) {
    if (!(p > 0)) return 0;
    if (p >= 1) return uint64_t{1} << 53;
    // p * 2^53 is exact (a power of two), the truncation the same everywhere.
    return static_cast<uint64_t>(p * 0x1.0p53);
}

}  // namespace revdiag
