#include "csv/detect.h"

#include <vector>

namespace revdiag {

namespace {
constexpr size_t sample_records = 20;

// Delimiter counts per record outside quotes; blank records are skipped.
std::vector<size_t> count_per_record(std::string_view w, char d, bool complete) {
    std::vector<size_t> counts;
    size_t count = 0;
    bool in_quotes = false;
    bool content = false;
    size_t i = 0;
    for (; i < w.size() && counts.size() < sample_records; ++i) {
        const char c = w[i];
        if (c == '"') {
            in_quotes = !in_quotes;
            content = true;
        } else if (in_quotes) {
            continue;
        } else if (c == '\n' || c == '\r') {
            if (content) counts.push_back(count);
            count = 0;
            content = false;
        } else {
            content = true;
            if (c == d) ++count;
        }
    }
    // A record cut by the window's end is not evidence; one ended by the input is.
    if (content && complete && i == w.size() && counts.size() < sample_records) counts.push_back(count);
    return counts;
}
}  // namespace

char detect_delimiter(std::string_view window, bool complete) {
    const char candidates[] = {',', ';', '\t', '|'};
    char best = ',';
    size_t best_agree = 0, best_header = 0;
    for (const char d : candidates) {
        const std::vector<size_t> counts = count_per_record(window, d, complete);
        if (counts.empty() || counts[0] == 0) continue;
        size_t agree = 0;
        for (const size_t c : counts)
            if (c == counts[0]) ++agree;
        if (agree > best_agree || (agree == best_agree && counts[0] > best_header)) {
            best = d;
            best_agree = agree;
            best_header = counts[0];
        }
    }
    return best;
}

size_t sep_line_length(std::string_view text, char& delimiter) {
    if (text.size() < 5 || (text.substr(0, 4) != "sep=" && text.substr(0, 4) != "SEP=")) return 0;
    const char d = text[4];
    if (d != ',' && d != ';' && d != '\t' && d != '|') return 0;
    size_t n = 5;
    if (n < text.size() && text[n] == '\r') ++n;
    if (n < text.size() && text[n] == '\n') ++n;
    if (n == 5 && n != text.size()) return 0;
    delimiter = d;
    return n;
}

}  // namespace revdiag
