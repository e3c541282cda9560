// Private: the writing side of JSON (nlohmann only writes): the envelope, errors
// as JSON, a read tree as nlohmann JSON, and compact text that never throws.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "json/reader.h"
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
/// A value read by read_json as nlohmann JSON (whole numbers as integers), for writing.
ojson to_ojson(const json_value& v);
/// Serialize compactly, never throwing (invalid UTF-8 replaced).
std::string dump_json(const ojson& j);

}  // namespace revdiag
