// Reading an audit report's layer scores back, with the place of every error.
#include "diagnostic/measured.h"

#include "json/object_reader.h"

namespace revdiag {

result<measured_audit> read_measured_audit(const json_value& audit, const json_source& source,
                                           const std::string& pointer) {
    auto fail = [&](const json_value& at, std::string message, const std::string& below) {
        return json_error(source, "audit", at, pointer + below, std::move(message));
    };
    measured_audit out;
    if (!audit.is_object())
        return fail(audit, "The \"audit\" option must be a revdiag.audit/1 report object.", "");
    if (const json_value* ok = audit.find("ok"); ok && ok->is_bool() && !ok->boolean)
        return fail(*ok, "The \"audit\" option holds a failed audit, which has no layer scores.", "/ok");
    const json_value* layers = audit.find("layers");
    if (!layers || !layers->is_array())
        return fail(layers ? *layers : audit, "The audit report has no \"layers\" array of layer scores.",
                    "/layers");
    for (size_t i = 0; i < layers->items.size(); ++i) {
        const json_value& l = layers->items[i];
        const std::string at = child_pointer("/layers", i);
        const json_value* id = l.find("id");
        if (!id || !id->is_string())
            return fail(id ? *id : l, "Audit layer " + std::to_string(i) + " has no \"id\" string.",
                        at + "/id");
        const json_value* score = l.find("score");
        if (score && score->kind == json_value::null_v) continue;  // a layer the export could not measure
        const double s = score && score->is_number() ? score->number : -1.0;
        if (!(s >= 0.0 && s <= 100.0))
            return fail(score ? *score : l,
                        "Audit layer \"" + id->text + "\" needs a \"score\" from 0 to 100.", at + "/score");
        out.layers.push_back(measured_layer{id->text, static_cast<int>(s + 0.5)});
    }
    if (const json_value* summary = audit.find("summary"))
        if (const json_value* w = summary->find("weakest_layer"); w && w->is_string()) out.weakest = w->text;
    return out;
}

}  // namespace revdiag
