// api::match_stages: the process stage each recorded stage value matches, by
// the audit's own rule (process::match_stage over the engine's name key), so
// the page's stage mapping shows what the audit will do.
#include <optional>

#include "json/envelope.h"
#include "json/object_reader.h"
#include "revdiag/api.h"
#include "revdiag/process.h"

namespace revdiag::api {

namespace {
constexpr std::string_view stage_match_schema = "revdiag.stage_match/1";
}  // namespace

std::string match_stages(std::string_view process_json, std::string_view options_json) {
    auto options = read_json_object(options_json, options_input);
    if (!options) return error_envelope(stage_match_schema, options.err());
    const json_object_reader o(*options, options_input, "");
    if (auto e = o.unknown_keys({"values"}, "the stage match options"))
        return error_envelope(stage_match_schema, *e);
    const json_value* values = o.optional("values");
    if (values && !values->is_array())
        return error_envelope(stage_match_schema,
                              json_error(options_input, "type", *values, "/values",
                                         "The option /values must be a list of stage names."));
    std::optional<process> loaded;
    if (process_json.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        result<process> p = load_process(process_json);
        if (!p) return error_envelope(stage_match_schema, p.err());
        loaded = std::move(*p);
    }
    const process& p = loaded ? *loaded : default_process();
    ojson matches = ojson::array();
    if (values) {
        for (size_t i = 0; i < values->items.size(); ++i) {
            const json_value& v = values->items[i];
            const std::string at = child_pointer("/values", i);
            if (!v.is_string())
                return error_envelope(stage_match_schema,
                                      json_error(options_input, "type", v, at,
                                                 "The stage name at " + at + " must be a string."));
            const int index = match_stage(p, v.text);
            matches.push_back(ojson{
                {"value", v.text},
                {"stage", index < 0 ? ojson(nullptr) : ojson(p.stages[static_cast<size_t>(index)].id)}});
        }
    }
    ojson body;
    body["matches"] = std::move(matches);
    return ok_envelope(stage_match_schema, body);
}

}  // namespace revdiag::api
