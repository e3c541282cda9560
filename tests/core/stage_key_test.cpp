// The engine's one name key (common/stage_key.h): what it keeps, folds and
// drops, and that every place that compares names uses it.
#include "common/stage_key.h"

#include <catch2/catch.hpp>

#include "revdiag/api.h"
#include "revdiag/audit.h"
#include "revdiag/process.h"
#include "revdiag/values.h"

using revdiag::stage_key;

TEST_CASE("stage key drops spaces and punctuation and lower-cases ASCII", "[stage_key]") {
    CHECK(stage_key("Proposal / Quote") == "proposalquote");
    CHECK(stage_key("  Closed-Won! ") == "closedwon");
    CHECK(stage_key("Stage 2") == "stage2");
    CHECK(stage_key("") == "");
    CHECK(stage_key(" - / ") == "");
}

TEST_CASE("stage key folds the case of Latin-1 and Latin Extended-A letters", "[stage_key]") {
    CHECK(stage_key("NÉGOCIATION") == "négociation");
    CHECK(stage_key("Négociation") == stage_key("NÉGOCIATION"));
    CHECK(stage_key("ŁÓDŹ") == "łódź");
    CHECK(stage_key("ÆØÅ ÞÐ") == "æøåþð");
    CHECK(stage_key("ČŘŠŽĚŮ") == "čřšžěů");
    CHECK(stage_key("ŒŸ") == "œÿ");
    CHECK(stage_key("ŞĞ") == "şğ");
    // Latin Extended-B pairs and Latin Extended Additional (Romanian, Vietnamese).
    CHECK(stage_key("ȘȚ") == "șț");
    CHECK(stage_key("ĐÀM PHÁN ƯỚC") == "đàmphánước");
}

TEST_CASE("stage key keeps accents: an accented letter is another letter", "[stage_key]") {
    CHECK(stage_key("Négociation") != stage_key("Negociation"));
    CHECK(stage_key("Straße") == "straße");
    CHECK(stage_key("STRAẞE") == "straße");
    CHECK(stage_key("Straße") != stage_key("STRASSE"));
}

TEST_CASE("stage key folds Greek and Cyrillic case including final sigma", "[stage_key]") {
    CHECK(stage_key("Закрыто") == "закрыто");
    CHECK(stage_key("ЗАКРЫТО") == stage_key("Закрыто"));
    CHECK(stage_key("ПЕРЕГОВОРЫ, ЁЖ") == "переговорыёж");
    CHECK(stage_key("ЄЇІЎ Ґ") == "єїіўґ");
    CHECK(stage_key("ΚΛΕΙΣΤΌΣ") == stage_key("Κλειστός"));
    CHECK(stage_key("Κλειστός") == "κλειστόσ");
    CHECK(stage_key("ΆΈΉΊΌΎΏ") == "άέήίόύώ");
    CHECK(stage_key("Առաջարկ") == stage_key("ԱՌԱՋԱՐԿ"));
}

TEST_CASE("stage key drops non-ASCII punctuation, spaces, symbols and marks", "[stage_key]") {
    CHECK(stage_key("Won \xE2\x80\x93 Closed") == "wonclosed");  // en dash
    CHECK(stage_key("\xC2\xAB"
                    "Devis\xC2\xA0"
                    "envoy\xC3\xA9\xC2\xBB") == "devisenvoyé");  // « nbsp »
    CHECK(stage_key("Deal\xE2\x80\x8B"
                    "won") == "dealwon");  // zero-width space
    CHECK(stage_key("\xEF\xBB\xBF"
                    "Lead") == "lead");                        // byte order mark
    CHECK(stage_key("Won \xF0\x9F\x8E\x89") == "won");         // emoji
    CHECK(stage_key("100\xE2\x82\xAC \xC3\x97 2") == "1002");  // euro sign, multiplication sign
    CHECK(stage_key("e\xCC\x81tape") == "etape");              // a decomposed accent loses its mark
    CHECK(stage_key("\xE3\x80\x8C\xE6\x8F\x90\xE6\xA1\x88\xE3\x80\x8D") ==
          "\xE6\x8F\x90\xE6\xA1\x88");  // 「提案」
}

TEST_CASE("stage key keeps other letters and digits and invalid bytes as they are", "[stage_key]") {
    CHECK(stage_key("\xE6\x8F\x90\xE6\xA1\x88 2") ==
          "\xE6\x8F\x90\xE6\xA1\x88"
          "2");
    CHECK(stage_key("\xD9\xA1\xD9\xA2") == "\xD9\xA1\xD9\xA2");  // Arabic-Indic digits
    CHECK(stage_key("\xC2\xB2") == "\xC2\xB2");                  // superscript two is a digit
    CHECK(stage_key("Won\xFF") == "won\xFF");
    CHECK(stage_key("\xC3") == "\xC3");                  // a truncated sequence
    CHECK(stage_key("\xED\xA0\x80") == "\xED\xA0\x80");  // a surrogate is not a letter
    CHECK(stage_key("\xC0\xAF") == "\xC0\xAF");          // an overlong slash is not a slash
    CHECK(stage_key("\xC4\xB0STANBUL") == "istanbul");   // İ
    CHECK(stage_key("\xC4\xB1") == "\xC4\xB1");          // dotless ı stays
}

TEST_CASE("every name comparison of the engine uses the stage key", "[stage_key]") {
    const std::string name = "Переговоры / Négociation";
    CHECK(revdiag::normalize_key(name) == stage_key(name));
    CHECK(revdiag::compact_key(name) == stage_key(name));
    revdiag::process p = revdiag::default_process();
    p.stages[0].aliases.push_back("ПЕРЕГОВОРЫ / NÉGOCIATION");
    CHECK(revdiag::match_stage(p, "переговоры négociation") == 0);
    CHECK(revdiag::match_stage(p, "Переговоры Negociation") == -1);
}

TEST_CASE("currencies written as symbols still count as different currencies", "[stage_key][audit]") {
    const auto warns_mixed = [](const std::string& a, const std::string& b) {
        const std::string csv =
            "Deal Name,Amount,Currency,Stage,Owner,Created Date\n"
            "A,100," +
            a +
            ",Proposal,Ann,2026-06-01\n"
            "B,200," +
            b + ",Proposal,Ann,2026-06-01\n";
        const std::string report = revdiag::api::audit(csv, R"({"as_of":"2026-06-30"})");
        REQUIRE(report.find("\"ok\":true") != std::string::npos);
        return report.find("audit.mixed_currency") != std::string::npos;
    };
    CHECK(warns_mixed("\xE2\x82\xAC", "$"));  // € and $ both key as ""
    CHECK(warns_mixed("EUR", "USD"));
    CHECK_FALSE(warns_mixed("EUR", "eur"));
    CHECK_FALSE(warns_mixed("\xE2\x82\xAC", "\xE2\x82\xAC"));
}

namespace {
std::string utf8(char32_t c) {
    std::string s;
    if (c < 0x80) {
        s += static_cast<char>(c);
    } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (c >> 18));
        s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
}
}  // namespace

TEST_CASE("stage key of every code point is one code point or none and keys to itself", "[stage_key]") {
    size_t kept = 0, folded = 0, failures = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are not UTF-8
        const std::string in = utf8(c);
        const std::string key = stage_key(in);
        if (key.empty()) continue;
        ++kept;
        if (key != in) ++folded;
        // One code point in, at most one out (simple folding never expands),
        // and a folded letter is already in its key form.
        const bool one = key.size() <= 4 && stage_key(key) == key &&
                         (key.size() == 1 || (static_cast<unsigned char>(key[0]) & 0xC0) == 0xC0);
        if (!one && ++failures <= 5) FAIL_CHECK("U+" << std::hex << static_cast<uint32_t>(c));
    }
    CHECK(failures == 0);
    CHECK(folded > 500);  // ASCII, Latin, Greek, Cyrillic, Armenian, fullwidth capitals
    CHECK(kept > 1000000);
}
