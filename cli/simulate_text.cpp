#include "simulate_text.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace revdiag::cli {
namespace {

using json = nlohmann::json;

// 1234567.5 -> "1,234,568" (whole units: a forecast is not read to the cent).
std::string whole_units(const json& v) {
    if (!v.is_number()) return "-";
    const double x = v.get<double>();
    const long long units = std::llround(std::fabs(x));
    const std::string digits = std::to_string(units);
    std::string out = x < 0 && units != 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string aligned(std::string s, size_t width, bool right = true) {
    if (s.size() >= width) return s + " ";
    return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
    return buf;
}

std::string sparkline(const json& days) {
    static const char* const bars[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                       "\u2585", "\u2586", "\u2587", "\u2588"};
    double hi = 0;
    for (const json& d : days) hi = std::max(hi, d["real_total"].get<double>());
    // At most 46 marks: one per day, or one per few days on a long series.
    const size_t step = (days.size() + 45) / 46;
    std::string out;
    for (size_t i = 0; i < days.size(); i += step) {
        const double v = days[i]["real_total"].get<double>();
        const int level = hi > 0 ? static_cast<int>(std::lround(7.0 * v / hi)) : 0;
        out += bars[level];
    }
    return out;
}

void what_if(std::ostringstream& o, const json& r) {
    const json& w = r["what_if"];
    const json& s = w["summary"];
    o << "revdiag simulate as of " << r["as_of"].get<std::string>() << ": "
      << s["open_deals"].get<long long>() << " open deals\n";
    if (w["changes"].empty()) {
        o << "What-if: the process as given (no setting changed)\n";
    } else {
        o << "What-if:";
        for (const json& c : w["changes"])
            o << "  " << c["setting"].get<std::string>() << " " << c["from"].dump() << " -> "
              << c["to"].dump();
        o << "\n";
    }
    o << "Pipeline  stated " << whole_units(s["stated_total"]) << "  ->  real "
      << whole_units(s["real_total"]) << "   weakest layer: "
      << (s["weakest_layer"].is_string() ? s["weakest_layer"].get<std::string>() : "none") << "\n\n";
}

void forward(std::ostringstream& o, const json& f) {
    const json& days = f["days"];
    o << "Forward " << days.size() - 1 << " days, policy " << f["policy"].get<std::string>()
      << ", response rate " << f["response_rate"].dump() << "\n";
    o << aligned("day", 5) << "  " << aligned("date", 11, false) << aligned("open", 7) << aligned("real", 14)
      << aligned("deals", 7) << aligned("follow-up", 11) << aligned("re-engage", 11) << aligned("stale", 7)
      << aligned("archive", 9) << aligned("closed?", 9) << "\n";
    for (size_t i = 0; i < days.size(); ++i) {
        if (i % 7 != 0 && i + 1 != days.size()) continue;
        const json& d = days[i];
        const json& st = d["states"];
        o << aligned(std::to_string(d["day"].get<int>()), 5) << "  "
          << aligned(d["date"].get<std::string>(), 11, false)
          << aligned(std::to_string(d["open_deals"].get<long long>()), 7)
          << aligned(whole_units(d["real_total"]), 14)
          << aligned(std::to_string(d["real_deals"].get<long long>()), 7)
          << aligned(std::to_string(st["follow_up_due"]["deals"].get<long long>()), 11)
          << aligned(std::to_string(st["reengage_due"]["deals"].get<long long>()), 11)
          << aligned(std::to_string(st["stale"]["deals"].get<long long>()), 7)
          << aligned(std::to_string(st["archive_due"]["deals"].get<long long>()), 9)
          << aligned(std::to_string(st["close_date_passed"]["deals"].get<long long>()), 9) << "\n";
    }
    o << "Real pipeline  " << sparkline(days) << "  (" << whole_units(days[0]["real_total"]) << " -> "
      << whole_units(days[days.size() - 1]["real_total"]) << ")\n\n";
}

void forecast(std::ostringstream& o, const json& f) {
    o << "Forecast  " << f["trials"].get<long long>() << " trials, seed " << f["seed"].dump()
      << ", revenue closing by " << f["horizon"].get<std::string>()
      << " (probabilities: " << f["probabilities"]["requested"].get<std::string>() << ")\n";
    const bool target = f["target"].is_number();
    o << aligned("", 8) << aligned("mean", 14) << aligned("P10", 14) << aligned("P50", 14)
      << aligned("P90", 14);
    if (target) o << aligned("P(>= " + whole_units(f["target"]) + ")", 18);
    o << "\n";
    for (const char* side : {"stated", "real"}) {
        const json& d = f[side];
        o << aligned(side, 8, false) << aligned(whole_units(d["mean"]), 14)
          << aligned(whole_units(d["p10"]), 14) << aligned(whole_units(d["p50"]), 14)
          << aligned(whole_units(d["p90"]), 14);
        if (target) o << aligned(percent(d["p_target"].get<double>()), 18);
        o << "\n";
    }
    if (f["probabilities"]["fallback"].is_string())
        o << f["probabilities"]["fallback"].get<std::string>() << "\n";
    o << "\n";
}

void history(std::ostringstream& o, const json& h, const json& r) {
    o << "History  " << h["won"].get<long long>() << " won, " << h["lost"].get<long long>() << " lost";
    if (h["win_rate"]["value"].is_number())
        o << "; win rate " << percent(h["win_rate"]["value"].get<double>()) << " (on "
          << h["win_rate"]["sample"].get<long long>() << " closed deals)";
    if (h["average_won_amount"]["value"].is_number())
        o << "; average won " << whole_units(h["average_won_amount"]["value"]) << " (on "
          << h["average_won_amount"]["sample"].get<long long>() << ")";
    if (h["cycle_days"]["value"].is_number())
        o << "; cycle " << h["cycle_days"]["value"].get<double>() << " days (on "
          << h["cycle_days"]["sample"].get<long long>() << ")";
    o << "\n";
    if (h["fallback"].is_string()) o << h["fallback"].get<std::string>() << "\n";
    const json& c = r["calibration"];
    if (c.is_null()) {
        o << "Calibration: " << r.value("calibration_reason", std::string("not available")) << "\n";
        return;
    }
    const int current = c["current_threshold"].get<int>();
    o << "Calibration of the archive rule (on " << c["lost"].get<long long>() << " lost and "
      << c["won"].get<long long>() << " won deals, " << c["activity_field"].get<std::string>() << "):\n";
    for (const json& p : c["points"]) {
        const int t = p["threshold"].get<int>();
        if (t % 14 != 0 && t != 7 && t != current && t != 90) continue;
        o << (t == current ? " > " : "   ") << aligned(std::to_string(t) + " days", 8) << "  archives "
          << aligned(percent(p["lost_archived_share"].get<double>()), 7) << " of lost deals early, "
          << aligned(percent(p["won_archived_share"].get<double>()), 7) << " of won deals wrongly\n";
    }
}

}  // namespace

std::string render_simulate_text(const json& r) {
    std::ostringstream o;
    what_if(o, r);
    forward(o, r["forward"]);
    forecast(o, r["forecast"]);
    history(o, r["history"], r);
    return o.str();
}

}  // namespace revdiag::cli
