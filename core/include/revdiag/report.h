// The audit report as data for people and programs: the revdiag.audit/1 JSON
// body (DESIGN §4), one deal's JSON (for the page's windows) and the flagged
// deals as CSV safe against formula injection. Owns formatting only: money as
// cents rounded once, no locale, no time zone, no hash-order iteration, so the
// native and wasm builds write the same bytes.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/audit.h"

namespace revdiag {

/// Which deals the report lists: all open deals, only flagged ones, or none.
enum class deals_scope : uint8_t { all, flagged, none };

/// Money in cents as a JSON number of currency units: an integer when whole.
nlohmann::ordered_json money_to_json(int64_t cents);
/// One audited deal as the report lists it (row, ids, stage, real stage, findings).
nlohmann::ordered_json deal_to_json(const audit_report& r, size_t deal, const deal_table& table,
                                    const process& p);
/// The order of a deal window; equal values keep row order.
enum class deal_sort : uint8_t {
    row,
    amount,
    deal_name,
    deal_id,
    account,
    owner,
    stage,
    real_stage,
    findings
};

/// Which audited deals a window shows: every given filter must hold (`text`
/// is a case-blind substring of id, name, account or owner; `stage` "" is the
/// deals on no process stage), sorted, then `limit` (at most 10,000) from `offset`.
struct deal_query {
    std::optional<std::string> layer, code, owner, stage, text, next_action, removed;
    deal_sort sort = deal_sort::row;
    bool desc = false;
    uint64_t offset = 0;
    uint64_t limit = 100;
};
/// A query's JSON {filter, sort: {key, desc}, offset, limit}. Errors:
/// query.json, query.too_deep, query.duplicate_key, query.unknown_key,
/// query.type, query.sort_key (each with its pointer, line and column).
result<deal_query> read_deal_query(std::string_view json_text);
/// The indexes into r.deals that pass the query, in its order.
std::vector<size_t> select_deals(const audit_report& r, const deal_table& table, const process& p,
                                 const deal_query& q);
/// {total, offset, limit, deals[]}: the query's window of deal_to_json.
nlohmann::ordered_json deal_window_to_json(const audit_report& r, const deal_table& table, const process& p,
                                           const deal_query& q);

/// How many of the largest deals each owner action lists by default.
inline constexpr size_t default_action_deals = 25;
/// The report's fields (as_of, input, process, summary, layers, stages, deals,
/// owners, warnings) to sit beside "schema" and "ok"; `input` is ingest's block.
/// Each owner action lists its `action_deals` largest deals (its count covers all).
nlohmann::ordered_json report_to_json(const audit_report& r, const deal_table& table, const process& p,
                                      const nlohmann::ordered_json& input,
                                      deals_scope scope = deals_scope::all,
                                      size_t action_deals = default_action_deals);
/// What report_to_json's "deals" holds in report_without_deals.
inline constexpr std::string_view deals_marker = "\x01revdiag.deals\x01";
/// report_to_json with `deals_marker` in place of the deal list.
nlohmann::ordered_json report_without_deals(const audit_report& r, const deal_table& table, const process& p,
                                            const nlohmann::ordered_json& input,
                                            size_t action_deals = default_action_deals);
/// The deal list of report_to_json, written to `out` in pieces of about 1 MB, a
/// deal at a time: the same bytes, without a tree of a million deals.
void write_deals_json(const audit_report& r, const deal_table& table, const process& p, deals_scope scope,
                      const std::function<void(std::string_view)>& out);
/// An envelope dumped from report_without_deals, written to `out` with the deal
/// list of `scope` in the marker's place: the bytes of the whole report's dump.
void write_report_envelope(std::string_view envelope, const audit_report& r, const deal_table& table,
                           const process& p, deals_scope scope,
                           const std::function<void(std::string_view)>& out);
/// The flagged deals as CSV (header, then one row per flagged deal). Text
/// cells starting with = + - @ tab CR LF or NUL get a leading ', while the
/// numbers the engine wrote (row, amount) are left as numbers.
std::string flagged_deals_csv(const audit_report& r, const deal_table& table, const process& p);
/// A CSV cell: neutralized against formula injection, then quoted when needed.
std::string csv_text_cell(std::string_view text);

}  // namespace revdiag
