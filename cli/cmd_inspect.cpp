// revdiag inspect FILE [--map field=Header]... [--rows] [--format text|json]:
// what was read from an export, through api::inspect.
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "revdiag/api.h"

namespace revdiag::cli {

namespace {
using nlohmann::ordered_json;

std::string cell_text(const ordered_json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) {
        std::ostringstream s;
        s << std::setprecision(15) << v.get<double>();
        return s.str();
    }
    return v.dump();
}

void print_text(const ordered_json& j, const std::string& file, std::ostream& out) {
    const std::string delimiter = j.value("delimiter", std::string(","));
    out << file << "\n"
        << "  rows: " << j.value("rows", 0) << "   encoding: " << j.value("encoding", std::string())
        << "   delimiter: " << (delimiter == "\t" ? std::string("tab") : delimiter)
        << "   line endings: " << j.value("line_ending", std::string())
        << "   CRM: " << j.value("detected_crm", std::string()) << "\n\nmapping:\n";
    for (const auto& [field, m] : j["mapping"].items()) {
        out << "  " << std::left << std::setw(26) << field << " <- " << m.value("header", std::string());
        if (m.contains("column")) out << " (column " << m["column"].get<int>() << ")";
        out << "  confidence " << std::fixed << std::setprecision(2) << m.value("confidence", 0.0);
        out.unsetf(std::ios::fixed);
        if (m.contains("derived")) out << "  derived: " << m["derived"].get<std::string>();
        if (m.value("ids", false)) out << "  ids, not names: a name column would read better";
        if (!m["alternatives"].empty()) {
            out << "  alternatives:";
            for (const auto& a : m["alternatives"]) out << " '" << a.get<std::string>() << "'";
        }
        out << "\n";
    }
    out << "\nmissing fields:";
    for (const auto& f : j["missing_fields"]) out << " " << f.get<std::string>();
    out << "\nextra columns:";
    for (const auto& c : j["extra_columns"]) out << " " << c["name"].get<std::string>();
    out << "\nstage values:";
    for (const auto& s : j["stage_values"])
        out << " '" << s["value"].get<std::string>() << "' " << s["count"].get<size_t>() << ";";
    out << "\n\nwarnings (" << j["warnings"].size() << "):\n";
    for (const auto& w : j["warnings"]) {
        const auto& at = w["at"];
        out << "  ";
        if (at.contains("line")) out << "line " << at["line"].get<uint32_t>() << ": ";
        out << w["message"].get<std::string>() << " [" << w["code"].get<std::string>() << "]\n";
    }
    if (j.contains("preview")) {
        const auto& p = j["preview"];
        out << "\nrows:\nline";
        for (const auto& c : p["columns"]) out << "\t" << c.get<std::string>();
        out << "\n";
        for (const auto& row : p["rows"]) {
            out << row["line"].get<uint32_t>();
            for (const auto& v : row["values"]) out << "\t" << cell_text(v);
            out << "\n";
        }
    }
}

int run_inspect(const std::vector<std::string>& args, io& streams) {
    args_parser p(args, {"map", "format"}, {"rows"});
    if (!p.ok() || p.positional().size() != 1) {
        streams.err
            << "revdiag inspect: " << (p.ok() ? "expected one FILE" : p.error())
            << "\nusage: revdiag inspect FILE [--map field=Header]... [--rows] [--format text|json]\n";
        return exit_usage;
    }
    const std::string format = p.value("format").value_or("text");
    if (format != "text" && format != "json") {
        streams.err << "revdiag inspect: --format must be text or json\n";
        return exit_usage;
    }
    ordered_json options = ordered_json::object();
    options["map"] = ordered_json::object();
    for (const std::string& m : p.values("map")) {
        const size_t eq = m.find('=');
        if (eq == std::string::npos || eq == 0) {
            streams.err << "revdiag inspect: --map needs field=Header, got '" << m << "'\n";
            return exit_usage;
        }
        options["map"][m.substr(0, eq)] = m.substr(eq + 1);
    }
    options["rows"] = p.flag("rows");
    const std::optional<std::string> text = read_input(p.positional()[0], streams.err);
    if (!text) return exit_input_error;
    const std::string envelope =
        api::inspect(*text, options.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
    if (format == "json") {
        streams.out << envelope << "\n";
        return report_envelope_error(envelope, streams.err);
    }
    const int rc = report_envelope_error(envelope, streams.err);
    if (rc != exit_ok) return rc;
    print_text(ordered_json::parse(envelope, nullptr, false), p.positional()[0], streams.out);
    return exit_ok;
}

const registrar reg_inspect{
    {"inspect", "inspect FILE [--map field=Header]... [--rows] [--format text|json]", run_inspect}};
}  // namespace

}  // namespace revdiag::cli
