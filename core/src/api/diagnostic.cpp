// api::questions, api::diagnose and api::snapshot: the diagnostic's envelopes.
// Choice scores stay inside the engine: the page shows questions, not points,
// so people answer what is true rather than what scores well.
#include "revdiag/diagnostic.h"

#include "diagnostic/measured.h"
#include "json/envelope.h"
#include "json/object_reader.h"
#include "revdiag/api.h"

namespace revdiag::api {

namespace {

constexpr std::string_view questions_schema = "revdiag.questions/1";
constexpr std::string_view diagnostic_schema = "revdiag.diagnostic/1";
constexpr std::string_view snapshot_schema = "revdiag.snapshot/1";

ojson questions_json(const question_bank& bank, bool scored) {
    ojson list = ojson::array();
    for (const question& q : bank.questions) {
        ojson jq;
        jq["id"] = q.id;
        if (scored) jq["layer"] = q.layer;
        jq["text"] = q.text;
        if (!q.help.empty()) jq["help"] = q.help;
        if (scored) jq["weight"] = q.weight;
        jq["choices"] = ojson::array();
        for (const answer_choice& c : q.choices)
            jq["choices"].push_back(ojson{{"id", c.id}, {"label", c.label}});
        list.push_back(std::move(jq));
    }
    return list;
}

ojson layer_json(const layer_result& l, bool audited) {
    ojson j;
    j["id"] = l.id;
    j["name"] = l.name;
    j["score"] = l.score;
    j["band"] = l.band;
    j["band_label"] = l.band_label;
    j["audited"] = audited;
    j["answers"] = ojson::array();
    for (const scored_answer& a : l.answers)
        j["answers"].push_back(
            ojson{{"question", a.question}, {"choice", a.choice}, {"score", a.score}, {"weight", a.weight}});
    j["next_steps"] = l.next_steps;
    return j;
}

ojson comparison_json(const score_comparison& c) {
    ojson j;
    j["tolerance"] = comparison_tolerance;
    j["layers"] = ojson::array();
    for (const layer_comparison& l : c.layers) {
        ojson jl;
        jl["id"] = l.id;
        jl["self_score"] = l.self_score;
        jl["measured_score"] = l.measured_score;
        jl["gap"] = l.gap;
        jl["verdict"] = l.verdict;
        jl["message"] = l.message;
        j["layers"].push_back(std::move(jl));
    }
    j["self_weakest"] = c.self_weakest;
    j["measured_weakest"] = c.measured_weakest;
    j["same_weakest"] = c.same_weakest;
    j["summary"] = c.summary;
    return j;
}

}  // namespace

std::string questions() {
    const auto bank = diagnostic_bank();
    if (!bank) return error_envelope(questions_schema, bank.err());
    const auto snap = snapshot_bank();
    if (!snap) return error_envelope(questions_schema, snap.err());
    ojson body;
    body["bank"] = bank->bank;
    body["version"] = bank->version;
    body["title"] = bank->title;
    body["intro"] = bank->intro;
    body["layers"] = ojson::array();
    for (const bank_layer& l : bank->layers)
        body["layers"].push_back(
            ojson{{"id", l.id}, {"name", l.name}, {"summary", l.summary}, {"audited", l.audited}});
    body["bands"] = ojson::array();
    for (const maturity_band& b : bank->bands)
        body["bands"].push_back(
            ojson{{"id", b.id}, {"label", b.label}, {"min_score", b.min_score}, {"meaning", b.meaning}});
    body["questions"] = questions_json(*bank, true);
    ojson s;
    s["bank"] = snap->bank;
    s["version"] = snap->version;
    s["title"] = snap->title;
    s["intro"] = snap->intro;
    s["questions"] = questions_json(*snap, false);
    body["snapshot"] = std::move(s);
    return ok_envelope(questions_schema, body);
}

std::string diagnose(std::string_view answers_json, std::string_view options_json) {
    const auto options = read_json_object(options_json, options_input);
    if (!options) return error_envelope(diagnostic_schema, options.err());
    if (auto e =
            json_object_reader(*options, options_input, "").unknown_keys({"audit"}, "the diagnose options"))
        return error_envelope(diagnostic_schema, *e);
    const json_value* audit = options->find("audit");
    std::optional<measured_audit> measured;
    if (audit) {
        auto read = read_measured_audit(*audit, options_input, "/audit");
        if (!read) return error_envelope(diagnostic_schema, read.err());
        measured = std::move(*read);
    }
    const auto bank = diagnostic_bank();
    if (!bank) return error_envelope(diagnostic_schema, bank.err());
    const auto answers = read_answers(answers_json, *bank);
    if (!answers) return error_envelope(diagnostic_schema, answers.err());

    const diagnostic_result r = score_answers(*bank, *answers);
    ojson body;
    body["bank_version"] = r.bank_version;
    body["layers"] = ojson::array();
    for (size_t i = 0; i < r.layers.size(); ++i)
        body["layers"].push_back(layer_json(r.layers[i], bank->layers[i].audited));
    body["weakest_layer"] = r.weakest_layer;
    if (!r.summary.empty()) body["summary"] = r.summary;
    body["recommendations"] = ojson::array();
    int priority = 0;
    for (const std::string& id : r.priority)
        for (const layer_result& l : r.layers)
            if (l.id == id)
                body["recommendations"].push_back(ojson{{"priority", ++priority},
                                                        {"layer", l.id},
                                                        {"name", l.name},
                                                        {"score", l.score},
                                                        {"band", l.band},
                                                        {"steps", l.next_steps}});
    if (measured)
        body["comparison"] = comparison_json(compare_scores(r, measured->layers, measured->weakest));
    return ok_envelope(diagnostic_schema, body);
}

std::string snapshot(std::string_view answers_json) {
    const auto bank = snapshot_bank();
    if (!bank) return error_envelope(snapshot_schema, bank.err());
    const auto answers = read_answers(answers_json, *bank);
    if (!answers) return error_envelope(snapshot_schema, answers.err());
    const auto draft = draft_snapshot(*answers);
    if (!draft) return error_envelope(snapshot_schema, draft.err());
    ojson body;
    body["bank_version"] = answers->bank_version;
    body["shape"] = draft->shape;
    body["complexity"] = draft->complexity;
    // The drafted process is the engine's own text: read back, it cannot fail.
    const auto drafted = read_json(draft->process_json, process_input);
    body["process"] = drafted ? to_ojson(*drafted) : ojson(nullptr);
    body["document"] = draft->document;
    return ok_envelope(snapshot_schema, body);
}

}  // namespace revdiag::api
