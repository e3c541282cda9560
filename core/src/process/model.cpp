// The embedded default process, serialization, stage matching and shared-owner
// detection: the read-only questions the audit asks of a loaded process.
#include "common/embedded.h"
#include "process/internal.h"

namespace revdiag {

namespace process_detail {

ojson process_to_ojson(const process& p) {
    ojson j;
    j["schema"] = "revdiag.process/1";
    j["name"] = p.name;
    ojson stages = ojson::array();
    for (const stage& s : p.stages) {
        ojson js;
        js["id"] = s.id;
        js["name"] = s.name;
        js["buyer_action"] = s.buyer_action;
        js["owner_role"] = s.owner_role;
        js["probability"] = s.probability;
        js["aliases"] = s.aliases;
        ojson criteria = ojson::array();
        for (const criterion& c : s.criteria) {
            ojson jc;
            jc["id"] = c.id;
            jc["label"] = c.label;
            jc["rule"] = c.rule;
            criteria.push_back(std::move(jc));
        }
        js["criteria"] = std::move(criteria);
        // Flags appear only when set, so a stage reads as what it is.
        if (s.closed_won) js["closed_won"] = true;
        if (s.closed_lost) js["closed_lost"] = true;
        if (s.follow_up) js["follow_up"] = true;
        if (s.holding) js["holding"] = true;
        stages.push_back(std::move(js));
    }
    j["stages"] = std::move(stages);
    ojson t;
    t["follow_up_business_days"] = p.limits.follow_up_business_days;
    t["reengage_after_days"] = p.limits.reengage_after_days;
    t["inactive_after_days"] = p.limits.inactive_after_days;
    t["reengagement_window_days"] = p.limits.reengagement_window_days;
    t["owner_shared_patterns"] = p.limits.owner_shared_patterns;
    t["roster"] = p.limits.roster;
    j["thresholds"] = std::move(t);
    return j;
}

}  // namespace process_detail

const process& default_process() {
    // Loaded once; the embedded file is checked by the tests, so the empty
    // fallback only guards against a broken build, never a user's input.
    static const process p = [] {
        result<process> r = load_process(embedded_file("default_process.json"));
        return r ? std::move(*r) : process{};
    }();
    return p;
}

std::string to_json(const process& p) {
    return process_detail::process_to_ojson(p).dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

namespace {
// The spelling names the stage when its key is the recorded name's key: the
// engine's one name key (common/stage_key.h), so that every comparison agrees.
// It runs once per distinct recorded name, so building keys here is cheap.
bool key_matches(std::string_view spelling, std::string_view key) {
    return process_detail::stage_key(spelling) == key;
}
}  // namespace

int match_stage(const process& p, std::string_view recorded) {
    const std::string key = process_detail::stage_key(recorded);
    if (key.empty()) return -1;
    for (size_t i = 0; i < p.stages.size(); ++i) {
        const stage& s = p.stages[i];
        if (key_matches(s.id, key) || key_matches(s.name, key)) return static_cast<int>(i);
        for (const std::string& a : s.aliases)
            if (key_matches(a, key)) return static_cast<int>(i);
    }
    return -1;
}

namespace {

bool is_word_char(char ch) {
    const unsigned char c = static_cast<unsigned char>(ch);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when `pattern` occurs in `text` (ASCII case ignored) starting at a word
// boundary and, unless the pattern ends in `@` (a mailbox prefix), ending at one.
bool contains_word(std::string_view text, std::string_view pattern) {
    if (pattern.empty() || pattern.size() > text.size()) return false;
    const bool mailbox = pattern.back() == '@';
    for (size_t i = 0; i + pattern.size() <= text.size(); ++i) {
        if (i > 0 && is_word_char(text[i - 1]) && is_word_char(pattern.front())) continue;
        size_t k = 0;
        while (k < pattern.size() && lower(text[i + k]) == lower(pattern[k])) ++k;
        if (k != pattern.size()) continue;
        const size_t end = i + k;
        if (mailbox || end == text.size() || !is_word_char(text[end]) || !is_word_char(pattern.back()))
            return true;
    }
    return false;
}

}  // namespace

bool is_shared_owner(const thresholds& t, std::string_view owner) {
    for (const std::string& p : t.owner_shared_patterns) {
        // Patterns are trimmed so " team" in a hand-written file still matches.
        const size_t a = p.find_first_not_of(" \t");
        if (a == std::string::npos) continue;
        const size_t b = p.find_last_not_of(" \t");
        if (contains_word(owner, std::string_view(p).substr(a, b - a + 1))) return true;
    }
    return false;
}

}  // namespace revdiag
