// revdiag describe [--format text|json]: the engine's vocabulary (layers,
// finding codes, CRM names) through api::describe, the call the page makes.
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "revdiag/api.h"

namespace revdiag::cli {

namespace {
using nlohmann::ordered_json;

std::string text_of(const ordered_json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void print_text(const ordered_json& j, std::ostream& out) {
    out << "layers:\n";
    for (const auto& l : j["layers"]) {
        out << "  " << std::left << std::setw(15) << text_of(l, "id") << text_of(l, "name") << "\n"
            << "    why: " << text_of(l, "why") << "\n"
            << "    fix: " << text_of(l, "fix") << "\n";
    }
    out << "\nfindings:\n";
    for (const auto& f : j["findings"])
        out << "  " << std::left << std::setw(26) << text_of(f, "code") << std::setw(15)
            << text_of(f, "layer") << text_of(f, "label") << "\n";
    out << "\nCRMs:\n";
    for (const auto& c : j["crms"])
        out << "  " << std::left << std::setw(13) << text_of(c, "id") << text_of(c, "name") << "\n";
}

int run_describe(const std::vector<std::string>& args, io& streams) {
    args_parser p(args, {"format"}, {});
    if (!p.ok() || !p.positional().empty()) {
        streams.err << "revdiag describe: " << (p.ok() ? "takes no FILE" : p.error())
                    << "\nusage: revdiag describe [--format text|json]\n";
        return exit_usage;
    }
    const std::string format = p.value("format").value_or("text");
    if (format != "text" && format != "json") {
        streams.err << "revdiag describe: --format must be text or json\n";
        return exit_usage;
    }
    const std::string envelope = api::describe();
    if (format == "json") {
        streams.out << envelope << "\n";
        return report_envelope_error(envelope, streams.err);
    }
    const int rc = report_envelope_error(envelope, streams.err);
    if (rc != exit_ok) return rc;
    print_text(ordered_json::parse(envelope, nullptr, false), streams.out);
    return exit_ok;
}

const registrar reg_describe{{"describe", "describe [--format text|json]", run_describe}};
}  // namespace

}  // namespace revdiag::cli
