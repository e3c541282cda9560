// The Monte Carlo forecast: exact when every probability is 0 or 1, unbiased
// (the mean within 4 standard errors of the weighted pipeline closing in the
// horizon, computed here independently), and a function of its seed alone.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "revdiag/api.h"
#include "revdiag/ingest.h"
#include "revdiag/simulate.h"
#include "test_support.h"

using namespace revdiag;

namespace {

struct setup {
    deal_table table;
    process p = default_process();
};

setup read(const std::string& csv) {
    auto read = read_deals(csv, {});
    REQUIRE(read.has_value());
    return setup{std::move(read->table)};
}

forecast_report forecast(const setup& s, day_t as_of, const forecast_options& o) {
    const audit_report audit = run_audit(s.table, s.p, as_of);
    return run_forecast(s.table, s.p, audit, history_report{}, o);
}

void check_exact(const distribution& d, int64_t cents) {
    CHECK(d.mean_cents == static_cast<double>(cents));
    CHECK(d.p10 == cents);
    CHECK(d.p50 == cents);
    CHECK(d.p90 == cents);
    CHECK(d.standard_error_cents == 0);
    CHECK(*std::max_element(d.histogram.begin(), d.histogram.end()) == 500);
}

// The weighted pipeline closing in the horizon, from the audit and the rule of §5.
double expected_revenue(const setup& s, const audit_report& a, const forecast_options& o, bool real) {
    const column* close = s.table.find("close_date");
    double sum = 0;
    for (const deal_audit& d : a.deals) {
        double p = 0;
        if (real && d.in_real_pipeline) p = s.p.stages[static_cast<size_t>(d.real_stage)].probability;
        if (!real && d.recorded_stage >= 0 && !s.p.stages[static_cast<size_t>(d.recorded_stage)].holding)
            p = s.p.stages[static_cast<size_t>(d.recorded_stage)].probability;
        const day_t c = close ? close->date[d.row] : no_date;
        double in = 0;
        if (c == no_date || c < a.as_of)
            in = static_cast<double>(std::clamp(o.horizon - a.as_of, 0, o.slip_days)) / o.slip_days;
        else
            in = c <= o.horizon ? 1 : 0;
        sum += p * static_cast<double>(d.amount_cents) * in;
    }
    return sum;
}

}  // namespace

TEST_CASE("a forecast with every probability 0 or 1 is exact", "[simulate][forecast]") {
    setup s = read(test::read_fixture("simulate/hand.csv"));
    const day_t as_of = *parse_iso_date("2026-06-30");
    forecast_options o;
    o.trials = 500;
    o.horizon = as_of + 90;
    for (stage& st : s.p.stages) st.probability = 1;
    // D2 (20000, closes 08-15) and D4 (40000, closes 07-05) close in the horizon;
    // D1 closes 09-30, after it; D3 waits in re-engagement and weighs 0.
    forecast_report f = forecast(s, as_of, o);
    check_exact(f.stated, 6000000);
    check_exact(f.real, 6000000);
    CHECK(f.stated.expected_cents == 6000000);
    for (stage& st : s.p.stages) st.probability = st.id == "proposal" ? 1 : 0;
    f = forecast(s, as_of, o);
    check_exact(f.stated, 2000000);
    check_exact(f.real, 2000000);
    for (stage& st : s.p.stages) st.probability = 0;
    f = forecast(s, as_of, o);
    check_exact(f.stated, 0);
    check_exact(f.real, 0);
    // As of 07-10 D4's close date has passed: it slips into the next 60 days, all inside a 90-day horizon.
    for (stage& st : s.p.stages) st.probability = 1;
    f = forecast(s, as_of + 10, forecast_options{500, 1, as_of + 100, 60, std::nullopt, false, 20});
    check_exact(f.stated, 7000000);
}

TEST_CASE("the forecast mean is within 4 standard errors of the weighted pipeline in the horizon",
          "[simulate][forecast]") {
    const nlohmann::json sample = test::parse(api::sample(R"({"crm":"hubspot","deals":1500,"seed":11})"));
    REQUIRE(sample.value("ok", false));
    const setup s = read(sample["csv"].get<std::string>());
    const day_t as_of = *parse_iso_date("2026-06-30");
    const audit_report audit = run_audit(s.table, s.p, as_of);
    REQUIRE(audit.open_deals > 100);
    for (const int horizon : {30, 90, 200}) {
        for (uint64_t seed = 1; seed <= 4; ++seed) {
            INFO("horizon " << horizon << " seed " << seed);
            forecast_options o;
            o.trials = 2000;
            o.seed = seed;
            o.horizon = as_of + horizon;
            const forecast_report f = run_forecast(s.table, s.p, audit, history_report{}, o);
            for (const bool real : {false, true}) {
                const distribution& d = real ? f.real : f.stated;
                const double expected = expected_revenue(s, audit, o, real);
                REQUIRE(expected > 0);
                CHECK(std::fabs(d.expected_cents - expected) < 1);
                CHECK(d.standard_error_cents > 0);
                CHECK(std::fabs(d.mean_cents - expected) <= 4 * d.standard_error_cents);
                CHECK(d.p10 <= d.p50);
                CHECK(d.p50 <= d.p90);
            }
            CHECK(f.real.mean_cents <= f.stated.mean_cents);
        }
    }
}

TEST_CASE("the same seed gives the same report, another seed another forecast", "[simulate][forecast]") {
    const nlohmann::json sample = test::parse(api::sample(R"({"crm":"hubspot","deals":300,"seed":2})"));
    const std::string csv = sample["csv"].get<std::string>();
    const std::string a =
        api::simulate(csv, R"({"as_of":"2026-06-30","trials":300,"seed":5,"response_rate":0.05})");
    const std::string b =
        api::simulate(csv, R"({"as_of":"2026-06-30","trials":300,"seed":5,"response_rate":0.05})");
    const std::string c =
        api::simulate(csv, R"({"as_of":"2026-06-30","trials":300,"seed":6,"response_rate":0.05})");
    CHECK(a == b);
    const nlohmann::json ja = test::parse(a), jc = test::parse(c);
    REQUIRE(ja.value("ok", false));
    CHECK(ja["forecast"]["stated"]["histogram"] != jc["forecast"]["stated"]["histogram"]);
    CHECK(ja["forward"]["days"] != jc["forward"]["days"]);
    // The bins are shared: both histograms count every trial over the same edges.
    const nlohmann::json& f = ja["forecast"];
    CHECK(f["bins"].size() == 21);
    for (const char* side : {"stated", "real"}) {
        int64_t total = 0;
        for (const auto& n : f[side]["histogram"]) total += n.get<int64_t>();
        CHECK(total == 300);
    }
}

TEST_CASE("the target probability counts the trials reaching it", "[simulate][forecast]") {
    const std::string csv = test::read_fixture("simulate/hand.csv");
    const nlohmann::json r = test::parse(
        api::simulate(csv, R"({"as_of":"2026-06-30","trials":1000,"target":40000,"set":{},"seed":3})"));
    REQUIRE(r.value("ok", false));
    // Revenue >= 40000 needs D4 (80%) won; D2 alone (60%) is 20000: P = 0.8 within sampling error.
    const double p = r["forecast"]["real"]["p_target"].get<double>();
    CHECK(std::fabs(p - 0.8) < 4 * std::sqrt(0.8 * 0.2 / 1000));
    CHECK(r["forecast"]["target"] == 40000);
}
