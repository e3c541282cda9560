// The pipeline audit of DESIGN §3: apply a designed process retroactively to
// every open deal of a typed deal table and judge it on the five layers. Owns
// the per-deal findings, the real stage and the totals (stated vs real, per
// layer, per stage, per owner); not parsing (ingest.h) nor JSON (report.h).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revdiag/date.h"
#include "revdiag/deals.h"
#include "revdiag/error.h"
#include "revdiag/process.h"

namespace revdiag {

/// The five layers in their fixed order (DESIGN §1).
enum class layer : uint8_t { stages = 0, exit_criteria, ownership, follow_up, archive };
constexpr size_t layer_count = 5;
/// "stages", "exit_criteria", "ownership", "follow_up", "archive".
std::string_view to_string(layer l);

/// Every per-deal finding the audit can produce.
enum class finding_code : uint8_t {
    stage_unknown,
    exit_criteria_unmet,
    exit_criteria_unrecorded,
    owner_missing,
    owner_multiple,
    owner_shared,
    owner_not_in_roster,
    follow_up_overdue,
    reengage_due,
    stale,
    snoozed,
    archive_due,
    close_date_passed,
    activity_unrecorded,
};
/// The stable upper-case code, e.g. "EXIT_CRITERIA_UNMET".
std::string_view to_string(finding_code c);
/// The layer a finding belongs to.
layer layer_of(finding_code c);
/// False only for SNOOZED: reported, but it neither fails the layer nor removes the deal.
bool counts_as_failure(finding_code c);
/// The codes are finding_code(0) .. finding_code(finding_code_count - 1).
constexpr size_t finding_code_count = static_cast<size_t>(finding_code::activity_unrecorded) + 1;
/// A finding's short label for lists and filters, e.g. "criteria never recorded".
std::string_view label_of(finding_code c);
/// Why a layer fails, in one sentence a sales manager reads.
std::string_view why_it_fails(layer l);
/// What fixes a failing layer, in one sentence.
std::string_view how_to_fix(layer l);

/// A read-only run of elements held by the report (a findings or criteria list).
template <typename T>
struct run_of {
    const T* first = nullptr;
    size_t count = 0;
    const T* begin() const { return first; }
    const T* end() const { return first + count; }
    size_t size() const { return count; }
    bool empty() const { return count == 0; }
    const T& operator[](size_t i) const { return first[i]; }
};

/// One finding about one deal. Its criteria (indexes into audit_report::criteria)
/// are audit_report::criteria_of(finding).
struct finding {
    finding_code code = finding_code::stage_unknown;
    uint16_t criteria_count = 0;
    uint32_t criteria_first = 0;  // into audit_report::finding_criteria
};

/// The audit of one open deal. Stage indexes point into process::stages (-1 = none).
struct deal_audit {
    size_t row = 0;            // row in the deal table
    int64_t amount_cents = 0;  // 0 when missing
    bool amount_missing = false;
    int recorded_stage = -1;  // the matched process stage, -1 when unknown
    int real_stage = -1;      // the last stage whose cumulative criteria hold, -1 = not pipeline
    bool in_real_pipeline = false;
    uint8_t failing_layers = 0;  // bit l set when the deal fails layer l
    uint8_t findings_count = 0;  // its findings: audit_report::findings_of(deal)
    uint32_t findings_first = 0;

    /// True when some finding fails a layer (SNOOZED alone does not).
    bool flagged() const { return failing_layers != 0; }
    /// True when the deal fails layer `l`.
    bool fails(layer l) const { return (failing_layers >> static_cast<unsigned>(l)) & 1u; }
};

struct layer_total {
    layer id = layer::stages;
    size_t deals_failing = 0;
    int64_t amount_at_risk_cents = 0;
    int score = 100;
};

struct stage_total {
    int stage = -1;  // index into process::stages
    size_t stated_count = 0;
    int64_t stated_cents = 0;
    size_t real_count = 0;
    int64_t real_cents = 0;
};

/// One thing an owner must do today, with the deals it concerns (rows of `deals`).
struct owner_action {
    std::string action;
    int64_t amount_cents = 0;
    std::vector<size_t> deals;  // indexes into audit_report::deals
};

struct owner_actions {
    std::string owner;  // as written in the export; "" when no owner is recorded
    int64_t amount_cents = 0;
    size_t deals = 0;
    std::vector<owner_action> actions;
};

/// A criterion of the process flattened for naming in findings.
struct criterion_ref {
    int stage = -1;
    size_t index = 0;
    std::string id;
};

struct audit_options {
    /// Recorded stage value -> stage id; wins over names and aliases.
    std::vector<std::pair<std::string, std::string>> stage_map;
};

struct audit_report {
    day_t as_of = 0;
    size_t rows = 0;
    size_t open_deals = 0;
    size_t closed_deals = 0;
    size_t unknown_stage_deals = 0;
    size_t not_pipeline_deals = 0;
    size_t holding_deals = 0;
    size_t missing_amount_deals = 0;
    bool amounts_recorded = false;
    int64_t stated_cents = 0;
    int64_t real_cents = 0;
    int64_t stated_weighted_cents = 0;
    int64_t real_weighted_cents = 0;
    std::array<layer_total, layer_count> layers{};
    int weakest_layer = -1;           // -1 when no layer fails
    std::vector<stage_total> stages;  // the process's non-closed stages, in order
    std::vector<deal_audit> deals;    // the open deals, in row order
    std::vector<finding> findings;    // every deal's findings, deal after deal (no heap list per deal)
    std::vector<uint16_t> finding_criteria;
    std::vector<owner_actions> owners;
    std::vector<criterion_ref> criteria;
    std::vector<process_finding> process_findings;
    std::vector<warning> warnings;

    /// The findings of one deal, in layer order.
    run_of<finding> findings_of(const deal_audit& d) const {
        return {findings.data() + d.findings_first, d.findings_count};
    }
    /// The criteria a finding names (indexes into `criteria`).
    run_of<uint16_t> criteria_of(const finding& f) const {
        return {finding_criteria.data() + f.criteria_first, f.criteria_count};
    }
};

/// Audit every open deal of `table` against `p` as of `as_of`. Never fails: data
/// problems are findings and warnings. Errors: none (stage_map targets are
/// validated by the caller, see api::audit).
audit_report run_audit(const deal_table& table, const process& p, day_t as_of,
                       const audit_options& options = {});

/// Normalized form used to compare recorded values: the engine's name key (common/stage_key.h).
std::string normalize_key(std::string_view text);
/// The owners named by one owner cell, split on `;` `/` `&` `,` and ` and `, trimmed.
std::vector<std::string_view> split_owners(std::string_view owner);

}  // namespace revdiag
