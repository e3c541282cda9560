// Private: reading the sample options JSON ({"crm","profile","deals","seed",
// "demo","reference"}), shared by api::sample and api::audit's "sample" option.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "revdiag/error.h"
#include "revdiag/sample.h"

namespace revdiag {

struct sample_request {
    sample_options options;
    std::string demo;  // the demo's name when one was asked for
};

/// The sample options of a JSON object. Errors: options.unknown_key,
/// options.type, options.date, sample.unknown_demo (pointer to the key).
result<sample_request> read_sample_options(const nlohmann::json& j);

}  // namespace revdiag
