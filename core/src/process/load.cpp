// Loading revdiag.process/1: walks the positioned JSON tree, so every error names
// its JSON pointer and its line and column; criteria are compiled here, once.
#include <deque>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "json/object_reader.h"
#include "process/internal.h"
#include "revdiag/csv.h"

namespace revdiag {

namespace {

using jvalue = json_value;

constexpr std::string_view schema_id = "revdiag.process/1";
// Thresholds beyond a hundred years are typos, not policies.
constexpr double max_threshold_days = 36500;

class loader {
public:
    loader(const std::vector<std::string>& extra, const json_source& source, std::string base)
        : extra_(extra), source_(source), base_(std::move(base)) {}

    result<process> run(const jvalue& doc) {
        process p;
        read_process(doc, p);
        if (err_) return *err_;
        return p;
    }

private:
    bool failed() const { return err_.has_value(); }

    // `pointer` is relative to the process; base_ places it in the document that holds it.
    void fail(std::string code, const jvalue& at, const std::string& pointer, std::string message,
              std::string field = {}) {
        fail(make_error(std::move(code), std::move(message),
                        location{std::string(source_.location_source()), at.line, at.column, base_ + pointer,
                                 std::move(field)}));
    }
    // The first error, then every later independent one (another stage, criterion
    // or threshold), up to max_reported_errors in all.
    void fail(std::optional<error> e) {
        if (e) add_error(err_, std::move(*e));
    }
    error* last_error() { return !err_ ? nullptr : err_->also.empty() ? &*err_ : &err_->also.back(); }

    std::string shown(const std::string& pointer) const {
        return base_ + pointer == "" ? "the document" : base_ + pointer;
    }

    bool expect(const jvalue& v, jvalue::kind_t kind, const std::string& pointer) {
        auto e = expect_kind(source_, v, kind, base_ + pointer);
        if (!e) return true;
        fail(std::move(e));
        return false;
    }

    json_object_reader object(const jvalue& obj, const std::string& pointer) const {
        return json_object_reader(obj, source_, base_ + pointer);
    }

    // Unknown keys are errors so that a typo (`buyer_actoin`) never silently drops a setting.
    bool known_keys(const jvalue& obj, const std::string& pointer,
                    std::initializer_list<std::string_view> allowed) {
        auto e = object(obj, pointer).unknown_keys(allowed, shown(pointer));
        if (!e) return true;
        fail(std::move(e));
        return false;
    }

    static const jvalue* member(const jvalue& obj, std::string_view key) { return obj.find(key); }

    void missing(const jvalue& obj, const std::string& pointer, std::string_view key,
                 const std::string& what) {
        std::optional<error> e;
        object(obj, pointer).required(key, what, e);
        fail(std::move(e));
    }

    bool read_text(const jvalue& obj, const std::string& pointer, std::string_view key, std::string& out,
                   const std::string& owner_desc, bool required) {
        const jvalue* v = member(obj, key);
        if (!v) {
            if (required) missing(obj, pointer, key, owner_desc);
            return !required;
        }
        if (!expect(*v, jvalue::string_v, child_pointer(pointer, key))) return false;
        if (!is_utf8(*v, child_pointer(pointer, key))) return false;
        // Rules are bounded by the rule compiler (rule.too_long), with their own message.
        if (key != "rule" && !within_length(*v, child_pointer(pointer, key), key == "id" || key == "name"))
            return false;
        out = v->text;
        return true;
    }

    // JSON text is UTF-8 (RFC 8259): other bytes would print back as U+FFFD and
    // load as another process, so they are refused where they stand.
    bool is_utf8(const jvalue& v, const std::string& ptr) {
        if (is_valid_utf8(v.text)) return true;
        fail("process.encoding", v, ptr, ptr + " holds bytes that are not UTF-8.");
        return false;
    }

    // The text is never echoed: a megabyte-long id would flood the message.
    bool within_length(const jvalue& v, const std::string& ptr, bool identifier) {
        const size_t most = identifier ? max_identifier_bytes : max_process_text_bytes;
        if (v.text.size() <= most) return true;
        fail(identifier ? "process.identifier_too_long" : "process.text_too_long", v, ptr,
             ptr + " is " + std::to_string(v.text.size()) + " bytes long; " +
                 (identifier ? "ids, names, aliases and people" : "a text") + " may have at most " +
                 std::to_string(most) + ".");
        return false;
    }

    bool within_count(const jvalue& v, const std::string& ptr, size_t most, const char* code,
                      const char* what) {
        if (v.items.size() <= most) return true;
        fail(code, v, ptr,
             ptr + " has " + std::to_string(v.items.size()) + " " + what + "; the limit is " +
                 std::to_string(most) + ".");
        return false;
    }

    bool read_flag(const jvalue& obj, const std::string& pointer, std::string_view key, bool& out) {
        const jvalue* v = member(obj, key);
        if (!v) return true;
        if (!expect(*v, jvalue::bool_v, child_pointer(pointer, key))) return false;
        out = v->boolean;
        return true;
    }

    bool read_days(const jvalue& obj, const std::string& pointer, std::string_view key, int& out) {
        const jvalue* v = member(obj, key);
        if (!v) return true;
        const std::string ptr = child_pointer(pointer, key);
        if (!expect(*v, jvalue::number_v, ptr)) return false;
        if (!v->integral || v->number < 0 || v->number > max_threshold_days) {
            fail("process.value", *v, ptr,
                 shown(ptr) + " must be a whole number of days from 0 to 36500, got " +
                     dump_json(ojson(v->number)) + ".");
            return false;
        }
        out = static_cast<int>(v->number);
        return true;
    }

    bool read_texts(const jvalue& obj, const std::string& pointer, std::string_view key,
                    std::vector<std::string>& out) {
        const jvalue* v = member(obj, key);
        if (!v) return true;
        const std::string ptr = child_pointer(pointer, key);
        if (!expect(*v, jvalue::array_v, ptr)) return false;
        const bool aliases = key == "aliases";
        if (!within_count(*v, ptr, aliases ? max_stage_aliases : max_threshold_values,
                          aliases ? "process.too_many_aliases" : "process.too_many_values",
                          aliases ? "aliases" : "values"))
            return false;
        out.clear();
        for (size_t i = 0; i < v->items.size(); ++i) {
            const std::string item_ptr = child_pointer(ptr, i);
            if (!expect(v->items[i], jvalue::string_v, item_ptr)) return false;
            if (!is_utf8(v->items[i], item_ptr) || !within_length(v->items[i], item_ptr, true)) return false;
            if (v->items[i].text.find_first_not_of(" \t") == std::string::npos) {
                fail("process.value", v->items[i], item_ptr, shown(item_ptr) + " is empty.");
                return false;
            }
            out.push_back(v->items[i].text);
        }
        return true;
    }

    void read_process(const jvalue& doc, process& p) {
        if (!expect(doc, jvalue::object_v, "")) return;
        if (!known_keys(doc, "", {"schema", "name", "stages", "thresholds"})) return;
        const jvalue* schema = member(doc, "schema");
        if (!schema) {
            fail("process.schema", doc, "/schema",
                 "The process has no `schema`: add \"schema\": \"revdiag.process/1\".");
            return;
        }
        if (schema->kind != jvalue::string_v || schema->text != schema_id) {
            fail("process.schema", *schema, "/schema",
                 "The schema must be \"revdiag.process/1\", got " +
                     (schema->kind == jvalue::string_v ? "\"" + schema->text + "\""
                                                       : std::string(kind_name(schema->kind))) +
                     ".");
            return;
        }
        if (!read_text(doc, "", "name", p.name, "The process", false)) return;
        const jvalue* stages = member(doc, "stages");
        if (!stages) return missing(doc, "", "stages", "The process");
        if (!expect(*stages, jvalue::array_v, "/stages")) return;
        if (stages->items.empty()) {
            fail("process.value", *stages, "/stages", "The process has no stages.");
            return;
        }
        if (!within_count(*stages, "/stages", max_process_stages, "process.too_many_stages", "stages"))
            return;
        // Stages, their criteria and the thresholds are read on past a mistake, so
        // that one check reports each of them; uniqueness only of a clean read.
        for (size_t i = 0; i < stages->items.size(); ++i) {
            stage s;
            read_stage(stages->items[i], child_pointer("/stages", i), s);
            p.stages.push_back(std::move(s));
        }
        if (const jvalue* t = member(doc, "thresholds")) read_thresholds(*t, p.limits);
        if (failed()) return;
        check_unique(*stages, p);
    }

    void read_stage(const jvalue& v, const std::string& ptr, stage& s) {
        if (!expect(v, jvalue::object_v, ptr)) return;
        if (!known_keys(v, ptr,
                        {"id", "name", "buyer_action", "owner_role", "aliases", "probability", "criteria",
                         "closed_won", "closed_lost", "follow_up", "holding"}))
            return;
        if (!read_text(v, ptr, "id", s.id, "The stage", true)) return;
        if (s.id.find_first_not_of(" \t") == std::string::npos) {
            fail("process.value", *member(v, "id"), ptr + "/id",
                 "The stage at " + shown(ptr) + " has an empty id.");
            return;
        }
        if (!read_text(v, ptr, "name", s.name, "The stage", true)) return;
        if (process_detail::stage_key(s.name).empty()) {
            fail("process.value", *member(v, "name"), ptr + "/name",
                 "The name of stage " + s.id + " has no letters or digits.", s.id);
            return;
        }
        if (!read_text(v, ptr, "buyer_action", s.buyer_action, "The stage", false)) return;
        if (!read_text(v, ptr, "owner_role", s.owner_role, "The stage", false)) return;
        if (!read_texts(v, ptr, "aliases", s.aliases)) return;
        if (!read_flag(v, ptr, "closed_won", s.closed_won) ||
            !read_flag(v, ptr, "closed_lost", s.closed_lost) ||
            !read_flag(v, ptr, "follow_up", s.follow_up) || !read_flag(v, ptr, "holding", s.holding))
            return;
        const jvalue* prob = member(v, "probability");
        if (!prob) return missing(v, ptr, "probability", "The stage");
        if (!expect(*prob, jvalue::number_v, ptr + "/probability")) return;
        if (prob->number < 0 || prob->number > 1) {
            // Percent-style values are refused rather than guessed: is 1 then 1% or 100%?
            fail("process.value", *prob, ptr + "/probability",
                 "The probability of stage " + s.id + " is " + dump_json(ojson(prob->number)) +
                     "; write it from 0 to 1 (0.6 for 60%).",
                 s.id);
            return;
        }
        s.probability = prob->number;
        if (s.closed_won && s.closed_lost) {
            fail("process.value", v, ptr, "Stage " + s.id + " cannot be both closed_won and closed_lost.",
                 s.id);
            return;
        }
        if (s.holding && (s.closed_won || s.closed_lost)) {
            fail("process.value", v, ptr,
                 "Stage " + s.id + " cannot be both a holding stage and a closed stage.", s.id);
            return;
        }
        if (const jvalue* criteria = member(v, "criteria")) {
            if (!expect(*criteria, jvalue::array_v, ptr + "/criteria")) return;
            if (!within_count(*criteria, ptr + "/criteria", max_stage_criteria, "process.too_many_criteria",
                              "criteria"))
                return;
            for (size_t j = 0; j < criteria->items.size(); ++j) {
                criterion c;
                read_criterion(criteria->items[j], ptr + "/criteria/" + std::to_string(j), s, c);
                s.criteria.push_back(std::move(c));
            }
        }
    }

    void read_criterion(const jvalue& v, const std::string& ptr, const stage& s, criterion& c) {
        if (!expect(v, jvalue::object_v, ptr)) return;
        if (!known_keys(v, ptr, {"id", "label", "rule"})) return;
        if (!read_text(v, ptr, "id", c.id, "The criterion", true)) return;
        if (c.id.find_first_not_of(" \t") == std::string::npos) {
            fail("process.value", *member(v, "id"), ptr + "/id",
                 "The criterion at " + shown(ptr) + " has an empty id.");
            return;
        }
        if (!read_text(v, ptr, "label", c.label, "The criterion", false)) return;
        if (!read_text(v, ptr, "rule", c.rule, "The criterion", true)) return;
        result<rule_program> program = compile_rule(c.rule, extra_);
        if (program) {
            c.program = std::move(*program);
            return;
        }
        // The rule's own code (rule.type, rule.syntax, ...) is kept; the location
        // moves into the file: same line, and the exact column when the string
        // has no escapes (each rule character is then one file character).
        const jvalue& rule_value = *member(v, "rule");
        const error& e = program.err();
        jvalue pos = rule_value;
        if (rule_value.plain && e.at.column > 0) pos.column = rule_value.column + e.at.column;
        fail(e.code, pos, ptr + "/rule", "Stage " + s.id + ", criterion " + c.id + ": " + e.message, c.id);
        // The column inside the rule text is exact even when the file's is not: the
        // page shows it beside the rule field.
        if (error* last = last_error()) last->at.rule_column = e.at.column;
    }

    void read_thresholds(const jvalue& v, thresholds& t) {
        const std::string ptr = "/thresholds";
        if (!expect(v, jvalue::object_v, ptr)) return;
        if (!known_keys(v, ptr,
                        {"follow_up_business_days", "reengage_after_days", "inactive_after_days",
                         "reengagement_window_days", "owner_shared_patterns", "roster"}))
            return;
        if (!read_days(v, ptr, "follow_up_business_days", t.follow_up_business_days) ||
            !read_days(v, ptr, "reengage_after_days", t.reengage_after_days) ||
            !read_days(v, ptr, "inactive_after_days", t.inactive_after_days) ||
            !read_days(v, ptr, "reengagement_window_days", t.reengagement_window_days))
            return;
        if (!read_texts(v, ptr, "owner_shared_patterns", t.owner_shared_patterns)) return;
        read_texts(v, ptr, "roster", t.roster);
    }

    // Ids must be unique, and every spelling a stage answers to (id, name,
    // aliases) must name one stage only, or match_stage would be ambiguous.
    // Hash lookups keep the check linear in the number of spellings.
    void check_unique(const jvalue& stages, const process& p) {
        std::unordered_map<std::string_view, size_t> stage_ids, keys;
        std::unordered_set<std::string_view> criterion_ids;
        std::deque<std::string> key_texts;  // owns the keys the map views; never moves them
        int holding = 0;
        for (size_t i = 0; i < p.stages.size() && !failed(); ++i) {
            const stage& s = p.stages[i];
            const jvalue& sv = stages.items[i];
            const std::string ptr = child_pointer("/stages", i);
            if (s.holding && ++holding > 1) {
                fail("process.value", sv, ptr + "/holding",
                     "Only one stage may be the holding stage; " + s.id + " is a second.", s.id);
                return;
            }
            if (const auto [at, added] = stage_ids.emplace(s.id, i); !added) {
                fail("process.duplicate_id", *member(sv, "id"), ptr + "/id",
                     "The stage id " + s.id + " is used twice (also at /stages/" +
                         std::to_string(at->second) + ").",
                     s.id);
                return;
            }
            struct spelling_at {
                const std::string& text;
                std::string where;
                const jvalue* value;
            };
            std::vector<spelling_at> spellings{{s.id, "/id", member(sv, "id")},
                                               {s.name, "/name", member(sv, "name")}};
            for (size_t a = 0; a < s.aliases.size(); ++a)
                spellings.push_back(
                    {s.aliases[a], "/aliases/" + std::to_string(a), &member(sv, "aliases")->items[a]});
            for (const auto& [spelling, where, value] : spellings) {
                key_texts.push_back(process_detail::stage_key(spelling));
                const std::string& key = key_texts.back();
                const auto [at, added] = keys.emplace(key, i);
                if (!added && at->second != i) {
                    fail("process.duplicate_id", *value, ptr + where,
                         "`" + spelling + "` of stage " + s.id + " already names stage " +
                             p.stages[at->second].id + ".",
                         s.id);
                    return;
                }
                if (key.empty()) {
                    fail("process.value", *value, ptr + where,
                         "`" + spelling + "` of stage " + s.id +
                             " has no letters or digits to match deals by.",
                         s.id);
                    return;
                }
            }
            for (size_t c = 0; c < s.criteria.size(); ++c) {
                const std::string& id = s.criteria[c].id;
                if (criterion_ids.insert(id).second) continue;
                const jvalue& cv = member(sv, "criteria")->items[c];
                fail("process.duplicate_id", *member(cv, "id"),
                     ptr + "/criteria/" + std::to_string(c) + "/id",
                     "The criterion id " + id + " is used twice; findings name criteria by id.", id);
                return;
            }
        }
    }

    const std::vector<std::string>& extra_;
    const json_source& source_;
    std::string base_;
    std::optional<error> err_;
};

}  // namespace

result<process> load_process(std::string_view json_text, const std::vector<std::string>& extra_fields) {
    result<json_value> doc = read_json(json_text, process_input);
    if (!doc) return doc.err();
    return loader(extra_fields, process_input, "").run(*doc);
}

namespace process_detail {

result<process> load_process(const json_value& doc, const json_source& source, const std::string& pointer,
                             const std::vector<std::string>& extra_fields) {
    return loader(extra_fields, source, pointer).run(doc);
}

}  // namespace process_detail

}  // namespace revdiag
