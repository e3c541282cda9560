// The simulator of DESIGN §5: the pipeline forward in time (the audit as of
// every later day, computed from the days a deal can change), history learned
// from the export's closed deals, a seeded Monte Carlo forecast of the stated
// and the real pipeline, and the archive rule's calibration. It runs on a typed
// deal table already read and audited; it owns no parsing and no JSON (the
// report lives in simulate/report.cpp, the settings in simulate/settings.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "revdiag/audit.h"
#include "revdiag/date.h"
#include "revdiag/deals.h"
#include "revdiag/process.h"

namespace revdiag {

/// The seeded generator of the simulator: xoshiro256** seeded through
/// splitmix64, with its own integer-to-double and bounded-integer steps (no
/// std:: distribution, whose output differs between standard libraries), so a
/// seed gives the same numbers natively and in wasm.
class sim_random {
public:
    explicit sim_random(uint64_t seed);
    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// A double in [0, 1) with 53 random bits.
    double uniform();
    /// An integer in [0, n), n > 0 (multiply-high, no modulo bias worth naming below 2^32).
    uint32_t below(uint32_t n) {
        return static_cast<uint32_t>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32);
    }
    /// True with probability p (0 and 1 exact): the top 53 bits compared with p * 2^53.
    static uint64_t threshold(double p);
    bool chance(uint64_t threshold_53) { return (next() >> 11) < threshold_53; }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

enum class forward_policy : uint8_t { none, enforced };

/// The states a forward day counts, in report order.
enum class forward_state : uint8_t { follow_up_due = 0, reengage_due, stale, archive_due, close_date_passed };
constexpr size_t forward_state_count = 5;
/// "follow_up_due", "reengage_due", "stale", "archive_due", "close_date_passed".
std::string_view to_string(forward_state s);
/// The events beyond entering a state: the enforced policy's moves.
enum class forward_event : uint8_t {
    follow_up_due = 0,
    reengage_due,
    stale,
    archive_due,
    close_date_passed,
    moved_to_holding,
    archived,
    responded,
};
constexpr size_t forward_event_count = 8;
std::string_view to_string(forward_event e);

struct count_amount {
    int64_t deals = 0;
    int64_t cents = 0;
};

struct forward_day {
    int day = 0;
    day_t date = 0;
    count_amount open;  // open deals not archived by the policy
    count_amount real;  // the real pipeline
    std::array<count_amount, forward_state_count> states{};
    std::array<count_amount, forward_event_count> events{};  // deals first entering each, that day
};

/// One deal's event (the first day it enters a state, or a policy move).
struct deal_event {
    size_t row = 0;
    int day = 0;
    forward_event kind = forward_event::stale;
    int64_t cents = 0;
};

/// Daily response rates: one for every stage, or per stage id (others 0).
struct response_rates {
    double all = 0;
    std::vector<std::pair<std::string, double>> per_stage;
    bool any() const;
    double of(const process& p, int stage) const;
};

struct forward_options {
    int days = 90;
    forward_policy policy = forward_policy::none;
    response_rates rates;
    uint64_t seed = 1;
};

struct forward_series {
    std::vector<forward_day> days;   // day 0 (the audit itself) to `days`
    std::vector<deal_event> events;  // sorted by day, then row
};

/// Day k is the audit as of as_of + k (with the policy's moves and the drawn
/// responses applied to a copy of the table). Never fails.
forward_series run_forward(const deal_table& table, const process& p, const audit_options& options,
                           day_t as_of, const forward_options& settings);

/// A figure learned from closed deals, with the number of deals it rests on.
struct learned_figure {
    double value = 0;
    int64_t sample = 0;
    bool available = false;
};

struct stage_history {
    int stage = -1;  // process stage index
    int64_t reached = 0;
    int64_t won = 0;
    int64_t lost = 0;
    learned_figure conversion;     // share of deals that reached the stage and went on to a later one
    learned_figure win_rate;       // won / (won + lost) among closed deals that reached it
    learned_figure days_in_stage;  // mean days from entering it to entering the next
    bool used = false;             // at least 30 won and 30 lost
};

struct history_report {
    int64_t won = 0;
    int64_t lost = 0;
    learned_figure win_rate;
    learned_figure average_won_cents;
    learned_figure cycle_days;
    learned_figure velocity_cents_per_day;
    bool used = false;  // at least 30 won and 30 lost
    bool has_stage_history = false;
    std::vector<stage_history> stages;
};

/// The minimum of won and of lost deals a learned figure needs to be used.
constexpr int64_t history_minimum = 30;

/// History of DESIGN §5 from the closed deals of the table.
history_report learn_history(const deal_table& table, const process& p, const audit_options& options,
                             const audit_report& audit);

struct forecast_options {
    uint64_t trials = 10000;
    uint64_t seed = 1;
    day_t horizon = 0;
    int slip_days = 60;
    std::optional<int64_t> target_cents;
    bool learned = false;
    int bins = 20;
};

struct distribution {
    double mean_cents = 0;
    int64_t p10 = 0, p50 = 0, p90 = 0;
    double standard_error_cents = 0;
    double expected_cents = 0;  // the weighted pipeline closing in the horizon
    std::vector<int64_t> histogram;
    std::optional<double> p_target;
    int64_t deals = 0;
};

struct forecast_report {
    std::vector<double> probabilities;  // per process stage, as used
    std::vector<bool> learned;          // per process stage: from history
    std::vector<int64_t> bin_edges;     // cents, bins + 1 edges shared by both distributions
    distribution stated;
    distribution real;
};

/// The Monte Carlo forecast. Deals are the audit's open deals.
forecast_report run_forecast(const deal_table& table, const process& p, const audit_report& audit,
                             const history_report& history, const forecast_options& settings);

struct calibration_point {
    int threshold = 0;
    int64_t lost_archived = 0;
    int64_t won_archived = 0;
    int64_t lost_days_saved = 0;  // summed over the lost deals archived
};

struct calibration_report {
    bool available = false;
    std::string reason;    // why not, when unavailable
    std::string activity;  // the activity column it judged on
    int64_t won = 0, lost = 0;
    std::vector<calibration_point> points;  // thresholds 7..90
};

/// The archive rule's calibration on the closed deals carrying an activity and a close date.
calibration_report calibrate_archive(const deal_table& table, const process& p, const audit_options& options);

}  // namespace revdiag
