#include "json/envelope.h"

#include <cmath>

namespace revdiag {

ojson to_json(const error& e) {
    ojson j;
    j["code"] = e.code;
    j["message"] = e.message;
    ojson at = ojson::object();
    if (!e.at.source.empty()) at["source"] = e.at.source;
    if (e.at.line) at["line"] = e.at.line;
    if (e.at.column) at["column"] = e.at.column;
    if (!e.at.pointer.empty()) at["pointer"] = e.at.pointer;
    if (!e.at.field.empty()) at["field"] = e.at.field;
    if (e.at.rule_column) at["rule_column"] = e.at.rule_column;
    j["at"] = std::move(at);
    return j;
}

ojson to_json_list(const std::vector<warning>& ws) {
    ojson list = ojson::array();
    for (const warning& w : ws) list.push_back(to_json(w));
    return list;
}

std::string dump_json(const ojson& j) {
    return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string ok_envelope(std::string_view schema, const ojson& body) {
    ojson j;
    j["schema"] = schema;
    j["ok"] = true;
    if (body.is_object())
        for (auto it = body.begin(); it != body.end(); ++it) j[it.key()] = it.value();
    return dump_json(j);
}

std::string error_envelope(std::string_view schema, const error& e) {
    ojson j;
    j["schema"] = schema;
    j["ok"] = false;
    j["error"] = to_json(e);
    // Every error of the input, the first included, when there is more than one.
    if (!e.also.empty()) {
        ojson all = ojson::array();
        all.push_back(j["error"]);
        for (const error& more : e.also) all.push_back(to_json(more));
        j["errors"] = std::move(all);
    }
    return dump_json(j);
}

ojson to_ojson(const json_value& v) {
    switch (v.kind) {
        case json_value::null_v:
            return ojson(nullptr);
        case json_value::bool_v:
            return ojson(v.boolean);
        case json_value::number_v:
            // As nlohmann reads numbers: whole ones that fit as integers, the rest as doubles.
            if (v.exact && !std::signbit(v.number)) return ojson(v.magnitude);
            if (v.exact && v.magnitude <= uint64_t{1} << 63)
                return ojson(static_cast<int64_t>(0 - v.magnitude));
            return ojson(v.number);
        case json_value::string_v:
            return ojson(v.text);
        case json_value::array_v: {
            ojson out = ojson::array();
            for (const json_value& item : v.items) out.push_back(to_ojson(item));
            return out;
        }
        case json_value::object_v: {
            ojson out = ojson::object();
            for (const json_member& m : v.members) out[m.key] = to_ojson(m.value);
            return out;
        }
    }
    return ojson(nullptr);
}

}  // namespace revdiag
