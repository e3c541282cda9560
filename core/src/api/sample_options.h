// Private: reading the sample options JSON ({"crm","profile","deals","seed",
// "demo","reference"}), shared by api::sample and api::audit's "sample" option.
#pragma once

#include <string>

#include "json/reader.h"
#include "revdiag/error.h"
#include "revdiag/sample.h"

namespace revdiag {

struct sample_request {
    sample_options options;
    std::string demo;  // the demo's name when one was asked for
};

/// The sample options of a JSON object read by read_json_object. Errors:
/// options.unknown_key, options.type, options.date, sample.unknown_demo (pointer,
/// line and column of the value).
result<sample_request> read_sample_options(const json_value& j);

}  // namespace revdiag
