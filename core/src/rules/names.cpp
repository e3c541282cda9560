#include "rules/names.h"

#include <algorithm>
#include <iterator>

namespace revdiag::rules_detail {

namespace {

const function_info functions[] = {
    {"present", opcode::present, 1, vtype::boolean, vtype::boolean, true},
    {"days_since", opcode::days_since, 1, vtype::date, vtype::number, false},
    {"business_days_since", opcode::business_days_since, 1, vtype::date, vtype::number, false},
    {"days_until", opcode::days_until, 1, vtype::date, vtype::number, false},
    {"lower", opcode::lower, 1, vtype::text, vtype::text, false},
    {"contains", opcode::contains, 2, vtype::text, vtype::boolean, false},
};

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

}  // namespace

const function_info* find_function(std::string_view name) {
    for (const function_info& f : functions)
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<function_info> all_functions() {
    return {std::begin(functions), std::end(functions)};
}

std::string function_names() {
    std::string out;
    const size_t n = sizeof functions / sizeof functions[0];
    for (size_t i = 0; i < n; ++i)
        out += std::string(i == 0 ? "" : (i + 1 == n ? " and " : ", ")) + std::string(functions[i].name);
    return out;
}

bool resolve_field(std::string_view lowered, const std::vector<std::string>& extra, field_ref& out) {
    if (const canonical_field* f = find_canonical_field(lowered)) {
        out = field_ref{std::string(f->id), type_of(f->type)};
        return true;
    }
    for (const std::string& e : extra)
        if (same_ignoring_case(e, lowered)) {
            out = field_ref{e, vtype::text};
            return true;
        }
    return false;
}

std::string suggest_field(std::string_view lowered, const std::vector<std::string>& extra) {
    std::vector<std::string_view> names;
    for (const canonical_field& f : canonical_fields()) names.push_back(f.id);
    for (const std::string& e : extra) names.push_back(e);
    return closest_name(lowered, names);
}

}  // namespace revdiag::rules_detail
