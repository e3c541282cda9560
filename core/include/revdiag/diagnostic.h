// The diagnostic questionnaire and the Snapshot (DESIGN §2.4). Owns the question
// banks (versioned data in core/data/), reading answers files, scoring them per
// layer with maturity bands and next steps, comparing self-assessed scores with
// an audit's measured ones, and drafting a starter process from Snapshot answers.
// It does not run audits and does not load processes (process.h does).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revdiag/error.h"

namespace revdiag {

struct answer_choice {
    std::string id;
    std::string label;
    int score = 0;  // 0..100; Snapshot choices carry no score
};

struct question {
    std::string id;
    std::string layer;  // empty in the Snapshot bank
    std::string text;
    std::string help;
    int weight = 1;
    std::vector<answer_choice> choices;
};

struct bank_layer {
    std::string id;
    std::string name;
    std::string summary;
    bool audited = true;  // false for crm_enforcement, which an export cannot measure
};

struct maturity_band {
    std::string id;
    std::string label;
    std::string meaning;
    int min_score = 0;
};

struct layer_advice {
    std::string layer;
    std::string band;
    std::vector<std::string> steps;
};

/// A question bank: "diagnostic" (layers, bands, next steps) or "snapshot".
struct question_bank {
    std::string bank;
    int version = 0;
    std::string title;
    std::string intro;
    std::vector<bank_layer> layers;
    std::vector<maturity_band> bands;  // ascending min_score, the first at 0
    std::vector<question> questions;
    std::vector<layer_advice> next_steps;
};

/// Load and validate a revdiag.questions/1 bank. Errors: bank.json, bank.schema,
/// bank.missing, bank.type, bank.value, bank.duplicate_id (with a JSON pointer).
result<question_bank> load_question_bank(std::string_view json_text);
/// The embedded diagnostic bank (core/data/questions.json); errors as load_question_bank.
result<question_bank> diagnostic_bank();
/// The embedded Snapshot bank (core/data/snapshot_questions.json); errors as load_question_bank.
result<question_bank> snapshot_bank();

/// Answers in the order of the bank's questions: (question id, choice id).
struct answer_set {
    std::string bank;
    int bank_version = 0;
    std::vector<std::pair<std::string, std::string>> chosen;
};

/// Read a revdiag.answers/1 file against a bank. Errors: answers.json,
/// answers.type, answers.schema, answers.bank, answers.version, answers.missing,
/// answers.unknown_question, answers.unknown_choice, answers.unknown_key; each
/// names the question and points at it (/answers/<question id>).
result<answer_set> read_answers(std::string_view json_text, const question_bank& bank);

struct scored_answer {
    std::string question;
    std::string choice;
    int score = 0;
    int weight = 0;
};

struct layer_result {
    std::string id;
    std::string name;
    int score = 0;  // 0..100, weighted mean of its answers, rounded half up
    std::string band;
    std::string band_label;
    std::vector<scored_answer> answers;
    std::vector<std::string> next_steps;
};

struct diagnostic_result {
    int bank_version = 0;
    std::vector<layer_result> layers;   // bank order
    std::string weakest_layer;          // lowest audited layer; ties go to the earlier layer
    std::vector<std::string> priority;  // layer ids, the order in which to fix them
    /// One sentence: "Fix <layer> first: it scores N of 100 (<band>)." or, when
    /// even the weakest audited layer is in the top band, "No layer fails: …".
    std::string summary;
};

/// Score answers read by read_answers against the same bank; total (no errors).
diagnostic_result score_answers(const question_bank& bank, const answer_set& answers);

/// A layer score measured by an audit (revdiag.audit/1 `layers[]`).
struct measured_layer {
    std::string id;
    int score = 0;
};

struct layer_comparison {
    std::string id;
    int self_score = 0;
    int measured_score = 0;
    int gap = 0;          // self - measured
    std::string verdict;  // "agree", "overrated", "underrated"
    std::string message;
};

struct score_comparison {
    std::vector<layer_comparison> layers;
    std::string self_weakest;
    std::string measured_weakest;
    bool same_weakest = false;
    std::string summary;
};

/// Points of difference beyond which self-assessment and measurement disagree.
constexpr int comparison_tolerance = 15;

/// Compare self-assessed with measured scores for the audited layers both know;
/// `measured_weakest` is the audit's own weakest layer (empty: the lowest measured). Total.
score_comparison compare_scores(const diagnostic_result& self, const std::vector<measured_layer>& measured,
                                std::string_view measured_weakest = {});

/// A starter process drafted from Snapshot answers.
struct snapshot_draft {
    std::string shape;         // lean, standard, full, evaluated
    int complexity = 0;        // points from cycle, deal size, buyers, evaluation
    std::string process_json;  // revdiag.process/1, pretty-printed
    std::string document;      // Markdown design document
};

/// Draft the process and the design document from answers read against
/// snapshot_bank(). Errors: snapshot.bank when the embedded drafting data is
/// inconsistent (a shape, template or choice it needs is missing).
result<snapshot_draft> draft_snapshot(const answer_set& answers);

}  // namespace revdiag
