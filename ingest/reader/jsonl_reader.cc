#include "ingest/reader/jsonl_reader.h"

#include <nlohmann/json.hpp>
#include <string>

#include "graph/status.h"
#include "graph/text_util.h"
#include "ingest/reader/document_bytes.h"

namespace presskg::ingest {
namespace {

// Copies the optional string field `key` of `record` into `*out`; an error when it has another
// type.
Status ReadStringField(const nlohmann::json& record, const char* key, std::string* out) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return Status::InvalidArgument(std::string("field \"") + key + "\" is not a string");
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

// The document of one line (already valid UTF-8).
Result<RawDocument> ParseRecord(std::string_view name, std::string_view line,
                                std::size_t line_number) {
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(std::string("malformed or truncated JSON: ") + e.what());
  }
  if (!record.is_object()) return Status::InvalidArgument("expected a JSON object");
  RawDocument document;
  std::string id;
  const auto id_it = record.find("id");
  if (id_it != record.end() && id_it->is_number_integer()) {
    id = id_it->dump();
  } else {
    PRESSKG_RETURN_IF_ERROR(ReadStringField(record, "id", &id));
  }
  std::string lang;
  PRESSKG_RETURN_IF_ERROR(ReadStringField(record, "title", &document.title));
  PRESSKG_RETURN_IF_ERROR(ReadStringField(record, "date", &document.date));
  PRESSKG_RETURN_IF_ERROR(ReadStringField(record, "lang", &lang));
  PRESSKG_RETURN_IF_ERROR(ReadStringField(record, "url", &document.url));
  PRESSKG_RETURN_IF_ERROR(ReadStringField(record, "text", &document.text));
  if (Trim(document.text).empty())
    return Status::InvalidArgument("no \"text\" field or it is blank");
  document.name =
      std::string(name) + "#" + (id.empty() ? "line" + std::to_string(line_number) : id);
  document.lang = NormalizeLanguageTag(lang);
  if (lang.empty()) FillLanguage(&document);
  return document;
}

}  // namespace

JsonLinesResult ParseJsonLines(std::string_view name, std::string_view bytes) {
  JsonLinesResult result;
  if (Status status = CheckDocumentBytes(name, bytes, /*require_utf8=*/false); !status.ok()) {
    result.errors.push_back({std::string(name), status.message(), 0});
    return result;
  }
  const std::size_t bom = bytes.size() - StripUtf8Bom(bytes).size();
  std::size_t line_begin = bom;
  for (std::size_t line_number = 1; line_begin < bytes.size(); ++line_number) {
    std::size_t line_end = bytes.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = bytes.size();
    std::string_view line = bytes.substr(line_begin, line_end - line_begin);
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::size_t offset = line_begin;
    line_begin = line_end + 1;
    if (Trim(line).empty()) continue;
    const std::string where = std::string(name) + " line " + std::to_string(line_number) + ": ";
    std::size_t bad = 0;
    if (!IsValidUtf8(line, &bad)) {
      result.errors.push_back(
          {std::string(name),
           where + "invalid UTF-8 at byte offset " + std::to_string(offset + bad), line_number});
      continue;
    }
    Result<RawDocument> document = ParseRecord(name, line, line_number);
    if (document.ok()) {
      result.documents.push_back(std::move(document).value());
    } else {
      result.errors.push_back(
          {std::string(name), where + document.status().message(), line_number});
    }
  }
  return result;
}

}  // namespace presskg::ingest
