// Private to the Snapshot: what drafting decided, handed to the document writer
// so the Markdown explains the same process that the JSON defines.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "json/envelope.h"

namespace revdiag::snap {

struct drafting {
    ojson process;  // revdiag.process/1
    std::string shape;
    std::string shape_label;
    std::string shape_why;
    int complexity = 0;
    std::string crm_label;
    std::vector<std::pair<std::string, std::string>> told;  // question text, chosen label
    std::vector<std::string> advice;
    std::vector<std::string> crm_setup;
};

/// The printable design document (Markdown) of a drafted process.
std::string write_document(const drafting& d);

}  // namespace revdiag::snap
