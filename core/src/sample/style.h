// Private: how each CRM writes an export (headers, delimiter, date and money
// spelling, stage labels), so the generator only decides what the deals are.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/date.h"

namespace revdiag::detail {

enum class date_style : uint8_t { iso, iso_time, us, european_dots, european_slash, sf_datetime };
enum class money_style : uint8_t { plain, plain_cents, dollar_grouped, euro_european, integer_cents };

/// Slots of a generated deal, in the column order of an export.
enum class slot : uint8_t {
    deal_id,
    deal_name,
    account,
    amount,
    currency,
    stage,
    status,
    owner,
    created,
    close,
    stage_entered,
    buyer_activity,
    buyer_response,
    next_step,
    next_step_date,
    problem,
    budget,
    decision_date,
    decision_maker,
    proposal_sent,
    follow_up,
    probability,
    snoozed_until,
    lead_source,
};

struct style_column {
    slot what;
    std::string_view header;
};

/// Labels for the process's pipeline stages (engaged .. negotiation), then
/// closed won, closed lost and the re-engagement holding stage.
using stage_labels = std::array<std::string_view, 8>;

struct crm_style {
    std::string_view name;
    char delimiter;
    std::string_view line_end;
    date_style dates;
    money_style money;
    std::string_view yes;
    std::string_view no;
    stage_labels stages;
    std::vector<style_column> columns;
};

/// The style with that name, or nullptr.
const crm_style* find_crm_style(std::string_view name);
/// All styles in a fixed order.
const std::vector<crm_style>& crm_styles();

/// A date in the style's spelling.
void append_date(std::string& out, day_t d, date_style s);
/// An amount in cents in the style's spelling.
void append_money(std::string& out, int64_t cents, money_style s);

}  // namespace revdiag::detail
