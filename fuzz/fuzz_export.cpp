// The flagged-deal CSV exporter: any export that reads is audited and its
// flagged deals written as CSV; the CSV reader gives back exactly the cells
// written, one row per flagged deal, each text cell as the deal had it, with a
// leading ' only where a spreadsheet would run a formula. The input's first
// byte picks a text column to write as a single cell too, so every byte string
// goes through csv_text_cell and back.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "revdiag/audit.h"
#include "revdiag/csv.h"
#include "revdiag/ingest.h"
#include "revdiag/process.h"
#include "revdiag/report.h"

namespace {

bool is_trigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
}

std::string neutralized(std::string_view text) {
    return (!text.empty() && is_trigger(text.front()) ? "'" : "") + std::string(text);
}

std::unique_ptr<revdiag::csv_reader> read_back(const std::string& csv) {
    auto reader = std::make_unique<revdiag::csv_reader>();
    REVDIAG_FUZZ_CHECK(reader->push(csv).has_value());
    REVDIAG_FUZZ_CHECK(reader->finish().has_value());
    REVDIAG_FUZZ_CHECK(reader->info().delimiter == ',');
    REVDIAG_FUZZ_CHECK(reader->warnings().empty());
    return reader;
}

std::string_view text_of(const revdiag::deal_table& t, std::string_view field, size_t row) {
    const revdiag::column* c = t.find(field);
    return c && !c->is_missing(row) ? c->text_at(row) : std::string_view();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // One cell, alone: what csv_text_cell writes reads back as the neutralized text
    // (when it is text the reader keeps as is: UTF-8 without NUL).
    if (revdiag::is_valid_utf8(bytes) && bytes.find('\0') == std::string_view::npos) {
        const auto reader = read_back("id,text\r\n1," + revdiag::csv_text_cell(bytes) + "\r\n");
        const revdiag::csv_table& cell = reader->table();
        REVDIAG_FUZZ_CHECK(cell.rows() == 2 && cell.fields(1) == 2);
        REVDIAG_FUZZ_CHECK(cell.cell(1, 1) == neutralized(bytes));
    }
    const auto read = revdiag::read_deals(bytes);
    if (!read) return 0;
    static const revdiag::process p = revdiag::default_process();
    const revdiag::deal_table& table = read->table;
    const revdiag::audit_report r = revdiag::run_audit(table, p, 20454);  // 2026-01-01
    const std::string csv = revdiag::flagged_deals_csv(r, table, p);
    const auto reader = read_back(csv);
    const revdiag::csv_table& back = reader->table();
    size_t row = 1;
    for (const revdiag::deal_audit& d : r.deals) {
        if (!d.flagged()) continue;
        REVDIAG_FUZZ_CHECK(row < back.rows());
        REVDIAG_FUZZ_CHECK(back.fields(row) == back.fields(0));
        REVDIAG_FUZZ_CHECK(back.cell(row, 0) == std::to_string(table.line[d.row]));
        const char* fields[] = {"deal_id", "deal_name", "account", "owner"};
        for (size_t f = 0; f < 4; ++f)
            REVDIAG_FUZZ_CHECK(back.cell(row, f + 1) == neutralized(text_of(table, fields[f], d.row)));
        REVDIAG_FUZZ_CHECK(back.cell(row, 6) == neutralized(text_of(table, "stage", d.row)));
        ++row;
    }
    REVDIAG_FUZZ_CHECK(row == back.rows());
    return 0;
}
