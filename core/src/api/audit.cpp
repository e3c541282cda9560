#include "api/audit_options.h"
#include "ingest/ingest_json.h"
#include "revdiag/api.h"

namespace revdiag::api {

namespace {

struct audited {
    ingest_result input;
    process designed;
    audit_report report;
    detail::audit_request request;
};

// Everything one audit call does before writing: options, the bytes (the CSV or
// a built-in sample), the table, the process, the stage map, the audit.
result<audited> run(std::string_view csv, std::string_view options_json) {
    auto options = read_json_object(options_json, options_input);
    if (!options) return options.err();
    auto req = detail::read_audit_options(*options);
    if (!req) return req.err();
    std::string generated;
    if (req->sample) {
        // A demo is audited as of its own reference date unless an as-of is given (DESIGN §3.1).
        day_t reference = req->as_of;
        auto sample = detail::sample_csv(*req->sample, &reference);
        if (!sample) return sample.err();
        generated = std::move(*sample);
        if (!req->has_as_of) req->as_of = reference;
        csv = generated;
    }
    auto read = read_deals(csv, req->ingest);
    if (!read) return read.err();
    auto designed = detail::resolve_process(*req, read->table);
    if (!designed) return designed.err();
    auto stage_map = detail::resolve_stage_map(*req, *designed);
    if (!stage_map) return stage_map.err();
    audited a{std::move(*read), std::move(*designed), {}, std::move(*req)};
    a.report = run_audit(a.input.table, a.designed, a.request.as_of, *stage_map);
    return a;
}

}  // namespace

std::string audit(std::string_view csv, std::string_view options_json) {
    auto a = run(csv, options_json);
    if (!a) return error_envelope(detail::audit_schema, a.err());
    const std::string head = detail::moved_envelope(
        detail::audit_schema, report_without_deals(a->report, a->input.table, a->designed,
                                                   ingest_to_json(a->input), a->request.action_deals));
    std::string envelope;
    write_report_envelope(head, a->report, a->input.table, a->designed, a->request.scope,
                          [&envelope](std::string_view piece) { envelope.append(piece); });
    return envelope;
}

std::string flagged_csv(std::string_view csv, std::string_view options_json) {
    auto a = run(csv, options_json);
    if (!a) return error_envelope(detail::flagged_schema, a.err());
    ojson body;
    body["csv"] = flagged_deals_csv(a->report, a->input.table, a->designed);
    return detail::moved_envelope(detail::flagged_schema, std::move(body));
}

}  // namespace revdiag::api
