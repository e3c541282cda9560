// Typed values from the text of CSV cells: money, dates, booleans, percents and
// deal status. Conventions that a single cell cannot settle (decimal comma or
// point, day/month order, 0-1 or 0-100 percents, x-marks) are decided once per
// column from all its values. Owns parsing only; which column is which field is
// mapping.h's business. Nothing here throws or depends on the locale or time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "revdiag/date.h"

namespace revdiag {

/// The cell without surrounding spaces (ASCII and no-break spaces): the rare slow path.
std::string_view trim_value_edges(std::string_view text);
/// The cell without surrounding spaces (ASCII and no-break spaces).
inline std::string_view trim_value(std::string_view text) {
    // Most cells start and end with neither a space, a tab nor a byte of U+00A0.
    auto edge = [](char c) { return c == ' ' || c == '\t' || c == '\xC2' || c == '\xA0'; };
    if (text.empty() || (!edge(text.front()) && !edge(text.back()))) return text;
    return trim_value_edges(text);
}
/// True for a blank cell and the spellings of "no value": `-`, `--`, `N/A`, `NA`, `null`, `none`, `#N/A`.
bool is_missing_value(std::string_view text);

struct money_format {
    bool decimal_comma = false;  // `48.250,00` rather than `48,250.00`
};
/// The decimal convention of a money column, by majority of the values that
/// show it (`1.234,5`, `12,50`); the decimal point when nothing tells.
money_format detect_money_format(const std::vector<std::string_view>& values);
/// The same detection fed one value at a time.
class money_format_detector {
public:
    void add(std::string_view value);
    money_format result() const;

private:
    size_t comma_votes_ = 0, point_votes_ = 0;
};
/// `48250`, `48,250.00`, `$48,250`, `48.250,00 €`, `USD 48250`, `(1,200)`, `-5`,
/// `1.5E+06`; nullopt when the text is not an amount.
std::optional<double> parse_money(std::string_view text, money_format format);
/// True when the text writes both separators and its last one, the decimal mark
/// it implies, is not the column's (`1.234,56` in a decimal-point column).
bool contradicts_money_format(std::string_view text, money_format format);

/// The largest amount one cell may hold, in currency units (ten trillion): its
/// cents are exact in a double, and a larger amount is a typo or an attack.
inline constexpr double max_money_amount = 1e13;
/// The largest sum of absolute cents one money column may reach: 2^53, the last
/// integer a double and JavaScript hold exactly, so every total built from the
/// column (a sum of some of its cents, or of them weighted by 0..1) is exact and
/// never wraps, natively and in wasm.
inline constexpr int64_t max_money_total_cents = int64_t{1} << 53;

enum class date_order { ymd, mdy, dmy };
struct date_format {
    date_order order = date_order::mdy;  // for numeric dates whose year comes last
    bool excel_serial = false;           // the column holds only Excel day numbers
    bool ambiguous = false;              // no value told day from month; `order` is a guess
};
/// The conventions of a date column: day/month order from the values whose
/// first or second number exceeds 12 (the `.` separator suggests day first when
/// none does), Excel serials when every value is a plain number in range.
date_format detect_date_format(const std::vector<std::string_view>& values);
/// The same detection fed one value at a time.
class date_format_detector {
public:
    void add(std::string_view value);
    date_format result() const;

private:
    size_t mdy_ = 0, dmy_ = 0, numeric_order_ = 0, dotted_ = 0, serials_ = 0, others_ = 0;
};
/// ISO dates and date-times (the date as written, no zone shift), numeric dates
/// in the column's order with an optional time, `15 Apr, 2021 00:02:00`,
/// `Apr 15, 2021`, `15-Apr-2021`, and Excel serials when the format says so.
std::optional<day_t> parse_date(std::string_view text, const date_format& format);

struct bool_format {
    bool blank_is_false = false;  // the column marks true (`x`, `1`, `checked`) and never writes false
};
bool_format detect_bool_format(const std::vector<std::string_view>& values);
/// The same detection fed one value at a time.
class bool_format_detector {
public:
    void add(std::string_view value);
    bool_format result() const;

private:
    bool any_true_ = false, any_false_ = false;
};
/// yes/no, true/false, y/n, 1/0, x, checked/unchecked, on/off; nullopt otherwise.
std::optional<bool> parse_bool(std::string_view text);

struct percent_format {
    bool fraction = false;  // values are 0-1 (`0.4`), to be read as 0-100
};
/// Fractions when no value has `%`, every value is within 0..1 and one lies strictly between.
percent_format detect_percent_format(const std::vector<std::string_view>& values);
/// The same detection fed one value at a time.
class percent_format_detector {
public:
    void add(std::string_view value);
    percent_format result() const;

private:
    bool any_sign_ = false, all_unit_ = true, any_between_ = false, any_ = false;
};
/// `40`, `40%`, `40 %`, `0.4` (fraction columns); the result is on a 0-100 scale.
std::optional<double> parse_percent(std::string_view text, percent_format format);

/// "open", "won" or "lost" from the spellings of status columns (Status, Won/Lost,
/// Forecast Type, Status Reason, status_type) and closed stage names
/// (`Closed Won`, `Closed - Lost`); nullopt when the text names no status.
std::optional<std::string_view> parse_status(std::string_view text);

/// The engine's name key (common/stage_key.h): letters case-folded, digits kept, the rest dropped.
std::string compact_key(std::string_view text);

}  // namespace revdiag
