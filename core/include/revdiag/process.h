// The designed sales process (DESIGN §2.2): stages in order with buyer actions,
// entry criteria, owner role, aliases, win probability and flags, plus the
// thresholds the audit applies. Owns loading (revdiag.process/1 JSON, without
// exceptions, errors with JSON pointers), the embedded default, serialization and
// the process-level findings of the `stages` layer; not the per-deal audit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/deals.h"
#include "revdiag/error.h"
#include "revdiag/rules.h"

namespace revdiag {

struct criterion {
    std::string id;     // "Q1"
    std::string label;  // "Budget access confirmed"
    std::string rule;   // "budget_confirmed"
    rule_program program;
};

struct stage {
    std::string id;            // "proposal"
    std::string name;          // "Proposal"
    std::string buyer_action;  // what the buyer did to put the deal here
    std::string owner_role;
    std::vector<std::string> aliases;
    std::vector<criterion> criteria;
    double probability = 0;  // 0..1
    bool closed_won = false;
    bool closed_lost = false;
    bool follow_up = false;
    bool holding = false;
};

struct thresholds {
    int follow_up_business_days = 5;
    int reengage_after_days = 14;
    int inactive_after_days = 30;
    int reengagement_window_days = 14;
    /// Owner values naming no single person (matched as words, case ignored;
    /// a pattern ending in `@` matches a mailbox name such as sales@acme.com).
    std::vector<std::string> owner_shared_patterns{"team",       "queue",  "inbox",    "shared",
                                                   "unassigned", "sales@", "support@", "info@",
                                                   "pool",       "nobody", "tbd"};
    std::vector<std::string> roster;
};

struct process {
    std::string name;
    std::vector<stage> stages;
    thresholds limits;
};

/// A finding about the process itself (stages layer), or a criterion reading a
/// field that the export does not record.
struct process_finding {
    std::string code;  // STAGE_COUNT, STAGE_NO_BUYER_ACTION, STAGE_NO_CRITERIA, FIELD_NOT_RECORDED
    std::string message;
    std::string stage;  // stage id, when about one
    std::string criterion;
    std::string field;
};

/// What a process file may hold, each bound refused under its own error code, so
/// that no file makes loading, checking or matching slow (a working process has
/// 5 to 7 stages; every check of a loaded process is linear in its size).
inline constexpr size_t max_process_stages = 100;      // process.too_many_stages
inline constexpr size_t max_stage_criteria = 50;       // process.too_many_criteria, per stage
inline constexpr size_t max_stage_aliases = 100;       // process.too_many_aliases, per stage
inline constexpr size_t max_threshold_values = 10000;  // process.too_many_values: shared patterns, roster
inline constexpr size_t max_identifier_bytes =
    200;  // process.identifier_too_long: ids, names, aliases, people
inline constexpr size_t max_process_text_bytes = 2000;  // process.text_too_long: labels, buyer actions, roles

/// Load a revdiag.process/1 document. Errors: process.json (syntax, with line and
/// column), process.schema, process.type, process.missing, process.unknown_key,
/// process.duplicate_key, process.too_deep, process.duplicate_id, process.value,
/// process.too_many_stages, process.too_many_criteria, process.too_many_aliases,
/// process.too_many_values, process.identifier_too_long, process.text_too_long,
/// process.encoding (a text that is not UTF-8),
/// and a criterion's rule error under its own code (rule.syntax, rule.type, ...)
/// with the pointer to the rule, the stage and criterion in the message, and the
/// file line and column of the offending character.
result<process> load_process(std::string_view json_text, const std::vector<std::string>& extra_fields = {});
/// The embedded default process of DESIGN §2.2.
const process& default_process();
/// The revdiag.process/1 JSON of a process (round-trips through load_process).
std::string to_json(const process& p);
/// Index of the stage whose id, name or alias matches (case, spacing and
/// punctuation ignored), or -1.
int match_stage(const process& p, std::string_view recorded);
/// Process-level findings; with a table, also criteria fields it does not record.
std::vector<process_finding> check_process(const process& p, const deal_table* against = nullptr);
/// True when an owner value names no single person: it contains one of the
/// thresholds' shared patterns as a word ("Sales Team", "support@acme.com").
bool is_shared_owner(const thresholds& t, std::string_view owner);

}  // namespace revdiag
