#include "ingest/ingest_json.h"
#include "json/envelope.h"
#include "json/object_reader.h"
#include "revdiag/api.h"

namespace revdiag::api {

namespace {
constexpr std::string_view schema = "revdiag.inspect/1";
constexpr size_t preview_rows = 20;

error option_type_error(const json_value& at, const std::string& pointer, const std::string& what) {
    return json_error(options_input, "type", at, pointer, "The option " + pointer + " must be " + what + ".");
}
}  // namespace

/// Reads the "map" option ({field: header}) shared by inspect and the audit.
result<ingest_options> ingest_options_from_json(const json_value& options) {
    ingest_options out;
    const json_value* map = options.find("map");
    if (!map) return out;
    if (!map->is_object()) return option_type_error(*map, "/map", "an object of field: header");
    for (const json_member& m : map->members) {
        if (!m.value.is_string())
            return option_type_error(m.value, child_pointer("/map", m.key), "a header name (a string)");
        out.map.emplace_back(m.key, m.value.text);
    }
    return out;
}

std::string inspect(std::string_view csv, std::string_view options_json) {
    auto options = read_json_object(options_json, options_input);
    if (!options) return error_envelope(schema, options.err());
    auto ingest = ingest_options_from_json(options.value());
    if (!ingest) return error_envelope(schema, ingest.err());
    bool with_rows = false;
    if (const json_value* rows = options->find("rows")) {
        if (!rows->is_bool())
            return error_envelope(schema, option_type_error(*rows, "/rows", "true or false"));
        with_rows = rows->boolean;
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
