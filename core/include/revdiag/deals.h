// The typed deal table: what ingest produces and what rules, the audit and the
// simulator read. Columns are typed and compact (interned text, numbers and
// dates as numbers); this header owns the shapes and the canonical field list,
// not the parsing (csv.h, values.h, mapping.h, ingest.h).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/date.h"

namespace revdiag {

enum class field_type : uint8_t { text, money, date, boolean, percent, status };

/// "text", "money", "date", "bool", "percent", "status".
std::string_view to_string(field_type t);

/// A canonical field of DESIGN §2.1: its id and type.
struct canonical_field {
    std::string_view id;
    field_type type;
};

/// The canonical fields in DESIGN §2.1 order.
const std::vector<canonical_field>& canonical_fields();
/// The canonical field with that id, or nullptr.
const canonical_field* find_canonical_field(std::string_view id);

/// The status values a `status` column holds (as text pool entries).
inline constexpr std::string_view status_open = "open";
inline constexpr std::string_view status_won = "won";
inline constexpr std::string_view status_lost = "lost";

/// The distinct texts of one column, packed in one buffer: entry 0 is "" (missing).
/// Reads as a vector of string_views; a million distinct values cost their bytes
/// plus four bytes each, not a heap string each.
class text_pool {
public:
    text_pool() : end_{0} {}
    size_t size() const { return end_.size(); }
    std::string_view operator[](size_t i) const {
        const uint32_t begin = i == 0 ? 0 : end_[i - 1];
        return std::string_view(bytes_).substr(begin, end_[i] - begin);
    }
    void push_back(std::string_view s) {
        bytes_.append(s);
        end_.push_back(static_cast<uint32_t>(bytes_.size()));
    }
    void emplace_back(std::string_view s) { push_back(s); }
    void reserve(size_t entries, size_t bytes) {
        end_.reserve(entries);
        bytes_.reserve(bytes);
    }
    void shrink_to_fit() {
        end_.shrink_to_fit();
        bytes_.shrink_to_fit();
    }
    size_t bytes() const { return bytes_.size(); }

private:
    std::string bytes_;
    std::vector<uint32_t> end_;
};

/// One typed column. Exactly one of text/number/date/flag is filled (by type):
/// text and status -> text (indices into pool, 0 = missing, pool[0] == "");
/// money and percent -> number (NaN = missing; percent as 0..100);
/// date -> date (no_date = missing); boolean -> flag (1, 0, -1 = missing).
struct column {
    std::string name;    // canonical id, or the normalized header of an extra column
    std::string header;  // the header as written in the file ("" when derived)
    field_type type = field_type::text;
    int source_index = -1;  // 0-based column in the file; -1 when derived
    std::vector<uint32_t> text;
    text_pool pool;
    std::vector<double> number;
    std::vector<day_t> date;
    std::vector<int8_t> flag;

    bool is_missing(size_t row) const {
        switch (type) {
            case field_type::text:
            case field_type::status:
                return text[row] == 0;
            case field_type::money:
            case field_type::percent:
                return std::isnan(number[row]);
            case field_type::date:
                return date[row] == no_date;
            case field_type::boolean:
                return flag[row] < 0;
        }
        return true;
    }
    std::string_view text_at(size_t row) const { return pool[text[row]]; }
};

/// The deals of one export, one row per deal, with the physical CSV line on
/// which each row starts (for findings and error locations).
struct deal_table {
    std::vector<column> columns;
    std::vector<uint32_t> line;

    size_t rows() const { return line.size(); }
    /// The column with that name (canonical id or normalized extra name), or nullptr.
    const column* find(std::string_view name) const {
        for (const column& c : columns)
            if (c.name == name) return &c;
        return nullptr;
    }
    column* find(std::string_view name) {
        for (column& c : columns)
            if (c.name == name) return &c;
        return nullptr;
    }
};

inline double missing_number() {
    return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace revdiag
