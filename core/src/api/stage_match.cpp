// api::match_stages: the process stage each recorded stage value matches, by
// the audit's own rule (process::match_stage over the engine's name key), so
// the page's stage mapping shows what the audit will do.
#include <optional>

#include "json/envelope.h"
#include "revdiag/api.h"
#include "revdiag/process.h"

namespace revdiag::api {

namespace {
constexpr std::string_view stage_match_schema = "revdiag.stage_match/1";

error match_options_error(const std::string& code, const std::string& message, const std::string& pointer) {
    return make_error(code, message, location{"options", 0, 0, pointer, ""});
}
}  // namespace

std::string match_stages(std::string_view process_json, std::string_view options_json) {
    auto options = parse_json_object(options_json, "options");
    if (!options) return error_envelope(stage_match_schema, options.err());
    for (auto it = options->begin(); it != options->end(); ++it)
        if (it.key() != "values")
            return error_envelope(stage_match_schema, match_options_error("options.unknown_key",
                                                                          "The option \"" + it.key() +
                                                                              "\" is not known (values).",
                                                                          "/" + it.key()));
    const auto values = options->find("values");
    if (values != options->end() && !values->is_array())
        return error_envelope(
            stage_match_schema,
            match_options_error("options.type", "The option /values must be a list of stage names.",
                                "/values"));
    std::optional<process> loaded;
    if (process_json.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        result<process> p = load_process(process_json);
        if (!p) return error_envelope(stage_match_schema, p.err());
        loaded = std::move(*p);
    }
    const process& p = loaded ? *loaded : default_process();
    ojson matches = ojson::array();
    if (values != options->end()) {
        for (size_t i = 0; i < values->size(); ++i) {
            const nlohmann::json& v = (*values)[i];
            if (!v.is_string())
                return error_envelope(stage_match_schema,
                                      match_options_error("options.type",
                                                          "The stage name at /values/" + std::to_string(i) +
                                                              " must be a string.",
                                                          "/values/" + std::to_string(i)));
            const std::string recorded = v.get<std::string>();
            const int index = match_stage(p, recorded);
            matches.push_back(ojson{
                {"value", recorded},
                {"stage", index < 0 ? ojson(nullptr) : ojson(p.stages[static_cast<size_t>(index)].id)}});
        }
    }
    ojson body;
    body["matches"] = std::move(matches);
    return ok_envelope(stage_match_schema, body);
}

}  // namespace revdiag::api
