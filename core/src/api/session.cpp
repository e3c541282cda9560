#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

#include "api/audit_options.h"
#include "api/simulate.h"
#include "audit/columns.h"
#include "audit/text.h"
#include "ingest/ingest_json.h"
#include "json/object_reader.h"
#include "revdiag/api.h"

namespace revdiag::api {

namespace {
constexpr std::string_view progress_schema = "revdiag.progress/1";
constexpr std::string_view inspect_schema = "revdiag.inspect/1";
constexpr std::string_view deals_schema = "revdiag.deals/1";
constexpr size_t max_window = 10000;

error state_error(const std::string& message) {
    return make_error("session.state", message, location{"session", 0, 0, "", ""});
}

error query_error(const json_value& at, const std::string& pointer, const std::string& message) {
    return json_error(query_input, "type", at, pointer, message);
}

result<reader_limits> limits_from(std::string_view options_json) {
    reader_limits limits;
    auto options = read_json_object(options_json, options_input);
    if (!options) return options.err();
    const json_object_reader o(*options, options_input, "");
    if (auto e = o.unknown_keys({"max_bytes", "max_field_bytes", "max_columns", "expected_bytes"},
                                "the session options"))
        return *e;
    for (const json_member& m : options->members) {
        size_t* target = m.key == "max_bytes"         ? &limits.max_bytes
                         : m.key == "max_field_bytes" ? &limits.max_field_bytes
                         : m.key == "max_columns"     ? &limits.max_columns
                                                      : &limits.expected_bytes;
        const auto n = whole_number(m.value, 1, std::numeric_limits<int64_t>::max());
        if (!n)
            return o.error_at("type", m.key,
                              "The session option \"" + m.key + "\" must be a positive whole number.", m.key);
        *target = static_cast<size_t>(*n);
    }
    return limits;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

struct session::impl {
    std::optional<error> failed;  // a bad option or a structural failure; the session then answers it
    deal_reader reader;
    std::optional<ingest_result> input;
    std::vector<std::pair<std::string, std::string>> input_map;  // the mapping `input` was read with
    std::optional<process> designed;
    std::optional<audit_report> report;

    explicit impl(reader_limits limits) : reader(limits) {}

    // Read again only when the mapping changed: the parsed cells stay in the reader.
    std::optional<error> ensure_input(const ingest_options& ingest) {
        if (input && ingest.map == input_map) return std::nullopt;
        auto read = reader.finish(ingest);
        if (!read) return read.err();
        input = std::move(*read);
        input_map = ingest.map;
        report.reset();
        return std::nullopt;
    }
};

session::session(std::string_view options_json) {
    auto limits = limits_from(options_json);
    impl_ = std::make_unique<impl>(limits ? *limits : reader_limits{});
    if (!limits) impl_->failed = limits.err();
}

session::~session() = default;

std::string session::push(std::string_view chunk) {
    if (impl_->failed) return error_envelope(progress_schema, *impl_->failed);
    if (impl_->input)
        return error_envelope(
            progress_schema,
            state_error("The session has finished reading; start a new session for another file."));
    auto pushed = impl_->reader.push(chunk);
    if (!pushed) {
        impl_->failed = pushed.err();
        return error_envelope(progress_schema, pushed.err());
    }
    ojson body;
    body["bytes"] = impl_->reader.bytes();
    body["rows"] = impl_->reader.rows();
    return ok_envelope(progress_schema, body);
}

std::string session::finish(std::string_view options_json) {
    if (impl_->failed) return error_envelope(inspect_schema, *impl_->failed);
    auto options = read_json_object(options_json, options_input);
    if (!options) return error_envelope(inspect_schema, options.err());
    if (auto e = json_object_reader(*options, options_input, "").unknown_keys({"map"}, "the finish options"))
        return error_envelope(inspect_schema, *e);
    auto ingest = ingest_options_from_json(*options);
    if (!ingest) return error_envelope(inspect_schema, ingest.err());
    impl_->input.reset();
    if (auto e = impl_->ensure_input(*ingest)) return error_envelope(inspect_schema, *e);
    ojson body = ingest_to_json(*impl_->input);
    const column* stage = impl_->input->table.find("stage");
    body["stage_values"] = stage ? value_counts_json(*stage) : ojson::array();
    return ok_envelope(inspect_schema, body);
}

std::string session::audit(std::string_view options_json) {
    if (impl_->failed) return error_envelope(detail::audit_schema, *impl_->failed);
    if (!impl_->input)
        return error_envelope(
            detail::audit_schema,
            state_error("Call finish before audit: the file has not been read to its end."));
    auto options = read_json_object(options_json, options_input);
    if (!options) return error_envelope(detail::audit_schema, options.err());
    auto req = detail::read_audit_options(*options);
    if (!req) return error_envelope(detail::audit_schema, req.err());
    if (req->sample)
        return error_envelope(
            detail::audit_schema,
            json_error(options_input, "sample", *options->find("sample"), "/sample",
                       "A session audits the file it was fed; use api audit for a built-in sample."));
    // Without a "map" option the mapping of the last read stands.
    if (req->has_map) {
        if (auto e = impl_->ensure_input(req->ingest)) return error_envelope(detail::audit_schema, *e);
    }
    const deal_table& table = impl_->input->table;
    auto designed = detail::resolve_process(*req, table);
    if (!designed) return error_envelope(detail::audit_schema, designed.err());
    auto stage_map = detail::resolve_stage_map(*req, *designed);
    if (!stage_map) return error_envelope(detail::audit_schema, stage_map.err());
    impl_->designed = std::move(*designed);
    impl_->report = run_audit(table, *impl_->designed, req->as_of, *stage_map);
    return detail::moved_envelope(
        detail::audit_schema, report_to_json(*impl_->report, table, *impl_->designed,
                                             ingest_to_json(*impl_->input), req->scope, req->action_deals));
}

std::string session::flagged_csv() {
    if (!impl_->report)
        return error_envelope(detail::flagged_schema,
                              state_error("There is no audit yet: call audit first."));
    ojson body;
    body["csv"] = flagged_deals_csv(*impl_->report, impl_->input->table, *impl_->designed);
    return detail::moved_envelope(detail::flagged_schema, std::move(body));
}

std::string session::simulate(std::string_view options_json) {
    if (impl_->failed) return error_envelope(detail::simulate_schema, *impl_->failed);
    if (!impl_->input)
        return error_envelope(
            detail::simulate_schema,
            state_error("Call finish before simulate: the file has not been read to its end."));
    auto req = detail::read_simulate_request(options_json);
    if (!req) return error_envelope(detail::simulate_schema, req.err());
    if (req->audit.sample)
        return error_envelope(
            detail::simulate_schema,
            make_error("options.sample",
                       "A session simulates the file it was fed; use api simulate for a built-in sample.",
                       location{"options", 0, 0, "/sample", ""}));
    if (req->audit.has_map) {
        if (auto e = impl_->ensure_input(req->audit.ingest))
            return error_envelope(detail::simulate_schema, *e);
    }
    return detail::simulate_envelope(impl_->input->table, *req);
}

std::string session::deals(std::string_view query_json) {
    if (!impl_->report)
        return error_envelope(deals_schema, state_error("There is no audit yet: call audit first."));
    auto parsed = read_json_object(query_json, query_input);
    if (!parsed) return error_envelope(deals_schema, parsed.err());
    const json_value& q = *parsed;
    const json_object_reader query(q, query_input, "");
    if (auto e = query.unknown_keys({"filter", "sort", "offset", "limit"}, "the query"))
        return error_envelope(deals_schema, *e);
    const audit_report& r = *impl_->report;
    const deal_table& table = impl_->input->table;
    const process& p = *impl_->designed;
    const detail::audit_columns cols(table);

    // Filter: every given condition must hold.
    std::optional<std::string> f_layer, f_code, f_owner, f_stage, f_text, f_next, f_removed;
    if (const json_value* f = q.find("filter")) {
        if (!f->is_object())
            return error_envelope(deals_schema, query_error(*f, "/filter", "The filter must be an object."));
        const json_object_reader filter(*f, query_input, "/filter");
        if (auto e = filter.unknown_keys(
                {"layer", "code", "owner", "stage", "text", "next_action", "removed"}, "the filter"))
            return error_envelope(deals_schema, *e);
        for (const json_member& m : f->members) {
            std::optional<std::string>* slot = m.key == "layer"         ? &f_layer
                                               : m.key == "code"        ? &f_code
                                               : m.key == "owner"       ? &f_owner
                                               : m.key == "stage"       ? &f_stage
                                               : m.key == "next_action" ? &f_next
                                               : m.key == "removed"     ? &f_removed
                                                                        : &f_text;
            if (!m.value.is_string())
                return error_envelope(deals_schema,
                                      query_error(m.value, filter.pointer_of(m.key),
                                                  "The filter \"" + m.key + "\" must be a string."));
            *slot = m.value.text;
        }
    }
    if (f_text) *f_text = lower(*f_text);
    std::vector<size_t> picked;
    for (size_t i = 0; i < r.deals.size(); ++i) {
        const deal_audit& d = r.deals[i];
        bool ok = true;
        if (f_layer || f_code) {
            bool any = false;
            for (const finding& f : r.findings_of(d))
                any = any || ((!f_layer || to_string(layer_of(f.code)) == *f_layer) &&
                              (!f_code || to_string(f.code) == *f_code));
            ok = any;
        }
        if (ok && f_owner) ok = detail::text_at(cols.owner, d.row) == *f_owner;
        if (ok && f_stage)
            ok = d.recorded_stage >= 0 ? p.stages[static_cast<size_t>(d.recorded_stage)].id == *f_stage
                                       : *f_stage == "";
        // The deals under one owner action, and those of one waterfall step.
        if (ok && f_next) {
            const int next = next_action_of(r, d);
            ok = next >= 0 &&
                 detail::action_for(r.findings_of(d)[static_cast<size_t>(next)], d, cols, p) == *f_next;
        }
        if (ok && f_removed) {
            const int why = removal_of(d, p);
            ok = why >= 0 && to_string(static_cast<removal>(why)) == *f_removed;
        }
        if (ok && f_text && !f_text->empty()) {
            bool any = false;
            for (const column* c : {cols.deal_id, cols.deal_name, cols.account, cols.owner})
                any = any || lower(detail::text_at(c, d.row)).find(*f_text) != std::string::npos;
            ok = any;
        }
        if (ok) picked.push_back(i);
    }

    std::string key = "row";
    bool desc = false;
    const json_value* sort_key = nullptr;
    if (const json_value* s = q.find("sort")) {
        if (!s->is_object())
            return error_envelope(deals_schema,
                                  query_error(*s, "/sort", "The sort must be an object {key, desc}."));
        if (auto e = json_object_reader(*s, query_input, "/sort").unknown_keys({"key", "desc"}, "the sort"))
            return error_envelope(deals_schema, *e);
        if ((sort_key = s->find("key"))) {
            if (!sort_key->is_string())
                return error_envelope(deals_schema,
                                      query_error(*sort_key, "/sort/key", "The sort key must be a string."));
            key = sort_key->text;
        }
        if (const json_value* dsc = s->find("desc")) {
            if (!dsc->is_bool())
                return error_envelope(
                    deals_schema,
                    query_error(*dsc, "/sort/desc", "The sort direction desc must be true or false."));
            desc = dsc->boolean;
        }
    }
    // Each key compares one value; equal values keep row order (stable sort), so a window never shuffles.
    auto text_key = [&](const column* c) {
        return [&, c](size_t a, size_t b) {
            return detail::text_at(c, r.deals[a].row) < detail::text_at(c, r.deals[b].row);
        };
    };
    std::function<bool(size_t, size_t)> less;
    if (key == "row")
        less = [&](size_t a, size_t b) { return r.deals[a].row < r.deals[b].row; };
    else if (key == "amount")
        less = [&](size_t a, size_t b) { return r.deals[a].amount_cents < r.deals[b].amount_cents; };
    else if (key == "deal_name")
        less = text_key(cols.deal_name);
    else if (key == "deal_id")
        less = text_key(cols.deal_id);
    else if (key == "account")
        less = text_key(cols.account);
    else if (key == "owner")
        less = text_key(cols.owner);
    else if (key == "stage")
        less = [&](size_t a, size_t b) { return r.deals[a].recorded_stage < r.deals[b].recorded_stage; };
    else if (key == "real_stage")
        less = [&](size_t a, size_t b) { return r.deals[a].real_stage < r.deals[b].real_stage; };
    else if (key == "findings")
        less = [&](size_t a, size_t b) { return r.deals[a].findings_count < r.deals[b].findings_count; };
    else
        return error_envelope(deals_schema,
                              json_error(query_input, "sort_key", *sort_key, "/sort/key",
                                         "The sort key \"" + key +
                                             "\" is not known (row, amount, deal_name, deal_id, account, "
                                             "owner, stage, real_stage, findings)."));
    if (desc)
        std::stable_sort(picked.begin(), picked.end(), [&](size_t a, size_t b) { return less(b, a); });
    else
        std::stable_sort(picked.begin(), picked.end(), less);

    uint64_t offset = 0, limit = 100;
    for (const char* name : {"offset", "limit"}) {
        const json_value* v = q.find(name);
        if (!v) continue;
        const auto n = whole_number(*v, 0, std::numeric_limits<int64_t>::max());
        if (!n)
            return error_envelope(deals_schema, query_error(*v, query.pointer_of(name),
                                                            std::string("The ") + name +
                                                                " must be a whole number of 0 or more."));
        (std::string(name) == "offset" ? offset : limit) = static_cast<uint64_t>(*n);
    }
    limit = std::min<uint64_t>(limit, max_window);
    ojson body;
    body["total"] = picked.size();
    body["offset"] = offset;
    body["limit"] = limit;
    ojson list = ojson::array();
    for (uint64_t i = offset; i < picked.size() && i < offset + limit; ++i)
        list.push_back(deal_to_json(r, picked[i], table, p));
    body["deals"] = std::move(list);
    return ok_envelope(deals_schema, body);
}

}  // namespace revdiag::api
