// api::describe: what the engine knows that surfaces show as words (layers,
// finding codes, waterfall steps, CRM names, what a rule can read and call), so
// the page and the CLI never keep a copy.
#include "json/envelope.h"
#include "revdiag/api.h"
#include "revdiag/audit.h"
#include "revdiag/deals.h"
#include "revdiag/diagnostic.h"
#include "revdiag/mapping.h"
#include "rules/names.h"

namespace revdiag::api {

namespace {
constexpr std::string_view describe_schema = "revdiag.describe/1";
}  // namespace

std::string describe() {
    // Layer names are the diagnostic bank's, so the audit and the diagnostic name a layer alike.
    const result<question_bank> bank = diagnostic_bank();
    if (!bank) return error_envelope(describe_schema, bank.err());
    ojson layers = ojson::array();
    for (size_t i = 0; i < layer_count; ++i) {
        const auto l = static_cast<layer>(i);
        const std::string_view id = to_string(l);
        const bank_layer* named = nullptr;
        for (const bank_layer& b : bank->layers)
            if (b.id == id) named = &b;
        if (!named)
            return error_envelope(
                describe_schema,
                make_error("describe.layer", "The question bank names no layer \"" + std::string(id) + "\".",
                           location{"describe", 0, 0, "/layers", ""}));
        layers.push_back(ojson{{"id", id},
                               {"name", named->name},
                               {"rule", named->summary},
                               {"why", why_it_fails(l)},
                               {"fix", how_to_fix(l)}});
    }
    ojson findings = ojson::array();
    for (size_t i = 0; i < finding_code_count; ++i) {
        const auto c = static_cast<finding_code>(i);
        // What a deal's finding says of the criteria it names (the deal detail's column).
        const char* criteria = c == finding_code::exit_criteria_unmet        ? "unmet"
                               : c == finding_code::exit_criteria_unrecorded ? "unrecorded"
                                                                             : nullptr;
        findings.push_back(ojson{{"code", to_string(c)},
                                 {"layer", to_string(layer_of(c))},
                                 {"label", label_of(c)},
                                 {"fails_layer", counts_as_failure(c)},
                                 {"criteria_status", criteria ? ojson(criteria) : ojson()}});
    }
    // The steps of the stated -> real waterfall, in the report's order.
    ojson removals = ojson::array();
    for (size_t i = 0; i < removal_count; ++i) {
        const auto r = static_cast<removal>(i);
        removals.push_back(ojson{{"id", to_string(r)}, {"label", label_of(r)}});
    }
    ojson crms = ojson::array();
    for (const crm_name& c : crm_names()) crms.push_back(ojson{{"id", c.id}, {"name", c.name}});
    // What a criterion's rule can use: the process editor lists it beside the rules.
    ojson functions = ojson::array();
    for (const rules_detail::function_info& f : rules_detail::all_functions())
        functions.push_back(
            ojson{{"name", f.name},
                  {"args", f.arity},
                  {"takes", f.any_arg ? std::string_view("any") : rules_detail::type_name(f.arg)},
                  {"returns", rules_detail::type_name(f.result)}});
    ojson fields = ojson::array();
    for (const canonical_field& f : canonical_fields())
        fields.push_back(
            ojson{{"id", f.id}, {"type", rules_detail::type_name(rules_detail::type_of(f.type))}});
    ojson body;
    body["layers"] = std::move(layers);
    body["findings"] = std::move(findings);
    body["removals"] = std::move(removals);
    body["crms"] = std::move(crms);
    body["rules"] = ojson{{"functions", std::move(functions)}, {"fields", std::move(fields)}};
    return ok_envelope(describe_schema, body);
}

}  // namespace revdiag::api
