// Private to csv: limits shared by the reader's scan and its cell repair.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace revdiag::csv_detail {

/// Warnings of one code reported one by one; past this, one summary warning.
inline constexpr size_t max_warnings_per_code = 20;
/// The longest cell, in bytes (cells are addressed with 32-bit offsets).
inline constexpr size_t max_cell_bytes = std::numeric_limits<uint32_t>::max();

}  // namespace revdiag::csv_detail
