#pragma once

#include <string>
#include <string_view>

#include "graph/status.h"
#include "ingest/raw_document.h"

namespace presskg::ingest {

// The checks every reader applies to the bytes of a document before parsing them.
// InvalidArgument, with a message that starts with `name`, when `bytes` is empty or only white
// space ("empty"), holds a NUL byte ("binary", with its offset), or, if `require_utf8`, is not
// well-formed UTF-8 ("invalid UTF-8 at byte offset N").
Status CheckDocumentBytes(std::string_view name, std::string_view bytes, bool require_utf8);

// The longest line a document body may have. No paragraph of prose comes near this, and parts of
// extraction still grow faster than a sentence's length (each fact's evidence copies its
// sentence; entity and pronoun resolution rescan it), so a huge line without sentence ends is
// refused rather than extracted.
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;

// InvalidArgument, with a message that starts with `name` and gives the line number and length,
// when a line of `text` is longer than kMaxLineBytes.
Status CheckLineLengths(std::string_view name, std::string_view text);

// `bytes` without a leading UTF-8 byte order mark.
std::string_view StripUtf8Bom(std::string_view bytes);

// "fr" or "en" for a language tag naming French or English ("fr", "FR", "fr-CA", "en_GB",
// "French"); "" for anything else.
std::string NormalizeLanguageTag(std::string_view tag);

// Sets `document->lang` from the text with DetectLanguage when it is empty.
void FillLanguage(RawDocument* document);

}  // namespace presskg::ingest
