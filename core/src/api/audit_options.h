// Private: what api::audit, api::flagged_csv and api::session::audit share —
// reading the audit options, resolving the process and the stage map against
// the table that was read, and writing the report envelope.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "json/envelope.h"
#include "json/reader.h"
#include "revdiag/audit.h"
#include "revdiag/ingest.h"
#include "revdiag/report.h"

namespace revdiag::detail {

inline constexpr std::string_view audit_schema = "revdiag.audit/1";
inline constexpr std::string_view flagged_schema = "revdiag.flagged/1";

struct audit_request {
    day_t as_of = 0;
    bool has_as_of = false;  // false: today, or a sample's own reference date
    evidence_mode evidence = evidence_mode::available;
    std::optional<json_value> process;        // the "process" object, with its place in the options text
    std::optional<std::string> process_text;  // or the process file's text, read with its own positions
    std::vector<std::pair<std::string, std::string>> stage_map;
    deals_scope scope = deals_scope::all;
    size_t action_deals = default_action_deals;  // deals listed per owner action
    std::optional<json_value> sample;            // a demo name or sample options
    bool has_map = false;
    ingest_options ingest;
};

/// The audit options of DESIGN/api.h, read by read_json_object. Errors:
/// options.unknown_key, options.type, options.date (each with the JSON pointer,
/// line and column of the value).
result<audit_request> read_audit_options(const json_value& options);
/// The designed process: the "process" option loaded against the table's extra
/// columns, or the embedded default. Errors: load_process's; for an object, with
/// source "options", pointers under /process and the options' line and column.
result<process> resolve_process(const audit_request& req, const deal_table& table);
/// The stage map checked against the process. Errors: options.stage_map.
result<audit_options> resolve_stage_map(const audit_request& req, const process& p);
/// {"schema","ok":true, …body…} as text, byte for byte what ok_envelope writes,
/// but moving the body's fields instead of copying a million-deal report.
std::string moved_envelope(std::string_view schema, ojson&& body);
/// The CSV of a "sample" option. Errors: those of read_sample_options and generate_sample.
/// `reference`, when given, receives the sample's reference date (its "today").
result<std::string> sample_csv(const json_value& sample, day_t* reference = nullptr);

}  // namespace revdiag::detail
