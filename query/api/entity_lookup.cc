#include "query/api/entity_lookup.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "ingest/resolve/name_key.h"
#include "ingest/resolve/name_search.h"
#include "query/api/decimal_id.h"

namespace presskg::query {
namespace {

constexpr std::size_t kMaxScannedKeys = 5000;
// Up to this many entity nodes, a search builds the in-memory name index (prefix of any word,
// typo-tolerant; ingest/resolve/name_search.h) from the snapshot; above, it scans name-index
// prefixes in RocksDB (exact and prefix only).
constexpr std::uint64_t kMaxNodesForInMemorySearch = 20000;

std::size_t DocumentCount(const graph::Node& node) {
  std::set<graph::NodeId> docs;
  for (const graph::Alias& alias : node.aliases) docs.insert(alias.documents.begin(), alias.documents.end());
  return docs.size();
}

}  // namespace

Result<std::vector<SearchHit>> SearchEntities(const graph::GraphSnapshot& snapshot,
                                              std::string_view text, std::size_t limit,
                                              const ingest::NameSearchIndex* index) {
  std::map<graph::NodeId, SearchHit> hits;
  auto consider = [&](graph::NodeId id, std::string_view key, int rank) -> Status {
    auto it = hits.find(id);
    if (it != hits.end()) {
      if (rank < it->second.rank) {
        it->second.rank = rank;
        it->second.matched_key = std::string(key);
      }
      return Status::Ok();
    }
    Result<graph::Node> node = snapshot.GetNode(id);
    if (!node.ok()) return node.status();
    if (node->kind == graph::NodeKind::kDocument) return Status::Ok();
    SearchHit hit;
    hit.documents = DocumentCount(*node);
    hit.node = std::move(node).value();
    hit.matched_key = std::string(key);
    hit.rank = rank;
    hits.emplace(id, std::move(hit));
    return Status::Ok();
  };

  const std::string folded = ingest::FoldedName(text);
  if (folded.empty()) return std::vector<SearchHit>();
  // Exact: the language-neutral keys, so "Ministry of Industry and Trade" finds the node first
  // named "ministère de l'Industrie et du Commerce".
  std::set<std::string> exact_keys = {ingest::NameKey(text), folded};
  for (graph::NodeKind kind :
       {graph::NodeKind::kOrganization, graph::NodeKind::kPerson, graph::NodeKind::kPlace}) {
    for (std::string& key : ingest::MatchKeys(text, kind)) exact_keys.insert(std::move(key));
  }
  for (const std::string& key : exact_keys) {
    if (key.empty()) continue;
    PRESSKG_ASSIGN_OR_RETURN(std::vector<graph::NodeId> exact, snapshot.LookupNameKey(key));
    for (graph::NodeId id : exact) PRESSKG_RETURN_IF_ERROR(consider(id, key, 0));
  }

  std::uint64_t entities = 0;
  if (index == nullptr) {
    PRESSKG_ASSIGN_OR_RETURN(graph::StoreStats stats, snapshot.GetStats());
    for (const auto& [kind, count] : stats.nodes_by_kind) {
      if (kind != graph::NodeKind::kDocument) entities += count;
    }
  }
  std::optional<ingest::NameSearchIndex> built;
  if (index == nullptr && entities <= kMaxNodesForInMemorySearch) {
    PRESSKG_ASSIGN_OR_RETURN(built, ingest::NameSearchIndex::Build(snapshot));
    index = &*built;
  }
  if (index != nullptr) {
    for (const ingest::NameMatch& match : index->Search(text, limit + hits.size())) {
      Status status = consider(match.node, match.name, static_cast<int>(match.rank));
      // A cached index may name an entity merged away since it was built: skip it.
      if (status.code() == Status::Code::kNotFound) continue;
      PRESSKG_RETURN_IF_ERROR(status);
    }
  } else {
    std::vector<std::pair<std::string, graph::NodeId>> prefixed;
    PRESSKG_RETURN_IF_ERROR(snapshot.ForEachNameKey(folded, [&](std::string_view key, graph::NodeId id) {
      prefixed.emplace_back(std::string(key), id);
      return prefixed.size() < kMaxScannedKeys;
    }));
    for (const auto& [key, id] : prefixed) PRESSKG_RETURN_IF_ERROR(consider(id, key, 1));
  }

  std::vector<SearchHit> out;
  out.reserve(hits.size());
  for (auto& [id, hit] : hits) out.push_back(std::move(hit));
  std::sort(out.begin(), out.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.documents != b.documents) return a.documents > b.documents;
    return a.node.label < b.node.label;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<graph::NodeId> ResolveEntityRef(const graph::GraphSnapshot& snapshot, std::string_view ref,
                                       const ingest::NameSearchIndex* index) {
  if (std::optional<graph::NodeId> parsed = ParseDecimalId(ref)) {
    const graph::NodeId id = *parsed;
    Status found = snapshot.GetNode(id).status();
    if (found.code() == Status::Code::kNotFound) {
      // Merged away by a correction: the entity that absorbed it.
      PRESSKG_ASSIGN_OR_RETURN(std::optional<graph::NodeId> target, snapshot.FollowRedirect(id));
      if (target) return *target;
    }
    PRESSKG_RETURN_IF_ERROR(found);
    return id;
  }
  PRESSKG_ASSIGN_OR_RETURN(std::vector<SearchHit> hits, SearchEntities(snapshot, ref, 10, index));
  std::vector<SearchHit> exact;
  for (SearchHit& hit : hits) {
    if (hit.rank == 0) exact.push_back(hit);
  }
  if (exact.size() == 1) return exact.front().node.id;
  if (exact.empty() && hits.size() == 1) return hits.front().node.id;
  if (exact.empty() && hits.empty()) {
    return Status::NotFound("no entity named '" + std::string(ref) + "'");
  }
  const std::vector<SearchHit>& candidates = exact.empty() ? hits : exact;
  std::string message = "'" + std::string(ref) + "' is ambiguous; candidates:";
  for (const SearchHit& hit : candidates) {
    message += " " + std::to_string(hit.node.id) + " (" + hit.node.label + ", " +
               std::string(graph::NodeKindName(hit.node.kind)) + ")";
  }
  return Status::InvalidArgument(message);
}

}  // namespace presskg::query
