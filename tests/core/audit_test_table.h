// Deal tables built by hand for the audit's unit tests: one typed column per
// canonical field, filled row by row, so each rule is tested without the CSV
// reader in the way.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "revdiag/date.h"
#include "revdiag/deals.h"

namespace revdiag::test {

/// One deal as field -> value text ("" = missing). Dates are ISO, booleans
/// "true"/"false", money and percent plain numbers.
using deal_row = std::map<std::string, std::string>;

inline deal_table make_table(const std::vector<deal_row>& rows) {
    deal_table t;
    for (const canonical_field& f : canonical_fields()) {
        bool used = false;
        for (const deal_row& r : rows) used = used || r.count(std::string(f.id));
        if (!used) continue;
        column c;
        c.name = std::string(f.id);
        c.header = c.name;
        c.type = f.type;
        for (const deal_row& r : rows) {
            const auto it = r.find(c.name);
            const std::string v = it == r.end() ? std::string() : it->second;
            switch (f.type) {
                case field_type::text:
                case field_type::status: {
                    if (v.empty()) {
                        c.text.push_back(0);
                        break;
                    }
                    uint32_t idx = 0;
                    for (uint32_t i = 1; i < c.pool.size(); ++i)
                        if (c.pool[i] == v) idx = i;
                    if (idx == 0) {
                        c.pool.push_back(v);
                        idx = static_cast<uint32_t>(c.pool.size() - 1);
                    }
                    c.text.push_back(idx);
                    break;
                }
                case field_type::money:
                case field_type::percent:
                    c.number.push_back(v.empty() ? missing_number() : std::strtod(v.c_str(), nullptr));
                    break;
                case field_type::date:
                    c.date.push_back(v.empty() ? no_date : *parse_iso_date(v));
                    break;
                case field_type::boolean:
                    c.flag.push_back(static_cast<int8_t>(v.empty() ? -1 : v == "true" ? 1 : 0));
                    break;
            }
        }
        t.columns.push_back(std::move(c));
    }
    for (size_t i = 0; i < rows.size(); ++i) t.line.push_back(static_cast<uint32_t>(i + 2));
    return t;
}

/// A deal that meets every criterion of the default process up to Negotiation
/// and is active and owned as of 2026-06-30; tests change one field at a time.
inline deal_row healthy_deal(const std::string& stage = "Negotiation") {
    return deal_row{{"deal_id", "D-1"},
                    {"deal_name", "Acme renewal"},
                    {"account", "Acme"},
                    {"amount", "10000"},
                    {"stage", stage},
                    {"status", "open"},
                    {"owner", "Dana Smith"},
                    {"created_date", "2026-05-01"},
                    {"close_date", "2026-08-31"},
                    {"last_buyer_activity_date", "2026-06-25"},
                    {"last_buyer_response_date", "2026-06-24"},
                    {"problem_confirmed", "true"},
                    {"budget_confirmed", "true"},
                    {"decision_date", "2026-08-15"},
                    {"next_step_date", "2026-07-03"},
                    {"decision_maker", "Pat Lee"},
                    {"proposal_sent_date", "2026-06-20"},
                    // The column exists and is blank: no follow-up logged (DESIGN §3.1).
                    {"last_follow_up_date", ""}};
}

}  // namespace revdiag::test
