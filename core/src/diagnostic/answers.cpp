// Reading answers files (revdiag.answers/1) against a bank. A wrong answers
// file must never be scored as if it were right: every question must be
// answered with one of its choices, and the file must name the bank version it
// was written for, because choice ids can change between versions.
#include "diagnostic/json_read.h"
#include "json/envelope.h"
#include "revdiag/diagnostic.h"

namespace revdiag {

namespace {

using diag::member;
using diag::pointer_token;
using nlohmann::json;

constexpr std::string_view answers_schema = "revdiag.answers/1";

error answers_error(std::string code, std::string message, std::string pointer, std::string field = {}) {
    return diag::error_at(std::move(code), std::move(message), "answers", std::move(pointer),
                          std::move(field));
}

std::string choice_list(const question& q) {
    std::string out;
    for (size_t i = 0; i < q.choices.size(); ++i) out += (i ? ", " : "") + q.choices[i].id;
    return out;
}

const question* find_question(const question_bank& bank, std::string_view id) {
    for (const question& q : bank.questions)
        if (q.id == id) return &q;
    return nullptr;
}

}  // namespace

result<answer_set> read_answers(std::string_view json_text, const question_bank& bank) {
    const auto parsed = parse_json_object(json_text, "answers");
    if (!parsed) return parsed.err();
    const json& root = parsed.value();

    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string& key = it.key();
        if (key != "schema" && key != "bank" && key != "bank_version" && key != "answers")
            return answers_error("answers.unknown_key",
                                 "The answers file has the unknown key \"" + key +
                                     "\"; expected schema, bank, bank_version and answers.",
                                 "/" + pointer_token(key), key);
    }

    const json* schema = member(root, "schema");
    if (!schema)
        return answers_error(
            "answers.schema",
            "The answers file has no \"schema\"; expected \"" + std::string(answers_schema) + "\".",
            "/schema");
    if (!schema->is_string() || schema->get_ref<const std::string&>() != answers_schema)
        return answers_error("answers.schema",
                             "The answers file's schema is " + diag::dump_value(*schema) + ", expected \"" +
                                 std::string(answers_schema) + "\".",
                             "/schema");

    answer_set out;
    out.bank = bank.bank;
    if (const json* b = member(root, "bank")) {
        if (!b->is_string() || b->get_ref<const std::string&>() != bank.bank)
            return answers_error("answers.bank",
                                 "These answers are for the " + diag::dump_value(*b) + " bank, not the \"" +
                                     bank.bank + "\" bank.",
                                 "/bank");
    }

    const json* version = member(root, "bank_version");
    if (!version)
        return answers_error("answers.version",
                             "The answers file has no \"bank_version\"; this engine asks version " +
                                 std::to_string(bank.version) + " of the " + bank.bank + " questions.",
                             "/bank_version");
    if (!diag::read_int(*version, out.bank_version) || out.bank_version != bank.version)
        return answers_error("answers.version",
                             "The answers were written for version " + diag::dump_value(*version) +
                                 " of the " + bank.bank + " questions, but this engine asks version " +
                                 std::to_string(bank.version) + ".",
                             "/bank_version");

    const json* answers = member(root, "answers");
    if (!answers)
        return answers_error("answers.missing", "The answers file has no \"answers\" object.", "/answers");
    if (!answers->is_object())
        return answers_error("answers.type", "\"answers\" must be an object of question id to choice id.",
                             "/answers");

    for (auto it = answers->begin(); it != answers->end(); ++it)
        if (!find_question(bank, it.key()))
            return answers_error("answers.unknown_question",
                                 "The question \"" + it.key() + "\" is not in version " +
                                     std::to_string(bank.version) + " of the " + bank.bank + " questions.",
                                 "/answers/" + pointer_token(it.key()), it.key());

    for (const question& q : bank.questions) {
        const std::string at = "/answers/" + pointer_token(q.id);
        const json* a = member(*answers, q.id);
        if (!a)
            return answers_error("answers.missing", "The question \"" + q.id + "\" is not answered.", at,
                                 q.id);
        if (!a->is_string())
            return answers_error("answers.type",
                                 "The answer to \"" + q.id + "\" must be a choice id string, not " +
                                     diag::dump_value(*a) + ".",
                                 at, q.id);
        const std::string& chosen = a->get_ref<const std::string&>();
        bool known = false;
        for (const answer_choice& c : q.choices) known = known || c.id == chosen;
        if (!known)
            return answers_error("answers.unknown_choice",
                                 "The answer \"" + chosen + "\" to \"" + q.id +
                                     "\" is not one of its choices (" + choice_list(q) + ").",
                                 at, q.id);
        out.chosen.emplace_back(q.id, chosen);
    }
    return out;
}

}  // namespace revdiag
