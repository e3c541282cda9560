// Loading and validating question banks. The banks are data written by people,
// so every structural promise the scorer relies on (weights, scores in range,
// advice for every layer and band) is checked here once, with a pointer to the
// member at fault.
#include <optional>
#include <set>

#include "common/embedded.h"
#include "json/object_reader.h"
#include "revdiag/diagnostic.h"

namespace revdiag {

namespace {

using json = json_value;

const json* member(const json& obj, std::string_view key) {
    return obj.find(key);
}

constexpr std::string_view bank_schema = "revdiag.questions/1";

// Bank errors point at the member at fault; its line and column are the embedded file's.
error bank_error(std::string_view code, const json& at, std::string message, std::string pointer,
                 std::string field = {}) {
    return json_error(bank_input, code, at, std::move(pointer), std::move(message), std::move(field));
}

// Reads a required string member; `out` keeps its value when the member is optional and absent.
std::optional<error> read_text(const json& obj, std::string_view key, const std::string& at, std::string& out,
                               bool required = true) {
    const json* v = member(obj, key);
    if (!v) {
        if (!required) return std::nullopt;
        return bank_error("missing", obj,
                          "The question bank has no \"" + std::string(key) + "\" at " + at + ".",
                          child_pointer(at, key));
    }
    if (!v->is_string() || (required && v->text.empty()))
        return bank_error("type", *v,
                          "\"" + std::string(key) + "\" at " + at + " must be a non-empty string.",
                          child_pointer(at, key));
    out = v->text;
    return std::nullopt;
}

std::optional<error> read_bounded_int(const json& obj, std::string_view key, const std::string& at, int lo,
                                      int hi, int& out, bool required = true) {
    const json* v = member(obj, key);
    const std::string where = child_pointer(at, key);
    if (!v) {
        if (!required) return std::nullopt;
        return bank_error("missing", obj,
                          "The question bank has no \"" + std::string(key) + "\" at " + at + ".", where);
    }
    const auto n = whole_number(*v, lo, hi, false);
    if (!n)
        return bank_error("value", *v,
                          "\"" + std::string(key) + "\" at " + at + " must be a whole number from " +
                              std::to_string(lo) + " to " + std::to_string(hi) + ".",
                          where);
    out = static_cast<int>(*n);
    return std::nullopt;
}

// A non-empty array member, or the bank.missing error `message` at it.
const json* non_empty_array(const json& obj, std::string_view key, const std::string& at, size_t min,
                            const std::string& message, std::optional<error>& err,
                            const std::string& field = {}) {
    const json* v = member(obj, key);
    if (v && v->is_array() && v->items.size() >= min) return v;
    err = bank_error("missing", v ? *v : obj, message, child_pointer(at, key), field);
    return nullptr;
}

std::optional<error> read_layers(const json& root, question_bank& bank) {
    std::optional<error> err;
    const json* layers = non_empty_array(root, "layers", "", 1,
                                         "The diagnostic bank needs a non-empty \"layers\" array.", err);
    if (!layers) return err;
    std::set<std::string> seen;
    for (size_t i = 0; i < layers->items.size(); ++i) {
        const json& l = layers->items[i];
        const std::string at = child_pointer("/layers", i);
        bank_layer layer;
        if (auto e = read_text(l, "id", at, layer.id)) return e;
        if (auto e = read_text(l, "name", at, layer.name)) return e;
        if (auto e = read_text(l, "summary", at, layer.summary)) return e;
        if (const json* a = member(l, "audited")) {
            if (!a->is_bool())
                return bank_error("type", *a, "\"audited\" at " + at + " must be true or false.",
                                  at + "/audited");
            layer.audited = a->boolean;
        }
        if (!seen.insert(layer.id).second)
            return bank_error("duplicate_id", *member(l, "id"),
                              "The layer id \"" + layer.id + "\" appears twice.", at + "/id", layer.id);
        bank.layers.push_back(std::move(layer));
    }
    return std::nullopt;
}

std::optional<error> read_bands(const json& root, question_bank& bank) {
    std::optional<error> err;
    const json* bands =
        non_empty_array(root, "bands", "", 1, "The diagnostic bank needs a non-empty \"bands\" array.", err);
    if (!bands) return err;
    for (size_t i = 0; i < bands->items.size(); ++i) {
        const json& b = bands->items[i];
        const std::string at = child_pointer("/bands", i);
        maturity_band band;
        if (auto e = read_text(b, "id", at, band.id)) return e;
        if (auto e = read_text(b, "label", at, band.label)) return e;
        if (auto e = read_text(b, "meaning", at, band.meaning)) return e;
        if (auto e = read_bounded_int(b, "min_score", at, 0, 100, band.min_score)) return e;
        // Bands must tile 0..100 from the bottom so every score falls in exactly one.
        const bool ordered = i == 0 ? band.min_score == 0 : band.min_score > bank.bands.back().min_score;
        if (!ordered)
            return bank_error("value", *member(b, "min_score"),
                              "Band \"" + band.id + "\" must start above the previous band (the first at 0).",
                              at + "/min_score", band.id);
        bank.bands.push_back(std::move(band));
    }
    return std::nullopt;
}

std::optional<error> read_question(const json& q, const std::string& at, bool scored, question& out) {
    if (auto e = read_text(q, "id", at, out.id)) return e;
    if (auto e = read_text(q, "text", at, out.text)) return e;
    if (auto e = read_text(q, "help", at, out.help, false)) return e;
    if (scored) {
        if (auto e = read_text(q, "layer", at, out.layer)) return e;
        if (auto e = read_bounded_int(q, "weight", at, 1, 10, out.weight)) return e;
    }
    std::optional<error> err;
    const json* choices = non_empty_array(
        q, "choices", at, 2, "Question \"" + out.id + "\" needs at least two choices.", err, out.id);
    if (!choices) return err;
    std::set<std::string> seen;
    for (size_t i = 0; i < choices->items.size(); ++i) {
        const json& c = choices->items[i];
        const std::string cat = child_pointer(at + "/choices", i);
        answer_choice choice;
        if (auto e = read_text(c, "id", cat, choice.id)) return e;
        if (auto e = read_text(c, "label", cat, choice.label)) return e;
        if (scored)
            if (auto e = read_bounded_int(c, "score", cat, 0, 100, choice.score)) return e;
        if (!seen.insert(choice.id).second)
            return bank_error("duplicate_id", *member(c, "id"),
                              "Question \"" + out.id + "\" has the choice \"" + choice.id + "\" twice.",
                              cat + "/id", out.id);
        out.choices.push_back(std::move(choice));
    }
    return std::nullopt;
}

std::optional<error> read_next_steps(const json& root, question_bank& bank) {
    const json* steps = member(root, "next_steps");
    if (!steps || !steps->is_object())
        return bank_error("missing", steps ? *steps : root,
                          "The diagnostic bank needs a \"next_steps\" object.", "/next_steps");
    for (const bank_layer& layer : bank.layers) {
        const std::string lat = child_pointer("/next_steps", layer.id);
        const json* per_band = member(*steps, layer.id);
        if (!per_band || !per_band->is_object())
            return bank_error("missing", per_band ? *per_band : *steps,
                              "There are no next steps for layer \"" + layer.id + "\".", lat, layer.id);
        for (const maturity_band& band : bank.bands) {
            std::optional<error> err;
            const json* list = non_empty_array(
                *per_band, band.id, lat, 1,
                "There are no next steps for layer \"" + layer.id + "\" in band \"" + band.id + "\".", err,
                layer.id);
            if (!list) return err;
            const std::string bat = child_pointer(lat, band.id);
            layer_advice advice{layer.id, band.id, {}};
            for (size_t i = 0; i < list->items.size(); ++i) {
                const json& s = list->items[i];
                if (!s.is_string() || s.text.empty())
                    return bank_error("type", s, "Each next step must be a non-empty string.",
                                      child_pointer(bat, i), layer.id);
                advice.steps.push_back(s.text);
            }
            bank.next_steps.push_back(std::move(advice));
        }
    }
    return std::nullopt;
}

}  // namespace

result<question_bank> load_question_bank(std::string_view json_text) {
    const auto parsed = read_json_object(json_text, bank_input);
    if (!parsed) return parsed.err();
    const json& root = parsed.value();
    question_bank bank;
    std::string schema;
    if (auto e = read_text(root, "schema", "", schema)) return *e;
    if (schema != bank_schema)
        return bank_error("schema", *member(root, "schema"),
                          "The question bank's schema is \"" + schema + "\", expected \"" +
                              std::string(bank_schema) + "\".",
                          "/schema");
    if (auto e = read_text(root, "bank", "", bank.bank)) return *e;
    if (auto e = read_bounded_int(root, "version", "", 1, 1000000, bank.version)) return *e;
    if (auto e = read_text(root, "title", "", bank.title)) return *e;
    if (auto e = read_text(root, "intro", "", bank.intro)) return *e;
    const bool scored = bank.bank != "snapshot";
    if (scored) {
        if (auto e = read_layers(root, bank)) return *e;
        if (auto e = read_bands(root, bank)) return *e;
    }
    std::optional<error> err;
    const json* questions = non_empty_array(root, "questions", "", 1,
                                            "The question bank needs a non-empty \"questions\" array.", err);
    if (!questions) return *err;
    std::set<std::string> seen;
    for (size_t i = 0; i < questions->items.size(); ++i) {
        const std::string at = child_pointer("/questions", i);
        const json& jq = questions->items[i];
        question q;
        if (auto e = read_question(jq, at, scored, q)) return *e;
        if (!seen.insert(q.id).second)
            return bank_error("duplicate_id", *member(jq, "id"),
                              "The question id \"" + q.id + "\" appears twice.", at + "/id", q.id);
        if (scored) {
            bool known = false;
            for (const bank_layer& l : bank.layers) known = known || l.id == q.layer;
            if (!known)
                return bank_error("value", *member(jq, "layer"),
                                  "Question \"" + q.id + "\" names the unknown layer \"" + q.layer + "\".",
                                  at + "/layer", q.id);
        }
        bank.questions.push_back(std::move(q));
    }
    if (scored) {
        for (const bank_layer& l : bank.layers) {
            bool asked = false;
            for (const question& q : bank.questions) asked = asked || q.layer == l.id;
            if (!asked)
                return bank_error("missing", *questions, "Layer \"" + l.id + "\" has no questions.",
                                  "/questions", l.id);
        }
        if (auto e = read_next_steps(root, bank)) return *e;
    }
    return bank;
}

result<question_bank> diagnostic_bank() {
    return load_question_bank(embedded_file("questions.json"));
}

result<question_bank> snapshot_bank() {
    return load_question_bank(embedded_file("snapshot_questions.json"));
}

}  // namespace revdiag
