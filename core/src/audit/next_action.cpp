// One next action per flagged deal. A deal can carry several findings, but its
// owner gets one thing to do today; every finding stays on the deal as a
// reason. The order puts first what changes most of what follows: a deal due
// for archiving needs no follow-up, a deal due for re-engagement needs no
// chasing, a deal that is chased may still need moving back, and data fixes
// (stage, owner, close date, activity date) come last.
#include "revdiag/audit.h"

namespace revdiag {

int action_rank(finding_code c) {
    switch (c) {
        case finding_code::archive_due:
        case finding_code::stale:
            return 0;
        case finding_code::reengage_due:
            return 1;
        case finding_code::follow_up_overdue:
            return 2;
        case finding_code::exit_criteria_unmet:
            return 3;
        case finding_code::exit_criteria_unrecorded:
            return 4;
        case finding_code::stage_unknown:
            return 5;
        case finding_code::owner_missing:
        case finding_code::owner_multiple:
        case finding_code::owner_shared:
            return 6;
        case finding_code::owner_not_in_roster:
            return 7;
        case finding_code::close_date_passed:
            return 8;
        case finding_code::activity_unrecorded:
            return 9;
        case finding_code::snoozed:
            return 10;
    }
    return 10;
}

int next_action_of(const audit_report& r, const deal_audit& d) {
    if (!d.flagged()) return -1;
    int best = -1;
    int best_rank = 0;
    const run_of<finding> findings = r.findings_of(d);
    for (size_t i = 0; i < findings.size(); ++i) {
        // SNOOZED is reported, never acted on; the earliest finding wins a tie.
        if (!counts_as_failure(findings[i].code)) continue;
        const int rank = action_rank(findings[i].code);
        if (best < 0 || rank < best_rank) {
            best = static_cast<int>(i);
            best_rank = rank;
        }
    }
    return best;
}

}  // namespace revdiag
