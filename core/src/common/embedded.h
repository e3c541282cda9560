// The data files of core/data/ (default process, question bank, ...) embedded
// at build time by cmake/embed_data.cmake.
#pragma once

#include <string_view>

namespace revdiag {

/// The content of core/data/<name>, or an empty view when there is none.
std::string_view embedded_file(std::string_view name);

}  // namespace revdiag
