#include "api/audit_options.h"

#include "api/sample_options.h"
#include "ingest/ingest_json.h"
#include "json/object_reader.h"
#include "process/internal.h"

namespace revdiag::detail {

namespace {

error type_error(const std::string& pointer, const std::string& what, const json_value& got) {
    return json_error(options_input, "type", got, pointer,
                      "The option " + pointer + " must be " + what + ", not " + shown_value(got) + ".");
}

}  // namespace

result<audit_request> read_audit_options(const json_value& options) {
    const json_object_reader o(options, options_input, "");
    if (auto e = o.unknown_keys(
            {"as_of", "process", "map", "stage_map", "sample", "deals", "action_deals", "evidence"},
            "the audit options"))
        return *e;
    audit_request req;
    req.as_of = today_utc();
    if (const json_value* v = o.optional("as_of")) {
        if (!v->is_string()) return type_error("/as_of", "a YYYY-MM-DD date", *v);
        const auto day = parse_iso_date(v->text);
        if (!day)
            return json_error(options_input, "date", *v, "/as_of",
                              "The as-of date \"" + v->text + "\" is not a YYYY-MM-DD date.");
        req.as_of = *day;
        req.has_as_of = true;
    }
    if (const json_value* v = o.optional("evidence")) {
        const std::string text = v->is_string() ? v->text : std::string();
        if (text != "available" && text != "strict")
            return type_error("/evidence", "\"available\" or \"strict\"", *v);
        req.evidence = text == "strict" ? evidence_mode::strict : evidence_mode::available;
    }
    if (const json_value* v = o.optional("process")) {
        // An object is read where it stands; a string is a process file's text
        // (what the CLI hands over), read with the file's own lines and columns.
        if (v->is_object())
            req.process = *v;
        else if (v->is_string())
            req.process_text = v->text;
        else
            return type_error("/process", "a revdiag.process/1 object", *v);
    }
    if (const json_value* v = o.optional("stage_map")) {
        if (!v->is_object()) return type_error("/stage_map", "an object of recorded stage: stage id", *v);
        for (const json_member& m : v->members) {
            if (!m.value.is_string())
                return type_error(child_pointer("/stage_map", m.key), "a stage id (a string)", m.value);
            req.stage_map.emplace_back(m.key, m.value.text);
        }
    }
    if (const json_value* v = o.optional("deals")) {
        const std::string text = v->is_string() ? v->text : std::string();
        if (text == "all")
            req.scope = deals_scope::all;
        else if (text == "flagged")
            req.scope = deals_scope::flagged;
        else if (text == "none")
            req.scope = deals_scope::none;
        else
            return type_error("/deals", "\"all\", \"flagged\" or \"none\"", *v);
    }
    if (const json_value* v = o.optional("action_deals")) {
        const auto n = whole_number(*v, 0, 1000);
        if (!n) return type_error("/action_deals", "a whole number from 0 to 1000", *v);
        req.action_deals = static_cast<size_t>(*n);
    }
    if (const json_value* v = o.optional("sample")) {
        if (!v->is_string() && !v->is_object())
            return type_error("/sample", "a demo name or sample options", *v);
        req.sample = *v;
    }
    req.has_map = o.optional("map") != nullptr;
    auto ingest = api::ingest_options_from_json(options);
    if (!ingest) return ingest.err();
    req.ingest = std::move(*ingest);
    return req;
}

result<process> resolve_process(const audit_request& req, const deal_table& table) {
    if (!req.process && !req.process_text) return default_process();
    std::vector<std::string> extra;
    for (const column& c : table.columns)
        if (!find_canonical_field(c.name)) extra.push_back(c.name);
    if (req.process_text) return load_process(*req.process_text, extra);
    return process_detail::load_process(*req.process, process_in_options, "/process", extra);
}

result<audit_options> resolve_stage_map(const audit_request& req, const process& p) {
    audit_options out;
    out.evidence = req.evidence;
    for (const auto& [recorded, target] : req.stage_map) {
        bool found = false;
        for (const stage& s : p.stages) found = found || s.id == target;
        if (!found)
            return make_error("options.stage_map",
                              "The stage map sends \"" + recorded + "\" to \"" + target +
                                  "\", which is not a stage id of the process.",
                              location{"options", 0, 0, child_pointer("/stage_map", recorded), target});
        out.stage_map.emplace_back(recorded, target);
    }
    return out;
}

std::string moved_envelope(std::string_view schema, ojson&& body) {
    ojson j = ojson::object();
    auto& fields = j.get_ref<ojson::object_t&>();
    fields.reserve(2 + body.size());
    j["schema"] = schema;
    j["ok"] = true;
    for (auto& field : body.get_ref<ojson::object_t&>()) j[field.first] = std::move(field.second);
    return dump_json(j);
}

result<std::string> sample_csv(const json_value& sample, day_t* reference) {
    json_value options = sample;
    if (sample.is_string()) {
        // A demo name stands for {"demo": name}; errors then point at /sample itself.
        options = json_value{};
        options.kind = json_value::object_v;
        options.line = sample.line;
        options.column = sample.column;
        options.members.push_back(json_member{"demo", sample.line, sample.column, sample});
    }
    auto req = read_sample_options(options);
    if (!req) {
        error e = req.err();
        e.at.pointer = "/sample" + (sample.is_string() ? std::string() : e.at.pointer);
        return e;
    }
    if (reference) *reference = req->options.reference;
    return generate_sample(req->options);
}

}  // namespace revdiag::detail
