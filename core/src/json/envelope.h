// Private helpers shared by the api_*.cpp files: the JSON envelope, errors as
// JSON, and option parsing that never throws.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "revdiag/error.h"

namespace revdiag {

using ojson = nlohmann::ordered_json;

/// {"code","message","at":{…non-empty parts…}}.
ojson to_json(const error& e);
/// A list of warnings as JSON.
ojson to_json_list(const std::vector<warning>& ws);
/// {"schema":schema,"ok":true, …body's fields…} as compact text.
std::string ok_envelope(std::string_view schema, const ojson& body);
/// {"schema":schema,"ok":false,"error":…} as compact text.
std::string error_envelope(std::string_view schema, const error& e);
/// Parse an options/answers JSON object without exceptions; "" means {}.
/// Errors (code `<source>.json` / `<source>.type`) carry line and column.
result<nlohmann::json> parse_json_object(std::string_view text, std::string_view source);
/// Serialize compactly, never throwing (invalid UTF-8 replaced).
std::string dump_json(const ojson& j);

}  // namespace revdiag
