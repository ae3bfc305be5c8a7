#include "ingest/pipeline.h"
#include "ingest/reader/document_bytes.h"
#include "ingest/resolve/person_resolver.h"
#include "ingest/statements/statement_json.h"
#include "query/api/api_service.h"

// The handlers that read a document from the request body: extraction preview and ingest.
namespace presskg::query {
namespace {

using nlohmann::json;

// A document from a JSON body {"text", "title", "date", "lang", "name", "url"}.
Result<ingest::RawDocument> DocumentFromBody(const std::string& body) {
  json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Status::InvalidArgument("the body must be a JSON object with a \"text\" field");
  }
  auto field = [&](const char* name) -> Result<std::string> {
    auto it = parsed.find(name);
    if (it == parsed.end() || it->is_null()) return std::string();
    if (!it->is_string()) {
      return Status::InvalidArgument(std::string("field '") + name + "' must be a string");
    }
    return it->get<std::string>();
  };
  ingest::RawDocument doc;
  PRESSKG_ASSIGN_OR_RETURN(doc.text, field("text"));
  PRESSKG_ASSIGN_OR_RETURN(doc.title, field("title"));
  PRESSKG_ASSIGN_OR_RETURN(doc.date, field("date"));
  PRESSKG_ASSIGN_OR_RETURN(std::string lang, field("lang"));
  PRESSKG_ASSIGN_OR_RETURN(doc.name, field("name"));
  PRESSKG_ASSIGN_OR_RETURN(doc.url, field("url"));
  if (doc.name.empty()) doc.name = doc.title.empty() ? "uploaded document" : doc.title;
  doc.source = "api";
  doc.lang = ingest::NormalizeLanguageTag(lang);
  PRESSKG_RETURN_IF_ERROR(ingest::CheckDocumentBytes(doc.name, doc.text, /*require_utf8=*/true));
  return doc;
}

}  // namespace

ApiResponse ApiService::ExtractPreview(const ApiRequest& request) const {
  Result<ingest::RawDocument> doc = DocumentFromBody(request.body);
  if (!doc.ok()) return ApiResponse::FromStatus(doc.status());
  Result<graph::DocumentGraph> graph = ingest::BuildDocumentGraph(*doc);
  if (!graph.ok()) return ApiResponse::FromStatus(graph.status());
  json statements = json::array();
  for (json& line : ingest::StatementsOf(*graph, /*with_mentions=*/false)) {
    statements.push_back(std::move(line));
  }
  return ApiResponse::Json({{"lang", graph->document.lang}, {"statements", std::move(statements)}});
}

ApiResponse ApiService::PostDocument(const ApiRequest& request) const {
  if (!Authorized(request)) return Unauthorized();
  Result<ingest::RawDocument> doc = DocumentFromBody(request.body);
  if (!doc.ok()) return ApiResponse::FromStatus(doc.status());
  Result<graph::DocumentGraph> graph = ingest::BuildDocumentGraph(*doc);
  if (!graph.ok()) return ApiResponse::FromStatus(graph.status());
  Status resolved = ingest::ResolvePersonsAgainstStore(*store_->Snapshot(), &*graph);
  if (!resolved.ok()) return ApiResponse::FromStatus(resolved);
  Result<graph::CommitResult> result = store_->CommitDocument(*graph);
  if (!result.ok()) return ApiResponse::FromStatus(result.status());
  search_->Invalidate();
  Status indexed = index_->Apply(*store_, *result);
  if (!indexed.ok()) return ApiResponse::FromStatus(indexed);
  return ApiResponse::Json({{"document", result->document},
                            {"already_present", result->already_present},
                            {"nodes_created", result->nodes_created},
                            {"edges_created", result->edges_created},
                            {"facts", graph->facts.size()},
                            {"literal_facts", graph->literals.size()}},
                           result->already_present ? 200 : 201);
}

}  // namespace presskg::query
