// The archive rule's calibration (DESIGN §5): on closed deals that carry an
// activity date and a close date, for each inactivity threshold t from 7 to 90
// days, how many lost deals the rule would have archived before they closed
// (their last activity lies more than t days before the close: the rule fires
// on day activity + t, earlier than the close) and the days that saved, and how
// many won deals it would have archived wrongly by the same test.
#include "revdiag/simulate.h"
#include "simulate/closed.h"

namespace revdiag {

using simulate_detail::outcome_of_deal;

calibration_report calibrate_archive(const deal_table& table, const process& p,
                                     const audit_options& options) {
    calibration_report out;
    // The strongest activity tier the export records (DESIGN §2.1).
    const column* activity = nullptr;
    for (const char* name : {"last_buyer_activity_date", "last_contact_date", "last_activity_date"}) {
        const column* c = table.find(name);
        if (c && c->type == field_type::date) {
            activity = c;
            out.activity = name;
            break;
        }
    }
    const column* close = table.find("close_date");
    if (close && close->type != field_type::date) close = nullptr;
    if (!activity || !close) {
        out.reason = !activity ? "The export has no activity date column, so the rule cannot be replayed."
                               : "The export has no close date column, so the rule cannot be replayed.";
        return out;
    }
    const std::vector<outcome_of_deal> outcomes = simulate_detail::deal_outcomes(table, p, options);
    std::vector<int64_t> won_gaps, lost_gaps;
    for (size_t row = 0; row < table.rows(); ++row) {
        if (outcomes[row] == outcome_of_deal::open) continue;
        const day_t a = activity->date[row], c = close->date[row];
        if (a == no_date || c == no_date || c < a) continue;
        (outcomes[row] == outcome_of_deal::won ? won_gaps : lost_gaps).push_back(c - a);
    }
    out.won = static_cast<int64_t>(won_gaps.size());
    out.lost = static_cast<int64_t>(lost_gaps.size());
    if (out.won == 0 || out.lost == 0) {
        out.reason = out.won == 0 && out.lost == 0
                         ? "No closed deal carries both an activity date and a close date."
                     : out.won == 0 ? "No won deal carries both an activity date and a close date."
                                    : "No lost deal carries both an activity date and a close date.";
        return out;
    }
    out.available = true;
    for (int t = 7; t <= 90; ++t) {
        calibration_point point;
        point.threshold = t;
        for (const int64_t gap : lost_gaps)
            if (gap > t) {
                ++point.lost_archived;
                point.lost_days_saved += gap - t;
            }
        for (const int64_t gap : won_gaps)
            if (gap > t) ++point.won_archived;
        out.points.push_back(point);
    }
    return out;
}

}  // namespace revdiag
