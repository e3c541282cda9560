// Private helpers of the diagnostic and Snapshot modules: JSON pointer escaping
// and typed reads that never throw, each failing with an error that points at
// the offending member.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "revdiag/error.h"

namespace revdiag::diag {

/// A JSON pointer token: `~` becomes `~0` and `/` becomes `~1` (RFC 6901).
std::string pointer_token(std::string_view key);

/// The member `key` of object `j`, or nullptr (also when `j` is not an object).
const nlohmann::json* member(const nlohmann::json& j, std::string_view key);

/// An error of `code` located at `pointer` in `source`, naming `field` when given.
error error_at(std::string code, std::string message, std::string source, std::string pointer,
               std::string field = {});

/// Compact JSON text of a value for messages, never throwing.
std::string dump_value(const nlohmann::json& j);

/// A whole number that fits an int, from an integer or an integral float.
bool read_int(const nlohmann::json& j, int& out);

}  // namespace revdiag::diag
