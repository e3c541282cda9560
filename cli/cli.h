// The revdiag command line: a table of subcommands, argument helpers and file
// I/O. Each cmd_<name>.cpp registers one subcommand; all of them call api.h so
// that the CLI's JSON is byte-identical to the wasm module's.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace revdiag::cli {

/// Exit codes of DESIGN §7.
constexpr int exit_ok = 0;
constexpr int exit_input_error = 1;
constexpr int exit_usage = 2;

struct io {
    std::ostream& out;
    std::ostream& err;
};

using command_fn = std::function<int(const std::vector<std::string>& args, io& streams)>;

struct command {
    std::string name;
    std::string usage;  // one line, shown by `revdiag help`
    command_fn run;
};

/// Adds a subcommand to the table; use at namespace scope in cmd_<name>.cpp:
/// `static const revdiag::cli::registrar reg{{"audit", "audit FILE ...", run_audit}};`
struct registrar {
    explicit registrar(command c);
};
const std::vector<command>& commands();

/// Minimal option parsing: `--name value`, `--name=value`, repeated options, flags.
class args_parser {
public:
    args_parser(const std::vector<std::string>& args, std::vector<std::string> value_options,
                std::vector<std::string> flag_options);
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;
    bool flag(const std::string& name) const;

private:
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::string> flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

/// Reads a whole file, or standard input for "-". nullopt (and a message on err) on failure.
std::optional<std::string> read_input(const std::string& path, std::ostream& err);
/// Writes text to a file, or to out when path is empty. False (and a message on err) on failure.
bool write_output(const std::string& path, const std::string& text, std::ostream& out, std::ostream& err);

/// Exit code for an api envelope: 0 when "ok" is true, 1 otherwise; prints the
/// error's message and location on err when not ok.
int report_envelope_error(const std::string& envelope, std::ostream& err);
/// Whether an envelope says "ok": true, read from its start ({"schema":"…","ok":…)
/// without parsing a report that may be hundreds of megabytes.
bool envelope_ok(const std::string& envelope);

}  // namespace revdiag::cli
