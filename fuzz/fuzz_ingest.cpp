// CSV reader and ingest: any bytes, split into chunks at sizes the input
// chooses, give the same table as one push; every error is located; every
// amount and every money column's total stay within their bounds; the deals
// typed as they stream equal the deals typed in two passes; and
// api::inspect always answers an envelope.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest_json.h"
#include "revdiag/api.h"
#include "revdiag/ingest.h"
#include "revdiag/values.h"

namespace {
std::string summary(const revdiag::result<revdiag::ingest_result>& r) {
    if (!r) return "error " + r.err().code + " " + std::to_string(r.err().at.line);
    std::string s = revdiag::dump_json(revdiag::ingest_to_json(r.value()));
    for (const revdiag::column& c : r->table.columns)
        for (size_t row = 0; row < r->rows; ++row) s += revdiag::dump_json(revdiag::cell_to_json(c, row));
    return s;
}

void check_money(const revdiag::ingest_result& r) {
    for (const revdiag::column& c : r.table.columns) {
        if (c.type != revdiag::field_type::money) continue;
        int64_t total = 0;
        for (const double v : c.number) {
            if (std::isnan(v)) continue;
            REVDIAG_FUZZ_CHECK(std::fabs(v) <= revdiag::max_money_amount);
            total += std::llabs(std::llround(v * 100.0));
        }
        REVDIAG_FUZZ_CHECK(total <= revdiag::max_money_total_cents);
    }
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
    limits.typing_prefix_rows = 1 + data[0] % 5;  // column conventions decided early, then confirmed
    revdiag::ingest_options options;
    options.limits = limits;

    const auto whole = revdiag::read_deals(bytes, options);
    if (!whole) REVDIAG_FUZZ_CHECK(revdiag::fuzz::located(whole.err()) || whole.err().code == "csv.empty");
    if (whole) check_money(*whole);
    revdiag::deal_reader reader(limits);
    bool failed = false;
    for (size_t at = 0; at < bytes.size() && !failed; at += chunk)
        failed = !reader.push(bytes.substr(at, chunk));
    const auto chunked = reader.finish(options);
    REVDIAG_FUZZ_CHECK(summary(whole) == summary(chunked));
    // A second finish types every column in two passes: the streamed typing gives the same.
    REVDIAG_FUZZ_CHECK(summary(reader.finish(options)) == summary(chunked));

    const std::string envelope = revdiag::api::inspect(bytes, R"({"rows":true})");
    REVDIAG_FUZZ_CHECK(!envelope.empty() && envelope[0] == '{');
    return 0;
}
