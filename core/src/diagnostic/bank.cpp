// Loading and validating question banks. The banks are data written by people,
// so every structural promise the scorer relies on (weights, scores in range,
// advice for every layer and band) is checked here once, with a pointer to the
// member at fault.
#include <optional>
#include <set>

#include "common/embedded.h"
#include "diagnostic/json_read.h"
#include "json/envelope.h"
#include "revdiag/diagnostic.h"

namespace revdiag {

namespace {

using diag::error_at;
using diag::member;
using diag::pointer_token;
using nlohmann::json;

constexpr std::string_view bank_schema = "revdiag.questions/1";

error bank_error(std::string code, std::string message, std::string pointer, std::string field = {}) {
    return error_at(std::move(code), std::move(message), "bank", std::move(pointer), std::move(field));
}

// Reads a required string member; `out` keeps its value when the member is optional and absent.
std::optional<error> read_text(const json& obj, std::string_view key, const std::string& at, std::string& out,
                               bool required = true) {
    const json* v = member(obj, key);
    if (!v) {
        if (!required) return std::nullopt;
        return bank_error("bank.missing",
                          "The question bank has no \"" + std::string(key) + "\" at " + at + ".",
                          at + "/" + std::string(key));
    }
    if (!v->is_string() || (required && v->get_ref<const std::string&>().empty()))
        return bank_error("bank.type",
                          "\"" + std::string(key) + "\" at " + at + " must be a non-empty string.",
                          at + "/" + std::string(key));
    out = v->get<std::string>();
    return std::nullopt;
}

std::optional<error> read_bounded_int(const json& obj, std::string_view key, const std::string& at, int lo,
                                      int hi, int& out, bool required = true) {
    const json* v = member(obj, key);
    const std::string where = at + "/" + std::string(key);
    if (!v) {
        if (!required) return std::nullopt;
        return bank_error("bank.missing",
                          "The question bank has no \"" + std::string(key) + "\" at " + at + ".", where);
    }
    int n = 0;
    if (!diag::read_int(*v, n) || n < lo || n > hi)
        return bank_error("bank.value",
                          "\"" + std::string(key) + "\" at " + at + " must be a whole number from " +
                              std::to_string(lo) + " to " + std::to_string(hi) + ".",
                          where);
    out = n;
    return std::nullopt;
}

std::optional<error> read_layers(const json& root, question_bank& bank) {
    const json* layers = member(root, "layers");
    if (!layers || !layers->is_array() || layers->empty())
        return bank_error("bank.missing", "The diagnostic bank needs a non-empty \"layers\" array.",
                          "/layers");
    std::set<std::string> seen;
    for (size_t i = 0; i < layers->size(); ++i) {
        const json& l = (*layers)[i];
        const std::string at = "/layers/" + std::to_string(i);
        bank_layer layer;
        if (auto e = read_text(l, "id", at, layer.id)) return e;
        if (auto e = read_text(l, "name", at, layer.name)) return e;
        if (auto e = read_text(l, "summary", at, layer.summary)) return e;
        if (const json* a = member(l, "audited")) {
            if (!a->is_boolean())
                return bank_error("bank.type", "\"audited\" at " + at + " must be true or false.",
                                  at + "/audited");
            layer.audited = a->get<bool>();
        }
        if (!seen.insert(layer.id).second)
            return bank_error("bank.duplicate_id", "The layer id \"" + layer.id + "\" appears twice.",
                              at + "/id", layer.id);
        bank.layers.push_back(std::move(layer));
    }
    return std::nullopt;
}

std::optional<error> read_bands(const json& root, question_bank& bank) {
    const json* bands = member(root, "bands");
    if (!bands || !bands->is_array() || bands->empty())
        return bank_error("bank.missing", "The diagnostic bank needs a non-empty \"bands\" array.", "/bands");
    for (size_t i = 0; i < bands->size(); ++i) {
        const json& b = (*bands)[i];
        const std::string at = "/bands/" + std::to_string(i);
        maturity_band band;
        if (auto e = read_text(b, "id", at, band.id)) return e;
        if (auto e = read_text(b, "label", at, band.label)) return e;
        if (auto e = read_text(b, "meaning", at, band.meaning)) return e;
        if (auto e = read_bounded_int(b, "min_score", at, 0, 100, band.min_score)) return e;
        // Bands must tile 0..100 from the bottom so every score falls in exactly one.
        const bool ordered = i == 0 ? band.min_score == 0 : band.min_score > bank.bands.back().min_score;
        if (!ordered)
            return bank_error("bank.value",
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
    const json* choices = member(q, "choices");
    if (!choices || !choices->is_array() || choices->size() < 2)
        return bank_error("bank.missing", "Question \"" + out.id + "\" needs at least two choices.",
                          at + "/choices", out.id);
    std::set<std::string> seen;
    for (size_t i = 0; i < choices->size(); ++i) {
        const json& c = (*choices)[i];
        const std::string cat = at + "/choices/" + std::to_string(i);
        answer_choice choice;
        if (auto e = read_text(c, "id", cat, choice.id)) return e;
        if (auto e = read_text(c, "label", cat, choice.label)) return e;
        if (scored)
            if (auto e = read_bounded_int(c, "score", cat, 0, 100, choice.score)) return e;
        if (!seen.insert(choice.id).second)
            return bank_error("bank.duplicate_id",
                              "Question \"" + out.id + "\" has the choice \"" + choice.id + "\" twice.",
                              cat + "/id", out.id);
        out.choices.push_back(std::move(choice));
    }
    return std::nullopt;
}

std::optional<error> read_next_steps(const json& root, question_bank& bank) {
    const json* steps = member(root, "next_steps");
    if (!steps || !steps->is_object())
        return bank_error("bank.missing", "The diagnostic bank needs a \"next_steps\" object.",
                          "/next_steps");
    for (const bank_layer& layer : bank.layers) {
        const std::string lat = "/next_steps/" + pointer_token(layer.id);
        const json* per_band = member(*steps, layer.id);
        if (!per_band || !per_band->is_object())
            return bank_error("bank.missing", "There are no next steps for layer \"" + layer.id + "\".", lat,
                              layer.id);
        for (const maturity_band& band : bank.bands) {
            const std::string bat = lat + "/" + pointer_token(band.id);
            const json* list = member(*per_band, band.id);
            if (!list || !list->is_array() || list->empty())
                return bank_error(
                    "bank.missing",
                    "There are no next steps for layer \"" + layer.id + "\" in band \"" + band.id + "\".",
                    bat, layer.id);
            layer_advice advice{layer.id, band.id, {}};
            for (size_t i = 0; i < list->size(); ++i) {
                const json& s = (*list)[i];
                if (!s.is_string() || s.get_ref<const std::string&>().empty())
                    return bank_error("bank.type", "Each next step must be a non-empty string.",
                                      bat + "/" + std::to_string(i), layer.id);
                advice.steps.push_back(s.get<std::string>());
            }
            bank.next_steps.push_back(std::move(advice));
        }
    }
    return std::nullopt;
}

}  // namespace

result<question_bank> load_question_bank(std::string_view json_text) {
    const auto parsed = parse_json_object(json_text, "bank");
    if (!parsed) return parsed.err();
    const json& root = parsed.value();
    question_bank bank;
    std::string schema;
    if (auto e = read_text(root, "schema", "", schema)) return *e;
    if (schema != bank_schema)
        return bank_error("bank.schema",
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
    const json* questions = member(root, "questions");
    if (!questions || !questions->is_array() || questions->empty())
        return bank_error("bank.missing", "The question bank needs a non-empty \"questions\" array.",
                          "/questions");
    std::set<std::string> seen;
    for (size_t i = 0; i < questions->size(); ++i) {
        const std::string at = "/questions/" + std::to_string(i);
        question q;
        if (auto e = read_question((*questions)[i], at, scored, q)) return *e;
        if (!seen.insert(q.id).second)
            return bank_error("bank.duplicate_id", "The question id \"" + q.id + "\" appears twice.",
                              at + "/id", q.id);
        if (scored) {
            bool known = false;
            for (const bank_layer& l : bank.layers) known = known || l.id == q.layer;
            if (!known)
                return bank_error("bank.value",
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
                return bank_error("bank.missing", "Layer \"" + l.id + "\" has no questions.", "/questions",
                                  l.id);
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
