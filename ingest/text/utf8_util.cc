#include "ingest/text/utf8_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace presskg::ingest {

char32_t DecodeUtf8At(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<std::size_t>(text.size() - pos, 4));
  UChar32 c = 0;
  U8_NEXT_OR_FFFD(s + pos, i, n, c);
  *length = static_cast<std::size_t>(i);
  return static_cast<char32_t>(c);
}

char32_t DecodeUtf8Before(std::string_view text, std::size_t pos, std::size_t* length) {
  const std::size_t window = std::min<std::size_t>(pos, 4);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data() + pos - window);
  int32_t i = static_cast<int32_t>(window);
  UChar32 c = 0;
  U8_PREV_OR_FFFD(s, 0, i, c);
  *length = window - static_cast<std::size_t>(i);
  return static_cast<char32_t>(c);
}

bool IsUnicodeSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

TextSpan TrimSpan(std::string_view text, TextSpan span) {
  std::size_t length = 0;
  while (span.begin < span.end && IsUnicodeSpace(DecodeUtf8At(text, span.begin, &length))) {
    span.begin += length;
  }
  while (span.end > span.begin && IsUnicodeSpace(DecodeUtf8Before(text, span.end, &length))) {
    span.end -= length;
  }
  if (span.begin > span.end) span.begin = span.end;
  return span;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace presskg::ingest
