// Private: an audit report (revdiag.audit/1) read back as the layer scores it
// measured, for comparing them with the diagnostic's answers.
#pragma once

#include <string>
#include <vector>

#include "json/reader.h"
#include "revdiag/diagnostic.h"

namespace revdiag {

struct measured_audit {
    std::vector<measured_layer> layers;  // the measured ones; a layer scored null is left out
    std::string weakest;                 // the report's summary.weakest_layer, or ""
};

/// The report `audit` found at `pointer` of a `source` document. Errors:
/// <source>.audit with the pointer, line and column of the offending value.
result<measured_audit> read_measured_audit(const json_value& audit, const json_source& source,
                                           const std::string& pointer);

}  // namespace revdiag
