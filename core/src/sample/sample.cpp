#include "revdiag/sample.h"

#include <array>

#include "sample/style.h"

namespace revdiag {

using detail::crm_style;
using detail::slot;

namespace {

// splitmix64: tiny, fast and identical everywhere, unlike std distributions
// whose output differs between libstdc++ and libc++.
class splitmix64 {
public:
    explicit splitmix64(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    /// Uniform integer in [lo, hi].
    int range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1)); }
    bool chance(double p) { return unit() < p; }
    template <class T, size_t N>
    const T& pick(const std::array<T, N>& a) {
        return a[next() % N];
    }

private:
    uint64_t state_;
};

struct profile_rates {
    std::string_view name;
    std::string_view description;
    double optimistic;    // recorded beyond what the criteria support
    double owner_bad;     // missing, shared or several owners
    double ghosted;       // proposal without buyer response
    double stale;         // no buyer activity for longer than the threshold
    double close_passed;  // close date in the past
    double snoozed;       // share of stale deals snoozed with a resume date
    double missing_amount;
    double late_stage;  // extra weight on Proposal and Negotiation
};

const std::array<profile_rates, 6> profiles = {{
    {"healthy", "a disciplined team: few findings on any layer", 0.04, 0.02, 0.05, 0.03, 0.03, 0.2, 0.0, 0.0},
    {"optimistic_stages", "deals recorded in later stages than their criteria support (exit_criteria)", 0.6,
     0.03, 0.08, 0.05, 0.05, 0.2, 0.0, 0.1},
    {"ownerless", "deals with no owner, several owners or a team inbox (ownership)", 0.08, 0.5, 0.06, 0.05,
     0.05, 0.2, 0.01, 0.0},
    {"ghosted_proposals", "proposals the buyer never answered and nobody followed up (follow_up)", 0.02, 0.03,
     0.75, 0.04, 0.05, 0.1, 0.0, 0.35},
    {"stale", "deals nobody has heard from in weeks, past their close date (archive)", 0.06, 0.03, 0.08, 0.6,
     0.35, 0.1, 0.01, 0.0},
    {"mixed", "a bit of everything, as most real pipelines are", 0.3, 0.15, 0.3, 0.2, 0.12, 0.15, 0.02, 0.1},
}};

const profile_rates* find_profile(std::string_view name) {
    for (const profile_rates& p : profiles)
        if (p.name == name) return &p;
    return nullptr;
}

const std::array<std::string_view, 24> company_first = {
    "Northwind",   "Blue Harbor",  "Keystone",   "Alder",      "Meridian",   "Copperline",
    "Brightwater", "Granite Peak", "Hansen",     "Oakridge",   "Silverleaf", "Redwood",
    "Summit",      "Lakeshore",    "Ironbridge", "Müller",     "Pioneer",    "Clearview",
    "Foxglove",    "Harborview",   "Westgate",   "Stonebrook", "Everline",   "Quayside"};
const std::array<std::string_view, 12> company_second = {
    "Logistics", "Health",       "Analytics", "Foods", "Manufacturing", "Capital",
    "Energy",    "Retail Group", "Software",  "Labs",  ", Berg & Co",   "Industries"};
const std::array<std::string_view, 10> products = {
    "Platform licence", "Renewal",    "Expansion",      "Onboarding package",
    "Annual support",   "Pilot",      "Data migration", "Enterprise seats",
    "Consulting block", "Integration"};
const std::array<std::string_view, 10> people = {
    "Dana Whitfield", "Marcus Oyelaran", "Priya Raman",    "Tom Kowalski",  "Lucía Fernández",
    "Ben Carter",     "Aiko Tanaka",     "Sven Lindqvist", "Grace O'Neill", "Omar Haddad"};
const std::array<std::string_view, 8> buyers = {"CFO",      "VP Operations",      "Head of IT",
                                                "COO",      "Procurement lead",   "CEO",
                                                "VP Sales", "Director of Finance"};
const std::array<std::string_view, 6> shared_owners = {
    "Sales Team", "EMEA Queue", "sales@northwind.example", "Unassigned", "Shared Inbox", "Inside Sales Team"};
const std::array<std::string_view, 6> next_steps = {"Call with CFO, pricing", "Send revised quote",
                                                    "Security review",        "Demo for \"ops\" team",
                                                    "Reference call",         "Legal redlines"};
const std::array<std::string_view, 5> lead_sources = {"Web", "Referral", "Partner", "Outbound", "Event"};
const std::array<double, 5> stage_probability = {10, 20, 40, 60, 80};

/// One generated deal: values per slot, already decided; dates as days.
struct deal {
    int stage = 0;  // 0..4 pipeline, 5 won, 6 lost, 7 re-engagement
    int64_t cents = 0;
    bool amount_missing = false;
    std::string id, name, account, owner, decision_maker, next_step, lead_source;
    day_t created = no_date, close = no_date, entered = no_date, activity = no_date, response = no_date,
          next_step_date = no_date, decision_date = no_date, proposal = no_date, follow_up = no_date,
          snoozed = no_date;
    int8_t problem = -1, budget = -1;
};

std::string make_id(splitmix64& rng, const crm_style& style, uint64_t n) {
    static const char alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    if (style.name == "salesforce") {
        std::string id = "0065g00000";
        for (int i = 0; i < 8; ++i) id.push_back(alnum[rng.next() % 62]);
        return id;
    }
    if (style.name == "hubspot") return std::to_string(9000000000ull + n * 7919ull);
    if (style.name == "close") {
        std::string id = "oppo_";
        for (int i = 0; i < 20; ++i) id.push_back(alnum[rng.next() % 62]);
        return id;
    }
    if (style.name == "dynamics") {
        char buf[48];
        const uint64_t a = rng.next(), b = rng.next();
        std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                      static_cast<unsigned>(a & 0xFFFF), static_cast<unsigned>((a >> 16) & 0xFFFF),
                      static_cast<unsigned>(b >> 48), static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
        return buf;
    }
    return std::to_string(1000 + n);
}

// Fill the criteria of pipeline stage `k` as met, or as failing when `fail`.
void set_stage_criteria(deal& d, splitmix64& rng, int k, bool met, day_t ref) {
    auto fail_bool = [&rng]() -> int8_t { return rng.chance(0.5) ? int8_t{0} : int8_t{-1}; };
    switch (k) {
        case 0:
            if (!met) d.activity = no_date;
            break;
        case 1:
            d.problem = met ? int8_t{1} : fail_bool();
            break;
        case 2: {
            const int which = met ? -1 : rng.range(0, 2);
            d.budget = which == 0 ? fail_bool() : int8_t{1};
            d.decision_date = which == 1 ? no_date : ref + rng.range(20, 120);
            d.next_step_date = which == 2 ? no_date : ref + rng.range(1, 14);
            break;
        }
        case 3: {
            const int which = met ? -1 : rng.range(0, 1);
            d.decision_maker = which == 0 ? std::string() : std::string(rng.pick(buyers));
            if (which == 1) d.proposal = no_date;
            break;
        }
        case 4:
            if (!met) d.response = no_date;
            break;
        default:
            break;
    }
}

deal make_deal(splitmix64& rng, const crm_style& style, const profile_rates& prof, uint64_t n, day_t ref) {
    deal d;
    d.id = make_id(rng, style, n);
    // One draw per statement: the operands of + are evaluated in an unspecified
    // order (GCC and clang differ), which would make native and wasm samples differ.
    const std::string_view first = rng.pick(company_first);
    // This draw once glued 15% of names together ("HansenRetail Group"); it is
    // kept so that every later draw, and so every other field, stays as it was.
    (void)rng.chance(0.15);
    const std::string_view second = rng.pick(company_second);
    d.account = std::string(first) + " " + std::string(second);
    if (d.account.find(" ,") != std::string::npos) d.account.erase(d.account.find(" ,"), 1);
    d.name = d.account + " - " + std::string(rng.pick(products));
    d.lead_source = std::string(rng.pick(lead_sources));
    const double u = rng.unit();
    // Stage mix: most deals early, fewer late; closed deals are history in the export.
    if (u < 0.10)
        d.stage = 5;
    else if (u < 0.17)
        d.stage = 6;
    else if (u < 0.21)
        d.stage = 7;
    else {
        const double v = rng.unit() * (1.0 + prof.late_stage);
        d.stage = v < 0.28 ? 0 : v < 0.5 ? 1 : v < 0.7 ? 2 : v < 0.88 + prof.late_stage ? 3 : 4;
    }
    const double size = rng.unit();
    d.cents = static_cast<int64_t>(4000 + size * size * size * 246000) / 50 * 5000;
    d.amount_missing = rng.chance(prof.missing_amount);
    d.created = ref - rng.range(20, 260);
    d.close = ref + rng.range(7, 120);
    const bool stale = rng.chance(prof.stale);
    d.activity = stale ? ref - rng.range(31, 160) : ref - rng.range(0, 21);
    if (d.activity < d.created) d.created = d.activity - rng.range(3, 45);
    d.entered = d.activity - rng.range(0, 20);
    if (d.entered < d.created) d.entered = d.created;
    if (rng.chance(prof.close_passed)) d.close = ref - rng.range(1, 60);
    if (stale && rng.chance(prof.snoozed)) d.snoozed = ref + rng.range(3, 45);

    const bool owner_bad = rng.chance(prof.owner_bad);
    if (!owner_bad) {
        d.owner = std::string(people[rng.next() % 7]);  // most deals sit with the core team
        if (rng.chance(0.2)) d.owner = std::string(rng.pick(people));
    } else {
        const int kind = rng.range(0, 2);
        if (kind == 1) d.owner = std::string(rng.pick(shared_owners));
        if (kind == 2) {
            const std::string_view one = people[rng.next() % 5];
            const bool slash = rng.chance(0.5);
            const std::string_view other = people[5 + rng.next() % 5];
            d.owner = std::string(one) + (slash ? " / " : "; ") + std::string(other);
        }
    }

    // Stages: the furthest stage the deal really reached, never above the recorded one.
    int recorded = d.stage <= 4 ? d.stage : d.stage == 7 ? 3 : 4;
    int real = recorded;
    if (d.stage <= 4 && rng.chance(prof.optimistic)) real = rng.range(-1, recorded - 1);
    const bool won = d.stage == 5;
    if (won) real = 4;
    const bool ghosted = recorded >= 3 && rng.chance(prof.ghosted);
    d.proposal = ghosted ? ref - rng.range(3, 40) : ref - rng.range(2, 30);
    d.response = ghosted ? no_date : d.proposal + rng.range(0, 2);
    if (d.response != no_date && d.response > ref) d.response = ref;
    if (ghosted && rng.chance(0.4)) d.follow_up = d.proposal + rng.range(1, 3);
    if (d.follow_up != no_date && d.follow_up > ref) d.follow_up = no_date;
    if (d.response != no_date && d.activity < d.response) d.activity = d.response;
    for (int k = 0; k <= 4; ++k) {
        if (k <= real)
            set_stage_criteria(d, rng, k, true, ref);
        else if (k <= recorded)
            set_stage_criteria(d, rng, k, k > real + 1 ? rng.chance(0.5) : false, ref);
    }
    // What a stage below Proposal has not done yet stays blank, as in a real CRM.
    if (recorded < 3) {
        d.proposal = no_date;
        d.response = no_date;
        d.follow_up = no_date;
    }
    if (d.stage == 7) d.entered = ref - rng.range(3, 40);
    if (d.next_step_date != no_date) d.next_step = std::string(rng.pick(next_steps));
    return d;
}

// RFC 4180: quote when the delimiter, a quote or a line break is inside.
void append_cell(std::string& out, std::string_view v, char delim) {
    bool quote = false;
    for (const char c : v)
        if (c == delim || c == '"' || c == '\n' || c == '\r') quote = true;
    if (!quote) {
        out.append(v.data(), v.size());
        return;
    }
    out.push_back('"');
    for (const char c : v) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void append_deal(std::string& out, const deal& d, const crm_style& style) {
    bool first = true;
    for (const detail::style_column& col : style.columns) {
        if (!first) out.push_back(style.delimiter);
        first = false;
        auto date = [&](day_t v) {
            if (v != no_date) detail::append_date(out, v, style.dates);
        };
        auto flag = [&](int8_t v) {
            if (v >= 0) out += v ? style.yes : style.no;
        };
        switch (col.what) {
            case slot::deal_id:
                append_cell(out, d.id, style.delimiter);
                break;
            case slot::deal_name:
                append_cell(out, d.name, style.delimiter);
                break;
            case slot::account:
                append_cell(out, d.account, style.delimiter);
                break;
            case slot::amount:
                if (!d.amount_missing) {
                    std::string cell;
                    detail::append_money(cell, d.cents, style.money);
                    append_cell(out, cell, style.delimiter);
                }
                break;
            case slot::currency:
                out += style.money == detail::money_style::euro_european ? "EUR" : "USD";
                break;
            case slot::stage:
                append_cell(out, style.stages[static_cast<size_t>(d.stage)], style.delimiter);
                break;
            case slot::status:
                out += d.stage == 5 ? "won" : d.stage == 6 ? "lost" : "open";
                break;
            case slot::owner:
                append_cell(out, d.owner, style.delimiter);
                break;
            case slot::created:
                date(d.created);
                break;
            case slot::close:
                date(d.close);
                break;
            case slot::stage_entered:
                date(d.entered);
                break;
            case slot::buyer_activity:
                date(d.activity);
                break;
            case slot::buyer_response:
                date(d.response);
                break;
            case slot::next_step:
                append_cell(out, d.next_step, style.delimiter);
                break;
            case slot::next_step_date:
                date(d.next_step_date);
                break;
            case slot::problem:
                flag(d.problem);
                break;
            case slot::budget:
                flag(d.budget);
                break;
            case slot::decision_date:
                date(d.decision_date);
                break;
            case slot::decision_maker:
                append_cell(out, d.decision_maker, style.delimiter);
                break;
            case slot::proposal_sent:
                date(d.proposal);
                break;
            case slot::follow_up:
                date(d.follow_up);
                break;
            case slot::probability:
                out += std::to_string(static_cast<int>(d.stage <= 4
                                                           ? stage_probability[static_cast<size_t>(d.stage)]
                                                       : d.stage == 5 ? 100
                                                                      : 0));
                break;
            case slot::snoozed_until:
                date(d.snoozed);
                break;
            case slot::lead_source:
                append_cell(out, d.lead_source, style.delimiter);
                break;
        }
    }
    out += style.line_end;
}

const std::vector<sample_demo> demos = {
    {"saas_midmarket", "SaaS mid-market (HubSpot)",
     "A HubSpot pipeline where reps move deals forward before the buyer has done anything: exit criteria "
     "fail first.",
     "hubspot", "optimistic_stages", 240, 7},
    {"agency_services", "Agency services (Pipedrive)",
     "A Pipedrive pipeline full of proposals sent and never chased: the follow-up sequence fails first.",
     "pipedrive", "ghosted_proposals", 180, 11},
    {"industrial_enterprise", "Industrial enterprise (Salesforce)",
     "A Salesforce org with long cycles and deals nobody has heard from in months: the archive rule fails "
     "first.",
     "salesforce", "stale", 320, 23},
    {"startup_spreadsheet", "Start-up spreadsheet",
     "A semicolon spreadsheet kept by a founding team where deals belong to everyone and no one: ownership "
     "fails first.",
     "spreadsheet", "ownerless", 120, 5},
};

}  // namespace

const std::vector<std::string_view>& sample_crms() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> v;
        for (const crm_style& s : detail::crm_styles()) v.push_back(s.name);
        return v;
    }();
    return names;
}

const std::vector<std::string_view>& sample_profiles() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> v;
        for (const profile_rates& p : profiles) v.push_back(p.name);
        return v;
    }();
    return names;
}

std::string_view describe_profile(std::string_view profile) {
    const profile_rates* p = find_profile(profile);
    return p ? p->description : std::string_view();
}

const std::vector<sample_demo>& sample_demos() {
    return demos;
}

const sample_demo* find_sample_demo(std::string_view name) {
    for (const sample_demo& d : demos)
        if (d.name == name) return &d;
    return nullptr;
}

result<std::string> generate_sample(const sample_options& options) {
    const crm_style* style = detail::find_crm_style(options.crm);
    if (!style)
        return make_error("sample.unknown_crm", "There is no sample CRM style \"" + options.crm + "\".",
                          location{"options", 0, 0, "/crm", ""});
    const profile_rates* prof = find_profile(options.profile);
    if (!prof)
        return make_error("sample.unknown_profile", "There is no sample profile \"" + options.profile + "\".",
                          location{"options", 0, 0, "/profile", ""});
    if (options.deals == 0 || options.deals > max_sample_deals)
        return make_error("sample.deals",
                          "A sample holds 1 to " + std::to_string(max_sample_deals) + " deals, not " +
                              std::to_string(options.deals) + ".",
                          location{"options", 0, 0, "/deals", ""});
    std::string out;
    out.reserve(static_cast<size_t>(options.deals) * 260 + 512);
    for (size_t i = 0; i < style->columns.size(); ++i) {
        if (i) out.push_back(style->delimiter);
        append_cell(out, style->columns[i].header, style->delimiter);
    }
    out += style->line_end;
    // One stream per deal, derived from the seed and the deal number, so deal n
    // is the same whatever the total size.
    for (uint64_t n = 0; n < options.deals; ++n) {
        splitmix64 rng(options.seed * 0x2545F4914F6CDD1Dull + n);
        rng.next();
        append_deal(out, make_deal(rng, *style, *prof, n, options.reference), *style);
    }
    return out;
}

}  // namespace revdiag
