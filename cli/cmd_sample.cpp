// `revdiag sample`: a deterministic demo export on stdout or in a file.
#include <charconv>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "revdiag/api.h"
#include "revdiag/sample.h"

namespace revdiag::cli {
namespace {

bool parse_count(const std::string& text, uint64_t& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

int list_samples(io& s) {
    const nlohmann::json j = nlohmann::json::parse(api::samples(), nullptr, false);
    if (j.is_discarded()) return exit_input_error;
    s.out << "demos (revdiag sample --demo NAME, revdiag audit --sample NAME):\n";
    for (const auto& d : j["demos"])
        s.out << "  " << d["name"].get<std::string>() << "  " << d["title"].get<std::string>() << ": "
              << d["description"].get<std::string>() << "\n";
    s.out << "crms (--crm):";
    for (const auto& c : j["crms"]) s.out << " " << c.get<std::string>();
    s.out << "\nprofiles (--profile):\n";
    for (const auto& p : j["profiles"])
        s.out << "  " << p["name"].get<std::string>() << "  " << p["description"].get<std::string>() << "\n";
    return exit_ok;
}

int run_sample(const std::vector<std::string>& args, io& s) {
    const args_parser a(args, {"crm", "deals", "seed", "profile", "demo", "reference", "out"}, {"list"});
    if (!a.ok() || !a.positional().empty()) {
        s.err << "revdiag: " << (a.ok() ? "sample takes no file" : a.error()) << "\n";
        return exit_usage;
    }
    if (a.flag("list")) return list_samples(s);
    // The CSV goes straight from the generator to the output: wrapping a
    // 250 MB export in a JSON envelope only to unwrap it again would cost more
    // than generating it. The page uses api::sample, which runs the same generator.
    sample_options options;
    if (const auto demo = a.value("demo")) {
        const sample_demo* d = find_sample_demo(*demo);
        if (!d) {
            s.err << "revdiag: there is no built-in demo '" << *demo << "' (see revdiag sample --list)\n";
            return exit_input_error;
        }
        options.crm = std::string(d->crm);
        options.profile = std::string(d->profile);
        options.deals = d->deals;
        options.seed = d->seed;
    }
    if (const auto v = a.value("crm")) options.crm = *v;
    if (const auto v = a.value("profile")) options.profile = *v;
    if (const auto v = a.value("reference")) {
        const auto day = parse_iso_date(*v);
        if (!day) {
            s.err << "revdiag: --reference needs a YYYY-MM-DD date, not '" << *v << "'\n";
            return exit_usage;
        }
        options.reference = *day;
    }
    for (const char* key : {"deals", "seed"})
        if (const auto v = a.value(key)) {
            uint64_t n = 0;
            if (!parse_count(*v, n)) {
                s.err << "revdiag: --" << key << " needs a whole number, not '" << *v << "'\n";
                return exit_usage;
            }
            (std::string(key) == "deals" ? options.deals : options.seed) = n;
        }
    const result<std::string> csv = generate_sample(options);
    if (!csv) {
        s.err << "revdiag: " << csv.err().message << " [" << csv.err().code << "]\n";
        return exit_input_error;
    }
    return write_output(a.value("out").value_or(""), *csv, s.out, s.err) ? exit_ok : exit_input_error;
}

const registrar reg_sample{
    {"sample", "sample [--crm NAME] [--deals N] [--seed S] [--profile NAME] [--demo NAME] [--out F] [--list]",
     run_sample}};

}  // namespace
}  // namespace revdiag::cli
