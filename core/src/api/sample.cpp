#include "api/sample_options.h"
#include "json/envelope.h"
#include "revdiag/api.h"

namespace revdiag {

namespace {

error option_error(const std::string& key, const std::string& message) {
    return make_error("options.type", message, location{"options", 0, 0, "/" + key, key});
}

result<uint64_t> unsigned_option(const nlohmann::json& j, const std::string& key, uint64_t fallback) {
    const auto it = j.find(key);
    if (it == j.end()) return fallback;
    if (it->is_number_unsigned()) return it->get<uint64_t>();
    if (it->is_number_integer() && it->get<int64_t>() >= 0) return static_cast<uint64_t>(it->get<int64_t>());
    return option_error(
        key, "The option \"" + key + "\" must be a whole number of 0 or more, not " + it->dump() + ".");
}

result<std::string> text_option(const nlohmann::json& j, const std::string& key,
                                const std::string& fallback) {
    const auto it = j.find(key);
    if (it == j.end()) return fallback;
    if (!it->is_string())
        return option_error(key, "The option \"" + key + "\" must be a string, not " + it->dump() + ".");
    return it->get<std::string>();
}

}  // namespace

result<sample_request> read_sample_options(const nlohmann::json& j) {
    static const char* const known[] = {"crm", "profile", "deals", "seed", "demo", "reference"};
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool ok = false;
        for (const char* k : known) ok = ok || it.key() == k;
        if (!ok)
            return make_error("options.unknown_key", "The sample option \"" + it.key() + "\" is not known.",
                              location{"options", 0, 0, "/" + it.key(), it.key()});
    }
    sample_request req;
    auto demo = text_option(j, "demo", "");
    if (!demo) return demo.err();
    if (!demo->empty()) {
        const sample_demo* d = find_sample_demo(*demo);
        if (!d)
            return make_error("sample.unknown_demo", "There is no built-in demo \"" + *demo + "\".",
                              location{"options", 0, 0, "/demo", ""});
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
        return make_error("options.date",
                          "The reference date \"" + *reference + "\" is not a YYYY-MM-DD date.",
                          location{"options", 0, 0, "/reference", ""});
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
    auto parsed = parse_json_object(options_json, "options");
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
