#include "revdiag/mapping.h"

#include <algorithm>
#include <unordered_set>

#include "ingest/mapping_aliases.h"
#include "revdiag/deals.h"
#include "revdiag/values.h"

namespace revdiag {

namespace {
constexpr double fuzzy_score = 0.5;
constexpr size_t fuzzy_min_alias = 5;
constexpr size_t max_alternatives = 3;

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The header without a CRM entity prefix: Pipedrive's `Deal - Value`, or a
// glued `Opportunity Amount` / `dealstage`. "" when there is none.
std::string strip_entity_prefix(std::string_view header) {
    if (const size_t dash = header.find(" - "); dash != std::string_view::npos) {
        const std::string entity = compact_key(header.substr(0, dash));
        if (entity == "deal" || entity == "opportunity" || entity == "potential")
            return compact_key(header.substr(dash + 3));
    }
    const std::string key = compact_key(header);
    for (const std::string_view p : {"deal", "opportunity", "potential"})
        if (key.size() > p.size() && key.compare(0, p.size(), p) == 0) return key.substr(p.size());
    return {};
}

struct candidate {
    size_t field;  // index in canonical_fields()
    size_t column;
    double score;
};

double alias_score(std::string_view alias_crm, const std::string& crm) {
    if (alias_crm == crm) return 1.0;
    return alias_crm.empty() ? 0.9 : 0.8;
}

std::vector<candidate> score_all(const std::vector<std::string>& headers, const std::string& crm) {
    const auto& fields = canonical_fields();
    // Field index of each alias, computed once: scoring is one pass over the
    // aliases per column, so a 100k-column header stays linear.
    static const std::vector<size_t> alias_field = [] {
        std::vector<size_t> idx;
        for (const header_alias& a : header_aliases()) {
            size_t f = 0;
            while (f < canonical_fields().size() && canonical_fields()[f].id != a.field) ++f;
            idx.push_back(f);
        }
        return idx;
    }();
    std::vector<candidate> out;
    std::vector<double> best(fields.size());
    for (size_t c = 0; c < headers.size(); ++c) {
        const std::string key = compact_key(headers[c]);
        if (key.empty()) continue;
        const std::string stripped = strip_entity_prefix(headers[c]);
        std::fill(best.begin(), best.end(), 0.0);
        const auto& aliases = header_aliases();
        for (size_t i = 0; i < aliases.size(); ++i) {
            const header_alias& a = aliases[i];
            double s = 0;
            if (a.key == key)
                s = alias_score(a.crm, crm);
            else if (!stripped.empty() && a.key == stripped)
                s = alias_score(a.crm, crm) * 0.95;
            else if (a.key.size() >= fuzzy_min_alias && key.size() > a.key.size() &&
                     (key.compare(0, a.key.size(), a.key) == 0 ||
                      key.compare(key.size() - a.key.size(), a.key.size(), a.key) == 0))
                s = fuzzy_score;
            best[alias_field[i]] = std::max(best[alias_field[i]], s);
        }
        for (size_t f = 0; f < fields.size(); ++f)
            if (best[f] > 0) out.push_back({f, c, best[f]});
    }
    return out;
}

int find_key(const std::vector<std::string>& headers, std::string_view key) {
    for (size_t c = 0; c < headers.size(); ++c)
        if (compact_key(headers[c]) == key) return static_cast<int>(c);
    return -1;
}

std::vector<mapping_entry>::iterator find_entry(header_mapping& m, std::string_view field) {
    return std::find_if(m.entries.begin(), m.entries.end(),
                        [&](const mapping_entry& e) { return e.field == field; });
}

void sort_canonical(header_mapping& m) {
    auto rank = [](const std::string& id) {
        const auto& fields = canonical_fields();
        for (size_t i = 0; i < fields.size(); ++i)
            if (fields[i].id == id) return i;
        return fields.size();
    };
    std::stable_sort(m.entries.begin(), m.entries.end(), [&](const mapping_entry& a, const mapping_entry& b) {
        return rank(a.field) < rank(b.field);
    });
}

// A status column is often absent: derive it from IsClosed + IsWon, else from
// the stage names (`Closed Won`, `Lost`), and say so in `how`.
void derive_status(header_mapping& m, const std::vector<std::string>& headers) {
    if (find_entry(m, "status") != m.entries.end()) return;
    const int closed = find_key(headers, "isclosed");
    const int won = find_key(headers, "iswon");
    if (closed >= 0 && won >= 0) {
        m.entries.push_back(
            {"status", headers[closed] + " + " + headers[won], closed, 0.9, {}, "is_closed_is_won"});
    } else if (const auto stage = find_entry(m, "stage"); stage != m.entries.end()) {
        m.entries.push_back({"status", stage->header, stage->source_index, 0.6, {}, "stage_names"});
    }
    sort_canonical(m);
}

// HubSpot's `Date entered "<Stage> (<Pipeline>)"` columns are a stage history:
// the date the deal entered its current stage is read from the matching one.
void derive_stage_entered(header_mapping& m, const std::vector<std::string>& headers) {
    if (find_entry(m, "stage_entered_date") != m.entries.end() || find_entry(m, "stage") == m.entries.end())
        return;
    for (size_t c = 0; c < headers.size(); ++c)
        if (compact_key(headers[c]).rfind("dateentered", 0) == 0 && compact_key(headers[c]).size() > 11) {
            m.entries.push_back({"stage_entered_date",
                                 "Date entered \"<stage> (<pipeline>)\"",
                                 static_cast<int>(c),
                                 0.8,
                                 {},
                                 "date_entered_columns"});
            sort_canonical(m);
            return;
        }
}

// Close reports `value` in cents.
void mark_cents(header_mapping& m) {
    const auto amount = find_entry(m, "amount");
    if (m.crm == "close" && amount != m.entries.end() && amount->how.empty() &&
        compact_key(amount->header) == "value")
        amount->how = "cents";
}
}  // namespace

bool holds_ids(const mapping_entry& e) {
    if (e.field != "account" && e.field != "owner") return false;
    const std::string key = compact_key(e.header);
    return key.size() > 2 && key.compare(key.size() - 2, 2, "id") == 0;
}

std::string normalize_header(std::string_view header) {
    std::string out;
    bool gap = false;
    for (const char c : header) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
        if (!keep) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out.push_back('_');
        gap = false;
        out.push_back(lower(c));
    }
    return out;
}

std::string detect_crm(const std::vector<std::string>& headers) {
    std::unordered_set<std::string> keys;
    size_t deal_prefixed = 0;
    for (const std::string& h : headers) {
        keys.insert(compact_key(h));
        if (h.size() > 7 && compact_key(h.substr(0, 4)) == "deal" && h.compare(4, 3, " - ") == 0)
            ++deal_prefixed;
    }
    std::string best = "generic";
    size_t best_score = 1;  // one shared header proves nothing
    for (const crm_signature& sig : crm_signatures()) {
        size_t score = sig.crm == "pipedrive" ? deal_prefixed : 0;
        for (const std::string_view k : sig.keys)
            if (keys.count(std::string(k))) ++score;
        if (score > best_score) {
            best = std::string(sig.crm);
            best_score = score;
        }
    }
    return best;
}

header_mapping map_headers(const std::vector<std::string>& headers) {
    header_mapping m;
    m.crm = detect_crm(headers);
    std::vector<candidate> all = score_all(headers, m.crm);
    std::stable_sort(all.begin(), all.end(), [](const candidate& a, const candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.field != b.field) return a.field < b.field;
        return a.column < b.column;
    });
    const auto& fields = canonical_fields();
    std::vector<bool> field_done(fields.size(), false), column_used(headers.size(), false);
    for (const candidate& c : all) {
        if (field_done[c.field] || column_used[c.column]) continue;
        field_done[c.field] = column_used[c.column] = true;
        mapping_entry e{
            std::string(fields[c.field].id), headers[c.column], static_cast<int>(c.column), c.score, {}, ""};
        for (const candidate& alt : all)
            if (alt.field == c.field && alt.column != c.column && e.alternatives.size() < max_alternatives)
                e.alternatives.push_back(headers[alt.column]);
        m.entries.push_back(std::move(e));
    }
    sort_canonical(m);
    derive_status(m, headers);
    derive_stage_entered(m, headers);
    mark_cents(m);
    return m;
}

result<header_mapping> apply_overrides(header_mapping m, const std::vector<std::string>& headers,
                                       const std::vector<std::pair<std::string, std::string>>& overrides) {
    std::vector<std::string> user_fields;
    for (const auto& override_pair : overrides) {
        // Named references, not a structured binding: clang 14 cannot capture those in lambdas.
        const std::string& field = override_pair.first;
        const std::string& header = override_pair.second;
        if (!find_canonical_field(field))
            return make_error("mapping.unknown_field", "'" + field + "' is not a canonical field.",
                              location{"options", 0, 0, "/map/" + field, field});
        int column = -1;
        if (!header.empty()) {
            for (size_t c = 0; c < headers.size() && column < 0; ++c)
                if (headers[c] == header) column = static_cast<int>(c);
            for (size_t c = 0; c < headers.size() && column < 0; ++c)
                if (compact_key(headers[c]) == compact_key(header) && !compact_key(header).empty())
                    column = static_cast<int>(c);
            if (column < 0)
                return make_error("mapping.unknown_header",
                                  "The file has no column '" + header + "' to map to " + field + ".",
                                  location{"options", 0, 0, "/map/" + field, field});
        }
        // Derived entries that read the overridden field go too; they are derived again below.
        // A named copy: C++17 lambdas cannot capture structured bindings (clang rejects it).
        const std::string& overridden = field;
        m.entries.erase(std::remove_if(m.entries.begin(), m.entries.end(),
                                       [&](const mapping_entry& e) {
                                           return e.field == overridden ||
                                                  (column >= 0 && e.source_index == column && e.how.empty());
                                       }),
                        m.entries.end());
        if (field == "stage") {
            const auto st = find_entry(m, "status");
            if (st != m.entries.end() && st->how == "stage_names") m.entries.erase(st);
            const auto entered = find_entry(m, "stage_entered_date");
            if (entered != m.entries.end() && entered->how == "date_entered_columns")
                m.entries.erase(entered);
        }
        user_fields.push_back(field);
        if (column >= 0) m.entries.push_back({field, headers[column], column, 1.0, {}, "user"});
    }
    sort_canonical(m);
    auto user_set = [&](const char* f) {
        return std::find(user_fields.begin(), user_fields.end(), f) != user_fields.end();
    };
    if (!user_set("status")) derive_status(m, headers);
    if (!user_set("stage_entered_date")) derive_stage_entered(m, headers);
    mark_cents(m);
    return m;
}

}  // namespace revdiag
