#include "ingest/reader/text_reader.h"

#include <algorithm>

#include "graph/text_util.h"
#include "ingest/reader/document_bytes.h"

namespace presskg::ingest {
namespace {

// Longest key accepted in a header line ("source", "title", or an unknown one like "author").
constexpr std::size_t kMaxKeyLength = 32;

// Splits "key: value"; false when `line` does not have that shape.
bool SplitHeaderLine(std::string_view line, std::string* key, std::string_view* value) {
  const std::size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > kMaxKeyLength) return false;
  const std::string_view raw_key = Trim(line.substr(0, colon));
  if (raw_key.empty()) return false;
  const bool identifier = std::all_of(raw_key.begin(), raw_key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  if (!identifier || !((raw_key[0] | 0x20) >= 'a' && (raw_key[0] | 0x20) <= 'z')) return false;
  key->assign(raw_key);
  std::transform(key->begin(), key->end(), key->begin(),
                 [](unsigned char c) { return static_cast<char>(c | 0x20); });
  *value = Trim(line.substr(colon + 1));
  return true;
}

}  // namespace

TextHeader ParseTextHeader(std::string_view text) {
  TextHeader header;
  bool known_key = false;
  std::size_t line_begin = 0;
  while (true) {
    std::size_t line_end = text.find('\n', line_begin);
    const bool last_line = line_end == std::string_view::npos;
    if (last_line) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::size_t next = last_line ? text.size() : line_end + 1;
    if (Trim(line).empty()) {
      if (!known_key) return TextHeader();
      header.present = true;
      header.body_offset = next;
      return header;
    }
    std::string key;
    std::string_view value;
    if (!SplitHeaderLine(line, &key, &value)) return TextHeader();
    std::string* field = key == "date"     ? &header.date
                         : key == "lang"   ? &header.lang
                         : key == "title"  ? &header.title
                         : key == "source" ? &header.source
                         : key == "url"    ? &header.url
                                           : nullptr;
    if (field != nullptr) {
      field->assign(value);
      known_key = true;
    }
    if (last_line) {
      // Header lines up to the end of the text: a header without a body.
      if (!known_key) return TextHeader();
      header.present = true;
      header.body_offset = text.size();
      return header;
    }
    line_begin = next;
  }
}

Result<RawDocument> ParseTextDocument(std::string_view name, std::string_view bytes) {
  PRESSKG_RETURN_IF_ERROR(CheckDocumentBytes(name, bytes, /*require_utf8=*/true));
  const std::string_view text = StripUtf8Bom(bytes);
  const TextHeader header = ParseTextHeader(text);
  RawDocument document;
  document.name = std::string(name);
  document.text = std::string(text.substr(header.body_offset));
  if (Trim(document.text).empty()) {
    return Status::InvalidArgument(std::string(name) + ": no body text after the header lines");
  }
  document.title = header.title;
  document.date = header.date;
  document.url = header.url;
  if (document.url.empty() &&
      (header.source.starts_with("http://") || header.source.starts_with("https://"))) {
    document.url = header.source;
  }
  document.lang = NormalizeLanguageTag(header.lang);
  if (header.lang.empty()) FillLanguage(&document);
  return document;
}

}  // namespace presskg::ingest
