#include "cli.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace revdiag::cli {

namespace {
std::vector<command>& table() {
    static std::vector<command> t;
    return t;
}
}  // namespace

registrar::registrar(command c) {
    table().push_back(std::move(c));
}

const std::vector<command>& commands() {
    return table();
}

args_parser::args_parser(const std::vector<std::string>& args, std::vector<std::string> value_options,
                         std::vector<std::string> flag_options) {
    auto is_in = [](const std::vector<std::string>& v, const std::string& s) {
        for (const auto& x : v)
            if (x == s) return true;
        return false;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 2 && a.rfind("--", 0) == 0) {
            std::string name = a.substr(2);
            std::string inline_value;
            bool has_inline = false;
            if (const size_t eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
                has_inline = true;
            }
            if (is_in(flag_options, name) && !has_inline) {
                flags_.push_back(name);
            } else if (is_in(value_options, name)) {
                if (has_inline) {
                    values_.emplace_back(name, inline_value);
                } else if (i + 1 < args.size()) {
                    values_.emplace_back(name, args[++i]);
                } else {
                    error_ = "option --" + name + " needs a value";
                    return;
                }
            } else {
                error_ = "unknown option --" + name;
                return;
            }
        } else {
            positional_.push_back(a);
        }
    }
}

std::optional<std::string> args_parser::value(const std::string& name) const {
    std::optional<std::string> last;
    for (const auto& [k, v] : values_)
        if (k == name) last = v;
    return last;
}

std::vector<std::string> args_parser::values(const std::string& name) const {
    std::vector<std::string> all;
    for (const auto& [k, v] : values_)
        if (k == name) all.push_back(v);
    return all;
}

bool args_parser::flag(const std::string& name) const {
    for (const auto& f : flags_)
        if (f == name) return true;
    return false;
}

std::optional<std::string> read_input(const std::string& path, std::ostream& err) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "revdiag: cannot open " << path << "\n";
        return std::nullopt;
    }
    // Sized once and read in one call; a stream whose size is unknown is read in blocks.
    std::string text;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        text.resize(static_cast<size_t>(size));
        in.read(text.data(), size);
        text.resize(static_cast<size_t>(in.gcount()));
    }
    in.clear();
    char block[1 << 16];
    while (in.read(block, sizeof block) || in.gcount() > 0)
        text.append(block, static_cast<size_t>(in.gcount()));
    if (in.bad()) {
        err << "revdiag: cannot read " << path << "\n";
        return std::nullopt;
    }
    return text;
}

bool write_output(const std::string& path, const std::string& text, std::ostream& out, std::ostream& err) {
    if (path.empty()) {
        out << text;
        return static_cast<bool>(out);
    }
    std::ofstream f(path, std::ios::binary);
    f << text;
    if (!f) {
        err << "revdiag: cannot write " << path << "\n";
        return false;
    }
    return true;
}

bool envelope_ok(const std::string& envelope) {
    const size_t at = envelope.find("\"ok\":");
    return at != std::string::npos && at < 64 && envelope.compare(at + 5, 4, "true") == 0;
}

int report_envelope_error(const std::string& envelope, std::ostream& err) {
    // A report that succeeded is not read back (on a million-deal report that
    // would cost more than the audit).
    if (envelope_ok(envelope)) return exit_ok;
    const nlohmann::json j = nlohmann::json::parse(envelope, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        err << "revdiag: internal error: the engine answered no JSON\n";
        return exit_input_error;
    }
    if (j.value("ok", false)) return exit_ok;
    // Every error of the input when the engine found several, one line each.
    const nlohmann::json all =
        j.contains("errors") && j["errors"].is_array()
            ? j["errors"]
            : nlohmann::json::array({j.contains("error") ? j["error"] : nlohmann::json::object()});
    for (const nlohmann::json& e : all) {
        err << "revdiag: " << e.value("message", std::string("unknown error"));
        if (e.contains("at") && e["at"].is_object()) {
            const auto& at = e["at"];
            std::string where;
            if (at.contains("line")) where += "line " + at["line"].dump();
            if (at.contains("column"))
                where += (where.empty() ? "" : ", ") + std::string("column ") + at["column"].dump();
            if (at.contains("pointer"))
                where += (where.empty() ? "" : ", ") + at["pointer"].get<std::string>();
            if (!where.empty()) err << " (" << where << ")";
        }
        err << " [" << e.value("code", std::string("error")) << "]\n";
    }
    return exit_input_error;
}

}  // namespace revdiag::cli
