// Streaming: the reader's results do not depend on chunk boundaries, and time
// stays linear on pathological inputs.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>

#include "ingest/ingest_json.h"
#include "revdiag/csv.h"
#include "revdiag/ingest.h"
#include "test_support.h"

using nlohmann::json;

namespace {
struct snapshot {
    bool ok = false;
    std::string error_code;
    uint32_t error_line = 0;
    std::vector<std::string> cells;
    std::vector<uint32_t> row_end, lines;
    std::string encoding, line_ending;
    char delimiter = 0;
    std::vector<std::string> warnings;
    bool operator==(const snapshot& o) const {
        return ok == o.ok && error_code == o.error_code && error_line == o.error_line && cells == o.cells &&
               row_end == o.row_end && lines == o.lines && encoding == o.encoding &&
               line_ending == o.line_ending && delimiter == o.delimiter && warnings == o.warnings;
    }
};

snapshot read_in_chunks(const std::string& bytes, const std::vector<size_t>& cuts) {
    revdiag::csv_reader reader;
    snapshot s;
    size_t from = 0;
    revdiag::result<bool> r = true;
    for (size_t k = 0; k <= cuts.size() && r; ++k) {
        const size_t to = k < cuts.size() ? cuts[k] : bytes.size();
        r = reader.push(std::string_view(bytes).substr(from, to - from));
        from = to;
    }
    if (r) r = reader.finish();
    s.ok = r.has_value();
    if (!s.ok) {
        s.error_code = r.err().code;
        s.error_line = r.err().at.line;
        return s;
    }
    const auto& t = reader.table();
    for (size_t row = 0; row < t.rows(); ++row)
        for (size_t f = 0; f < t.fields(row); ++f) s.cells.emplace_back(t.cell(row, f));
    s.row_end = t.row_end;
    s.lines = t.row_line;
    s.encoding = reader.info().encoding;
    s.line_ending = reader.info().line_ending;
    s.delimiter = reader.info().delimiter;
    for (const auto& w : reader.warnings())
        s.warnings.push_back(w.code + "@" + std::to_string(w.at.line) + ":" + std::to_string(w.at.column));
    return s;
}

std::vector<size_t> random_cuts(size_t size, std::mt19937& rng, size_t max_chunk) {
    std::vector<size_t> cuts;
    std::uniform_int_distribution<size_t> step(0, max_chunk);
    for (size_t at = step(rng); at < size; at += step(rng)) cuts.push_back(at);
    return cuts;
}

// A file past the reader's detection window with every hard case inside it:
// quoted newlines, CRLF split across chunks, doubled and bare quotes, UTF-8.
std::string large_tricky_file() {
    std::string text = "id,name,note,amount\r\n";
    for (int i = 0; text.size() < 300000; ++i) {
        text += std::to_string(i) + ",\"Caf\xC3\xA9 " + std::to_string(i) + ", Inc\",";
        text += (i % 3 == 0) ? "\"multi\r\nline \"\"quoted\"\" note\"" : (i % 7 == 0 ? "5\" pipe" : "plain");
        text += ",\"$" + std::to_string(i * 13) + ".50\"" + ((i % 5 == 0) ? "\n" : "\r\n");
        if (i % 11 == 0) text += "\r\n";
    }
    return text;
}
}  // namespace

TEST_CASE("csv reader gives identical results for random chunk boundaries", "[csv][stream]") {
    std::vector<std::string> inputs;
    for (const auto& entry : std::filesystem::directory_iterator(revdiag::test::fixture_path("csv")))
        if (entry.path().extension() == ".csv")
            inputs.push_back(revdiag::test::read_file(entry.path().string()));
    for (const auto& entry : std::filesystem::directory_iterator(revdiag::test::fixture_path("real")))
        if (entry.path().extension() == ".csv")
            inputs.push_back(revdiag::test::read_file(entry.path().string()));
    const std::string big = large_tricky_file();
    inputs.push_back(big);
    std::string utf16 = "\xFF\xFE";
    for (const char c :
         big.substr(0, 150000)) {  // ASCII and UTF-8 lead bytes alike: widen bytewise as Latin-1
        utf16.push_back(c);
        utf16.push_back('\0');
    }
    inputs.push_back(utf16);
    inputs.push_back("\"unterminated at the start" + std::string(100000, 'x'));

    std::mt19937 rng(20261201);
    for (size_t i = 0; i < inputs.size(); ++i) {
        INFO("input " << i);
        const snapshot whole = read_in_chunks(inputs[i], {});
        for (const size_t max_chunk : {1u, 3u, 64u, 4096u, 70000u}) {
            if (max_chunk == 1 && inputs[i].size() > 20000) continue;  // byte by byte only on the small ones
            const snapshot split = read_in_chunks(inputs[i], random_cuts(inputs[i].size(), rng, max_chunk));
            CHECK(split == whole);
        }
    }
}

TEST_CASE("deal reader gives the same ingest result whether pushed whole or in chunks", "[ingest][stream]") {
    const std::string bytes = revdiag::test::read_fixture("real/zoho-potentials.csv");
    const auto whole = revdiag::read_deals(bytes);
    REQUIRE(whole.has_value());
    revdiag::deal_reader reader;
    for (size_t at = 0; at < bytes.size(); at += 97)
        REQUIRE(reader.push(std::string_view(bytes).substr(at, 97)));
    CHECK(reader.bytes() == bytes.size());
    const auto chunked = reader.finish({});
    REQUIRE(chunked.has_value());
    CHECK(revdiag::ingest_to_json(chunked.value()) == revdiag::ingest_to_json(whole.value()));
    CHECK(reader.rows() == 73);
}

TEST_CASE("an unterminated quote at the start of a 50 MB file fails fast under default limits",
          "[csv][linear]") {
    std::string bytes = "\"id,name\n";
    while (bytes.size() < 50u << 20) bytes += "1,Acme Incorporated,48250,2026-03-04\n";
    const auto started = std::chrono::steady_clock::now();
    const auto r = revdiag::read_deals(bytes);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.err().code == "csv.field_too_large");
    CHECK(r.err().at.line == 1);
    CHECK(r.err().message.find("quote") != std::string::npos);

    revdiag::ingest_options options;
    options.limits.max_field_bytes = 64u << 20;
    const auto unbounded = revdiag::read_deals(bytes, options);
    REQUIRE_FALSE(unbounded.has_value());
    CHECK(unbounded.err().code == "csv.unterminated_quote");
    CHECK(unbounded.err().at.line == 1);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(seconds < 30.0);  // linear: about a second in a debug build; quadratic would never finish
}

TEST_CASE("a 100k-column header is refused at the column limit or read in linear time", "[csv][linear]") {
    std::string header, row;
    for (int c = 0; c < 100000; ++c) {
        header += (c ? ",Column " : "Column ") + std::to_string(c);
        row += c ? ",1" : "1";
    }
    const std::string bytes = header + "\n" + row + "\n";
    const auto refused = revdiag::read_deals(bytes);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.err().code == "csv.too_many_columns");

    const auto started = std::chrono::steady_clock::now();
    revdiag::ingest_options options;
    options.limits.max_columns = 200000;
    const auto read = revdiag::read_deals(bytes, options);
    REQUIRE(read.has_value());
    CHECK(read->table.columns.size() == 100000);
    CHECK(read->rows == 1);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(seconds < 30.0);
}
