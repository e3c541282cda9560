#include "simulate/settings.h"

#include <cmath>

namespace revdiag::simulate_detail {

namespace {

using json = nlohmann::json;

std::string token(std::string_view key) {
    std::string out;
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out.push_back(c);
    }
    return out;
}

error fail(const char* code, const std::string& pointer, const std::string& message) {
    return make_error(code, message, location{"options", 0, 0, pointer, ""});
}

std::string shown(const json& v) {
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A whole number in [lo, hi] at `pointer`, or an error naming the range.
std::optional<error> whole(const json& v, const std::string& pointer, int64_t lo, int64_t hi, int64_t& out) {
    if (!v.is_number_integer() && !(v.is_number_float() && std::floor(v.get<double>()) == v.get<double>()))
        return fail("options.type", pointer,
                    "The option " + pointer + " must be a whole number, not " + shown(v) + ".");
    const double d = v.get<double>();
    if (d < static_cast<double>(lo) || d > static_cast<double>(hi))
        return fail("options.range", pointer,
                    "The option " + pointer + " must be from " + std::to_string(lo) + " to " +
                        std::to_string(hi) + ", not " + shown(v) + ".");
    out = v.is_number_integer() ? v.get<int64_t>() : static_cast<int64_t>(d);
    return std::nullopt;
}

std::optional<error> rate(const json& v, const std::string& pointer, double& out) {
    if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() <= 1))
        return fail(v.is_number() ? "options.range" : "options.type", pointer,
                    "The response rate " + pointer + " must be a daily probability from 0 to 1, not " +
                        shown(v) + ".");
    out = v.get<double>();
    return std::nullopt;
}

}  // namespace

result<simulate_settings> read_simulate_settings(const json& options) {
    simulate_settings s;
    for (auto it = options.begin(); it != options.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        const std::string at = "/" + token(key);
        int64_t n = 0;
        if (key == "days") {
            if (auto e = whole(v, at, 0, 3650, n)) return *e;
            s.forward.days = static_cast<int>(n);
        } else if (key == "trials") {
            if (auto e = whole(v, at, 1, 1000000, n)) return *e;
            s.forecast.trials = static_cast<uint64_t>(n);
        } else if (key == "seed") {
            if (!v.is_number_unsigned())
                return fail("options.type", at,
                            "The seed must be a whole number of 0 or more, not " + shown(v) + ".");
            s.forward.seed = s.forecast.seed = v.get<uint64_t>();
        } else if (key == "horizon") {
            if (v.is_string()) {
                s.horizon_date = parse_iso_date(v.get<std::string>());
                if (!s.horizon_date)
                    return fail("options.date", at,
                                "The horizon \"" + v.get<std::string>() + "\" is not a YYYY-MM-DD date.");
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
            if (!v.is_number() || !(v.get<double>() >= 0) || v.get<double>() > 1e15)
                return fail("options.type", at,
                            "The target must be an amount of 0 or more, not " + shown(v) + ".");
            s.forecast.target_cents = std::llround(v.get<double>() * 100.0);
        } else if (key == "policy") {
            const std::string p = v.is_string() ? v.get<std::string>() : "";
            if (p != "none" && p != "enforced")
                return fail("options.value", at,
                            "The policy must be \"none\" or \"enforced\", not " + shown(v) + ".");
            s.forward.policy = p == "none" ? forward_policy::none : forward_policy::enforced;
        } else if (key == "probabilities") {
            const std::string p = v.is_string() ? v.get<std::string>() : "";
            if (p != "process" && p != "learned")
                return fail("options.value", at,
                            "The probabilities must be \"process\" or \"learned\", not " + shown(v) + ".");
            s.forecast.learned = p == "learned";
        } else if (key == "response_rate") {
            s.response_rate = v;
            if (v.is_object()) {
                for (auto r = v.begin(); r != v.end(); ++r) {
                    double x = 0;
                    if (auto e = rate(r.value(), at + "/" + token(r.key()), x)) return *e;
                    s.forward.rates.per_stage.emplace_back(r.key(), x);
                }
            } else if (auto e = rate(v, at, s.forward.rates.all)) {
                return *e;
            }
        } else if (key == "parts") {
            if (!v.is_array())
                return fail("options.type", at,
                            "The option /parts must be a list of report parts, not " + shown(v) + ".");
            s.what_if = s.forward_part = s.history = s.forecast_part = s.calibration = false;
            for (size_t i = 0; i < v.size(); ++i) {
                const std::string part = v[i].is_string() ? v[i].get<std::string>() : "";
                bool* flag = part == "what_if"       ? &s.what_if
                             : part == "forward"     ? &s.forward_part
                             : part == "history"     ? &s.history
                             : part == "forecast"    ? &s.forecast_part
                             : part == "calibration" ? &s.calibration
                                                     : nullptr;
                if (!flag)
                    return fail("options.value", at + "/" + std::to_string(i),
                                "The part " + shown(v[i]) +
                                    " is not one of what_if, forward, history, forecast, calibration.");
                *flag = true;
            }
        } else if (key == "set") {
            if (!v.is_object())
                return fail("options.type", at,
                            "The option /set must be an object of threshold: value, not " + shown(v) + ".");
            s.set = v;
        } else {
            s.audit_options[key] = v;  // read_audit_options checks it
        }
    }
    return s;
}

result<std::vector<changed_setting>> apply_settings(process& p, const simulate_settings& s) {
    std::vector<changed_setting> changes;
    thresholds& t = p.limits;
    for (auto it = s.set.begin(); it != s.set.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        const std::string at = "/set/" + token(key);
        int* number = key == "follow_up_business_days"    ? &t.follow_up_business_days
                      : key == "reengage_after_days"      ? &t.reengage_after_days
                      : key == "inactive_after_days"      ? &t.inactive_after_days
                      : key == "reengagement_window_days" ? &t.reengagement_window_days
                                                          : nullptr;
        if (number) {
            int64_t n = 0;
            if (auto e = whole(v, at, 0, 3650, n)) return *e;
            if (n != *number) changes.push_back({key, *number, n});
            *number = static_cast<int>(n);
            continue;
        }
        std::vector<std::string>* list = key == "roster"                  ? &t.roster
                                         : key == "owner_shared_patterns" ? &t.owner_shared_patterns
                                                                          : nullptr;
        if (!list)
            return fail("options.unknown_key", at,
                        "The setting \"" + key +
                            "\" is not a process threshold (follow_up_business_days, reengage_after_days, "
                            "inactive_after_days, reengagement_window_days, roster, owner_shared_patterns).");
        std::vector<std::string> values;
        if (!v.is_array())
            return fail("options.type", at,
                        "The setting " + at + " must be a list of names, not " + shown(v) + ".");
        for (size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string())
                return fail("options.type", at + "/" + std::to_string(i),
                            "Each name of " + at + " must be text, not " + shown(v[i]) + ".");
            values.push_back(v[i].get<std::string>());
        }
        if (values != *list) changes.push_back({key, *list, values});
        *list = std::move(values);
    }
    for (const auto& [id, r] : s.forward.rates.per_stage) {
        bool found = false;
        for (const stage& st : p.stages) found = found || st.id == id;
        if (!found)
            return fail("options.value", "/response_rate/" + token(id),
                        "The response rate names \"" + id + "\", which is not a stage id of the process.");
    }
    return changes;
}

}  // namespace revdiag::simulate_detail
