// The deal query: which audited deals a window of the page shows (filter,
// stable sort, offset and limit), read from the query's JSON with a pointer,
// line and column on every error.
#include <algorithm>
#include <functional>
#include <limits>

#include "audit/columns.h"
#include "audit/text.h"
#include "json/object_reader.h"
#include "revdiag/report.h"

namespace revdiag {

namespace {

constexpr uint64_t max_window = 10000;

error query_error(const json_value& at, const std::string& pointer, const std::string& message) {
    return json_error(query_input, "type", at, pointer, message);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

struct sort_name {
    std::string_view name;
    deal_sort key;
};
constexpr sort_name sort_names[] = {
    {"row", deal_sort::row},
    {"amount", deal_sort::amount},
    {"deal_name", deal_sort::deal_name},
    {"deal_id", deal_sort::deal_id},
    {"account", deal_sort::account},
    {"owner", deal_sort::owner},
    {"stage", deal_sort::stage},
    {"real_stage", deal_sort::real_stage},
    {"findings", deal_sort::findings},
};

std::optional<error> read_filter(const json_value& f, deal_query& out) {
    if (!f.is_object()) return query_error(f, "/filter", "The filter must be an object.");
    const json_object_reader filter(f, query_input, "/filter");
    if (auto e = filter.unknown_keys({"layer", "code", "owner", "stage", "text", "next_action", "removed"},
                                     "the filter"))
        return e;
    for (const json_member& m : f.members) {
        std::optional<std::string>* slot = m.key == "layer"         ? &out.layer
                                           : m.key == "code"        ? &out.code
                                           : m.key == "owner"       ? &out.owner
                                           : m.key == "stage"       ? &out.stage
                                           : m.key == "next_action" ? &out.next_action
                                           : m.key == "removed"     ? &out.removed
                                                                    : &out.text;
        if (!m.value.is_string())
            return query_error(m.value, filter.pointer_of(m.key),
                               "The filter \"" + m.key + "\" must be a string.");
        *slot = m.value.text;
    }
    return std::nullopt;
}

std::optional<error> read_sort(const json_value& s, deal_query& out) {
    if (!s.is_object()) return query_error(s, "/sort", "The sort must be an object {key, desc}.");
    if (auto e = json_object_reader(s, query_input, "/sort").unknown_keys({"key", "desc"}, "the sort"))
        return e;
    if (const json_value* key = s.find("key")) {
        if (!key->is_string()) return query_error(*key, "/sort/key", "The sort key must be a string.");
        const auto* known = std::find_if(std::begin(sort_names), std::end(sort_names),
                                         [&](const sort_name& n) { return n.name == key->text; });
        if (known == std::end(sort_names))
            return json_error(query_input, "sort_key", *key, "/sort/key",
                              "The sort key \"" + key->text +
                                  "\" is not known (row, amount, deal_name, deal_id, account, owner, stage, "
                                  "real_stage, findings).");
        out.sort = known->key;
    }
    if (const json_value* desc = s.find("desc")) {
        if (!desc->is_bool())
            return query_error(*desc, "/sort/desc", "The sort direction desc must be true or false.");
        out.desc = desc->boolean;
    }
    return std::nullopt;
}

// Whether deal `i` passes every condition the query gives.
bool passes(const audit_report& r, size_t i, const detail::audit_columns& cols, const process& p,
            const deal_query& q, const std::string& text) {
    const deal_audit& d = r.deals[i];
    if (q.layer || q.code) {
        bool any = false;
        for (const finding& f : r.findings_of(d))
            any = any || ((!q.layer || to_string(layer_of(f.code)) == *q.layer) &&
                          (!q.code || to_string(f.code) == *q.code));
        if (!any) return false;
    }
    if (q.owner && detail::text_at(cols.owner, d.row) != *q.owner) return false;
    if (q.stage && (d.recorded_stage >= 0 ? p.stages[static_cast<size_t>(d.recorded_stage)].id != *q.stage
                                          : !q.stage->empty()))
        return false;
    // The deals under one owner action, and those of one waterfall step.
    if (q.next_action) {
        const int next = next_action_of(r, d);
        if (next < 0 ||
            detail::action_for(r.findings_of(d)[static_cast<size_t>(next)], d, cols, p) != *q.next_action)
            return false;
    }
    if (q.removed) {
        const int why = removal_of(d, p);
        if (why < 0 || to_string(static_cast<removal>(why)) != *q.removed) return false;
    }
    if (!text.empty()) {
        bool any = false;
        for (const column* c : {cols.deal_id, cols.deal_name, cols.account, cols.owner})
            any = any || lower(detail::text_at(c, d.row)).find(text) != std::string::npos;
        if (!any) return false;
    }
    return true;
}

}  // namespace

result<deal_query> read_deal_query(std::string_view json_text) {
    auto parsed = read_json_object(json_text, query_input);
    if (!parsed) return parsed.err();
    const json_value& q = *parsed;
    deal_query out;
    const json_object_reader query(q, query_input, "");
    if (auto e = query.unknown_keys({"filter", "sort", "offset", "limit"}, "the query")) return *e;
    if (const json_value* f = q.find("filter"))
        if (auto e = read_filter(*f, out)) return *e;
    if (const json_value* s = q.find("sort"))
        if (auto e = read_sort(*s, out)) return *e;
    for (const char* name : {"offset", "limit"}) {
        const json_value* v = q.find(name);
        if (!v) continue;
        const auto n = whole_number(*v, 0, std::numeric_limits<int64_t>::max());
        if (!n)
            return query_error(*v, query.pointer_of(name),
                               std::string("The ") + name + " must be a whole number of 0 or more.");
        (std::string_view(name) == "offset" ? out.offset : out.limit) = static_cast<uint64_t>(*n);
    }
    out.limit = std::min(out.limit, max_window);
    return out;
}

std::vector<size_t> select_deals(const audit_report& r, const deal_table& table, const process& p,
                                 const deal_query& q) {
    const detail::audit_columns cols(table);
    const std::string text = q.text ? lower(*q.text) : std::string();
    std::vector<size_t> picked;
    for (size_t i = 0; i < r.deals.size(); ++i)
        if (passes(r, i, cols, p, q, text)) picked.push_back(i);

    // Each key compares one value; equal values keep row order (stable sort), so a window never shuffles.
    auto text_key = [&](const column* c) {
        return [&r, c](size_t a, size_t b) {
            return detail::text_at(c, r.deals[a].row) < detail::text_at(c, r.deals[b].row);
        };
    };
    std::function<bool(size_t, size_t)> less;
    switch (q.sort) {
        case deal_sort::row:
            less = [&](size_t a, size_t b) { return r.deals[a].row < r.deals[b].row; };
            break;
        case deal_sort::amount:
            less = [&](size_t a, size_t b) { return r.deals[a].amount_cents < r.deals[b].amount_cents; };
            break;
        case deal_sort::deal_name:
            less = text_key(cols.deal_name);
            break;
        case deal_sort::deal_id:
            less = text_key(cols.deal_id);
            break;
        case deal_sort::account:
            less = text_key(cols.account);
            break;
        case deal_sort::owner:
            less = text_key(cols.owner);
            break;
        case deal_sort::stage:
            less = [&](size_t a, size_t b) { return r.deals[a].recorded_stage < r.deals[b].recorded_stage; };
            break;
        case deal_sort::real_stage:
            less = [&](size_t a, size_t b) { return r.deals[a].real_stage < r.deals[b].real_stage; };
            break;
        case deal_sort::findings:
            less = [&](size_t a, size_t b) { return r.deals[a].findings_count < r.deals[b].findings_count; };
            break;
    }
    if (q.desc)
        std::stable_sort(picked.begin(), picked.end(), [&](size_t a, size_t b) { return less(b, a); });
    else
        std::stable_sort(picked.begin(), picked.end(), less);
    return picked;
}

nlohmann::ordered_json deal_window_to_json(const audit_report& r, const deal_table& table, const process& p,
                                           const deal_query& q) {
    const std::vector<size_t> picked = select_deals(r, table, p, q);
    nlohmann::ordered_json body;
    body["total"] = picked.size();
    body["offset"] = q.offset;
    body["limit"] = q.limit;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (uint64_t i = q.offset; i < picked.size() && i < q.offset + q.limit; ++i)
        list.push_back(deal_to_json(r, picked[i], table, p));
    body["deals"] = std::move(list);
    return body;
}

}  // namespace revdiag
