// Private: the canonical columns the audit reads, looked up once per audit and
// checked for their type, with accessors that read a missing column as missing.
#pragma once

#include <string_view>

#include "revdiag/deals.h"

namespace revdiag::detail {

struct audit_columns {
    const column* stage = nullptr;
    const column* status = nullptr;
    const column* owner = nullptr;
    const column* amount = nullptr;
    const column* currency = nullptr;
    const column* deal_id = nullptr;
    const column* deal_name = nullptr;
    const column* account = nullptr;
    const column* created = nullptr;
    const column* close = nullptr;
    const column* stage_entered = nullptr;
    const column* buyer_activity = nullptr;
    const column* buyer_response = nullptr;
    const column* proposal_sent = nullptr;
    const column* follow_up = nullptr;
    const column* snoozed_until = nullptr;
    const deal_table* source = nullptr;

    explicit audit_columns(const deal_table& t) : source(&t) {
        // A column of the wrong type (a hand-built table, an extra column that
        // shadows a canonical name) reads as absent rather than as garbage.
        auto typed = [&t](std::string_view name, field_type type) -> const column* {
            const column* c = t.find(name);
            if (!c) return nullptr;
            if (c->type == type) return c;
            if (type == field_type::text && c->type == field_type::status) return c;
            return nullptr;
        };
        stage = typed("stage", field_type::text);
        status = typed("status", field_type::status);
        owner = typed("owner", field_type::text);
        amount = typed("amount", field_type::money);
        currency = typed("currency", field_type::text);
        deal_id = typed("deal_id", field_type::text);
        deal_name = typed("deal_name", field_type::text);
        account = typed("account", field_type::text);
        created = typed("created_date", field_type::date);
        close = typed("close_date", field_type::date);
        stage_entered = typed("stage_entered_date", field_type::date);
        buyer_activity = typed("last_buyer_activity_date", field_type::date);
        buyer_response = typed("last_buyer_response_date", field_type::date);
        proposal_sent = typed("proposal_sent_date", field_type::date);
        follow_up = typed("last_follow_up_date", field_type::date);
        snoozed_until = typed("snoozed_until", field_type::date);
    }
};

inline day_t date_at(const column* c, size_t row) {
    return c ? c->date[row] : no_date;
}
inline std::string_view text_at(const column* c, size_t row) {
    return c ? c->text_at(row) : std::string_view();
}

}  // namespace revdiag::detail
