// `revdiag process default | check P.json [--against deals.csv] [--format text|json]`.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "revdiag/api.h"

namespace revdiag::cli {

namespace {

using nlohmann::ordered_json;

int usage(io& s, const std::string& why) {
    s.err << "revdiag process: " << why << "\n"
          << "usage: revdiag process default [--format text|json]\n"
          << "       revdiag process check P.json [--against deals.csv] [--format text|json]\n";
    return exit_usage;
}

int run_default(const args_parser& args, io& s, const std::string& format) {
    if (args.positional().size() != 1) return usage(s, "`default` takes no file");
    const std::string envelope = api::process_default();
    if (format == "json") {
        s.out << envelope << "\n";
        return exit_ok;
    }
    // Text output is the process document itself, ready to save and edit.
    const ordered_json j = ordered_json::parse(envelope, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("process"))
        return report_envelope_error(envelope, s.err);
    s.out << j["process"].dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
    return exit_ok;
}

int run_check(const args_parser& args, io& s, const std::string& format) {
    if (args.positional().size() != 2) return usage(s, "`check` takes one process file");
    const std::optional<std::string> text = read_input(args.positional()[1], s.err);
    if (!text) return exit_input_error;
    std::string csv;
    if (const std::optional<std::string> against = args.value("against")) {
        const std::optional<std::string> bytes = read_input(*against, s.err);
        if (!bytes) return exit_input_error;
        csv = *bytes;
    }
    const std::string envelope = api::process_check(*text, csv, "");
    const int rc = report_envelope_error(envelope, s.err);
    if (format == "json") {
        s.out << envelope << "\n";
        return rc;
    }
    if (rc != exit_ok) return rc;
    const ordered_json j = ordered_json::parse(envelope, nullptr, false);
    const ordered_json findings =
        j.is_object() && j.contains("findings") ? j["findings"] : ordered_json::array();
    const size_t n = findings.size();
    s.out << args.positional()[1] << ": valid process, "
          << (n == 0 ? std::string("no findings") : std::to_string(n) + (n == 1 ? " finding" : " findings"))
          << "\n";
    for (const auto& f : findings) {
        if (!f.is_object()) continue;
        s.out << "  " << f.value("code", std::string()) << "  " << f.value("message", std::string()) << "\n";
    }
    if (j.contains("against") && j["against"].is_object()) {
        const ordered_json& against = j["against"];
        s.out << "stages of the " << against.value("rows", 0) << " deals in the export:\n";
        const ordered_json values =
            against.contains("stage_values") ? against["stage_values"] : ordered_json::array();
        for (const auto& v : values) {
            if (!v.is_object()) continue;
            const int count = v.value("count", 0);
            s.out << "  " << v.value("value", std::string()) << " (" << count
                  << (count == 1 ? " deal" : " deals") << "): "
                  << (v.contains("stage") && v["stage"].is_string() ? v["stage"].get<std::string>()
                                                                    : "no stage")
                  << "\n";
        }
    }
    return exit_ok;
}

int run_process(const std::vector<std::string>& argv, io& s) {
    const args_parser args(argv, {"against", "format"}, {});
    if (!args.ok()) return usage(s, args.error());
    if (args.positional().empty()) return usage(s, "say `default` or `check`");
    const std::string format = args.value("format").value_or("text");
    if (format != "text" && format != "json") return usage(s, "--format must be text or json");
    const std::string& sub = args.positional()[0];
    if (sub == "default") {
        if (args.value("against")) return usage(s, "--against goes with `check`");
        return run_default(args, s, format);
    }
    if (sub == "check") return run_check(args, s, format);
    return usage(s, "unknown subcommand `" + sub + "`");
}

const registrar reg_process{
    {"process", "process default | check P.json [--against deals.csv] [--format text|json]", run_process}};

}  // namespace

}  // namespace revdiag::cli
