// Prints what the native engine answers for every file of a committed fuzz
// corpus, one line a file: "<file name>\t<envelope>". tests/wasm/corpus.test.mjs
// runs the wasm module on the same files and asks for the same bytes, so the
// two builds are compared on every hostile input the fuzzers kept.
// Usage: corpus_outputs audit|process|diagnose DIR
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/api.h"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    if (argc != 3) {
        std::fprintf(stderr, "usage: corpus_outputs audit|process|diagnose DIR\n");
        return 2;
    }
    const std::string_view kind = argv[1];
    if (kind != "audit" && kind != "process" && kind != "diagnose") {
        std::fprintf(stderr, "corpus_outputs: unknown kind %s\n", argv[1]);
        return 2;
    }
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(argv[2]))
        if (e.is_regular_file()) inputs.push_back(e.path());
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& p : inputs) {
        std::ifstream in(p, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string out = kind == "audit"     ? revdiag::api::audit(bytes, R"({"as_of":"2026-06-30"})")
                                : kind == "process" ? revdiag::api::process_check(bytes, "", "{}")
                                                    : revdiag::api::diagnose(bytes, "{}");
        std::printf("%s\t%s\n", p.filename().string().c_str(), out.c_str());
    }
    return inputs.empty() ? 1 : 0;
}
