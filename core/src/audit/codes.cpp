// The stable names of layers and finding codes, and which layer each finding fails.
#include "revdiag/audit.h"

namespace revdiag {

std::string_view to_string(layer l) {
    switch (l) {
        case layer::stages:
            return "stages";
        case layer::exit_criteria:
            return "exit_criteria";
        case layer::ownership:
            return "ownership";
        case layer::follow_up:
            return "follow_up";
        case layer::archive:
            return "archive";
    }
    return "stages";
}

std::string_view to_string(finding_code c) {
    switch (c) {
        case finding_code::stage_unknown:
            return "STAGE_UNKNOWN";
        case finding_code::exit_criteria_unmet:
            return "EXIT_CRITERIA_UNMET";
        case finding_code::exit_criteria_unrecorded:
            return "EXIT_CRITERIA_UNRECORDED";
        case finding_code::owner_missing:
            return "OWNER_MISSING";
        case finding_code::owner_multiple:
            return "OWNER_MULTIPLE";
        case finding_code::owner_shared:
            return "OWNER_SHARED";
        case finding_code::owner_not_in_roster:
            return "OWNER_NOT_IN_ROSTER";
        case finding_code::follow_up_overdue:
            return "FOLLOW_UP_OVERDUE";
        case finding_code::reengage_due:
            return "REENGAGE_DUE";
        case finding_code::stale:
            return "STALE";
        case finding_code::snoozed:
            return "SNOOZED";
        case finding_code::archive_due:
            return "ARCHIVE_DUE";
        case finding_code::close_date_passed:
            return "CLOSE_DATE_PASSED";
        case finding_code::activity_unrecorded:
            return "ACTIVITY_UNRECORDED";
    }
    return "STAGE_UNKNOWN";
}

layer layer_of(finding_code c) {
    switch (c) {
        case finding_code::stage_unknown:
            return layer::stages;
        case finding_code::exit_criteria_unmet:
        case finding_code::exit_criteria_unrecorded:
            return layer::exit_criteria;
        case finding_code::owner_missing:
        case finding_code::owner_multiple:
        case finding_code::owner_shared:
        case finding_code::owner_not_in_roster:
            return layer::ownership;
        case finding_code::follow_up_overdue:
        case finding_code::reengage_due:
            return layer::follow_up;
        default:
            return layer::archive;
    }
}

bool counts_as_failure(finding_code c) {
    return c != finding_code::snoozed;
}

}  // namespace revdiag
