// libFuzzer target for ingest: any bytes, split into chunks at positions the
// input itself chooses, must give the same answer as one push (streaming
// invariance), never crash, and keep api::inspect total. Built by run.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest_json.h"
#include "revdiag/api.h"
#include "revdiag/ingest.h"

namespace {
std::string summary(const revdiag::result<revdiag::ingest_result>& r) {
    if (!r) return "error " + r.err().code + " " + std::to_string(r.err().at.line);
    std::string s = revdiag::dump_json(revdiag::ingest_to_json(r.value()));
    for (const revdiag::column& c : r->table.columns)
        for (size_t row = 0; row < r->rows; ++row) s += revdiag::dump_json(revdiag::cell_to_json(c, row));
    return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // The first byte picks the chunk size; small limits make the limit paths reachable.
    const size_t chunk = 1 + data[0] % 17;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    revdiag::reader_limits limits;
    limits.max_field_bytes = 4096;
    limits.max_columns = 256;
    revdiag::ingest_options options;
    options.limits = limits;

    const auto whole = revdiag::read_deals(bytes, options);
    revdiag::deal_reader reader(limits);
    bool failed = false;
    for (size_t at = 0; at < bytes.size() && !failed; at += chunk)
        failed = !reader.push(bytes.substr(at, chunk));
    const auto chunked = reader.finish(options);
    if (summary(whole) != summary(chunked)) std::abort();

    const std::string envelope = revdiag::api::inspect(bytes, R"({"rows":true})");
    if (envelope.empty() || envelope[0] != '{') std::abort();
    return 0;
}
