#include "report/coverage_json.h"

#include "report/crm_words.h"
#include "revdiag/report.h"

namespace revdiag::detail {

namespace {

ojson source_json(const evidence_source& s, const deal_table& table) {
    ojson j;
    j["field"] = s.field;
    const column* c = s.column.empty() ? nullptr : table.find(s.column);
    j["column"] = c ? ojson(c->name) : ojson(nullptr);
    j["header"] = c && !c->header.empty() ? ojson(c->header) : ojson(nullptr);
    j["tier"] = c ? ojson(to_string(s.tier)) : ojson(nullptr);
    return j;
}

ojson add_list(const std::vector<std::string>& fields, const std::string& crm) {
    ojson list = ojson::array();
    for (const std::string& f : fields)
        list.push_back(ojson{{"field", f}, {"crm_field", crm_field_to_add(crm, f)}});
    return list;
}

std::string criterion_name(const criterion& c) {
    return c.label.empty() ? c.id : c.id + " (" + c.label + ")";
}

std::string missing_fields_of(const criterion_coverage& cc) {
    std::string out;
    for (const evidence_source& s : cc.sources) {
        if (!s.column.empty()) continue;
        out += (out.empty() ? "" : " and ") + s.field;
    }
    return out;
}

std::string first_missing(const criterion_coverage& cc) {
    for (const evidence_source& s : cc.sources)
        if (s.column.empty()) return s.field;
    return "";
}

}  // namespace

void add_coverage_json(ojson& body, const audit_report& r, const deal_table& table, const process& p) {
    const coverage_report& c = r.coverage;
    const bool available = c.mode == evidence_mode::available;
    std::string crm = "generic";
    if (body.contains("input") && body["input"].is_object() && body["input"].contains("detected_crm") &&
        body["input"]["detected_crm"].is_string())
        crm = body["input"]["detected_crm"].get<std::string>();

    body["summary"]["unverified_total"] = money_to_json(c.unverified_cents);
    body["summary"]["unverified_deals"] = c.unverified_deals;
    for (size_t l = 0; l < layer_count && l < body["layers"].size(); ++l) {
        const measurable level = c.layers[l].level;
        body["layers"][l]["measurable"] = to_string(level);
        // A layer the export cannot show at all has no score: 100 would read as a pass.
        if (available && level == measurable::no) body["layers"][l]["score"] = nullptr;
    }

    ojson criteria = ojson::array();
    bool complete = true;
    for (size_t k = 0; k < r.criteria.size(); ++k) {
        const criterion_ref& ref = r.criteria[k];
        const stage& st = p.stages[static_cast<size_t>(ref.stage)];
        const criterion& crit = st.criteria[ref.index];
        const criterion_coverage& cc = c.criteria[k];
        ojson j;
        j["criterion"] = crit.id;
        j["stage"] = st.id;
        j["fields"] = crit.program.fields();
        j["status"] = cc.assessable ? "assessable" : "not_assessable";
        const evidence_source none;
        const ojson first = source_json(cc.sources.empty() ? none : cc.sources.front(), table);
        j["column"] = first["header"].is_null() ? first["column"] : first["header"];
        j["tier"] = first["tier"];
        ojson sources = ojson::array();
        for (const evidence_source& s : cc.sources) sources.push_back(source_json(s, table));
        j["sources"] = std::move(sources);
        j["blank_share"] = cc.assessable && !r.deals.empty()
                               ? ojson(static_cast<double>(cc.blank_open * 1000 / r.deals.size()) / 1000.0)
                               : ojson(nullptr);
        if (!cc.assessable) {
            complete = false;
            ojson add = ojson::array();
            for (const evidence_source& s : cc.sources)
                if (s.column.empty())
                    add.push_back(ojson{{"field", s.field}, {"crm_field", crm_field_to_add(crm, s.field)}});
            j["add"] = std::move(add);
            if (available) {
                j["deals_resting"] = cc.deals_resting;
                j["amount_resting"] = money_to_json(cc.cents_resting);
            }
        }
        criteria.push_back(std::move(j));
        if (cc.assessable || !available || st.holding || st.closed_won || st.closed_lost) continue;
        const std::string missing = missing_fields_of(cc);
        ojson f;
        f["code"] = "CRITERION_NOT_RECORDED";
        f["message"] = "Stage " + st.name + ", criterion " + criterion_name(crit) + " reads " + missing +
                       ", which this export does not record: " + std::to_string(cc.deals_resting) +
                       (cc.deals_resting == 1 ? " real-pipeline deal rests" : " real-pipeline deals rest") +
                       " on it unverified. To check it, add " + crm_field_to_add(crm, first_missing(cc)) +
                       ".";
        f["stage"] = st.id;
        f["criterion"] = crit.id;
        f["field"] = first_missing(cc);
        f["crm_field"] = crm_field_to_add(crm, first_missing(cc));
        f["deals"] = cc.deals_resting;
        f["amount"] = money_to_json(cc.cents_resting);
        body["process"]["findings"].push_back(std::move(f));
    }

    ojson layers = ojson::array();
    for (size_t l = 0; l < layer_count; ++l) {
        if (c.layers[l].level != measurable::yes) complete = false;
        ojson j;
        j["id"] = to_string(static_cast<layer>(l));
        j["measurable"] = to_string(c.layers[l].level);
        j["add"] = add_list(c.layers[l].add, crm);
        layers.push_back(std::move(j));
    }

    ojson block;
    block["evidence"] = to_string(c.mode);
    block["complete"] = complete;
    block["activity"] = source_json(c.activity, table);
    block["criteria"] = std::move(criteria);
    block["layers"] = std::move(layers);
    block["newest_date"] = c.newest_date != no_date ? ojson(format_iso_date(c.newest_date)) : ojson(nullptr);
    body["coverage"] = std::move(block);
}

}  // namespace revdiag::detail
