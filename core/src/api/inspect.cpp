#include "ingest/ingest_json.h"
#include "json/envelope.h"
#include "revdiag/api.h"

namespace revdiag::api {

namespace {
constexpr std::string_view schema = "revdiag.inspect/1";
constexpr size_t preview_rows = 20;

error option_type_error(const std::string& pointer, const std::string& what) {
    return make_error("options.type", "The option " + pointer + " must be " + what + ".",
                      location{"options", 0, 0, pointer, ""});
}
}  // namespace

/// Reads the "map" option ({field: header}) shared by inspect and the audit.
result<ingest_options> ingest_options_from_json(const nlohmann::json& options) {
    ingest_options out;
    const auto map = options.find("map");
    if (map == options.end()) return out;
    if (!map->is_object()) return option_type_error("/map", "an object of field: header");
    for (auto it = map->begin(); it != map->end(); ++it) {
        if (!it.value().is_string()) return option_type_error("/map/" + it.key(), "a header name (a string)");
        out.map.emplace_back(it.key(), it.value().get<std::string>());
    }
    return out;
}

std::string inspect(std::string_view csv, std::string_view options_json) {
    auto options = parse_json_object(options_json, "options");
    if (!options) return error_envelope(schema, options.err());
    auto ingest = ingest_options_from_json(options.value());
    if (!ingest) return error_envelope(schema, ingest.err());
    bool with_rows = false;
    if (const auto rows = options->find("rows"); rows != options->end()) {
        if (!rows->is_boolean()) return error_envelope(schema, option_type_error("/rows", "true or false"));
        with_rows = rows->get<bool>();
    }
    auto read = read_deals(csv, ingest.value());
    if (!read) return error_envelope(schema, read.err());
    const ingest_result& r = read.value();
    ojson body = ingest_to_json(r);
    const column* stage = r.table.find("stage");
    body["stage_values"] = stage ? value_counts_json(*stage) : ojson::array();
    if (with_rows) {
        ojson columns = ojson::array(), rows = ojson::array();
        for (const column& c : r.table.columns) columns.push_back(c.name);
        for (size_t row = 0; row < r.rows && row < preview_rows; ++row) {
            ojson values = ojson::array();
            for (const column& c : r.table.columns) values.push_back(cell_to_json(c, row));
            rows.push_back(ojson{{"line", r.table.line[row]}, {"values", std::move(values)}});
        }
        body["preview"] = ojson{{"columns", std::move(columns)}, {"rows", std::move(rows)}};
    }
    return ok_envelope(schema, body);
}

}  // namespace revdiag::api
