#include "ingest/reader/document_bytes.h"

#include <algorithm>

#include "graph/text_util.h"
#include "ingest/text/language_id.h"

namespace presskg::ingest {

Status CheckDocumentBytes(std::string_view name, std::string_view bytes, bool require_utf8) {
  const std::string prefix = std::string(name) + ": ";
  if (Trim(StripUtf8Bom(bytes)).empty()) {
    return Status::InvalidArgument(prefix + "empty file");
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status::InvalidArgument(prefix + "binary file (NUL byte at byte offset " +
                                   std::to_string(nul) + ")");
  }
  std::size_t bad_offset = 0;
  if (require_utf8 && !IsValidUtf8(bytes, &bad_offset)) {
    return Status::InvalidArgument(prefix + "invalid UTF-8 at byte offset " +
                                   std::to_string(bad_offset));
  }
  return Status::Ok();
}

Status CheckLineLengths(std::string_view name, std::string_view text) {
  std::size_t line = 1;
  for (std::size_t start = 0; start <= text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > kMaxLineBytes) {
      return Status::InvalidArgument(std::string(name) + ": line " + std::to_string(line) + " is " +
                                     std::to_string(end - start) + " bytes long (limit " +
                                     std::to_string(kMaxLineBytes) + "): not prose");
    }
    start = end + 1;
  }
  return Status::Ok();
}

std::string_view StripUtf8Bom(std::string_view bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
  return bytes;
}

std::string NormalizeLanguageTag(std::string_view tag) {
  std::string lower(Trim(tag));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  const std::string primary = lower.substr(0, lower.find_first_of("-_"));
  if (primary == "fr" || primary == "fra" || primary == "fre" || primary == "french" ||
      primary == "français" || primary == "francais") {
    return "fr";
  }
  if (primary == "en" || primary == "eng" || primary == "english" || primary == "anglais") {
    return "en";
  }
  return "";
}

void FillLanguage(RawDocument* document) {
  if (document->lang.empty()) document->lang = DetectLanguage(document->text);
}

}  // namespace presskg::ingest
