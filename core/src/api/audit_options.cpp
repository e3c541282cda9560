#include "api/audit_options.h"

#include "api/sample_options.h"
#include "ingest/ingest_json.h"

namespace revdiag::detail {

namespace {

std::string pointer_token(std::string_view key) {
    std::string out;
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out.push_back(c);
    }
    return out;
}

error type_error(const std::string& pointer, const std::string& what, const nlohmann::json& got) {
    return make_error("options.type",
                      "The option " + pointer + " must be " + what + ", not " +
                          got.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ".",
                      location{"options", 0, 0, pointer, ""});
}

}  // namespace

result<audit_request> read_audit_options(const nlohmann::json& options) {
    static const char* const known[] = {"as_of",  "process", "map",          "stage_map",
                                        "sample", "deals",   "action_deals", "evidence"};
    for (auto it = options.begin(); it != options.end(); ++it) {
        bool ok = false;
        for (const char* k : known) ok = ok || it.key() == k;
        if (!ok)
            return make_error(
                "options.unknown_key",
                "The audit option \"" + it.key() +
                    "\" is not known (as_of, process, map, stage_map, sample, deals, action_deals, "
                    "evidence).",
                location{"options", 0, 0, "/" + pointer_token(it.key()), it.key()});
    }
    audit_request req;
    req.as_of = today_utc();
    if (const auto it = options.find("as_of"); it != options.end()) {
        if (!it->is_string()) return type_error("/as_of", "a YYYY-MM-DD date", *it);
        const auto day = parse_iso_date(it->get<std::string>());
        if (!day)
            return make_error("options.date",
                              "The as-of date \"" + it->get<std::string>() + "\" is not a YYYY-MM-DD date.",
                              location{"options", 0, 0, "/as_of", ""});
        req.as_of = *day;
        req.has_as_of = true;
    }
    if (const auto it = options.find("evidence"); it != options.end()) {
        const std::string v = it->is_string() ? it->get<std::string>() : std::string();
        if (v != "available" && v != "strict")
            return type_error("/evidence", "\"available\" or \"strict\"", *it);
        req.evidence = v == "strict" ? evidence_mode::strict : evidence_mode::available;
    }
    if (const auto it = options.find("process"); it != options.end()) {
        if (!it->is_object()) return type_error("/process", "a revdiag.process/1 object", *it);
        req.process = *it;
    }
    if (const auto it = options.find("stage_map"); it != options.end()) {
        if (!it->is_object()) return type_error("/stage_map", "an object of recorded stage: stage id", *it);
        for (auto s = it->begin(); s != it->end(); ++s) {
            if (!s.value().is_string())
                return type_error("/stage_map/" + pointer_token(s.key()), "a stage id (a string)", s.value());
            req.stage_map.emplace_back(s.key(), s.value().get<std::string>());
        }
    }
    if (const auto it = options.find("deals"); it != options.end()) {
        const std::string v = it->is_string() ? it->get<std::string>() : std::string();
        if (v == "all")
            req.scope = deals_scope::all;
        else if (v == "flagged")
            req.scope = deals_scope::flagged;
        else if (v == "none")
            req.scope = deals_scope::none;
        else
            return type_error("/deals", "\"all\", \"flagged\" or \"none\"", *it);
    }
    if (const auto it = options.find("action_deals"); it != options.end()) {
        if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > 1000)
            return type_error("/action_deals", "a whole number from 0 to 1000", *it);
        req.action_deals = static_cast<size_t>(it->get<int64_t>());
    }
    if (const auto it = options.find("sample"); it != options.end()) {
        if (!it->is_string() && !it->is_object())
            return type_error("/sample", "a demo name or sample options", *it);
        req.sample = *it;
    }
    req.has_map = options.find("map") != options.end();
    auto ingest = api::ingest_options_from_json(options);
    if (!ingest) return ingest.err();
    req.ingest = std::move(*ingest);
    return req;
}

result<process> resolve_process(const audit_request& req, const deal_table& table) {
    if (!req.process) return default_process();
    std::vector<std::string> extra;
    for (const column& c : table.columns)
        if (!find_canonical_field(c.name)) extra.push_back(c.name);
    const std::string text = req.process->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    result<process> p = load_process(text, extra);
    if (p) return p;
    // The process arrived inside the options: point into them, and drop the line
    // and column, which would count characters of a re-serialized copy.
    error e = p.err();
    e.at.source = "options";
    e.at.pointer = "/process" + e.at.pointer;
    e.at.line = 0;
    e.at.column = 0;
    return e;
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
                              location{"options", 0, 0, "/stage_map/" + pointer_token(recorded), target});
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

result<std::string> sample_csv(const nlohmann::json& sample, day_t* reference) {
    nlohmann::json options =
        sample.is_string() ? nlohmann::json{{"demo", sample.get<std::string>()}} : sample;
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
