// Process-level findings of the `stages` layer (DESIGN §1): the shape of the
// process itself, and criteria that read fields a given export does not record.
#include "process/internal.h"

namespace revdiag {

namespace {

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool is_closed(const stage& s) {
    return s.closed_won || s.closed_lost;
}

// A column that exists but holds no value in any row records nothing either.
bool column_is_empty(const column& c, size_t rows) {
    for (size_t r = 0; r < rows; ++r)
        if (!c.is_missing(r)) return false;
    return rows > 0;
}

}  // namespace

std::vector<process_finding> check_process(const process& p, const deal_table* against) {
    std::vector<process_finding> out;
    size_t counted = 0;
    for (const stage& s : p.stages)
        if (!s.holding) ++counted;
    if (counted < 5 || counted > 7)
        out.push_back(
            {"STAGE_COUNT",
             "The process has " + std::to_string(counted) +
                 " stages (closed stages included, the holding stage not); a working process has 5 to 7.",
             "", "", ""});
    bool first = true;
    for (const stage& s : p.stages) {
        if (s.holding) continue;
        if (blank(s.buyer_action))
            out.push_back(
                {"STAGE_NO_BUYER_ACTION",
                 "Stage " + s.name + " names no buyer action: nothing the buyer does defines entry.", s.id,
                 "", ""});
        if (!first && !is_closed(s) && s.criteria.empty())
            out.push_back({"STAGE_NO_CRITERIA",
                           "Stage " + s.name + " has no entry criteria: any deal can be put there.", s.id, "",
                           ""});
        first = false;
    }
    if (!against) return out;
    for (const stage& s : p.stages)
        for (const criterion& c : s.criteria)
            for (const std::string& f : c.program.fields()) {
                const column* col = against->find(f);
                if (col && !column_is_empty(*col, against->rows())) continue;
                const std::string why = col ? "its column " +
                                                  (col->header.empty() ? col->name : col->header) +
                                                  " is empty in every row"
                                            : "the export has no column for it";
                out.push_back({"FIELD_NOT_RECORDED",
                               "Stage " + s.name + ", criterion " + c.id + " reads " + f +
                                   ", which is not recorded in this CRM (" + why + ").",
                               s.id, c.id, f});
            }
    return out;
}

namespace process_detail {

ojson findings_to_ojson(const std::vector<process_finding>& findings) {
    ojson list = ojson::array();
    for (const process_finding& f : findings) {
        ojson j;
        j["code"] = f.code;
        j["layer"] = "stages";
        j["message"] = f.message;
        if (!f.stage.empty()) j["stage"] = f.stage;
        if (!f.criterion.empty()) j["criterion"] = f.criterion;
        if (!f.field.empty()) j["field"] = f.field;
        list.push_back(std::move(j));
    }
    return list;
}

}  // namespace process_detail

}  // namespace revdiag
