#pragma once

#include <string_view>
#include <vector>

#include "ingest/text/text_span.h"

namespace presskg::ingest {

// Splits UTF-8 `text` into sentences. `lang` is "fr", "en" or "" (treated as English rules plus
// the French abbreviations). Each span is a BYTE range into `text`, trimmed of surrounding white
// space, never empty, in order and non-overlapping. Paragraph breaks (a line holding only white
// space) always end a sentence; single line breaks inside a paragraph do not. Abbreviations
// ("M.", "Dr.", "Inc.", "Sept. 3"), initials ("P.-Y. Lemoine"), decimals and quotations that
// continue their sentence (« ... ! », a-t-il dit) do not end a sentence.
// Precondition: `text` is valid UTF-8 (ICU substitutes U+FFFD otherwise; offsets stay valid).
// Thread-safe.
std::vector<TextSpan> SplitSentences(std::string_view text, std::string_view lang);

}  // namespace presskg::ingest
