// Private: the one key under which the engine compares names people type (a
// stage, an alias, an owner, a currency, a column header), so that the audit,
// the process loader, the ingest and the page all agree on what "the same name"
// means. Unicode-aware and locale-independent: no <locale>, no tolower of chars.
#pragma once

#include <string>
#include <string_view>

namespace revdiag {

/// The key of a UTF-8 name: letters and digits kept, case folded; spaces,
/// punctuation, symbols and combining marks dropped. "Proposal / Quote" ->
/// "proposalquote", "ЗАКРЫТО" -> "закрыто", "NÉGOCIATION" -> "négociation".
///
/// - Case folding is Unicode simple case folding (CaseFolding.txt, status C and
///   S) for ASCII, Latin-1, Latin Extended-A, the paired letters of Latin
///   Extended-B, Latin Extended Additional, Greek, Cyrillic (with its
///   supplement), Armenian and fullwidth Latin. Elsewhere letters are kept as
///   written. "İ" keys as "i" (its full folding is i + a combining dot, dropped).
/// - Accents are part of the letter: "Négociation" and "Negociation" are two
///   names, as "ß" and "ss" are. Text is expected in NFC, as exports write it: a
///   decomposed accent (e + U+0301) loses its combining mark.
/// - Dropped: ASCII other than letters and digits, Latin-1 punctuation and
///   symbols (no-break space, soft hyphen, « », ×), spacing modifier symbols,
///   combining marks, Greek, Cyrillic, Armenian, Hebrew and Arabic punctuation,
///   General Punctuation (dashes, quotes, typographic spaces, zero-width marks),
///   currency and other symbol blocks, CJK and fullwidth punctuation, variation
///   selectors, the byte order mark, emoji. Other code points are kept.
/// - Bytes that are not valid UTF-8 are kept as they are, so distinct values
///   never collapse into one key.
std::string stage_key(std::string_view text);

}  // namespace revdiag
