#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_store.h"

namespace presskg::ingest {
class NameSearchIndex;
}  // namespace presskg::ingest

namespace presskg::query {

struct SearchHit {
  graph::Node node;
  std::string matched_key;  // the name-index key that matched
  int rank = 0;             // 0 exact, 1 prefix
  std::size_t documents = 0;  // distinct documents naming the node
};

// Entities whose names match `text`, accent- and case-insensitively: exact name keys first, then
// prefixes, then by number of documents. Document nodes are left out. At most `limit` hits.
// Prefix and fuzzy matches come from `index` when given (the server's cached one); without it, a
// store of up to 20,000 entities is indexed for this call and a larger one answers exact and
// prefix matches from the store's name keys.
Result<std::vector<SearchHit>> SearchEntities(const graph::GraphSnapshot& snapshot,
                                              std::string_view text, std::size_t limit,
                                              const ingest::NameSearchIndex* index = nullptr);

// Resolves an entity reference: a node id ("42") or a name. NotFound when nothing matches;
// InvalidArgument listing the candidates when a name matches several entities exactly.
// An id merged away by a correction resolves to the entity that absorbed it.
Result<graph::NodeId> ResolveEntityRef(const graph::GraphSnapshot& snapshot,
                                       std::string_view ref,
                                       const ingest::NameSearchIndex* index = nullptr);

}  // namespace presskg::query
