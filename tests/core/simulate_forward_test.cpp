// The forward series against its definition (DESIGN §5): with nobody acting,
// day k is the audit as of as_of + k. Checked on every golden and real export,
// with the default thresholds and with tight ones, by running the audit itself
// for every day and counting its findings.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "api/audit_options.h"
#include "revdiag/ingest.h"
#include "revdiag/simulate.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace revdiag;

namespace {

struct loaded {
    deal_table table;
    process p;
    audit_options options;
};

loaded load(const fs::path& csv) {
    fs::path extra = csv;
    extra.replace_extension(".options.json");
    auto options =
        read_json_object(fs::exists(extra) ? test::read_file(extra.string()) : std::string(), options_input);
    REQUIRE(options.has_value());
    auto req = detail::read_audit_options(*options);
    REQUIRE(req.has_value());
    auto read = read_deals(test::read_file(csv.string()), req->ingest);
    REQUIRE(read.has_value());
    auto p = detail::resolve_process(*req, read->table);
    REQUIRE(p.has_value());
    auto map = detail::resolve_stage_map(*req, *p);
    REQUIRE(map.has_value());
    return loaded{std::move(read->table), std::move(*p), std::move(*map)};
}

day_t newest_date(const deal_table& t) {
    day_t newest = no_date;
    for (const column& c : t.columns)
        if (c.type == field_type::date)
            for (const day_t d : c.date) newest = std::max(newest, d);
    return newest;
}

// The audit as of `day`, counted the way a forward day counts.
forward_day audited_day(const loaded& l, day_t day) {
    const audit_report r = run_audit(l.table, l.p, day, l.options);
    forward_day out;
    out.date = day;
    out.open = {static_cast<int64_t>(r.open_deals), r.stated_cents};
    out.real.cents = r.real_cents;
    const finding_code codes[] = {finding_code::follow_up_overdue, finding_code::reengage_due,
                                  finding_code::stale, finding_code::archive_due,
                                  finding_code::close_date_passed};
    for (const deal_audit& d : r.deals) {
        if (d.in_real_pipeline) ++out.real.deals;
        for (const finding& f : r.findings_of(d))
            for (size_t s = 0; s < forward_state_count; ++s)
                if (f.code == codes[s]) {
                    ++out.states[s].deals;
                    out.states[s].cents += d.amount_cents;
                }
    }
    return out;
}

void check_forward(const loaded& l, day_t as_of, int days) {
    forward_options o;
    o.days = days;
    const forward_series f = run_forward(l.table, l.p, l.options, as_of, o);
    REQUIRE(f.days.size() == static_cast<size_t>(days) + 1);
    for (int k = 0; k <= days; ++k) {
        INFO("day " << k << " (" << format_iso_date(as_of + k) << ")");
        const forward_day expected = audited_day(l, as_of + k);
        const forward_day& got = f.days[static_cast<size_t>(k)];
        CHECK(got.date == as_of + k);
        CHECK(got.open.deals == expected.open.deals);
        CHECK(got.open.cents == expected.open.cents);
        CHECK(got.real.deals == expected.real.deals);
        CHECK(got.real.cents == expected.real.cents);
        for (size_t s = 0; s < forward_state_count; ++s) {
            INFO("state " << to_string(static_cast<forward_state>(s)));
            CHECK(got.states[s].deals == expected.states[s].deals);
            CHECK(got.states[s].cents == expected.states[s].cents);
        }
    }
}

std::vector<fs::path> exports_in(const std::string& folder) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(test::fixture_path(folder)))
        if (e.path().extension() == ".csv") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("forward day k equals the audit as of as_of + k on every golden export", "[simulate][forward]") {
    const std::vector<fs::path> cases = exports_in("golden");
    REQUIRE(cases.size() >= 20);
    for (const fs::path& csv : cases) {
        INFO("case " << csv.filename().string());
        const loaded l = load(csv);
        check_forward(l, *parse_iso_date("2026-06-30"), 90);
        // Starting earlier crosses each case's boundary days inside the window.
        check_forward(l, *parse_iso_date("2026-05-15"), 60);
    }
}

TEST_CASE("forward day k equals the audit as of as_of + k on the real exports, with tight thresholds",
          "[simulate][forward]") {
    const std::vector<fs::path> cases = exports_in("real");
    REQUIRE(cases.size() >= 5);
    for (const fs::path& csv : cases) {
        INFO("case " << csv.filename().string());
        loaded l = load(csv);
        const day_t newest = newest_date(l.table);
        REQUIRE(newest != no_date);
        check_forward(l, newest - 60, 90);
        l.p.limits.follow_up_business_days = 2;
        l.p.limits.reengage_after_days = 3;
        l.p.limits.inactive_after_days = 7;
        l.p.limits.reengagement_window_days = 5;
        check_forward(l, newest - 30, 45);
    }
}

TEST_CASE("forward follows criteria that read the as-of date day by day", "[simulate][forward]") {
    loaded l = load(test::fixture_path("golden/stale_inactivity_boundary.csv"));
    // A Discovery criterion that holds only while the deal is young: the real stage changes with the day.
    auto young = compile_rule("days_since(created_date) < 200");
    REQUIRE(young.has_value());
    for (stage& s : l.p.stages)
        if (s.id == "discovery")
            s.criteria.push_back(criterion{"D9", "Young deal", "days_since(created_date) < 200", *young});
    check_forward(l, *parse_iso_date("2026-06-30"), 90);
    check_forward(l, *parse_iso_date("2025-12-01"), 120);
}
