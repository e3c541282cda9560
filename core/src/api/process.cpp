// api.h's process functions: the embedded default, and validation of a user's
// process with its stages-layer findings, optionally against an export.
#include "ingest/ingest_json.h"
#include "json/envelope.h"
#include "json/object_reader.h"
#include "process/internal.h"
#include "revdiag/api.h"
#include "revdiag/ingest.h"

namespace revdiag::api {

namespace {

constexpr std::string_view check_schema = "revdiag.process_check/1";

ojson stage_list(const process& p) {
    ojson stages = ojson::array();
    for (const stage& s : p.stages) stages.push_back(s.id);
    return stages;
}

// The export's stage values with the process stage each one matches (null when
// none): what the audit will see, shown before it runs. Values matching no stage
// are also findings, since such deals fail the stages layer.
ojson stage_values(const process& p, const column* stage_column, ojson& findings) {
    ojson out = ojson::array();
    if (!stage_column) return out;
    const ojson counts = value_counts_json(*stage_column);
    for (const auto& entry : counts) {
        const auto value = entry.find("value");
        if (value == entry.end() || !value->is_string()) continue;
        const std::string recorded = value->get<std::string>();
        const int index = match_stage(p, recorded);
        ojson item = entry;
        item["stage"] = index < 0 ? ojson(nullptr) : ojson(p.stages[static_cast<size_t>(index)].id);
        if (index < 0) {
            const auto count = entry.find("count");
            const std::string deals = count != entry.end() ? count->dump() : "some";
            ojson f;
            f["code"] = "STAGE_UNKNOWN";
            f["layer"] = "stages";
            f["message"] = "The stage value \"" + recorded + "\" (" + deals +
                           " deals) matches no stage, name or alias of the process.";
            f["value"] = recorded;
            findings.push_back(std::move(f));
        }
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

std::string process_default() {
    ojson body;
    body["process"] = process_detail::process_to_ojson(default_process());
    return ok_envelope("revdiag.process/1", body);
}

std::string process_check(std::string_view process_json, std::string_view csv,
                          std::string_view options_json) {
    result<json_value> options = read_json_object(options_json, options_input);
    if (!options) return error_envelope(check_schema, options.err());
    if (auto e = json_object_reader(*options, options_input, "").unknown_keys({"map"}, "the check options"))
        return error_envelope(check_schema, *e);
    if (csv.empty()) {
        result<process> p = load_process(process_json);
        if (!p) return error_envelope(check_schema, p.err());
        ojson body;
        body["name"] = p->name;
        body["stages"] = stage_list(*p);
        body["findings"] = process_detail::findings_to_ojson(check_process(*p, nullptr));
        return ok_envelope(check_schema, body);
    }
    result<ingest_options> ingest = ingest_options_from_json(*options);
    if (!ingest) return error_envelope(check_schema, ingest.err());
    result<ingest_result> read = read_deals(csv, *ingest);
    if (!read) return error_envelope(check_schema, read.err());
    const deal_table& table = read->table;
    // Columns that map to no canonical field are readable by rules as text.
    std::vector<std::string> extra;
    for (const column& c : table.columns)
        if (!find_canonical_field(c.name)) extra.push_back(c.name);
    result<process> p = load_process(process_json, extra);
    if (!p) return error_envelope(check_schema, p.err());
    ojson findings = process_detail::findings_to_ojson(check_process(*p, &table));
    ojson values = stage_values(*p, table.find("stage"), findings);
    ojson body;
    body["name"] = p->name;
    body["stages"] = stage_list(*p);
    body["findings"] = std::move(findings);
    ojson against;
    against["rows"] = read->rows;
    against["detected_crm"] = read->detected_crm;
    against["missing_fields"] = read->missing_fields;
    against["stage_values"] = std::move(values);
    body["against"] = std::move(against);
    return ok_envelope(check_schema, body);
}

}  // namespace revdiag::api
