#include "revdiag/report.h"

#include "audit/cents.h"
#include "audit/columns.h"
#include "audit/text.h"
#include "json/envelope.h"
#include "report/coverage_json.h"

namespace revdiag {

using detail::audit_columns;
using detail::text_at;

ojson money_to_json(int64_t cents) {
    // Whole amounts stay integers ("48250", not "48250.0"); the rest is the
    // nearest double to the cent value, printed by nlohmann's shortest form.
    if (cents % 100 == 0) return ojson(cents / 100);
    return ojson(static_cast<double>(cents) / 100.0);
}

namespace {

ojson text_or_null(const column* c, size_t row) {
    if (!c || c->is_missing(row)) return nullptr;
    return std::string(c->text_at(row));
}

ojson stage_id_or_null(const process& p, int st) {
    if (st < 0) return nullptr;
    return p.stages[static_cast<size_t>(st)].id;
}

ojson process_block(const audit_report& r, const process& p) {
    ojson block;
    block["name"] = p.name;
    size_t counted = 0;
    for (const stage& s : p.stages)
        if (!s.holding) ++counted;
    block["stages"] = counted;
    ojson findings = ojson::array();
    for (const process_finding& f : r.process_findings) {
        ojson j;
        j["code"] = f.code;
        j["message"] = f.message;
        if (!f.stage.empty()) j["stage"] = f.stage;
        if (!f.criterion.empty()) j["criterion"] = f.criterion;
        if (!f.field.empty()) j["field"] = f.field;
        findings.push_back(std::move(j));
    }
    block["findings"] = std::move(findings);
    return block;
}

ojson summary_block(const audit_report& r) {
    ojson s;
    s["rows"] = r.rows;
    s["open_deals"] = r.open_deals;
    s["closed_deals"] = r.closed_deals;
    s["stated_total"] = money_to_json(r.stated_cents);
    s["real_total"] = money_to_json(r.real_cents);
    s["stated_weighted"] = money_to_json(r.stated_weighted_cents);
    s["real_weighted"] = money_to_json(r.real_weighted_cents);
    s["difference"] = money_to_json(difference_cents(r.real_cents, r.stated_cents));
    s["weakest_layer"] =
        r.weakest_layer >= 0 ? ojson(to_string(static_cast<layer>(r.weakest_layer))) : ojson(nullptr);
    size_t flagged = 0, real = 0;
    for (const deal_audit& d : r.deals) {
        if (d.flagged()) ++flagged;
        if (d.in_real_pipeline) ++real;
    }
    s["real_deals"] = real;
    s["flagged_deals"] = flagged;
    s["flagged_amount"] = money_to_json(r.flagged_cents);
    s["unknown_stage_deals"] = r.unknown_stage_deals;
    s["not_pipeline_deals"] = r.not_pipeline_deals;
    s["holding_deals"] = r.holding_deals;
    s["missing_amount_deals"] = r.missing_amount_deals;
    s["ranked_by"] = r.amounts_recorded ? "amount" : "deals";
    return s;
}

ojson layers_block(const audit_report& r) {
    ojson list = ojson::array();
    for (const layer_total& l : r.layers) {
        ojson j;
        j["id"] = to_string(l.id);
        j["deals_failing"] = l.deals_failing;
        j["amount_at_risk"] = money_to_json(l.amount_at_risk_cents);
        j["score"] = l.score;
        j["rank"] = l.rank;
        j["deals_counted_above"] = l.deals_counted_above;
        j["amount_counted_above"] = money_to_json(l.amount_counted_above_cents);
        j["deals_not_real"] = l.deals_not_real;
        j["amount_not_real"] = money_to_json(l.amount_not_real_cents);
        list.push_back(std::move(j));
    }
    return list;
}

// Stated, minus each reason a deal is not real (each deal under one), equals real.
ojson waterfall_block(const audit_report& r) {
    ojson w;
    w["stated"] = money_to_json(r.stated_cents);
    ojson steps = ojson::array();
    for (const removal_total& t : r.removed) {
        ojson j;
        j["id"] = to_string(t.id);
        j["deals"] = t.deals;
        j["amount"] = money_to_json(t.cents);
        steps.push_back(std::move(j));
    }
    w["steps"] = std::move(steps);
    w["real"] = money_to_json(r.real_cents);
    return w;
}

ojson stages_block(const audit_report& r, const process& p) {
    ojson list = ojson::array();
    for (const stage_total& s : r.stages) {
        const stage& st = p.stages[static_cast<size_t>(s.stage)];
        ojson j;
        j["id"] = st.id;
        j["name"] = st.name;
        j["holding"] = st.holding;
        j["stated_count"] = s.stated_count;
        j["stated_amount"] = money_to_json(s.stated_cents);
        j["real_count"] = s.real_count;
        j["real_amount"] = money_to_json(s.real_cents);
        list.push_back(std::move(j));
    }
    return list;
}

ojson owners_block(const audit_report& r, const deal_table& table, size_t max_deals_per_action) {
    const audit_columns cols(table);
    ojson list = ojson::array();
    for (const owner_actions& o : r.owners) {
        ojson j;
        j["owner"] = o.owner.empty() ? ojson(nullptr) : ojson(o.owner);
        j["deals"] = o.deals;
        j["amount_at_risk"] = money_to_json(o.amount_cents);
        ojson actions = ojson::array();
        for (const owner_action& a : o.actions) {
            ojson act;
            act["action"] = a.action;
            act["count"] = a.deals.size();
            act["amount"] = money_to_json(a.amount_cents);
            ojson deals = ojson::array();
            // The largest deals only: the full list is a deals() query away
            // (filter by owner), and a million-deal export must not list them all twice.
            for (size_t k = 0; k < a.deals.size() && k < max_deals_per_action; ++k) {
                const size_t i = a.deals[k];
                const deal_audit& d = r.deals[i];
                ojson dj;
                dj["row"] = table.line[d.row];
                dj["deal_id"] = text_or_null(cols.deal_id, d.row);
                dj["deal_name"] = text_or_null(cols.deal_name, d.row);
                dj["amount"] = d.amount_missing ? ojson(nullptr) : money_to_json(d.amount_cents);
                deals.push_back(std::move(dj));
            }
            act["deals"] = std::move(deals);
            actions.push_back(std::move(act));
        }
        j["actions"] = std::move(actions);
        list.push_back(std::move(j));
    }
    return list;
}

}  // namespace

namespace {

ojson deal_json(const audit_report& r, size_t index, const deal_table& table, const process& p,
                const audit_columns& cols) {
    const deal_audit& d = r.deals[index];
    ojson j = ojson::object();
    // ordered_json keeps keys in a vector of pairs with const keys: growing it
    // copies every key, so size it once.
    j.get_ref<ojson::object_t&>().reserve(12);
    j["row"] = table.line[d.row];
    j["deal_id"] = text_or_null(cols.deal_id, d.row);
    j["deal_name"] = text_or_null(cols.deal_name, d.row);
    j["account"] = text_or_null(cols.account, d.row);
    j["owner"] = text_or_null(cols.owner, d.row);
    j["amount"] = d.amount_missing ? ojson(nullptr) : money_to_json(d.amount_cents);
    j["stage"] = stage_id_or_null(p, d.recorded_stage);
    j["recorded_stage"] = text_or_null(cols.stage, d.row);
    j["real_stage"] = stage_id_or_null(p, d.real_stage);
    j["in_real_pipeline"] = d.in_real_pipeline;
    // The one thing to do today; every finding below stays as a reason.
    const int next = next_action_of(r, d);
    if (next >= 0) {
        const finding& f = r.findings_of(d)[static_cast<size_t>(next)];
        ojson nj = ojson::object();
        nj["action"] = detail::action_for(f, d, cols, p);
        nj["code"] = to_string(f.code);
        nj["layer"] = to_string(layer_of(f.code));
        j["next_action"] = std::move(nj);
    } else {
        j["next_action"] = nullptr;
    }
    ojson findings = ojson::array();
    for (const finding& f : r.findings_of(d)) {
        ojson fj = ojson::object();
        fj.get_ref<ojson::object_t&>().reserve(5);
        fj["code"] = to_string(f.code);
        fj["layer"] = to_string(layer_of(f.code));
        if (f.criteria_count > 0) {
            ojson ids = ojson::array();
            for (uint16_t c : r.criteria_of(f)) ids.push_back(r.criteria[c].id);
            fj["criteria"] = std::move(ids);
        }
        fj["message"] = detail::message_for(f, d, cols, p, r);
        fj["action"] = detail::action_for(f, d, cols, p);
        findings.push_back(std::move(fj));
    }
    j["findings"] = std::move(findings);
    return j;
}

}  // namespace

ojson deal_to_json(const audit_report& r, size_t index, const deal_table& table, const process& p) {
    return deal_json(r, index, table, p, audit_columns(table));
}

ojson report_without_deals(const audit_report& r, const deal_table& table, const process& p,
                           const ojson& input, size_t action_deals) {
    ojson body;
    body["as_of"] = format_iso_date(r.as_of);
    body["input"] = input;
    body["process"] = process_block(r, p);
    body["summary"] = summary_block(r);
    body["layers"] = layers_block(r);
    body["waterfall"] = waterfall_block(r);
    body["stages"] = stages_block(r, p);
    detail::add_coverage_json(body, r, table, p);
    body["deals"] = deals_marker;
    body["owners"] = owners_block(r, table, action_deals);
    body["warnings"] = to_json_list(r.warnings);
    return body;
}

void write_deals_json(const audit_report& r, const deal_table& table, const process& p, deals_scope scope,
                      const std::function<void(std::string_view)>& out) {
    constexpr size_t piece = size_t{1} << 20;
    std::string buffer = "[";
    if (scope != deals_scope::none) {
        const audit_columns cols(table);
        bool first = true;
        for (size_t i = 0; i < r.deals.size(); ++i) {
            if (scope != deals_scope::all && !r.deals[i].flagged()) continue;
            if (!first) buffer.push_back(',');
            first = false;
            buffer += dump_json(deal_json(r, i, table, p, cols));
            if (buffer.size() >= piece) {
                out(buffer);
                buffer.clear();
            }
        }
    }
    buffer.push_back(']');
    out(buffer);
}

void write_report_envelope(std::string_view envelope, const audit_report& r, const deal_table& table,
                           const process& p, deals_scope scope,
                           const std::function<void(std::string_view)>& out) {
    // The marker as dump_json writes it; a text in the report cannot look like
    // this, since its quotes would be escaped.
    constexpr std::string_view marked = "\"deals\":\"\\u0001revdiag.deals\\u0001\"";
    const size_t at = envelope.find(marked);
    if (at == std::string_view::npos) {
        out(envelope);
        return;
    }
    const size_t value = at + std::string_view("\"deals\":").size();
    out(envelope.substr(0, value));
    write_deals_json(r, table, p, scope, out);
    out(envelope.substr(at + marked.size()));
}

ojson report_to_json(const audit_report& r, const deal_table& table, const process& p, const ojson& input,
                     deals_scope scope, size_t action_deals) {
    ojson body = report_without_deals(r, table, p, input, action_deals);
    ojson deals = ojson::array();
    const audit_columns cols(table);
    if (scope != deals_scope::none) deals.get_ref<ojson::array_t&>().reserve(r.deals.size());
    if (scope != deals_scope::none)
        for (size_t i = 0; i < r.deals.size(); ++i)
            if (scope == deals_scope::all || r.deals[i].flagged())
                deals.push_back(deal_json(r, i, table, p, cols));
    body["deals"] = std::move(deals);
    return body;
}

}  // namespace revdiag
