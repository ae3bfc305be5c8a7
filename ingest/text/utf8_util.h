#pragma once

#include <string>

#include <cstddef>
#include <string_view>

#include "ingest/text/text_span.h"

namespace presskg::ingest {

// Code point starting at byte `pos` of `text`; `*length` receives its byte length (>= 1).
// Ill-formed bytes decode as U+FFFD of length 1. Precondition: pos < text.size().
char32_t DecodeUtf8At(std::string_view text, std::size_t pos, std::size_t* length);

// Code point ending just before byte `pos` (> 0); `*length` receives its byte length (>= 1).
char32_t DecodeUtf8Before(std::string_view text, std::size_t pos, std::size_t* length);

// True for Unicode white space (ASCII blanks, U+00A0, U+202F, U+2009, U+3000, ...).
bool IsUnicodeSpace(char32_t c);

// `span` shrunk until it neither starts nor ends with Unicode white space; empty spans collapse
// to {span.end, span.end}.
TextSpan TrimSpan(std::string_view text, TextSpan span);

// Appends the UTF-8 encoding of code point `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

}  // namespace presskg::ingest
