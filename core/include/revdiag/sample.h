// Deterministic synthetic deal exports for demos, tests and benchmarks: the
// header style of a CRM, a failure profile, a size and a seed give the same
// bytes on every platform (own splitmix64, no std distributions, dates built
// from a fixed reference day). Owns generation only; reading the CSV back is
// ingest's job and judging it the audit's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/date.h"
#include "revdiag/error.h"

namespace revdiag {

struct sample_options {
    std::string crm = "hubspot";
    std::string profile = "mixed";
    uint64_t deals = 200;
    uint64_t seed = 1;
    day_t reference = days_from_civil(2026, 6, 30);  // the "today" the sample is built around
};

/// A built-in demo pipeline: a named, described combination of options.
struct sample_demo {
    std::string_view name;
    std::string_view title;
    std::string_view description;
    std::string_view crm;
    std::string_view profile;
    uint64_t deals;
    uint64_t seed;
};

/// The CRM header styles: salesforce, hubspot, pipedrive, zoho, dynamics, close, spreadsheet.
const std::vector<std::string_view>& sample_crms();
/// The failure profiles: healthy, optimistic_stages, ownerless, ghosted_proposals, stale, mixed.
const std::vector<std::string_view>& sample_profiles();
/// One line per profile saying which layer it makes fail.
std::string_view describe_profile(std::string_view profile);
/// The built-in demos; the first is the default when the audit is given no file.
const std::vector<sample_demo>& sample_demos();
/// The demo with that name, or nullptr.
const sample_demo* find_sample_demo(std::string_view name);
/// Largest deal count a sample may ask for.
constexpr uint64_t max_sample_deals = 5000000;

/// The export as CSV text. Errors: sample.unknown_crm, sample.unknown_profile,
/// sample.deals (0 or more than max_sample_deals).
result<std::string> generate_sample(const sample_options& options);

}  // namespace revdiag
