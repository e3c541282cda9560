// The JSON of what was read, shared by api inspect and the audit report's
// "input" block.
#pragma once

#include "json/envelope.h"
#include "revdiag/ingest.h"

namespace revdiag {

/// {"rows","encoding","delimiter","line_ending","detected_crm",
///  "mapping":{field:{"header","column","confidence","alternatives"[,"derived"][,"tier"][,"ids"]}},
///  "missing_fields":[...],"extra_columns":[{"name","header","column"}],"warnings":[...]}
/// (columns 1-based as in warnings).
ojson ingest_to_json(const ingest_result& r);

/// The distinct values of a text column with their counts, most frequent first
/// (ties in order of first appearance): [{"value","count"}].
ojson value_counts_json(const column& c);

/// One typed cell as JSON: text and status as strings, money and percent as
/// numbers, dates as "YYYY-MM-DD", booleans as true/false; null when missing.
ojson cell_to_json(const column& c, size_t row);

}  // namespace revdiag

namespace revdiag::api {
/// The ingest options of an api call's options object ("map": {field: header}).
/// Errors: options.type with the JSON pointer, line and column of the bad value.
result<ingest_options> ingest_options_from_json(const json_value& options);
}  // namespace revdiag::api
