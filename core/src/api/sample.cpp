#include <limits>

#include "api/sample_options.h"
#include "json/envelope.h"
#include "json/object_reader.h"
#include "revdiag/api.h"

namespace revdiag {

namespace {

error option_error(const json_value& at, const std::string& key, const std::string& message) {
    return json_error(options_input, "type", at, child_pointer("", key), message, key);
}

result<uint64_t> unsigned_option(const json_value& j, const std::string& key, uint64_t fallback) {
    const json_value* v = j.find(key);
    if (!v) return fallback;
    if (const auto n = whole_number(*v, 0, std::numeric_limits<int64_t>::max()))
        return static_cast<uint64_t>(*n);
    return option_error(
        *v, key,
        "The option \"" + key + "\" must be a whole number of 0 or more, not " + shown_value(*v) + ".");
}

result<std::string> text_option(const json_value& j, const std::string& key, const std::string& fallback) {
    const json_value* v = j.find(key);
    if (!v) return fallback;
    if (!v->is_string())
        return option_error(*v, key,
                            "The option \"" + key + "\" must be a string, not " + shown_value(*v) + ".");
    return v->text;
}

}  // namespace

result<sample_request> read_sample_options(const json_value& j) {
    const json_object_reader o(j, options_input, "");
    if (auto e =
            o.unknown_keys({"crm", "profile", "deals", "seed", "demo", "reference"}, "the sample options"))
        return *e;
    sample_request req;
    auto demo = text_option(j, "demo", "");
    if (!demo) return demo.err();
    if (!demo->empty()) {
        const sample_demo* d = find_sample_demo(*demo);
        if (!d) {
            const json_value& at = *j.find("demo");
            return make_error("sample.unknown_demo", "There is no built-in demo \"" + *demo + "\".",
                              location{"options", at.line, at.column, "/demo", ""});
        }
        req.demo = *demo;
        req.options.crm = std::string(d->crm);
        req.options.profile = std::string(d->profile);
        req.options.deals = d->deals;
        req.options.seed = d->seed;
    }
    auto crm = text_option(j, "crm", req.options.crm);
    if (!crm) return crm.err();
    auto profile = text_option(j, "profile", req.options.profile);
    if (!profile) return profile.err();
    auto deals = unsigned_option(j, "deals", req.options.deals);
    if (!deals) return deals.err();
    auto seed = unsigned_option(j, "seed", req.options.seed);
    if (!seed) return seed.err();
    auto reference = text_option(j, "reference", format_iso_date(req.options.reference));
    if (!reference) return reference.err();
    const auto day = parse_iso_date(*reference);
    if (!day)
        return o.error_at("date", "reference",
                          "The reference date \"" + *reference + "\" is not a YYYY-MM-DD date.");
    req.options.crm = *crm;
    req.options.profile = *profile;
    req.options.deals = *deals;
    req.options.seed = *seed;
    req.options.reference = *day;
    return req;
}

namespace api {

std::string sample(std::string_view options_json) {
    constexpr std::string_view schema = "revdiag.sample/1";
    auto parsed = read_json_object(options_json, options_input);
    if (!parsed) return error_envelope(schema, parsed.err());
    auto req = read_sample_options(*parsed);
    if (!req) return error_envelope(schema, req.err());
    auto csv = generate_sample(req->options);
    if (!csv) return error_envelope(schema, csv.err());
    ojson body;
    body["demo"] = req->demo.empty() ? ojson(nullptr) : ojson(req->demo);
    body["crm"] = req->options.crm;
    body["profile"] = req->options.profile;
    body["deals"] = req->options.deals;
    body["seed"] = req->options.seed;
    body["reference"] = format_iso_date(req->options.reference);
    body["csv"] = std::move(*csv);
    return ok_envelope(schema, body);
}

std::string samples() {
    ojson body;
    ojson demos = ojson::array();
    for (const sample_demo& d : sample_demos()) {
        ojson j;
        j["name"] = d.name;
        j["title"] = d.title;
        j["description"] = d.description;
        j["crm"] = d.crm;
        j["profile"] = d.profile;
        j["deals"] = d.deals;
        j["seed"] = d.seed;
        demos.push_back(std::move(j));
    }
    body["demos"] = std::move(demos);
    body["crms"] = ojson::array();
    for (std::string_view c : sample_crms()) body["crms"].push_back(c);
    body["profiles"] = ojson::array();
    for (std::string_view p : sample_profiles()) {
        ojson j;
        j["name"] = p;
        j["description"] = describe_profile(p);
        body["profiles"].push_back(std::move(j));
    }
    body["reference"] = format_iso_date(sample_options{}.reference);
    body["max_deals"] = max_sample_deals;
    return ok_envelope("revdiag.samples/1", body);
}

}  // namespace api
}  // namespace revdiag
