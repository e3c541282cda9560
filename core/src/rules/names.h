// Private: the names a rule can use (functions, canonical and extra fields) and
// the "did you mean" suggestion that error messages share with process loading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json/object_reader.h"
#include "rules/program.h"

namespace revdiag::rules_detail {

struct function_info {
    std::string_view name;
    opcode op;
    int arity;
    vtype arg;  // the type every argument must have, unless any_arg
    vtype result;
    bool any_arg;
};

/// The function called `name` (lower case), or nullptr.
const function_info* find_function(std::string_view name);
/// "present, days_since, …": for error messages.
std::string function_names();
/// Every function a rule can call, in the order error messages name them.
std::vector<function_info> all_functions();

/// A field a rule reads: its name as the table spells it, and its type.
struct field_ref {
    std::string name;
    vtype type = vtype::text;
};
/// Resolve a lower-cased identifier against the canonical fields, then the
/// extra columns (text, matched regardless of case). False when unknown.
bool resolve_field(std::string_view lowered, const std::vector<std::string>& extra, field_ref& out);
/// The known field closest to a misspelled one, or "" when none is close.
std::string suggest_field(std::string_view lowered, const std::vector<std::string>& extra);

/// "Did you mean": the json module's, shared with every input's unknown keys.
using revdiag::closest_name;

}  // namespace revdiag::rules_detail
