// The one seam between the engine and its surfaces (CLI, wasm bindings): plain
// strings in, one JSON envelope string out. Every function is total: it never
// throws and answers a failure with {"schema":…,"ok":false,"error":{code,message,at}}.
// A success is {"schema":…,"ok":true, …fields…}. Options are JSON objects; an
// empty string means "{}".
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace revdiag::api {

/// {"schema":"revdiag.version/1","ok":true,"version":"…"}
std::string version();
/// What the engine knows that surfaces show (revdiag.describe/1): "layers"
/// [{id,name,why,fix}] in order, "findings" [{code,layer,label,fails_layer}],
/// "crms" [{id,name}]. Errors: the diagnostic bank's (bank.*), describe.layer.
std::string describe();
/// The process stage each recorded stage value matches, by the audit's rule
/// (revdiag.stage_match/1, "matches" [{value, stage: id or null}]). Options:
/// {"values":[stage names]}; an empty process means the default. Errors: the
/// process's (process.*, rule.*), options.json, options.type, options.unknown_key.
std::string match_stages(std::string_view process_json, std::string_view options_json);

/// What was read from a CSV export: encoding, delimiter, detected CRM, the
/// mapping of canonical fields (chosen column, confidence, alternatives), the
/// stage values found, rows, warnings. Options: {"map":{field:header},"rows":bool}.
/// Schema revdiag.inspect/1.
std::string inspect(std::string_view csv, std::string_view options_json);

/// The audit report of DESIGN §4 (schema revdiag.audit/1). Options:
/// {"as_of":"YYYY-MM-DD" (default today, UTC), "process":{revdiag.process/1} or its file's text,
///  "map":{field:header ("" unmaps)}, "stage_map":{recorded:stage_id},
///  "sample":name (audit a built-in demo instead of csv, as of its reference date unless
///  "as_of" is given), "deals":"all"|"flagged"|"none",
///  "action_deals":N (deals listed per owner action, 0-1000, default 25),
///  "evidence":"available"|"strict" (what an absent column means, DESIGN §3.1; default available)}.
std::string audit(std::string_view csv, std::string_view options_json);

/// The flagged deals as CSV, safe against formula injection, inside an envelope
/// {"schema":"revdiag.flagged/1","ok":true,"csv":"…"}. Same options as audit.
std::string flagged_csv(std::string_view csv, std::string_view options_json);

/// {"schema":"revdiag.process/1","ok":true,"process":{…}}: the embedded default.
std::string process_default();
/// Validate a process (revdiag.process_check/1): errors with JSON pointers, or
/// ok with the process findings; with a non-empty csv, also the fields it does
/// not record. Options as inspect's ("map").
std::string process_check(std::string_view process_json, std::string_view csv, std::string_view options_json);

/// The question bank (revdiag.questions/1).
std::string questions();
/// Score diagnostic answers (revdiag.diagnostic/1). Options: {"audit": <an audit
/// report>} adds the self-assessed vs measured comparison.
std::string diagnose(std::string_view answers_json, std::string_view options_json);
/// Draft a starter process from Snapshot answers (revdiag.snapshot/1): the
/// process, and a printable design document in Markdown.
std::string snapshot(std::string_view answers_json);

/// The simulator of DESIGN §5 (schema revdiag.simulate/1): what-if, forward
/// series, history, Monte Carlo forecast, archive calibration. Options: the
/// audit's (as_of, process, map, stage_map, sample) and {"set":{threshold:value},
/// "days":N, "policy":"none"|"enforced", "response_rate":r|{stage:r}, "trials":N,
/// "seed":S, "horizon":"YYYY-MM-DD"|days, "slip_days":N, "target":X,
/// "probabilities":"process"|"learned", "bins":N, "events":N}. Errors carry pointers.
std::string simulate(std::string_view csv, std::string_view options_json);

/// A deterministic demo export (revdiag.sample/1 with "csv"). Options:
/// {"crm":name,"deals":N,"seed":S,"profile":name} or {"demo":name}.
std::string sample(std::string_view options_json);
/// The built-in demos and the sample CRMs and profiles (revdiag.samples/1).
std::string samples();

/// A file streamed in chunks, read once and audited many times (the page's
/// worker, the benchmarks). Each method answers an envelope.
class session {
public:
    /// Options: reader limits {"max_bytes":N,"max_field_bytes":N,"max_columns":N} and
    /// "expected_bytes":N, the file's size when known (a hint that sizes buffers once).
    explicit session(std::string_view options_json = {});
    ~session();
    session(const session&) = delete;
    session& operator=(const session&) = delete;
    /// Feed the next chunk of bytes: {"schema":"revdiag.progress/1","ok":true,"bytes":…,"rows":…}.
    std::string push(std::string_view chunk);
    /// End of input: the inspect envelope of what was read.
    std::string finish(std::string_view options_json);
    /// Audit what was read (audit's options). Re-running with other options reuses the parsed rows.
    std::string audit(std::string_view options_json);
    /// The same envelope, handed to `out` in pieces: a million deals are never one string.
    void audit_to(std::string_view options_json, const std::function<void(std::string_view)>& out);
    /// A window of the last audit's deals: {"filter":{"layer","code","owner","stage","text"},
    /// "sort":{"key","desc"},"offset":N,"limit":N} -> {"schema":"revdiag.deals/1","total":…,"deals":[…]}.
    std::string deals(std::string_view query_json);
    /// The last audit's flagged deals as CSV (revdiag.flagged/1).
    std::string flagged_csv();
    /// Simulate on what was read (simulate's options, no "sample"), without re-parsing.
    std::string simulate(std::string_view options_json);

    struct impl;

private:
    std::unique_ptr<impl> impl_;
};

}  // namespace revdiag::api
