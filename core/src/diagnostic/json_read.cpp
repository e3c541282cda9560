#include "diagnostic/json_read.h"

#include <cmath>
#include <limits>

namespace revdiag::diag {

std::string pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

const nlohmann::json* member(const nlohmann::json& j, std::string_view key) {
    if (!j.is_object()) return nullptr;
    const auto it = j.find(std::string(key));
    return it == j.end() ? nullptr : &*it;
}

error error_at(std::string code, std::string message, std::string source, std::string pointer,
               std::string field) {
    location at;
    at.source = std::move(source);
    at.pointer = std::move(pointer);
    at.field = std::move(field);
    return make_error(std::move(code), std::move(message), std::move(at));
}

std::string dump_value(const nlohmann::json& j) {
    std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // Messages are one sentence: a pasted document as an answer is cut short.
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

bool read_int(const nlohmann::json& j, int& out) {
    if (j.is_number_integer()) {
        // Both signed and unsigned storage: compare as long double to avoid overflow.
        const long double v = j.is_number_unsigned() ? static_cast<long double>(j.get<uint64_t>())
                                                     : static_cast<long double>(j.get<int64_t>());
        if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) return false;
        out = static_cast<int>(v);
        return true;
    }
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || d < std::numeric_limits<int>::min() ||
            d > std::numeric_limits<int>::max())
            return false;
        out = static_cast<int>(d);
        return true;
    }
    return false;
}

}  // namespace revdiag::diag
