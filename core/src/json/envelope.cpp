#include "json/envelope.h"

namespace revdiag {

ojson to_json(const error& e) {
    ojson j;
    j["code"] = e.code;
    j["message"] = e.message;
    ojson at = ojson::object();
    if (!e.at.source.empty()) at["source"] = e.at.source;
    if (e.at.line) at["line"] = e.at.line;
    if (e.at.column) at["column"] = e.at.column;
    if (!e.at.pointer.empty()) at["pointer"] = e.at.pointer;
    if (!e.at.field.empty()) at["field"] = e.at.field;
    j["at"] = std::move(at);
    return j;
}

ojson to_json_list(const std::vector<warning>& ws) {
    ojson list = ojson::array();
    for (const warning& w : ws) list.push_back(to_json(w));
    return list;
}

std::string dump_json(const ojson& j) {
    return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string ok_envelope(std::string_view schema, const ojson& body) {
    ojson j;
    j["schema"] = schema;
    j["ok"] = true;
    if (body.is_object())
        for (auto it = body.begin(); it != body.end(); ++it) j[it.key()] = it.value();
    return dump_json(j);
}

std::string error_envelope(std::string_view schema, const error& e) {
    ojson j;
    j["schema"] = schema;
    j["ok"] = false;
    j["error"] = to_json(e);
    return dump_json(j);
}

namespace {
// Converts a byte offset into a 1-based line and column for parse errors.
void line_column(std::string_view text, size_t offset, uint32_t& line, uint32_t& column) {
    line = 1;
    column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

// Records the first parse error position; depth-limits nesting so hostile input
// cannot exhaust the stack (nlohmann recurses when copying and dumping).
struct depth_guard {
    int depth = 0;
    bool too_deep = false;
};
}  // namespace

result<nlohmann::json> parse_json_object(std::string_view text, std::string_view source) {
    const std::string src(source);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return nlohmann::json::object();
    depth_guard guard;
    auto cb = [&guard](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > 64) guard.too_deep = true;
        return !guard.too_deep;
    };
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), cb, false);
    if (guard.too_deep)
        return make_error(src + ".too_deep", "The " + src + " JSON is nested more than 64 levels deep.",
                          location{src, 0, 0, "", ""});
    if (j.is_discarded()) {
        // Find the failing byte with the SAX interface, which reports positions without throwing.
        struct sink : nlohmann::json_sax<nlohmann::json> {
            size_t at = 0;
            std::string what;
            bool null() override { return true; }
            bool boolean(bool) override { return true; }
            bool number_integer(number_integer_t) override { return true; }
            bool number_unsigned(number_unsigned_t) override { return true; }
            bool number_float(number_float_t, const string_t&) override { return true; }
            bool string(string_t&) override { return true; }
            bool binary(binary_t&) override { return true; }
            bool start_object(std::size_t) override { return true; }
            bool key(string_t&) override { return true; }
            bool end_object() override { return true; }
            bool start_array(std::size_t) override { return true; }
            bool end_array() override { return true; }
            bool parse_error(std::size_t position, const std::string&,
                             const nlohmann::detail::exception& ex) override {
                at = position;
                what = ex.what();
                return false;
            }
        } s;
        nlohmann::json::sax_parse(text.begin(), text.end(), &s, nlohmann::json::input_format_t::json, false);
        uint32_t line = 0, column = 0;
        line_column(text, s.at > 0 ? s.at - 1 : 0, line, column);
        return make_error(src + ".json",
                          "The " + src + " is not valid JSON (line " + std::to_string(line) + ", column " +
                              std::to_string(column) + ").",
                          location{src, line, column, "", ""});
    }
    if (!j.is_object())
        return make_error(src + ".type", "The " + src + " must be a JSON object.",
                          location{src, 0, 0, "", ""});
    return j;
}

}  // namespace revdiag
