// Deals typed as the file streams in (conventions decided on the first rows,
// confirmed on the rest) equal the deals typed in two passes over the whole
// file: a reader's second finish() types in two passes, so the two are compared
// whole (what was read, every warning, every typed cell).
#include <catch2/catch.hpp>
#include <string>

#include "ingest/ingest_json.h"
#include "revdiag/ingest.h"

using namespace revdiag;

namespace {
std::string summary(const result<ingest_result>& r) {
    if (!r) return "error " + r.err().code;
    std::string s = dump_json(ingest_to_json(r.value()));
    for (const column& c : r->table.columns)
        for (size_t row = 0; row < r->rows; ++row) s += dump_json(cell_to_json(c, row));
    return s;
}

// The file read in chunks of `chunk` bytes, the first `prefix` deals deciding: the
// streamed result, after checking that it equals the two-pass one.
result<ingest_result> read_streamed(const std::string& bytes, size_t prefix, size_t chunk = 4096) {
    reader_limits limits;
    limits.typing_prefix_rows = prefix;
    deal_reader reader(limits);
    for (size_t at = 0; at < bytes.size(); at += chunk)
        REQUIRE(reader.push(std::string_view(bytes).substr(at, chunk)));
    auto streamed = reader.finish({});
    const auto two_pass = reader.finish({});
    CHECK(summary(streamed) == summary(two_pass));
    return streamed;
}

const std::string header = "Deal Name,Stage,Amount,Owner,Close Date,Probability,Budget Confirmed\n";
std::string row(int i, const std::string& amount, const std::string& date, const std::string& probability,
                const std::string& budget) {
    return "Deal " + std::to_string(i) + ",Proposal,\"" + amount + "\",Ann," + date + "," + probability +
           "," + budget + "\n";
}
}  // namespace

TEST_CASE("a date column whose day/month order shows only after the first rows is read day first throughout",
          "[ingest][stream]") {
    std::string csv = header;
    for (int i = 0; i < 5000; ++i) csv += row(i, "100", "03/04/2026", "40", "yes");
    csv += row(5000, "100", "25/04/2026", "40", "yes");
    const auto r = read_streamed(csv, 4096);
    REQUIRE(r.has_value());
    CHECK(r->rows == 5001);
    CHECK(dump_json(cell_to_json(*r->table.find("close_date"), 0)) == "\"2026-04-03\"");
    for (const warning& w : r->warnings) CHECK(w.code != "value.ambiguous_date_order");
}

TEST_CASE("each column convention that flips after the first rows gives the two-pass result",
          "[ingest][stream]") {
    std::string csv = header;
    // First rows: decimal points, fractions, only "x" marks, one date order; later
    // rows: more decimal commas, a whole percentage, a "no", a day past 12.
    for (int i = 0; i < 3; ++i) csv += row(i, "1,234.50", "04/05/2026", "0.4", "x");
    csv += row(3, "1,5", "04/05/2026", "0.5", "");
    for (int i = 4; i < 12; ++i) csv += row(i, "2.345,75", "13/05/2026", "40", i == 7 ? "no" : "x");
    for (const size_t prefix : {1, 2, 3, 5, 100})
        for (const size_t chunk : {1, 7, 64, 4096}) {
            INFO("prefix " << prefix << ", chunk " << chunk);
            const auto r = read_streamed(csv, prefix, chunk);
            REQUIRE(r.has_value());
            CHECK(r->rows == 12);
        }
}

TEST_CASE("blank rows, shifted rows, footers inside and after the deals are kept or left as in two passes",
          "[ingest][stream]") {
    std::string csv = header;
    for (int i = 0; i < 40; ++i) {
        csv += row(i, "100", "04/05/2026", "40", "yes");
        if (i % 7 == 3) csv += ",,,,,,\n";                                     // blank: skipped
        if (i % 11 == 5) csv += "Total,Proposal,100,Ann,04/05/2026,40,yes\n";  // a footer-like deal
        if (i % 13 == 6) csv += "Shifted,Inc.,Proposal,100,Ann,04/05/2026,40,yes\n";
    }
    csv += "\n,,,\nGrand Total,,4000\n\nConfidential Information\n";
    for (const size_t prefix : {1, 4, 4096})
        for (const size_t chunk : {3, 50, 4096}) {
            INFO("prefix " << prefix << ", chunk " << chunk);
            const auto r = read_streamed(csv, prefix, chunk);
            REQUIRE(r.has_value());
            CHECK(r->rows == 40 + 4);
            CHECK(r->excluded_rows == 3);
        }
}

TEST_CASE("a file that is not UTF-8 and a remapped column are typed in two passes alike",
          "[ingest][stream]") {
    std::string csv = "Deal Name,Amount,Deal Value\n";
    for (int i = 0; i < 50; ++i) csv += "Caf\xE9 " + std::to_string(i) + ",100,5\n";
    const auto latin = read_streamed(csv, 4);
    REQUIRE(latin.has_value());
    CHECK(latin->encoding == "windows-1252");
    CHECK(latin->table.find("deal_name")->text_at(0) == "Caf\xC3\xA9 0");

    reader_limits limits;
    limits.typing_prefix_rows = 3;
    deal_reader reader(limits);
    REQUIRE(reader.push(csv));
    ingest_options remap;
    remap.map = {{"amount", "Deal Value"}};
    const auto remapped = reader.finish(remap);
    REQUIRE(remapped.has_value());
    CHECK(remapped->table.find("amount")->number[0] == 5);
    const auto plain = reader.finish({});  // typed in two passes: the first finish freed the typed deals
    REQUIRE(plain.has_value());
    CHECK(plain->table.find("amount")->number[0] == 100);
}
