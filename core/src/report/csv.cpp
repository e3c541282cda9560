#include <cstdio>

#include "audit/columns.h"
#include "audit/text.h"
#include "revdiag/report.h"

namespace revdiag {

using detail::audit_columns;
using detail::text_at;

std::string csv_text_cell(std::string_view text) {
    std::string cell;
    // Spreadsheets run a cell that starts with one of these as a formula (or,
    // for tab/CR/LF/NUL, let one hide behind the whitespace): a leading quote
    // makes it text. The neutralized cell is quoted too (OWASP's rule), so a
    // reader that strips the quote or splits on tabs still sees one text cell.
    bool quote = false;
    if (!text.empty()) {
        const char c = text.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' ||
            c == '\0') {
            cell.push_back('\'');
            quote = true;
        }
    }
    cell.append(text.data(), text.size());
    for (const char c : cell)
        if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
    if (!quote) return cell;
    std::string out = "\"";
    for (const char c : cell) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

namespace {

// A number the engine computed: plain digits with '.' and a leading '-', never quoted.
std::string money_cell(const deal_audit& d) {
    if (d.amount_missing) return "";
    const int64_t cents = d.amount_cents;
    const uint64_t mag = cents < 0 ? static_cast<uint64_t>(-(cents + 1)) + 1 : static_cast<uint64_t>(cents);
    std::string s = (cents < 0 ? "-" : "") + std::to_string(mag / 100);
    if (mag % 100 != 0) {
        char frac[4];
        std::snprintf(frac, sizeof frac, "%02u", static_cast<unsigned>(mag % 100));
        s += ".";
        s += frac;
    }
    return s;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? " | " : "") + parts[i];
    return out;
}

}  // namespace

std::string flagged_deals_csv(const audit_report& r, const deal_table& table, const process& p) {
    const audit_columns cols(table);
    std::string out =
        "row,deal_id,deal_name,account,owner,amount,recorded_stage,stage,real_stage,next_action,layers,codes,"
        "actions,reasons\r\n";
    for (const deal_audit& d : r.deals) {
        if (!d.flagged()) continue;
        std::vector<std::string> layers, codes, actions, reasons;
        for (const finding& f : r.findings_of(d)) {
            const std::string l(to_string(layer_of(f.code)));
            if (layers.empty() || layers.back() != l) layers.push_back(l);
            codes.emplace_back(to_string(f.code));
            const std::string a = detail::action_for(f, d, cols, p);
            bool seen = false;
            for (const std::string& x : actions) seen = seen || x == a;
            if (!seen) actions.push_back(a);
            reasons.push_back(detail::message_for(f, d, cols, p, r));
        }
        const auto stage_id = [&p](int st) {
            return st >= 0 ? p.stages[static_cast<size_t>(st)].id : std::string();
        };
        out += std::to_string(table.line[d.row]);
        for (const std::string_view cell : {text_at(cols.deal_id, d.row), text_at(cols.deal_name, d.row),
                                            text_at(cols.account, d.row), text_at(cols.owner, d.row)}) {
            out += ',';
            out += csv_text_cell(cell);
        }
        out += ',' + money_cell(d);
        out += ',' + csv_text_cell(text_at(cols.stage, d.row));
        out += ',' + csv_text_cell(stage_id(d.recorded_stage));
        out += ',' + csv_text_cell(stage_id(d.real_stage));
        const finding& next = r.findings_of(d)[static_cast<size_t>(next_action_of(r, d))];
        out += ',' + csv_text_cell(detail::action_for(next, d, cols, p));
        out += ',' + csv_text_cell(join(layers));
        out += ',' + csv_text_cell(join(codes));
        out += ',' + csv_text_cell(join(actions));
        out += ',' + csv_text_cell(join(reasons));
        out += "\r\n";
    }
    return out;
}

}  // namespace revdiag
