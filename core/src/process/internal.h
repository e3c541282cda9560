// Private helpers shared by the process_*.cpp files.
#pragma once

#include <string>
#include <string_view>

#include "common/stage_key.h"
#include "json/envelope.h"
#include "revdiag/process.h"

namespace revdiag::process_detail {

/// The form stage names are matched in: the engine's one key (common/stage_key.h).
using revdiag::stage_key;

/// The revdiag.process/1 document of a process, keys in a fixed order.
ojson process_to_ojson(const process& p);

/// The process findings as a JSON array.
ojson findings_to_ojson(const std::vector<process_finding>& findings);

}  // namespace revdiag::process_detail
