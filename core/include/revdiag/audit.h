// The pipeline audit of DESIGN §3: apply a designed process retroactively to
// every open deal of a typed deal table and judge it on the five layers. Owns
// the per-deal findings, the real stage and the totals (stated vs real, per
// layer, per stage, per owner); not parsing (ingest.h) nor JSON (report.h).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revdiag/coverage.h"
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
    /// 1 for the weakest layer, 5 for the strongest (amount, then deals, then layer order).
    int rank = 0;
    /// Its failing deals that also fail a layer ranked before it: counted there already.
    size_t deals_counted_above = 0;
    int64_t amount_counted_above_cents = 0;
    /// Its failing deals that are not in the real pipeline.
    size_t deals_not_real = 0;
    int64_t amount_not_real_cents = 0;
};

/// Why an open deal is not real pipeline, one reason per deal in this order:
/// the archive rule removes it, else it waits in the holding stage, else it
/// meets no stage's criteria. The steps of the stated -> real waterfall.
enum class removal : uint8_t { archive = 0, holding, no_real_stage };
constexpr size_t removal_count = 3;
/// "archive", "holding", "no_real_stage".
std::string_view to_string(removal r);
/// A waterfall step's name as people read it: "Archive rule", "Waiting in
/// re-engagement", "Meets no stage".
std::string_view label_of(removal r);

struct removal_total {
    removal id = removal::archive;
    size_t deals = 0;
    int64_t cents = 0;
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
    /// What an absent column means (DESIGN §3.1).
    evidence_mode evidence = evidence_mode::available;
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
    /// The flagged deals' amounts, each deal once.
    int64_t flagged_cents = 0;
    /// Stated - real, deal by deal under one reason each: the steps sum to it.
    std::array<removal_total, removal_count> removed{};
    coverage_report coverage;

    /// The findings of one deal, in layer order.
    run_of<finding> findings_of(const deal_audit& d) const {
        return {findings.data() + d.findings_first, d.findings_count};
    }
    /// The criteria a finding names (indexes into `criteria`).
    run_of<uint16_t> criteria_of(const finding& f) const {
        return {finding_criteria.data() + f.criteria_first, f.criteria_count};
    }
};

/// The place of a finding's action in the order that picks a deal's one next
/// action (0 first): archive, then re-engage, then follow up, then move back
/// or requalify, then the data fixes (stage, owner, close date, activity).
int action_rank(finding_code c);
/// The finding that decides a flagged deal's one next action, as an index
/// into findings_of(d); -1 when the deal is not flagged.
int next_action_of(const audit_report& r, const deal_audit& d);

/// Why a deal is not real pipeline (the waterfall step it is counted in), or
/// -1 when it is real.
int removal_of(const deal_audit& d, const process& p);

/// Audit every open deal of `table` against `p` as of `as_of`. Never fails: data
/// problems are findings and warnings. Errors: none (stage_map targets are
/// validated by the caller, see api::audit).
audit_report run_audit(const deal_table& table, const process& p, day_t as_of,
                       const audit_options& options = {});

/// One open deal judged as of one day: what the simulator reads (DESIGN §5).
struct deal_verdict {
    int recorded_stage = -1;
    int real_stage = -1;
    bool in_real_pipeline = false;
    uint8_t failing_layers = 0;
    uint32_t codes = 0;  // bit c set when the deal has finding_code c
    int64_t amount_cents = 0;
    bool has(finding_code c) const { return (codes >> static_cast<unsigned>(c)) & 1u; }
};

/// The audit's per-deal rules on one table, for any as-of day and any row, so
/// the simulator judges a deal on the days it may change instead of re-running
/// whole audits. The table may be changed between calls (cell values, not its
/// columns or pools).
class deal_judge {
public:
    deal_judge(const deal_table& table, const process& p, const audit_options& options = {});
    ~deal_judge();
    deal_judge(const deal_judge&) = delete;
    deal_judge& operator=(const deal_judge&) = delete;
    /// False when the row is a closed deal; otherwise fills `out` exactly as run_audit would as of `as_of`.
    bool judge(size_t row, day_t as_of, deal_verdict& out);
    struct impl;

private:
    std::unique_ptr<impl> impl_;
};

/// Normalized form used to compare recorded values: the engine's name key (common/stage_key.h).
std::string normalize_key(std::string_view text);
/// The owners named by one owner cell, split on `;` `/` `&` `,` and ` and `, trimmed.
std::vector<std::string_view> split_owners(std::string_view owner);

}  // namespace revdiag
