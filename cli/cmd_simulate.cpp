// `revdiag simulate`: the simulator of DESIGN §5 on a CRM export (or a built-in
// demo): what-if settings, the pipeline forward in time, history, the Monte
// Carlo forecast and the archive calibration. The JSON is api::simulate's, so
// it is the wasm module's byte for byte; the text is drawn from it.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "revdiag/api.h"
#include "simulate_text.h"

namespace revdiag::cli {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

bool split_setting(const std::string& text, std::string& key, std::string& value) {
    const size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    key = text.substr(0, eq);
    value = text.substr(eq + 1);
    return true;
}

// A flag's value as JSON: a number when it reads as one, else the text (the
// engine then names the option that wanted a number).
ojson scalar(const std::string& text) {
    ojson v = ojson::parse(text, nullptr, false);
    if (!v.is_discarded() && v.is_number()) return v;
    return text;
}

ojson list_of(const std::string& text) {
    ojson list = ojson::array();
    size_t from = 0;
    while (from <= text.size()) {
        const size_t comma = std::min(text.find(',', from), text.size());
        if (comma > from) list.push_back(text.substr(from, comma - from));
        from = comma + 1;
    }
    return list;
}

int run_simulate_cmd(const std::vector<std::string>& args, io& s) {
    const args_parser a(
        args,
        {"process", "as-of", "map", "stage-map", "sample", "format", "out", "days", "trials", "seed",
         "horizon", "target", "policy", "set", "response-rate", "probabilities", "slip-days"},
        {});
    if (!a.ok() || a.positional().size() > 1) {
        s.err << "revdiag: " << (a.ok() ? "simulate takes at most one FILE" : a.error()) << "\n";
        return exit_usage;
    }
    const std::string format = a.value("format").value_or("text");
    if (format != "text" && format != "json") {
        s.err << "revdiag: --format must be text or json, not '" << format << "'\n";
        return exit_usage;
    }
    ojson options = ojson::object();
    if (const auto d = a.value("as-of")) options["as_of"] = *d;
    if (const auto p = a.value("process")) {
        const auto text = read_input(*p, s.err);
        if (!text) return exit_input_error;
        ojson process = ojson::parse(*text, nullptr, false);
        if (process.is_discarded()) {
            s.err << "revdiag: the process file " << *p << " is not valid JSON (revdiag process check " << *p
                  << " shows where)\n";
            return exit_input_error;
        }
        options["process"] = std::move(process);
    }
    for (const auto& [flag, key] : {std::pair{"map", "map"}, std::pair{"stage-map", "stage_map"}})
        for (const std::string& m : a.values(flag)) {
            std::string k, v;
            if (!split_setting(m, k, v)) {
                s.err << "revdiag: --" << flag << " needs NAME=VALUE, not '" << m << "'\n";
                return exit_usage;
            }
            options[key][k] = v;
        }
    for (const auto& [flag, key] :
         {std::pair{"days", "days"}, std::pair{"trials", "trials"}, std::pair{"seed", "seed"},
          std::pair{"target", "target"}, std::pair{"slip-days", "slip_days"}})
        if (const auto v = a.value(flag)) options[key] = scalar(*v);
    if (const auto v = a.value("horizon")) options["horizon"] = scalar(*v);
    if (const auto v = a.value("policy")) options["policy"] = *v;
    if (const auto v = a.value("probabilities")) options["probabilities"] = *v;
    // --response-rate 0.05 for every stage, or --response-rate proposal=0.1 per stage.
    for (const std::string& r : a.values("response-rate")) {
        std::string k, v;
        if (split_setting(r, k, v))
            options["response_rate"][k] = scalar(v);
        else
            options["response_rate"] = scalar(r);
    }
    for (const std::string& m : a.values("set")) {
        std::string k, v;
        if (!split_setting(m, k, v)) {
            s.err << "revdiag: --set needs key=value (e.g. inactive_after_days=45), not '" << m << "'\n";
            return exit_usage;
        }
        options["set"][k] = k == "roster" || k == "owner_shared_patterns" ? list_of(v) : scalar(v);
    }
    std::string csv;
    if (!a.positional().empty()) {
        if (a.value("sample")) {
            s.err << "revdiag: give either FILE or --sample, not both\n";
            return exit_usage;
        }
        auto text = read_input(a.positional()[0], s.err);
        if (!text) return exit_input_error;
        csv = std::move(*text);
    } else if (const auto name = a.value("sample")) {
        options["sample"] = *name;
    } else {
        s.err << "revdiag: simulate needs a FILE (or --sample NAME)\n";
        return exit_usage;
    }
    const std::string envelope = api::simulate(csv, options.dump());
    const std::string out_path = a.value("out").value_or("");
    if (format == "json") {
        const int rc = report_envelope_error(envelope, s.err);
        if (!write_output(out_path, envelope + "\n", s.out, s.err)) return exit_input_error;
        return rc;
    }
    const json j = json::parse(envelope, nullptr, false);
    if (j.is_discarded() || !j.value("ok", false)) return report_envelope_error(envelope, s.err);
    return write_output(out_path, render_simulate_text(j), s.out, s.err) ? exit_ok : exit_input_error;
}

const registrar reg_simulate{
    {"simulate",
     "simulate FILE [--as-of D] [--days N] [--trials N] [--seed S] [--horizon D] [--target X] "
     "[--policy none|enforced] [--set key=value]... [--response-rate R|stage=R]... "
     "[--probabilities process|learned] [--slip-days N] [--process P.json] [--map field=Header]... "
     "[--sample NAME] [--format text|json] [--out F]",
     run_simulate_cmd}};

}  // namespace
}  // namespace revdiag::cli
