#include "api/simulate.h"

#include "report/simulate.h"
#include "revdiag/api.h"
#include "revdiag/simulate.h"

namespace revdiag::detail {

result<simulate_request> read_simulate_request(std::string_view options_json) {
    auto options = read_json_object(options_json, options_input);
    if (!options) return options.err();
    auto settings = simulate_detail::read_simulate_settings(*options);
    if (!settings) return settings.err();
    auto audit = read_audit_options(settings->audit_options);
    if (!audit) return audit.err();
    return simulate_request{std::move(*settings), std::move(*audit)};
}

std::string simulate_envelope(const deal_table& table, const simulate_request& req) {
    auto designed = resolve_process(req.audit, table);
    if (!designed) return error_envelope(simulate_schema, designed.err());
    process& p = *designed;
    auto changes = simulate_detail::apply_settings(p, req.settings);
    if (!changes) return error_envelope(simulate_schema, changes.err());
    auto stage_map = resolve_stage_map(req.audit, p);
    if (!stage_map) return error_envelope(simulate_schema, stage_map.err());
    const day_t as_of = req.audit.as_of;
    forecast_options forecast = req.settings.forecast;
    forecast.horizon =
        req.settings.horizon_date ? *req.settings.horizon_date : as_of + req.settings.horizon_days;
    if (forecast.horizon < as_of)
        return error_envelope(simulate_schema,
                              make_error("options.range",
                                         "The horizon " + format_iso_date(forecast.horizon) +
                                             " lies before the as-of date " + format_iso_date(as_of) + ".",
                                         location{"options", 0, 0, "/horizon", ""}));

    const audit_report audit = run_audit(table, p, as_of, *stage_map);
    const simulate_detail::simulate_settings& s = req.settings;
    ojson body;
    body["as_of"] = format_iso_date(as_of);
    // The what-if is the audit report's own blocks, so with nothing changed it
    // is the plain audit's byte for byte.
    ojson report = report_to_json(audit, table, p, ojson::object(), deals_scope::none, 0);
    if (s.what_if) {
        ojson what_if;
        ojson changed = ojson::array();
        for (const simulate_detail::changed_setting& c : *changes) {
            ojson j;
            j["setting"] = c.key;
            j["from"] = c.from;
            j["to"] = c.to;
            changed.push_back(std::move(j));
        }
        what_if["changes"] = std::move(changed);
        what_if["process"] = req.audit.process ? "given" : "default";
        what_if["summary"] = std::move(report["summary"]);
        what_if["layers"] = std::move(report["layers"]);
        what_if["stages"] = std::move(report["stages"]);
        body["what_if"] = std::move(what_if);
    }
    if (s.forward_part)
        body["forward"] =
            simulate_detail::forward_to_json(run_forward(table, p, *stage_map, as_of, s.forward), s, table);
    history_report history;
    if (s.history || (s.forecast_part && s.forecast.learned))
        history = learn_history(table, p, *stage_map, audit);
    if (s.history) body["history"] = simulate_detail::history_to_json(history, p);
    if (s.forecast_part)
        body["forecast"] =
            simulate_detail::forecast_to_json(run_forecast(table, p, audit, history, forecast), p, forecast);
    if (s.calibration) {
        const calibration_report calibration = calibrate_archive(table, p, *stage_map);
        body["calibration"] = simulate_detail::calibration_to_json(calibration, p);
        if (!calibration.available) body["calibration_reason"] = calibration.reason;
    }
    body["warnings"] = std::move(report["warnings"]);
    return moved_envelope(simulate_schema, std::move(body));
}

}  // namespace revdiag::detail

namespace revdiag::api {

std::string simulate(std::string_view csv, std::string_view options_json) {
    auto req = detail::read_simulate_request(options_json);
    if (!req) return error_envelope(detail::simulate_schema, req.err());
    std::string generated;
    if (req->audit.sample) {
        auto sample = detail::sample_csv(*req->audit.sample);
        if (!sample) return error_envelope(detail::simulate_schema, sample.err());
        generated = std::move(*sample);
        csv = generated;
    }
    auto read = read_deals(csv, req->audit.ingest);
    if (!read) return error_envelope(detail::simulate_schema, read.err());
    return detail::simulate_envelope(read->table, *req);
}

}  // namespace revdiag::api
