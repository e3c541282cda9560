// api.h's process functions: the embedded default, and validation of a user's
// process with its stages-layer findings.
#include "envelope.h"
#include "process_internal.h"
#include "revdiag/api.h"

namespace revdiag::api {

namespace {
constexpr std::string_view check_schema = "revdiag.process_check/1";
}

std::string process_default() {
    ojson body;
    body["process"] = process_detail::process_to_ojson(default_process());
    return ok_envelope("revdiag.process/1", body);
}

std::string process_check(std::string_view process_json, std::string_view csv, std::string_view options_json) {
    result<nlohmann::json> options = parse_json_object(options_json, "options");
    if (!options) return error_envelope(check_schema, options.err());
    if (csv.find_first_not_of(" \t\r\n") != std::string_view::npos)
        return error_envelope(check_schema,
                              make_error("process_check.csv_unsupported",
                                         "Checking a process against an export needs the CSV reader, which this "
                                         "build does not include yet.",
                                         location{"csv", 0, 0, "", ""}));
    result<process> p = load_process(process_json);
    if (!p) return error_envelope(check_schema, p.err());
    const std::vector<process_finding> findings = check_process(*p, nullptr);
    ojson body;
    body["name"] = p->name;
    ojson stages = ojson::array();
    for (const stage& s : p->stages) stages.push_back(s.id);
    body["stages"] = std::move(stages);
    body["findings"] = process_detail::findings_to_ojson(findings);
    return ok_envelope(check_schema, body);
}

}  // namespace revdiag::api
