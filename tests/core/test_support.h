// Helpers shared by the Catch2 tests: fixture paths, file reading, running the
// CLI and parsing envelopes.
#pragma once

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace revdiag::test {

inline std::string fixture_path(const std::string& relative) {
    return std::string(REVDIAG_FIXTURES) + "/" + relative;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string read_fixture(const std::string& relative) {
    return read_file(fixture_path(relative));
}

inline nlohmann::json parse(const std::string& text) {
    return nlohmann::json::parse(text, nullptr, false);
}

struct cli_run {
    int exit_code = -1;
    std::string out;
};

/// Runs the native CLI with a shell-quoted argument string; stdout is captured,
/// stderr is appended to it when `merge_stderr` is set.
inline cli_run run_cli(const std::string& args, bool merge_stderr = false) {
    std::string cmd =
        std::string("'") + REVDIAG_CLI + "' " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
    cli_run r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 65536> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace revdiag::test
