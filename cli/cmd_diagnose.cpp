// `revdiag diagnose` and `revdiag snapshot`: the questionnaire's answers file in,
// the api envelope out (--format json) or a text rendering of it for people.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "cli.h"
#include "revdiag/api.h"

namespace revdiag::cli {

namespace {

using nlohmann::json;

std::string text_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int int_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<int>() : 0;
}

const json& list_at(const json& j, const char* key) {
    static const json empty = json::array();
    const auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : empty;
}

std::string bar(int score) {
    const int filled = (score + 5) / 10;
    return std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(10 - filled), '.');
}

std::string padded(std::string s, size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

void print_diagnostic(const json& r, std::ostream& out) {
    out << "Sales process diagnostic (question bank version " << int_at(r, "bank_version") << ")\n\n";
    for (const json& l : list_at(r, "layers")) {
        const int score = int_at(l, "score");
        out << "  " << padded(text_at(l, "name"), 20) << bar(score) << " " << padded(std::to_string(score), 4)
            << text_at(l, "band_label")
            << (text_at(l, "id") == text_at(r, "weakest_layer") ? "  <- weakest" : "") << "\n";
    }
    out << "\n" << text_at(r, "summary") << "\n\nWhat to do, in this order:\n";
    for (const json& rec : list_at(r, "recommendations")) {
        out << "\n"
            << int_at(rec, "priority") << ". " << text_at(rec, "name") << " (" << int_at(rec, "score")
            << ")\n";
        for (const json& step : list_at(rec, "steps"))
            if (step.is_string()) out << "   - " << step.get<std::string>() << "\n";
    }
    const auto cmp = r.find("comparison");
    if (cmp != r.end() && cmp->is_object()) {
        out << "\nSelf-assessment against the audit:\n";
        for (const json& l : list_at(*cmp, "layers")) out << "  - " << text_at(l, "message") << "\n";
        out << "  " << text_at(*cmp, "summary") << "\n";
    }
}

// Shared front part: positional file, --format; returns the parsed options or an exit code.
struct common_args {
    std::string file;
    bool json_format = false;
};

int parse_common(const args_parser& p, const char* usage, common_args& a, io& s) {
    if (!p.ok()) {
        s.err << "revdiag: " << p.error() << "\nusage: revdiag " << usage << "\n";
        return exit_usage;
    }
    if (p.positional().size() != 1) {
        s.err << "revdiag: expected one answers file\nusage: revdiag " << usage << "\n";
        return exit_usage;
    }
    const std::string format = p.value("format").value_or("text");
    if (format != "text" && format != "json") {
        s.err << "revdiag: --format must be text or json, not '" << format << "'\n";
        return exit_usage;
    }
    a.file = p.positional()[0];
    a.json_format = format == "json";
    return exit_ok;
}

constexpr const char* diagnose_usage = "diagnose ANSWERS.json [--format text|json] [--audit REPORT.json]";
constexpr const char* snapshot_usage = "snapshot ANSWERS.json [--out process.json] [--format text|json]";

int run_diagnose(const std::vector<std::string>& args, io& s) {
    const args_parser p(args, {"format", "audit"}, {});
    common_args a;
    if (const int rc = parse_common(p, diagnose_usage, a, s); rc != exit_ok) return rc;
    const auto answers = read_input(a.file, s.err);
    if (!answers) return exit_input_error;
    std::string options;
    if (const auto report_path = p.value("audit")) {
        const auto report = read_input(*report_path, s.err);
        if (!report) return exit_input_error;
        // The engine reads the report where it stands in the options (no JSON
        // library here, so no nesting can crash the CLI); lines stay the file's.
        options = "{\"audit\":" + *report + "\n}";
    }
    const std::string envelope = api::diagnose(*answers, options);
    if (!a.json_format && !options.empty()) {
        const json r = json::parse(envelope, nullptr, false);
        const std::string code = r.is_object() && r.contains("error") ? r["error"].value("code", "") : "";
        if (code == "options.json" || code == "options.too_deep" || code == "options.duplicate_key" ||
            code == "options.unknown_key") {
            s.err << "revdiag: " << *p.value("audit") << " is not an audit report (line "
                  << r["error"]["at"].value("line", 0) << "): pass one from `revdiag audit --format json`\n";
            return exit_input_error;
        }
    }
    if (a.json_format) {
        s.out << envelope << "\n";
        const json r = json::parse(envelope, nullptr, false);
        return !r.is_discarded() && r.value("ok", false) ? exit_ok : exit_input_error;
    }
    if (const int rc = report_envelope_error(envelope, s.err); rc != exit_ok) return rc;
    print_diagnostic(json::parse(envelope, nullptr, false), s.out);
    return exit_ok;
}

int run_snapshot(const std::vector<std::string>& args, io& s) {
    const args_parser p(args, {"format", "out"}, {});
    common_args a;
    if (const int rc = parse_common(p, snapshot_usage, a, s); rc != exit_ok) return rc;
    const auto answers = read_input(a.file, s.err);
    if (!answers) return exit_input_error;
    const std::string envelope = api::snapshot(*answers);
    const json r = json::parse(envelope, nullptr, false);
    const bool ok = !r.is_discarded() && r.value("ok", false);
    if (a.json_format) s.out << envelope << "\n";
    if (!ok) return a.json_format ? exit_input_error : report_envelope_error(envelope, s.err);
    if (const auto out_path = p.value("out")) {
        const auto process = r.find("process");
        const std::string text = process->dump(2, ' ', false, json::error_handler_t::replace) + "\n";
        if (!write_output(*out_path, text, s.out, s.err)) return exit_input_error;
    }
    if (!a.json_format) {
        s.out << text_at(r, "document");
        if (!p.value("out"))
            s.err << "revdiag: add --out process.json to save the drafted process definition\n";
    }
    return exit_ok;
}

const registrar diagnose_reg{{"diagnose", diagnose_usage, run_diagnose}};
const registrar snapshot_reg{{"snapshot", snapshot_usage, run_snapshot}};

}  // namespace

}  // namespace revdiag::cli
