// Drafting a starter process from Snapshot answers. The stage texts, shapes,
// thresholds and CRM aliases are data (core/data/snapshot_questions.json); this
// file only decides which shape fits and assembles a revdiag.process/1 document.
#include <set>

#include "common/embedded.h"
#include "common/stage_key.h"
#include "json/reader.h"
#include "revdiag/diagnostic.h"
#include "snapshot/draft.h"

namespace revdiag {

namespace {

// Points at or below which a pipeline stays lean, and at or below which it
// needs no negotiation stage; an evaluation becomes a stage from this many points.
constexpr int lean_max_points = 1;
constexpr int standard_max_points = 3;
constexpr int evaluated_min_points = 4;

error data_error(const std::string& what) {
    return make_error("snapshot.bank", "The Snapshot drafting data is inconsistent: " + what + ".",
                      location{"snapshot", 0, 0, "", ""});
}

// The drafting data is read with the engine's JSON reader (a json_value tree);
// what goes into the drafted process is written with nlohmann.
using data_value = json_value;

const data_value* child(const data_value& j, const std::string& key) {
    return j.find(key);
}

std::string text_of(const data_value* j) {
    return j && j->is_string() ? j->text : std::string();
}

// Case, spacing and punctuation ignored, as the process loader matches stages.
std::string normalized(std::string_view s) {
    return stage_key(s);
}

// The chosen choice object of a question in the drafting data.
const data_value* chosen_choice(const data_value& data, const answer_set& answers, const std::string& qid) {
    std::string cid;
    for (const auto& [q, c] : answers.chosen)
        if (q == qid) cid = c;
    const data_value* questions = child(data, "questions");
    if (!questions || !questions->is_array()) return nullptr;
    for (const data_value& q : questions->items) {
        if (text_of(child(q, "id")) != qid) continue;
        const data_value* choices = child(q, "choices");
        if (!choices || !choices->is_array()) return nullptr;
        for (const data_value& c : choices->items)
            if (text_of(child(c, "id")) == cid) return &c;
    }
    return nullptr;
}

int points_of(const data_value* choice) {
    const data_value* p = choice ? child(*choice, "points") : nullptr;
    return p && p->is_number() && p->integral ? static_cast<int>(p->number) : 0;
}

// Adds CRM stage names as aliases of the first listed stage present in this
// shape, skipping any spelling that already names a stage.
void add_aliases(const data_value* entries, ojson& stages, std::set<std::string>& taken) {
    if (!entries || !entries->is_array()) return;
    for (const data_value& e : entries->items) {
        if (!e.is_array() || e.items.size() != 2 || !e.items[0].is_string() || !e.items[1].is_array())
            continue;
        const std::string alias = e.items[0].text;
        if (!taken.insert(normalized(alias)).second) continue;
        for (const data_value& target : e.items[1].items) {
            bool placed = false;
            for (ojson& s : stages)
                if (target.is_string() && s["id"].is_string() && s["id"].get<std::string>() == target.text) {
                    s["aliases"].push_back(alias);
                    placed = true;
                    break;
                }
            if (placed) break;
        }
    }
}

}  // namespace

result<snapshot_draft> draft_snapshot(const answer_set& answers) {
    const auto bank = snapshot_bank();
    if (!bank) return bank.err();
    const std::string_view raw = embedded_file("snapshot_questions.json");
    const result<data_value> read = read_json(raw, bank_input);
    if (!read) return data_error("the file is not JSON");
    const data_value& data = *read;

    snap::drafting d;
    const data_value* cycle = chosen_choice(data, answers, "cycle");
    const data_value* evaluation = chosen_choice(data, answers, "evaluation");
    const data_value* team = chosen_choice(data, answers, "team");
    const data_value* handoff = chosen_choice(data, answers, "handoff");
    const data_value* crm = chosen_choice(data, answers, "crm");
    if (!cycle || !evaluation || !team || !handoff || !crm)
        return data_error(
            "a question the drafting needs (cycle, evaluation, team, handoff, crm) is not answered");
    d.complexity = points_of(cycle) + points_of(chosen_choice(data, answers, "deal_size")) +
                   points_of(chosen_choice(data, answers, "buyers")) + points_of(evaluation);
    const data_value* evaluates = child(*evaluation, "evaluation");
    const bool has_evaluation = evaluates && evaluates->is_bool() && evaluates->boolean;
    if (has_evaluation && d.complexity >= evaluated_min_points)
        d.shape = "evaluated";
    else if (d.complexity <= lean_max_points)
        d.shape = "lean";
    else if (d.complexity <= standard_max_points)
        d.shape = "standard";
    else
        d.shape = "full";

    const data_value* shape = child(data, "shapes") ? child(*child(data, "shapes"), d.shape) : nullptr;
    const data_value* templates = child(data, "stage_templates");
    const data_value* limits = child(*cycle, "thresholds");
    if (!shape || !templates || !limits || !child(*shape, "stages") || !child(*shape, "stages")->is_array())
        return data_error("shape \"" + d.shape +
                          "\", its stages, the stage templates or the cycle thresholds are missing");
    d.shape_label = text_of(child(*shape, "label"));
    d.shape_why = text_of(child(*shape, "why"));

    // Founders sell in both roles; otherwise the handoff answer names them.
    const data_value* roles = child(*team, "roles") ? child(*team, "roles") : child(*handoff, "roles");
    const std::string opening = roles ? text_of(child(*roles, "opening")) : std::string();
    const std::string closing = roles ? text_of(child(*roles, "closing")) : std::string();
    if (opening.empty() || closing.empty())
        return data_error("the owner roles for the team and handoff answers are missing");

    ojson stages = ojson::array();
    std::set<std::string> taken;
    for (const data_value& entry : child(*shape, "stages")->items) {
        if (!entry.is_array() || entry.items.size() != 2 || !entry.items[0].is_string() ||
            !entry.items[1].is_number())
            return data_error("a stage entry of shape \"" + d.shape + "\" is not [template, probability]");
        const data_value* t = child(*templates, entry.items[0].text);
        if (!t) return data_error("the stage template \"" + entry.items[0].text + "\" is missing");
        ojson s;
        s["id"] = text_of(child(*t, "id"));
        s["name"] = text_of(child(*t, "name"));
        s["buyer_action"] = text_of(child(*t, "buyer_action"));
        s["owner_role"] = text_of(child(*t, "phase")) == "opening" ? opening : closing;
        s["probability"] = to_ojson(entry.items[1]);
        s["aliases"] = ojson::array();
        s["criteria"] = child(*t, "criteria") ? to_ojson(*child(*t, "criteria")) : ojson::array();
        for (const char* flag : {"closed_won", "closed_lost", "follow_up", "holding"})
            if (const data_value* f = child(*t, flag); f && f->is_bool() && f->boolean) s[flag] = true;
        taken.insert(normalized(s["id"].get<std::string>()));
        taken.insert(normalized(s["name"].get<std::string>()));
        stages.push_back(std::move(s));
    }
    const std::string crm_id = text_of(child(*crm, "id"));
    d.crm_label = text_of(child(*crm, "label"));
    if (const data_value* per_crm = child(data, "crm_aliases"))
        add_aliases(child(*per_crm, crm_id), stages, taken);
    add_aliases(child(data, "common_aliases"), stages, taken);

    d.process["schema"] = "revdiag.process/1";
    d.process["name"] = "Drafted sales process (" + d.shape_label + ")";
    d.process["stages"] = std::move(stages);
    d.process["thresholds"] = to_ojson(*limits);

    for (const question& q : bank->questions)
        for (const auto& [qid, cid] : answers.chosen) {
            if (qid != q.id) continue;
            for (const answer_choice& c : q.choices)
                if (c.id == cid) d.told.emplace_back(q.text, c.label);
            if (const data_value* c = chosen_choice(data, answers, qid))
                if (const std::string advice = text_of(child(*c, "advice")); !advice.empty())
                    d.advice.push_back(advice);
        }
    if (const data_value* setup = child(data, "crm_setup");
        setup && child(*setup, crm_id) && child(*setup, crm_id)->is_array())
        for (const data_value& step : child(*setup, crm_id)->items) d.crm_setup.push_back(text_of(&step));

    snapshot_draft out;
    out.shape = d.shape;
    out.complexity = d.complexity;
    out.process_json = d.process.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
    out.document = snap::write_document(d);
    return out;
}

}  // namespace revdiag
