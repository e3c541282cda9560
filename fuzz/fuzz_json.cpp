// libFuzzer target for the one JSON reader: any bytes must give a value or an
// error located at a real line and column, never a crash or a deep recursion;
// a value written back by nlohmann must read again to the same text.
// scripts/fuzz json SECONDS runs it; ctest replays corpus/json/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "json/envelope.h"
#include "json/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const revdiag::json_source source{"fuzz", "the fuzz input"};
    const auto doc = revdiag::read_json(text, source);
    if (!doc) {
        const revdiag::error& e = doc.err();
        if (e.at.line == 0 || e.at.column == 0 || e.code.rfind("fuzz.", 0) != 0) std::abort();
        return 0;
    }
    // Invalid UTF-8 inside strings is replaced on writing, so compare the written forms.
    const std::string once = revdiag::dump_json(revdiag::to_ojson(*doc));
    const auto again = revdiag::read_json(once, source);
    // Text is data, invalid UTF-8 included; written, it becomes U+FFFD, which can
    // make two keys that differed only in invalid bytes the same key.
    if (!again && again.err().code == "fuzz.duplicate_key" && once.find("\xEF\xBF\xBD") != std::string::npos)
        return 0;
    if (!again) std::abort();
    if (revdiag::dump_json(revdiag::to_ojson(*again)) != once) std::abort();
    return 0;
}
