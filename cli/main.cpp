// revdiag: the native command line over the same engine as the web page.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "revdiag/api.h"

using namespace revdiag::cli;

namespace {
void print_usage(std::ostream& os) {
    os << "usage: revdiag <command> [options]\n\ncommands:\n";
    for (const command& c : commands()) os << "  revdiag " << c.usage << "\n";
    os << "  revdiag version\n  revdiag help\n\nExit codes: 0 a report was produced, 1 input error, 2 usage "
          "error.\n";
}
}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    io streams{std::cout, std::cerr};
    if (args.empty()) {
        print_usage(std::cerr);
        return exit_usage;
    }
    const std::string name = args[0];
    args.erase(args.begin());
    if (name == "help" || name == "--help" || name == "-h") {
        print_usage(std::cout);
        return exit_ok;
    }
    if (name == "version" || name == "--version") {
        std::cout << revdiag::api::version() << "\n";
        return exit_ok;
    }
    for (const command& c : commands())
        if (c.name == name) {
            const int rc = c.run(args, streams);
            std::cout.flush();
            return rc;
        }
    std::cerr << "revdiag: unknown command '" << name << "'\n";
    print_usage(std::cerr);
    return exit_usage;
}
