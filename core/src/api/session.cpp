#include <limits>
#include <optional>

#include "api/audit_options.h"
#include "api/simulate.h"
#include "ingest/ingest_json.h"
#include "json/object_reader.h"
#include "revdiag/api.h"

namespace revdiag::api {

namespace {
constexpr std::string_view progress_schema = "revdiag.progress/1";
constexpr std::string_view inspect_schema = "revdiag.inspect/1";
constexpr std::string_view deals_schema = "revdiag.deals/1";

error state_error(const std::string& message) {
    return make_error("session.state", message, location{"session", 0, 0, "", ""});
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

void session::audit_to(std::string_view options_json, const std::function<void(std::string_view)>& out) {
    if (impl_->failed) return out(error_envelope(detail::audit_schema, *impl_->failed));
    if (!impl_->input)
        return out(
            error_envelope(detail::audit_schema,
                           state_error("Call finish before audit: the file has not been read to its end.")));
    auto options = read_json_object(options_json, options_input);
    if (!options) return out(error_envelope(detail::audit_schema, options.err()));
    auto req = detail::read_audit_options(*options);
    if (!req) return out(error_envelope(detail::audit_schema, req.err()));
    if (req->sample)
        return out(error_envelope(
            detail::audit_schema,
            json_error(options_input, "sample", *options->find("sample"), "/sample",
                       "A session audits the file it was fed; use api audit for a built-in sample.")));
    // Without a "map" option the mapping of the last read stands.
    if (req->has_map) {
        if (auto e = impl_->ensure_input(req->ingest)) return out(error_envelope(detail::audit_schema, *e));
    }
    const deal_table& table = impl_->input->table;
    auto designed = detail::resolve_process(*req, table);
    if (!designed) return out(error_envelope(detail::audit_schema, designed.err()));
    auto stage_map = detail::resolve_stage_map(*req, *designed);
    if (!stage_map) return out(error_envelope(detail::audit_schema, stage_map.err()));
    impl_->designed = std::move(*designed);
    impl_->report = run_audit(table, *impl_->designed, req->as_of, *stage_map);
    // The deal list is written a deal at a time, never held as one tree.
    const std::string envelope = detail::moved_envelope(
        detail::audit_schema, report_without_deals(*impl_->report, table, *impl_->designed,
                                                   ingest_to_json(*impl_->input), req->action_deals));
    write_report_envelope(envelope, *impl_->report, table, *impl_->designed, req->scope, out);
}

std::string session::audit(std::string_view options_json) {
    std::string envelope;
    audit_to(options_json, [&envelope](std::string_view piece) { envelope.append(piece); });
    return envelope;
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
    auto query = read_deal_query(query_json);
    if (!query) return error_envelope(deals_schema, query.err());
    return ok_envelope(deals_schema,
                       deal_window_to_json(*impl_->report, impl_->input->table, *impl_->designed, *query));
}

}  // namespace revdiag::api
