// The audit's vocabulary that surfaces show beside the numbers: a short label
// per finding code and per waterfall step and, per layer, why it fails and what fixes it. The page
// reads it through api::describe instead of keeping a copy.
#include "revdiag/audit.h"

namespace revdiag {

std::string_view label_of(finding_code c) {
    switch (c) {
        case finding_code::stage_unknown:
            return "stage not in the process";
        case finding_code::exit_criteria_unmet:
            return "criteria not met";
        case finding_code::exit_criteria_unrecorded:
            return "criteria never recorded";
        case finding_code::owner_missing:
            return "no owner";
        case finding_code::owner_multiple:
            return "several owners";
        case finding_code::owner_shared:
            return "shared owner (team, queue, inbox)";
        case finding_code::owner_not_in_roster:
            return "owner not in the roster";
        case finding_code::follow_up_overdue:
            return "follow-up overdue";
        case finding_code::reengage_due:
            return "due for re-engagement";
        case finding_code::stale:
            return "no buyer activity";
        case finding_code::snoozed:
            return "snoozed with a resume date";
        case finding_code::archive_due:
            return "re-engagement ran out";
        case finding_code::close_date_passed:
            return "close date passed";
        case finding_code::activity_unrecorded:
            return "no activity date at all";
    }
    return "";
}

std::string_view label_of(removal r) {
    switch (r) {
        case removal::archive:
            return "Archive rule";
        case removal::holding:
            return "Waiting in re-engagement";
        case removal::no_real_stage:
            return "Meets no stage";
    }
    return "";
}

std::string_view why_it_fails(layer l) {
    switch (l) {
        case layer::stages:
            return "Stages are not tied to something the buyer did, so a deal can sit in a stage it never "
                   "reached.";
        case layer::exit_criteria:
            return "Deals sit in stages whose entry criteria are not met or were never written down.";
        case layer::ownership:
            return "Deals have no owner, several owners, or a shared inbox as owner, so nobody acts next.";
        case layer::follow_up:
            return "Proposals went out and nobody followed up when the buyer went quiet.";
        case layer::archive:
            return "Stale deals, expired close dates and finished re-engagements still inflate the pipeline.";
    }
    return "";
}

std::string_view how_to_fix(layer l) {
    switch (l) {
        case layer::stages:
            return "Define each stage by the buyer action that puts a deal there, and map every CRM stage to "
                   "one.";
        case layer::exit_criteria:
            return "Move each flagged deal back to its real stage and make the criteria required fields in "
                   "the CRM.";
        case layer::ownership:
            return "Give every open deal exactly one named person responsible for the next action.";
        case layer::follow_up:
            return "Follow up within the window after every proposal and move silent deals to "
                   "re-engagement.";
        case layer::archive:
            return "Archive deals with no buyer activity past the threshold; keep only snoozed deals with a "
                   "resume date.";
    }
    return "";
}

}  // namespace revdiag
