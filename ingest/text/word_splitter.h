#pragma once

#include <string_view>
#include <vector>

#include "ingest/text/text_span.h"

namespace presskg::ingest {

// Words and numbers of UTF-8 `text` per ICU's word BreakIterator (UAX #29), as BYTE spans in
// order; white space and punctuation are left out ("AVL Maroc, filiale" -> AVL|Maroc|filiale;
// "1.5" and "d’AVL" stay one token in ICU). When `lang` is "fr", French elisions are split after
// the apostrophe: "d’AVL" -> d’|AVL, "l'usine" -> l'|usine, "qu’il" -> qu’|il.
// Thread-safe.
std::vector<TextSpan> SplitWords(std::string_view text, std::string_view lang = "");

}  // namespace presskg::ingest
