// Private helpers shared by the process_*.cpp files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/stage_key.h"
#include "json/envelope.h"
#include "revdiag/process.h"

namespace revdiag::process_detail {

/// The form stage names are matched in: the engine's one key (common/stage_key.h).
using revdiag::stage_key;

/// The revdiag.process/1 document of a process, keys in a fixed order.
ojson process_to_ojson(const process& p);

/// Load a revdiag.process/1 document already read, at `pointer` in a document of
/// `source` (process_in_options: the "process" of audit options, whose errors
/// then keep the options' line and column). Errors: load_process's.
result<process> load_process(const json_value& doc, const json_source& source, const std::string& pointer,
                             const std::vector<std::string>& extra_fields);

/// The process findings as a JSON array.
ojson findings_to_ojson(const std::vector<process_finding>& findings);

}  // namespace revdiag::process_detail
