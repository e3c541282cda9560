#include "ingest/ingest_json.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace revdiag {

namespace {
double round_confidence(double c) {
    return std::round(c * 100.0) / 100.0;
}
}  // namespace

ojson ingest_to_json(const ingest_result& r) {
    ojson j;
    j["rows"] = r.rows;
    j["encoding"] = r.encoding;
    j["delimiter"] = std::string(1, r.delimiter);
    j["line_ending"] = r.line_ending;
    j["detected_crm"] = r.detected_crm;
    ojson mapping = ojson::object();
    for (const mapping_entry& e : r.mapping) {
        ojson m;
        m["header"] = e.header;
        if (e.source_index >= 0) m["column"] = e.source_index + 1;
        // An id column matched to a name field is recognized, not claimed as a sure match.
        const bool ids = holds_ids(e);
        m["confidence"] =
            round_confidence(ids && e.how != "user" ? std::min(e.confidence, ids_confidence) : e.confidence);
        m["alternatives"] = e.alternatives;
        if (!e.how.empty()) m["derived"] = e.how;
        if (ids) m["ids"] = true;
        // The evidence tier of an activity column (DESIGN §2.1); stage timing is named as such.
        if (const evidence_tier tier = tier_of_field(e.field); tier != evidence_tier::record)
            m["tier"] = to_string(tier);
        else if (e.field == "stage_entered_date")
            m["tier"] = "stage_timing";
        mapping[e.field] = std::move(m);
    }
    j["mapping"] = std::move(mapping);
    j["missing_fields"] = r.missing_fields;
    ojson extras = ojson::array();
    for (const column& c : r.table.columns) {
        if (find_canonical_field(c.name)) continue;
        extras.push_back(ojson{{"name", c.name}, {"header", c.header}, {"column", c.source_index + 1}});
    }
    j["extra_columns"] = std::move(extras);
    j["warnings"] = to_json_list(r.warnings);
    return j;
}

ojson value_counts_json(const column& c) {
    // A pool may repeat a text (columns of nearly distinct values are not
    // interned): equal texts count under their first entry.
    std::vector<size_t> same(c.pool.size(), 0);
    std::unordered_map<std::string_view, size_t> first_entry;
    for (size_t id = 1; id < c.pool.size(); ++id)
        same[id] = first_entry.emplace(c.pool[id], id).first->second;
    std::vector<size_t> counts(c.pool.size(), 0);
    std::vector<size_t> first(c.pool.size(), 0);
    for (size_t row = c.text.size(); row-- > 0;) {
        const size_t id = same[c.text[row]];
        ++counts[id];
        first[id] = row;
    }
    std::vector<size_t> order;
    for (size_t id = 1; id < c.pool.size(); ++id)
        if (counts[id] > 0) order.push_back(id);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (counts[a] != counts[b]) return counts[a] > counts[b];
        return first[a] < first[b];
    });
    ojson list = ojson::array();
    for (const size_t id : order)
        list.push_back(ojson{{"value", std::string(c.pool[id])}, {"count", counts[id]}});
    return list;
}

ojson cell_to_json(const column& c, size_t row) {
    if (c.is_missing(row)) return nullptr;
    switch (c.type) {
        case field_type::text:
        case field_type::status:
            return std::string(c.text_at(row));
        case field_type::money:
        case field_type::percent:
            return c.number[row];
        case field_type::date:
            return format_iso_date(c.date[row]);
        case field_type::boolean:
            return c.flag[row] == 1;
    }
    return nullptr;
}

}  // namespace revdiag
