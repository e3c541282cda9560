// The native twin of wasm_audit.mjs: the same api::session calls on the same
// file, in the same 2 MB chunks, so that wasm/native compares equal work.
// Prints {"read_seconds","finish_seconds","audit_seconds","total_seconds",
// "rerun_seconds","rows","open_deals"} as JSON.
// Usage: native_audit FILE [--as-of D] [--chunk-mb N] [--rerun] [--read-only]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "revdiag/api.h"

namespace {
using clock_type = std::chrono::steady_clock;
double seconds_since(clock_type::time_point t) {
    return std::chrono::duration<double>(clock_type::now() - t).count();
}
nlohmann::json checked(const std::string& envelope) {
    nlohmann::json j = nlohmann::json::parse(envelope);
    if (!j.value("ok", false)) {
        std::cerr << envelope.substr(0, 2000) << "\n";
        std::exit(1);
    }
    return j;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: native_audit FILE [--as-of D] [--chunk-mb N] [--rerun] [--read-only]\n";
        return 2;
    }
    std::string as_of = "2026-06-30";
    size_t chunk = 2u << 20;
    bool rerun = false, read_only = false;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--as-of" && i + 1 < argc)
            as_of = argv[++i];
        else if (a == "--chunk-mb" && i + 1 < argc)
            chunk = std::stoul(argv[++i]) << 20;
        else if (a == "--rerun")
            rerun = true;
        else if (a == "--read-only")
            read_only = true;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    nlohmann::json out;
    const auto t0 = clock_type::now();
    in.seekg(0, std::ios::end);
    const auto size = static_cast<uint64_t>(in.tellg());
    in.seekg(0);
    revdiag::api::session session(nlohmann::json{{"expected_bytes", size}}.dump());
    std::vector<char> buf(chunk);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<size_t>(in.gcount());
        if (n == 0) break;
        checked(session.push(std::string_view(buf.data(), n)));
    }
    out["read_seconds"] = seconds_since(t0);
    const auto t1 = clock_type::now();
    const nlohmann::json finished = checked(session.finish("{}"));
    out["finish_seconds"] = seconds_since(t1);
    out["rows"] = finished["rows"];
    if (!read_only) {
        const auto t2 = clock_type::now();
        const std::string envelope =
            session.audit(nlohmann::json{{"as_of", as_of}, {"deals", "none"}, {"action_deals", 3}}.dump());
        const nlohmann::json report = checked(envelope);
        out["audit_seconds"] = seconds_since(t2);
        out["report_bytes"] = envelope.size();
        out["total_seconds"] = seconds_since(t0);  // read + finish + audit, as in wasm_audit.mjs
        out["open_deals"] = report["summary"]["open_deals"];
        if (rerun) {
            nlohmann::json designed = checked(revdiag::api::process_default())["process"];
            std::vector<double> times, cpu;
            for (int i = 0; i < 5; ++i) {
                designed["thresholds"]["inactive_after_days"] = 20 + i;
                const auto t = clock_type::now();
                const std::clock_t c = std::clock();
                checked(session.audit(nlohmann::json{
                    {"as_of", as_of}, {"deals", "none"}, {"action_deals", 3}, {"process", designed}}
                                          .dump()));
                times.push_back(seconds_since(t));
                cpu.push_back(static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC);
            }
            std::sort(times.begin(), times.end());
            out["rerun_seconds"] = times[times.size() / 2];
            std::sort(cpu.begin(), cpu.end());
            out["rerun_cpu_seconds"] = cpu[cpu.size() / 2];
        }
    }
    if (read_only) out["total_seconds"] = seconds_since(t0);
    std::cout << out.dump() << "\n";
    return 0;
}
