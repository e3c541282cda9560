#include "simulate/settings.h"

#include <cmath>

#include "json/object_reader.h"

namespace revdiag::simulate_detail {

namespace {

error fail(const char* code, const json_value& at, const std::string& pointer, const std::string& message) {
    return json_error(options_input, code, at, pointer, message);
}

// A whole number in [lo, hi] at `pointer`, or an error naming the range.
std::optional<error> whole(const json_value& v, const std::string& pointer, int64_t lo, int64_t hi,
                           int64_t& out) {
    if (!v.is_number() || std::floor(v.number) != v.number)
        return fail("type", v, pointer,
                    "The option " + pointer + " must be a whole number, not " + shown_value(v) + ".");
    if (v.number < static_cast<double>(lo) || v.number > static_cast<double>(hi))
        return fail("range", v, pointer,
                    "The option " + pointer + " must be from " + std::to_string(lo) + " to " +
                        std::to_string(hi) + ", not " + shown_value(v) + ".");
    out = static_cast<int64_t>(v.number);
    return std::nullopt;
}

std::optional<error> rate(const json_value& v, const std::string& pointer, double& out) {
    if (!v.is_number() || !(v.number >= 0 && v.number <= 1))
        return fail(v.is_number() ? "range" : "type", v, pointer,
                    "The response rate " + pointer + " must be a daily probability from 0 to 1, not " +
                        shown_value(v) + ".");
    out = v.number;
    return std::nullopt;
}

// Seeds are read exactly up to 2^53 - 1, the largest whole number a JSON number
// carries without rounding in every reader (and in the page's JavaScript).
constexpr int64_t max_seed = (int64_t{1} << 53) - 1;

}  // namespace

result<simulate_settings> read_simulate_settings(const json_value& options) {
    simulate_settings s;
    s.audit_options.kind = json_value::object_v;
    s.audit_options.line = options.line;
    s.audit_options.column = options.column;
    s.set.kind = json_value::object_v;
    for (const json_member& m : options.members) {
        const std::string& key = m.key;
        const json_value& v = m.value;
        const std::string at = child_pointer("", key);
        int64_t n = 0;
        if (key == "days") {
            if (auto e = whole(v, at, 0, 3650, n)) return *e;
            s.forward.days = static_cast<int>(n);
        } else if (key == "trials") {
            if (auto e = whole(v, at, 1, 1000000, n)) return *e;
            s.forecast.trials = static_cast<uint64_t>(n);
        } else if (key == "seed") {
            if (!v.is_number() || std::floor(v.number) != v.number || v.number < 0 ||
                v.number > static_cast<double>(max_seed))
                return fail("type", v, at,
                            "The seed must be a whole number from 0 to 9007199254740991, not " +
                                shown_value(v) + ".");
            s.forward.seed = s.forecast.seed = static_cast<uint64_t>(v.number);
        } else if (key == "horizon") {
            if (v.is_string()) {
                s.horizon_date = parse_iso_date(v.text);
                if (!s.horizon_date)
                    return fail("date", v, at, "The horizon \"" + v.text + "\" is not a YYYY-MM-DD date.");
            } else {
                if (auto e = whole(v, at, 0, 3650, n)) return *e;
                s.horizon_days = static_cast<int>(n);
            }
        } else if (key == "slip_days") {
            if (auto e = whole(v, at, 1, 3650, n)) return *e;
            s.forecast.slip_days = static_cast<int>(n);
        } else if (key == "bins") {
            if (auto e = whole(v, at, 1, 200, n)) return *e;
            s.forecast.bins = static_cast<int>(n);
        } else if (key == "events") {
            if (auto e = whole(v, at, 0, 100000, n)) return *e;
            s.events = static_cast<size_t>(n);
        } else if (key == "target") {
            if (!v.is_number() || !(v.number >= 0) || v.number > 1e15)
                return fail("type", v, at,
                            "The target must be an amount from 0 to 1e15, not " + shown_value(v) + ".");
            s.forecast.target_cents = std::llround(v.number * 100.0);
        } else if (key == "policy") {
            const std::string p = v.is_string() ? v.text : "";
            if (p != "none" && p != "enforced")
                return fail("value", v, at,
                            "The policy must be \"none\" or \"enforced\", not " + shown_value(v) + ".");
            s.forward.policy = p == "none" ? forward_policy::none : forward_policy::enforced;
        } else if (key == "probabilities") {
            const std::string p = v.is_string() ? v.text : "";
            if (p != "process" && p != "learned")
                return fail(
                    "value", v, at,
                    "The probabilities must be \"process\" or \"learned\", not " + shown_value(v) + ".");
            s.forecast.learned = p == "learned";
        } else if (key == "response_rate") {
            s.response_rate = to_ojson(v);
            if (v.is_object()) {
                for (const json_member& r : v.members) {
                    double x = 0;
                    if (auto e = rate(r.value, child_pointer(at, r.key), x)) return *e;
                    s.forward.rates.per_stage.emplace_back(r.key, x);
                }
            } else if (auto e = rate(v, at, s.forward.rates.all)) {
                return *e;
            }
        } else if (key == "parts") {
            if (!v.is_array())
                return fail("type", v, at,
                            "The option /parts must be a list of report parts, not " + shown_value(v) + ".");
            s.what_if = s.forward_part = s.history = s.forecast_part = s.calibration = false;
            for (size_t i = 0; i < v.items.size(); ++i) {
                const std::string part = v.items[i].is_string() ? v.items[i].text : "";
                bool* flag = part == "what_if"       ? &s.what_if
                             : part == "forward"     ? &s.forward_part
                             : part == "history"     ? &s.history
                             : part == "forecast"    ? &s.forecast_part
                             : part == "calibration" ? &s.calibration
                                                     : nullptr;
                if (!flag)
                    return fail("value", v.items[i], child_pointer(at, i),
                                "The part " + shown_value(v.items[i]) +
                                    " is not one of what_if, forward, history, forecast, calibration.");
                *flag = true;
            }
        } else if (key == "set") {
            if (!v.is_object())
                return fail(
                    "type", v, at,
                    "The option /set must be an object of threshold: value, not " + shown_value(v) + ".");
            s.set = v;
        } else {
            s.audit_options.members.push_back(m);  // read_audit_options checks it
        }
    }
    return s;
}

result<std::vector<changed_setting>> apply_settings(process& p, const simulate_settings& s) {
    std::vector<changed_setting> changes;
    thresholds& t = p.limits;
    for (const json_member& m : s.set.members) {
        const std::string& key = m.key;
        const json_value& v = m.value;
        const std::string at = child_pointer("/set", key);
        int* number = key == "follow_up_business_days"    ? &t.follow_up_business_days
                      : key == "reengage_after_days"      ? &t.reengage_after_days
                      : key == "inactive_after_days"      ? &t.inactive_after_days
                      : key == "reengagement_window_days" ? &t.reengagement_window_days
                                                          : nullptr;
        if (number) {
            int64_t n = 0;
            if (auto e = whole(v, at, 0, 3650, n)) return *e;
            if (n != *number) changes.push_back({key, ojson(*number), ojson(n)});
            *number = static_cast<int>(n);
            continue;
        }
        std::vector<std::string>* list = key == "roster"                  ? &t.roster
                                         : key == "owner_shared_patterns" ? &t.owner_shared_patterns
                                                                          : nullptr;
        if (!list)
            return fail("unknown_key", v, at,
                        "The setting \"" + key +
                            "\" is not a process threshold (follow_up_business_days, reengage_after_days, "
                            "inactive_after_days, reengagement_window_days, roster, owner_shared_patterns).");
        std::vector<std::string> values;
        if (!v.is_array())
            return fail("type", v, at,
                        "The setting " + at + " must be a list of names, not " + shown_value(v) + ".");
        for (size_t i = 0; i < v.items.size(); ++i) {
            if (!v.items[i].is_string())
                return fail("type", v.items[i], child_pointer(at, i),
                            "Each name of " + at + " must be text, not " + shown_value(v.items[i]) + ".");
            values.push_back(v.items[i].text);
        }
        if (values != *list) changes.push_back({key, ojson(*list), ojson(values)});
        *list = std::move(values);
    }
    for (const auto& [id, r] : s.forward.rates.per_stage) {
        bool found = false;
        for (const stage& st : p.stages) found = found || st.id == id;
        if (!found)
            return make_error(
                "options.value",
                "The response rate names \"" + id + "\", which is not a stage id of the process.",
                location{"options", 0, 0, child_pointer("/response_rate", id), ""});
    }
    return changes;
}

}  // namespace revdiag::simulate_detail
