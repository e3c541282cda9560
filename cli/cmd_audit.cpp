// `revdiag audit`: the pipeline audit of a CRM export (or a built-in demo) as
// text for people, the revdiag.audit/1 JSON, or the flagged deals as CSV. The
// report always comes from api::audit / api::flagged_csv, so the JSON is the
// wasm module's byte for byte; the text is drawn from that JSON.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <sstream>
#include <tuple>

#include "cli.h"
#include "revdiag/api.h"
#include "revdiag/audit.h"

namespace revdiag::cli {
namespace {

using json = nlohmann::json;
constexpr size_t top_actions = 3;

// 1234567.5 -> "1,234,567.50"; no locale, so every machine prints the same.
std::string money(const json& v) {
    if (!v.is_number()) return "-";
    const double x = v.get<double>();
    const long long cents = std::llround(std::fabs(x) * 100.0);
    const std::string digits = std::to_string(cents / 100);
    std::string out = x < 0 && cents != 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    if (cents % 100 != 0) {
        char frac[8];
        std::snprintf(frac, sizeof frac, ".%02lld", cents % 100);
        out += frac;
    }
    return out;
}

std::string str(const json& v, const std::string& fallback = "") {
    return v.is_string() ? v.get<std::string>() : fallback;
}

// Pads to `width`; a longer text still gets one space, so columns never run together.
std::string pad(std::string s, size_t width) {
    s.append(s.size() < width ? width - s.size() : 1, ' ');
    return s;
}

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What the export could show and what it could not (DESIGN §3.1), kept apart from the deals' failures.
void render_coverage(std::ostringstream& o, const json& r) {
    if (!r.contains("coverage") || !r["coverage"].is_object()) return;
    const json& c = r["coverage"];
    const json& a = c["activity"];
    o << "\nEvidence (" << str(c["evidence"]) << "): ";
    if (a["column"].is_string())
        o << "activity judged on " << str(a["header"], str(a["column"])) << " ("
          << (str(a["tier"]) == "buyer"     ? "buyer activity"
              : str(a["tier"]) == "two_way" ? "two-way contact: weaker than buyer replies"
                                            : "logged by reps: weaker than buyer replies")
          << ")\n";
    else
        o << "the export has no activity column, so inactivity is not assessable\n";
    std::vector<std::string> missing;
    for (const json& cr : c["criteria"])
        if (str(cr["status"]) == "not_assessable") missing.push_back(str(cr["criterion"]));
    if (!missing.empty()) {
        o << "Not assessable (no column in this export): ";
        for (size_t i = 0; i < missing.size(); ++i) o << (i ? ", " : "") << missing[i];
        o << "\n";
    }
    const json& s = r["summary"];
    if (s.value("unverified_deals", size_t{0}) > 0)
        o << "Unverified: " << plural(s["unverified_deals"].get<size_t>(), "deal", "deals") << ", "
          << money(s["unverified_total"])
          << " of the real pipeline rests on criteria the export cannot show\n";
    for (const json& l : c["layers"]) {
        if (str(l["measurable"]) == "yes") continue;
        o << "  " << pad(str(l["id"]), 14) << "measurable " << str(l["measurable"]) << "; add:";
        for (const json& f : l["add"]) o << " " << str(f["field"]);
        o << "\n";
    }
}

std::string render_text(const json& r) {
    std::ostringstream o;
    const json& s = r["summary"];
    const json& in = r["input"];
    o << "revdiag audit as of " << str(r["as_of"]) << ": "
      << plural(s.value("open_deals", size_t{0}), "open deal", "open deals") << " of "
      << plural(s.value("rows", size_t{0}), "row", "rows");
    if (in.is_object() && in.contains("detected_crm"))
        o << " (" << str(in["detected_crm"], "generic") << " export)";
    o << "\n\n";
    const double stated = s["stated_total"].get<double>(), real = s["real_total"].get<double>();
    o << "Pipeline  stated " << money(s["stated_total"]) << "  ->  real " << money(s["real_total"]) << "   ("
      << money(s["difference"]);
    if (stated > 0) {
        char pct[32];
        std::snprintf(pct, sizeof pct, ", %.1f%%", 100.0 * (real - stated) / stated);
        o << pct;
    }
    o << ")\n";
    if (str(s["ranked_by"]) == "deals" && s.value("open_deals", size_t{0}) > 0)
        o << "          the pipeline cannot be valued: no open deal has an amount, so layers are ranked by "
             "deal counts\n";
    o << "Weighted  stated " << money(s["stated_weighted"]) << "  ->  real " << money(s["real_weighted"])
      << "\n";
    o << "Weakest layer: " << str(s["weakest_layer"], "none (no layer fails)") << "\n\n";

    std::vector<json> layers(r["layers"].begin(), r["layers"].end());
    const bool by_amount = str(s["ranked_by"]) == "amount";
    std::stable_sort(layers.begin(), layers.end(), [by_amount](const json& a, const json& b) {
        const double ra = a["amount_at_risk"].get<double>(), rb = b["amount_at_risk"].get<double>();
        if (by_amount && ra != rb) return ra > rb;
        return a["deals_failing"].get<size_t>() > b["deals_failing"].get<size_t>();
    });
    o << "Layers, weakest first"
      << (by_amount ? " (by amount at risk)" : " (by deals failing: no amounts recorded)") << "\n";
    for (size_t i = 0; i < layers.size(); ++i)
        o << "  " << i + 1 << ". " << pad(str(layers[i]["id"]), 14)
          << pad(plural(layers[i]["deals_failing"].get<size_t>(), "deal", "deals"), 12)
          << pad(money(layers[i]["amount_at_risk"]) + " at risk", 22)
          << (layers[i]["score"].is_number() ? "score " + std::to_string(layers[i]["score"].get<int>())
                                             : std::string("not measurable: the export lacks its fields"))
          << (str(layers[i]["measurable"]) == "partly" ? " (partly measurable)" : "")
          << (layers[i].value("deals_counted_above", size_t{0}) > 0
                  ? "   (" + money(layers[i]["amount_counted_above"]) + " counted above)"
                  : std::string())
          << "\n";
    render_coverage(o, r);
    if (r.contains("waterfall")) {
        // The gap, deal by deal: each deal that is not real under one reason.
        o << "\nStated -> real, each deal counted once\n";
        for (const json& step : r["waterfall"]["steps"]) {
            std::string name = str(step["id"]);
            for (size_t i = 0; i < revdiag::removal_count; ++i)
                if (name == revdiag::to_string(static_cast<revdiag::removal>(i)))
                    name = std::string(revdiag::label_of(static_cast<revdiag::removal>(i)));
            o << "  - " << pad(name, 26) << pad(plural(step["deals"].get<size_t>(), "deal", "deals"), 12)
              << money(step["amount"]) << "\n";
        }
    }

    o << "\nStages           stated                    real\n";
    for (const json& st : r["stages"]) {
        std::string stated_cell =
            std::to_string(st["stated_count"].get<size_t>()) + "  " + money(st["stated_amount"]);
        std::string real_cell =
            std::to_string(st["real_count"].get<size_t>()) + "  " + money(st["real_amount"]);
        o << "  " << pad(str(st["name"]), 15) << pad(stated_cell, 26) << real_cell << "\n";
    }
    if (s.value("unknown_stage_deals", size_t{0}) > 0)
        o << "  " << plural(s["unknown_stage_deals"].get<size_t>(), "deal has", "deals have")
          << " a stage the process does not know\n";

    o << "\nWho must do what today (one next action per deal)\n";
    if (r["owners"].empty()) o << "  nothing: no deal is flagged\n";
    for (const json& owner : r["owners"]) {
        o << "  " << str(owner["owner"], "(no owner)") << ": "
          << plural(owner["deals"].get<size_t>(), "deal", "deals") << ", " << money(owner["amount_at_risk"])
          << " at risk\n";
        size_t shown = 0;
        for (const json& a : owner["actions"]) {
            if (shown++ == top_actions) {
                o << "    ... "
                  << plural(owner["actions"].size() - top_actions, "more action", "more actions") << "\n";
                break;
            }
            o << "    - " << str(a["action"]) << ": " << plural(a["count"].get<size_t>(), "deal", "deals")
              << " (" << money(a["amount"]) << ")\n";
        }
    }
    std::vector<json> warnings;
    if (in.is_object() && in.contains("warnings"))
        warnings.insert(warnings.end(), in["warnings"].begin(), in["warnings"].end());
    warnings.insert(warnings.end(), r["warnings"].begin(), r["warnings"].end());
    if (!warnings.empty()) {
        o << "\nWarnings\n";
        for (const json& w : warnings) {
            o << "  - ";
            if (w.contains("at") && w["at"].contains("line"))
                o << "line " << w["at"]["line"].get<uint64_t>() << ": ";
            o << str(w["message"]) << "\n";
        }
    }
    return o.str();
}

bool split_pair(const std::string& text, bool at_last, std::string& key, std::string& value) {
    const size_t eq = at_last ? text.rfind('=') : text.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    key = text.substr(0, eq);
    value = text.substr(eq + 1);
    return true;
}

// The file read through a session in 2 MB blocks, so the whole file is never
// held beside its cells; null when anything fails (the caller then audits the
// whole text, so errors read exactly as they always did).
std::unique_ptr<api::session> read_streamed(const std::string& path, const nlohmann::ordered_json& options) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return nullptr;
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    nlohmann::ordered_json limits = nlohmann::ordered_json::object();
    if (size > 0) limits["expected_bytes"] = static_cast<int64_t>(size);
    auto session = std::make_unique<api::session>(limits.dump());
    std::string block(size_t{2} << 20, '\0');
    while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0)
        if (!envelope_ok(session->push(std::string_view(block.data(), static_cast<size_t>(in.gcount())))))
            return nullptr;
    if (in.bad()) return nullptr;
    block = std::string();
    nlohmann::ordered_json finish = nlohmann::ordered_json::object();
    if (options.contains("map")) finish["map"] = options["map"];
    if (!envelope_ok(session->finish(finish.dump()))) return nullptr;
    return session;
}

// The JSON report written to `path` (or `out`) as the engine writes it, a deal at
// a time: its first piece says whether the audit succeeded, before anything is
// written. The exit code, or nullopt when the audit failed and nothing was written.
std::optional<int> write_json_report(api::session& session, const std::string& audit_opts,
                                     const std::string& path, std::ostream& out, std::ostream& err) {
    std::ofstream file;
    std::ostream* to = &out;
    bool failed = false, started = false;
    session.audit_to(audit_opts, [&](std::string_view piece) {
        if (failed) return;
        if (!started) {
            started = true;
            if (!envelope_ok(std::string(piece.substr(0, 64)))) {
                failed = true;
                return;
            }
            if (!path.empty()) {
                file.open(path, std::ios::binary);
                to = &file;
            }
        }
        to->write(piece.data(), static_cast<std::streamsize>(piece.size()));
    });
    if (failed || !started) return std::nullopt;
    *to << '\n';
    to->flush();
    if (*to) return exit_ok;
    err << "revdiag: cannot write " << (path.empty() ? "the report" : path) << "\n";
    return exit_input_error;
}

int run_audit_cmd(const std::vector<std::string>& args, io& s) {
    const args_parser a(args, {"process", "as-of", "map", "stage-map", "sample", "format", "out", "evidence"},
                        {});
    if (!a.ok() || a.positional().size() > 1) {
        s.err << "revdiag: " << (a.ok() ? "audit takes at most one FILE" : a.error()) << "\n";
        return exit_usage;
    }
    const std::string format = a.value("format").value_or("text");
    if (format != "text" && format != "json" && format != "csv") {
        s.err << "revdiag: --format must be text, json or csv, not '" << format << "'\n";
        return exit_usage;
    }
    nlohmann::ordered_json options = nlohmann::ordered_json::object();
    if (const auto d = a.value("as-of")) options["as_of"] = *d;
    if (const auto e = a.value("evidence")) {
        if (*e != "available" && *e != "strict") {
            s.err << "revdiag: --evidence must be available or strict, not '" << *e << "'\n";
            return exit_usage;
        }
        options["evidence"] = *e;
    }
    if (const auto p = a.value("process")) {
        const auto text = read_input(*p, s.err);
        if (!text) return exit_input_error;
        // The engine reads the file's text itself, so its errors name the file's
        // lines and columns (and a hostile nesting never reaches a JSON library here).
        options["process"] = std::move(*text);
    }
    for (const auto& [flag, key, at_last] :
         {std::tuple{"map", "map", false}, std::tuple{"stage-map", "stage_map", true}}) {
        for (const std::string& m : a.values(flag)) {
            std::string k, v;
            if (!split_pair(m, at_last, k, v)) {
                s.err << "revdiag: --" << flag << " needs NAME=VALUE, not '" << m << "'\n";
                return exit_usage;
            }
            options[key][k] = v;
        }
    }
    std::string csv;
    const bool from_file = !a.positional().empty() && a.positional()[0] != "-";
    if (!a.positional().empty()) {
        if (a.value("sample")) {
            s.err << "revdiag: give either FILE or --sample, not both\n";
            return exit_usage;
        }
        if (!from_file) {
            auto text = read_input(a.positional()[0], s.err);
            if (!text) return exit_input_error;
            csv = std::move(*text);
        }
    } else if (const auto name = a.value("sample")) {
        options["sample"] = *name;
    } else {
        // No file: the first built-in demo, so the main job works with nothing at hand.
        const json list = json::parse(api::samples(), nullptr, false);
        if (list.is_discarded() || list["demos"].empty()) return exit_input_error;
        options["sample"] = list["demos"][0]["name"];
    }
    // A process file's stray bytes must not throw here: they reach the engine as U+FFFD.
    const auto text_of = [](const nlohmann::ordered_json& j) {
        return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    };
    const std::string opts = text_of(options);
    const std::string out_path = a.value("out").value_or("");
    if (format == "csv") {
        if (from_file) {
            auto text = read_input(a.positional()[0], s.err);
            if (!text) return exit_input_error;
            csv = std::move(*text);
        }
        const std::string envelope = api::flagged_csv(csv, opts);
        const json j = json::parse(envelope, nullptr, false);
        if (j.is_discarded() || !j.value("ok", false)) return report_envelope_error(envelope, s.err);
        return write_output(out_path, str(j["csv"]), s.out, s.err) ? exit_ok : exit_input_error;
    }
    // The text shows totals and counts only: it asks for no deal lists, which on
    // a million-deal export would be hundreds of megabytes of JSON to read back.
    std::string audit_opts = opts;
    if (format == "text") {
        auto brief = options;
        brief["deals"] = "none";
        brief["action_deals"] = 0;
        audit_opts = text_of(brief);
    }
    std::optional<std::string> streamed;
    if (from_file) {
        if (const auto session = read_streamed(a.positional()[0], options)) {
            if (format == "json") {
                if (const auto rc = write_json_report(*session, audit_opts, out_path, s.out, s.err))
                    return *rc;
            } else if (std::string envelope = session->audit(audit_opts); envelope_ok(envelope)) {
                streamed = std::move(envelope);
            }
        }
    }
    if (from_file && !streamed) {
        auto text = read_input(a.positional()[0], s.err);
        if (!text) return exit_input_error;
        csv = std::move(*text);
    }
    std::string envelope = streamed ? std::move(*streamed) : api::audit(csv, audit_opts);
    if (format == "json") {
        const int rc = report_envelope_error(envelope, s.err);
        envelope.push_back('\n');  // in place: a million-deal report is not copied for its line break
        if (!write_output(out_path, envelope, s.out, s.err)) return exit_input_error;
        return rc;
    }
    const json j = json::parse(envelope, nullptr, false);
    if (j.is_discarded() || !j.value("ok", false)) return report_envelope_error(envelope, s.err);
    return write_output(out_path, render_text(j), s.out, s.err) ? exit_ok : exit_input_error;
}

const registrar reg_audit{
    {"audit",
     "audit [FILE|-] [--process P.json] [--as-of YYYY-MM-DD] [--map field=Header]... "
     "[--stage-map \"Recorded=stage_id\"]... [--sample NAME] [--evidence available|strict] "
     "[--format text|json|csv] [--out F]",
     run_audit_cmd}};

}  // namespace
}  // namespace revdiag::cli
