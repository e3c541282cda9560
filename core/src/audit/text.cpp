#include "audit/text.h"

#include <algorithm>
#include <map>

#include "audit/cents.h"
#include "audit/columns.h"
#include "audit/evidence.h"
#include "common/stage_key.h"

namespace revdiag {

std::string normalize_key(std::string_view text) {
    return stage_key(text);
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

char lower(char ch) {
    return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
}

// The length of an owner separator at `i` (`;` `/` `&` `,` or ` and `), 0 when none.
size_t separator_at(std::string_view s, size_t i) {
    const char c = s[i];
    if (c == ';' || c == '/' || c == '&' || c == ',') return 1;
    if (c == ' ' && i + 5 <= s.size() && lower(s[i + 1]) == 'a' && lower(s[i + 2]) == 'n' &&
        lower(s[i + 3]) == 'd' && s[i + 4] == ' ')
        return 5;
    return 0;
}

}  // namespace

std::vector<std::string_view> split_owners(std::string_view owner) {
    std::vector<std::string_view> names;
    size_t start = 0;
    for (size_t i = 0; i <= owner.size();) {
        const size_t sep = i < owner.size() ? separator_at(owner, i) : 1;
        if (sep == 0) {
            ++i;
            continue;
        }
        const std::string_view part = trim(owner.substr(start, i - start));
        if (!part.empty()) names.push_back(part);
        i += sep;
        start = i;
    }
    return names;
}

namespace detail {

namespace {

std::string stage_name(const process& p, int st) {
    return st >= 0 ? p.stages[static_cast<size_t>(st)].name : std::string();
}

std::string holding_name(const process& p) {
    for (const stage& s : p.stages)
        if (s.holding) return s.name;
    return "Re-engagement";
}

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

std::string criteria_list(const finding& f, const process& p, const audit_report& r) {
    std::string out;
    const run_of<uint16_t> ids = r.criteria_of(f);
    for (size_t i = 0; i < ids.size(); ++i) {
        const criterion_ref& ref = r.criteria[ids[i]];
        const criterion& c = p.stages[static_cast<size_t>(ref.stage)].criteria[ref.index];
        if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
        out += c.id;
        if (!c.label.empty()) out += " (" + c.label + ")";
    }
    return out;
}

// What the archive reference proves, in the tier's own words (DESIGN §2.1).
std::string activity_words(evidence_tier tier) {
    switch (tier) {
        case evidence_tier::two_way:
            return "recorded conversation";
        case evidence_tier::rep:
            return "activity logged";
        default:
            return "buyer activity";
    }
}

// ", judged on Last Activity Date, logged by reps: weaker than buyer replies" below the buyer tier.
std::string judged_on(const column* col, evidence_tier tier) {
    if (!col || tier == evidence_tier::buyer || tier == evidence_tier::record) return "";
    const std::string name = col->header.empty() ? col->name : col->header;
    if (tier == evidence_tier::two_way)
        return "; judged on " + name + ", a two-way contact: weaker than buyer replies";
    return "; judged on " + name + ", logged by reps: weaker than buyer replies";
}

std::string days(int n) {
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

}  // namespace

std::string action_for(const finding& f, const deal_audit& d, const audit_columns& cols, const process& p) {
    switch (f.code) {
        case finding_code::stage_unknown:
            return "Set a stage of the process";
        case finding_code::exit_criteria_unmet:
        case finding_code::exit_criteria_unrecorded:
            // Not "Archive": the buyer may be active, but no stage's criteria
            // hold, so the deal waits outside the pipeline until it qualifies.
            return d.real_stage >= 0 ? "Move back to " + stage_name(p, d.real_stage) : "Requalify as a lead";
        case finding_code::owner_missing:
        case finding_code::owner_multiple:
        case finding_code::owner_shared:
            return "Assign one owner";
        case finding_code::owner_not_in_roster:
            return "Assign an owner from the roster";
        case finding_code::follow_up_overdue:
            return "Create a follow-up task";
        case finding_code::reengage_due:
            return "Move to " + holding_name(p);
        case finding_code::stale:
        case finding_code::archive_due:
            return "Archive";
        case finding_code::snoozed: {
            return "Resume on " + format_iso_date(date_at(cols.snoozed_until, d.row));
        }
        case finding_code::close_date_passed:
            return "Update the close date";
        case finding_code::activity_unrecorded:
            return "Record the last buyer activity";
    }
    return "Review the deal";
}

std::string message_for(const finding& f, const deal_audit& d, const audit_columns& cols, const process& p,
                        const audit_report& r) {
    const size_t row = d.row;
    const day_t as_of = r.as_of;
    switch (f.code) {
        case finding_code::stage_unknown: {
            const std::string_view recorded = text_at(cols.stage, row);
            if (recorded.empty()) return "No stage is recorded for this deal.";
            return "The stage " + quoted(recorded) + " is not a stage of the process \"" + p.name + "\".";
        }
        case finding_code::exit_criteria_unmet:
            return "Recorded in " + stage_name(p, d.recorded_stage) + ", but the record does not show " +
                   criteria_list(f, p, r) + ".";
        case finding_code::exit_criteria_unrecorded:
            return "Recorded in " + stage_name(p, d.recorded_stage) + ", but nobody recorded whether " +
                   criteria_list(f, p, r) + (f.criteria_count == 1 ? " holds." : " hold.");
        case finding_code::owner_missing:
            return "No owner is recorded, so nobody is accountable for the next step.";
        case finding_code::owner_multiple:
            return "Owned by several people at once (" + quoted(text_at(cols.owner, row)) +
                   "), so each can assume another acts.";
        case finding_code::owner_shared:
            return "Owned by " + quoted(text_at(cols.owner, row)) +
                   ", which names a team or inbox rather than one person.";
        case finding_code::owner_not_in_roster:
            return "The owner " + quoted(text_at(cols.owner, row)) + " is not on the team roster.";
        case finding_code::follow_up_overdue: {
            const day_t sent = date_at(cols.proposal_sent, row);
            return "Proposal sent on " + format_iso_date(sent) +
                   " with no buyer response and no follow-up for " +
                   std::to_string(business_days_between(sent, as_of)) + " business days.";
        }
        case finding_code::reengage_due: {
            const day_t sent = date_at(cols.proposal_sent, row);
            return "Proposal sent on " + format_iso_date(sent) + " with no buyer response for " +
                   days(as_of - sent) + ", so the deal belongs in " + holding_name(p) + ".";
        }
        case finding_code::stale:
        case finding_code::snoozed: {
            const column* col = date_column(*cols.source, r.coverage.activity);
            const day_t activity = date_at(col, row);
            std::string text = activity != no_date
                                   ? "No " + activity_words(r.coverage.activity.tier) + " for " +
                                         days(as_of - activity) + " (last on " + format_iso_date(activity) +
                                         judged_on(col, r.coverage.activity.tier) + ")"
                                   : "No " + activity_words(r.coverage.activity.tier) + " recorded in the " +
                                         days(as_of - date_at(cols.created, row)) +
                                         " since it was created on " +
                                         format_iso_date(date_at(cols.created, row)) +
                                         judged_on(col, r.coverage.activity.tier);
            if (f.code == finding_code::snoozed)
                return text + ", but it is snoozed until " +
                       format_iso_date(date_at(cols.snoozed_until, row)) + ".";
            return text + ".";
        }
        case finding_code::archive_due: {
            const day_t entered = date_at(cols.stage_entered, row);
            return "In " + stage_name(p, d.recorded_stage) + " since " + format_iso_date(entered) + " (" +
                   days(as_of - entered) + ") with no " + activity_words(r.coverage.activity.tier) +
                   " since.";
        }
        case finding_code::close_date_passed:
            return "The close date " + format_iso_date(date_at(cols.close, row)) +
                   " has passed while the deal is still open.";
        case finding_code::activity_unrecorded:
            return "Neither a buyer activity date nor a created date is recorded, so nobody can tell how old "
                   "the deal is.";
    }
    return "";
}

std::vector<owner_actions> owner_action_lists(const audit_report& r, const deal_table& table,
                                              const process& p) {
    const audit_columns cols(table);
    // std::map keeps the owners and actions in byte order before the final sort,
    // so equal keys never depend on insertion or hashing.
    struct acc {
        std::map<std::string, owner_action> actions;
        int64_t cents = 0;
        size_t deals = 0;
    };
    std::map<std::string, acc> by_owner;
    // Strings are built once per owner pool entry and per (owner, action), not per deal.
    std::vector<acc*> owner_of(cols.owner ? cols.owner->pool.size() : 1, nullptr);
    std::map<std::pair<acc*, uint64_t>, owner_action*> action_of;
    for (size_t i = 0; i < r.deals.size(); ++i) {
        const deal_audit& d = r.deals[i];
        if (!d.flagged()) continue;
        acc*& slot = owner_of[cols.owner ? cols.owner->text[d.row] : 0];
        if (!slot) slot = &by_owner[std::string(trim(text_at(cols.owner, d.row)))];
        acc& a = *slot;
        add_cents(a.cents, d.amount_cents);
        ++a.deals;
        // Each deal once, under its one next action: the owner's deal count is
        // the sum of its actions' counts.
        const finding& f = r.findings_of(d)[static_cast<size_t>(next_action_of(r, d))];
        // What the action's text depends on: its code and the real stage or the snooze date.
        const uint64_t param = f.code == finding_code::snoozed
                                   ? static_cast<uint64_t>(date_at(cols.snoozed_until, d.row))
                               : (f.code == finding_code::exit_criteria_unmet ||
                                  f.code == finding_code::exit_criteria_unrecorded)
                                   ? static_cast<uint64_t>(d.real_stage + 1)
                                   : 0;
        owner_action*& known =
            action_of[{&a, (static_cast<uint64_t>(f.code) << 40) ^ (param & 0xFFFFFFFFFFull)}];
        if (!known) {
            std::string text = action_for(f, d, cols, p);
            known = &a.actions[text];
            known->action = std::move(text);
        }
        known->deals.push_back(i);
        add_cents(known->amount_cents, d.amount_cents);
    }
    std::vector<owner_actions> out;
    for (auto& [owner, a] : by_owner) {
        owner_actions o;
        o.owner = owner;
        o.amount_cents = a.cents;
        o.deals = a.deals;
        for (auto& [text, act] : a.actions) o.actions.push_back(std::move(act));
        std::stable_sort(o.actions.begin(), o.actions.end(),
                         [](const owner_action& x, const owner_action& y) {
                             if (x.amount_cents != y.amount_cents) return x.amount_cents > y.amount_cents;
                             return x.deals.size() > y.deals.size();
                         });
        // Largest first, ties in row order (the lists are built in row order, so
        // this total order gives what a stable sort would, without its buffer).
        for (owner_action& act : o.actions)
            std::sort(act.deals.begin(), act.deals.end(), [&r](size_t x, size_t y) {
                const int64_t ax = r.deals[x].amount_cents, ay = r.deals[y].amount_cents;
                return ax != ay ? ax > ay : x < y;
            });
        out.push_back(std::move(o));
    }
    std::stable_sort(out.begin(), out.end(), [](const owner_actions& x, const owner_actions& y) {
        if (x.amount_cents != y.amount_cents) return x.amount_cents > y.amount_cents;
        return x.deals > y.deals;
    });
    return out;
}

}  // namespace detail
}  // namespace revdiag
