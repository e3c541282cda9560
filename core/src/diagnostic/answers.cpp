// Reading answers files (revdiag.answers/1) against a bank. A wrong answers
// file must never be scored as if it were right: every question must be
// answered with one of its choices, and the file must name the bank version it
// was written for, because choice ids can change between versions.
#include <cstdint>
#include <optional>

#include "json/object_reader.h"
#include "revdiag/diagnostic.h"

namespace revdiag {

namespace {

constexpr std::string_view answers_schema = "revdiag.answers/1";

error answers_error(std::string_view code, const json_value& at, std::string message, std::string pointer,
                    std::string field = {}) {
    return json_error(answers_input, code, at, std::move(pointer), std::move(message), std::move(field));
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
    const auto parsed = read_json_object(json_text, answers_input);
    if (!parsed) return parsed.err();
    const json_value& root = parsed.value();
    const json_object_reader o(root, answers_input, "");
    if (auto e = o.unknown_keys({"schema", "bank", "bank_version", "answers"}, "the answers file")) return *e;

    const json_value* schema = o.optional("schema");
    if (!schema)
        return answers_error(
            "schema", root,
            "The answers file has no \"schema\"; expected \"" + std::string(answers_schema) + "\".",
            "/schema");
    if (!schema->is_string() || schema->text != answers_schema)
        return answers_error("schema", *schema,
                             "The answers file's schema is " + shown_value(*schema) + ", expected \"" +
                                 std::string(answers_schema) + "\".",
                             "/schema");

    answer_set out;
    out.bank = bank.bank;
    if (const json_value* b = o.optional("bank")) {
        if (!b->is_string() || b->text != bank.bank)
            return answers_error(
                "bank", *b,
                "These answers are for the " + shown_value(*b) + " bank, not the \"" + bank.bank + "\" bank.",
                "/bank");
    }

    const json_value* version = o.optional("bank_version");
    if (!version)
        return answers_error("version", root,
                             "The answers file has no \"bank_version\"; this engine asks version " +
                                 std::to_string(bank.version) + " of the " + bank.bank + " questions.",
                             "/bank_version");
    const auto v = whole_number(*version, INT32_MIN, INT32_MAX, false);
    if (!v || *v != bank.version)
        return answers_error("version", *version,
                             "The answers were written for version " + shown_value(*version) + " of the " +
                                 bank.bank + " questions, but this engine asks version " +
                                 std::to_string(bank.version) + ".",
                             "/bank_version");
    out.bank_version = static_cast<int>(*v);

    const json_value* answers = o.optional("answers");
    if (!answers)
        return answers_error("missing", root, "The answers file has no \"answers\" object.", "/answers");
    if (!answers->is_object())
        return answers_error("type", *answers, "\"answers\" must be an object of question id to choice id.",
                             "/answers");

    // Each unknown question and each missing or wrong answer is its own mistake:
    // all of them are reported (up to max_reported_errors), each with its place.
    std::optional<error> first;
    const auto report = [&first](error e) { add_error(first, std::move(e)); };
    const json_object_reader chosen(*answers, answers_input, "/answers");
    for (const json_member& m : answers->members)
        if (!find_question(bank, m.key))
            report(answers_error("unknown_question", m.value,
                                 "The question \"" + shown_key(m.key) + "\" is not in version " +
                                     std::to_string(bank.version) + " of the " + bank.bank + " questions.",
                                 chosen.pointer_of(m.key), m.key));

    for (const question& q : bank.questions) {
        const std::string at = chosen.pointer_of(q.id);
        const json_value* a = chosen.optional(q.id);
        if (!a) {
            report(answers_error("missing", *answers, "The question \"" + q.id + "\" is not answered.", at,
                                 q.id));
            continue;
        }
        if (!a->is_string()) {
            report(answers_error(
                "type", *a,
                "The answer to \"" + q.id + "\" must be a choice id string, not " + shown_value(*a) + ".", at,
                q.id));
            continue;
        }
        const std::string& picked = a->text;
        bool known = false;
        for (const answer_choice& c : q.choices) known = known || c.id == picked;
        if (!known) {
            report(answers_error("unknown_choice", *a,
                                 "The answer \"" + shown_key(picked) + "\" to \"" + q.id +
                                     "\" is not one of its choices (" + choice_list(q) + ").",
                                 at, q.id));
            continue;
        }
        out.chosen.emplace_back(q.id, picked);
    }
    if (first) return *first;
    return out;
}

}  // namespace revdiag
