// The Snapshot's printable design document: the drafted process explained in
// Markdown, written from the same JSON the audit will load, so the two cannot
// drift apart.
#include <cctype>
#include <cmath>

#include "revdiag/deals.h"
#include "snapshot/draft.h"

namespace revdiag::snap {

namespace {

std::string str(const ojson& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag(const ojson& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

// The member `key`, or an empty value of the same use, so a const read never
// reaches a missing key.
const ojson& part(const ojson& j, const char* key) {
    static const ojson empty = ojson::array();
    const auto it = j.find(key);
    return it != j.end() ? *it : empty;
}

int number(const ojson& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string percent(const ojson& stage) {
    const auto it = stage.find("probability");
    const double p = it != stage.end() && it->is_number() ? it->get<double>() : 0.0;
    return std::to_string(static_cast<int>(std::lround(p * 100))) + "%";
}

// Table cells must not break the Markdown table.
std::string cell(std::string s) {
    for (char& c : s)
        if (c == '|' || c == '\n') c = ' ';
    return s;
}

bool uses_field(const std::string& rule, std::string_view field) {
    for (size_t at = rule.find(field); at != std::string::npos; at = rule.find(field, at + 1)) {
        const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        const bool starts = at == 0 || !word(rule[at - 1]);
        const bool ends = at + field.size() == rule.size() || !word(rule[at + field.size()]);
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace

std::string write_document(const drafting& d) {
    const ojson& stages = part(d.process, "stages");
    const ojson& limits = part(d.process, "thresholds");
    std::string md;
    md += "# Sales process design\n\n";
    md +=
        "Drafted by revdiag from your Snapshot answers. It is a starting point to agree with the people who "
        "sell, "
        "not a finished design: change the wording, keep the rules.\n\n";

    md += "## What you told us\n\n| Question | Answer |\n|---|---|\n";
    for (const auto& [q, a] : d.told) md += "| " + cell(q) + " | " + cell(a) + " |\n";

    md += "\n## Shape of the pipeline\n\nShape: **" + d.shape_label + "**, for a complexity of " +
          std::to_string(d.complexity) +
          " points (from cycle length, deal size, buying group and evaluation). " + d.shape_why + "\n\n";

    md +=
        "## Stages\n\nA deal is in a stage only when the entry criteria of that stage and of every earlier "
        "stage "
        "are recorded as met. Stage names describe what the buyer did, never what we did.\n\n";
    md +=
        "| # | Stage | Entered when | Entry criteria | Owner | Win probability "
        "|\n|---|---|---|---|---|---|\n";
    int n = 0;
    std::string holding;
    for (const ojson& s : stages) {
        if (flag(s, "holding")) {
            holding = str(s, "name");
            continue;
        }
        std::string criteria;
        for (const ojson& c : part(s, "criteria"))
            criteria += (criteria.empty() ? "" : "; ") + str(c, "id") + " " + str(c, "label");
        md += "| " + std::to_string(++n) + " | " + cell(str(s, "name")) + " | " +
              cell(str(s, "buyer_action")) + " | " + cell(criteria.empty() ? "-" : criteria) + " | " +
              cell(str(s, "owner_role")) + " | " + percent(s) + " |\n";
    }
    if (!holding.empty())
        md += "\n**" + holding +
              "** is a holding stage, not counted among the stages: deals wait there for a reply, "
              "outside the forecast.\n";

    md +=
        "\n## Entry criteria as rules\n\nThe process file states each criterion as a rule over deal fields, "
        "which is "
        "how revdiag checks your export against it.\n\n";
    for (const ojson& s : stages)
        for (const ojson& c : part(s, "criteria"))
            md += "- **" + str(s, "name") + "**, " + str(c, "id") + " " + str(c, "label") + ": `" +
                  str(c, "rule") + "`\n";
    std::string fields;
    for (const canonical_field& f : canonical_fields()) {
        bool used = f.id == "owner" || f.id == "last_follow_up_date" || f.id == "snoozed_until";
        for (const ojson& s : stages)
            for (const ojson& c : part(s, "criteria")) used = used || uses_field(str(c, "rule"), f.id);
        if (used) fields += (fields.empty() ? "`" : ", `") + std::string(f.id) + "`";
    }
    md += "\nFields each deal must record: " + fields + ".\n";

    md +=
        "\n## Ownership\n\nEvery open deal has exactly one named owner of the next action: a person, never a "
        "team, "
        "a queue or a shared inbox. The owner role of each stage is in the table above; when the role "
        "changes, the "
        "owner field changes the same day. When someone is away or leaves, each of their deals is handed to "
        "a named "
        "person within two working days.\n";

    const int follow_up = number(limits, "follow_up_business_days");
    const int reengage = number(limits, "reengage_after_days");
    const int inactive = number(limits, "inactive_after_days");
    const int window = number(limits, "reengagement_window_days");
    md += "\n## Follow-up sequence\n\n";
    md += "1. After a proposal, if the buyer has not responded within " + std::to_string(follow_up) +
          " business days, the owner follows up and records the date in `last_follow_up_date`.\n";
    md += "2. If the buyer has still not responded " + std::to_string(reengage) +
          " calendar days after the proposal, the deal moves to " +
          (holding.empty() ? std::string("re-engagement") : holding) + ".\n";
    md += "3. A deal with no buyer activity " + std::to_string(window) +
          " days after entering re-engagement is closed as lost, with the reason recorded.\n";

    md += "\n## Archive rule\n\n";
    md += "- A deal with no buyer activity for " + std::to_string(inactive) +
          " days is no longer active: re-engage it or close it.\n";
    md +=
        "- A deal whose close date has passed gets a new date agreed with the buyer, or leaves the "
        "pipeline.\n";
    md +=
        "- A deal stalled for a known reason gets a resume date (`snoozed_until`) instead of staying open "
        "silently.\n";

    md += "\n## Configure " + d.crm_label + "\n\n";
    for (size_t i = 0; i < d.crm_setup.size(); ++i)
        md += std::to_string(i + 1) + ". " + d.crm_setup[i] + "\n";

    md += "\n## Roll-out, in this order\n\n";
    md +=
        "1. Agree the stages and their criteria with the people who sell; change the wording, not the "
        "rules.\n";
    md += "2. Add the fields listed above wherever they are missing.\n";
    md +=
        "3. Audit your current export with this process and move every deal back to the last stage whose "
        "criteria "
        "it meets; what remains is your real pipeline.\n";
    md += "4. Only then configure the CRM to enforce the criteria, the follow-up and the archive rule.\n";
    md += "5. Review the pipeline against the criteria every week for the first two months.\n";

    if (!d.advice.empty()) {
        md += "\n## Notes on your answers\n\n";
        for (const std::string& a : d.advice) md += "- " + a + "\n";
    }
    return md;
}

}  // namespace revdiag::snap
