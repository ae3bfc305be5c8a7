#pragma once

// Journalist corrections of entity resolution (merge, split), prepared for the store: the store
// re-points name-index keys but does not know how names become keys, so the requests carry them.

#include <string>
#include <vector>

#include "graph/graph_store.h"

namespace presskg::ingest {

// The name-index keys the names of `node` produce (MatchKeys of every alias, label and
// per-language label, as ingestion indexes them), without duplicates.
std::vector<std::string> NameKeysOf(const graph::Node& node);

// A merge of `absorb` into `keep` carrying `absorb`'s name keys. Errors are the snapshot's
// (NotFound for a missing node).
Result<graph::MergeRequest> PrepareMerge(const graph::GraphSnapshot& snapshot, graph::NodeId keep,
                                         graph::NodeId absorb, std::string why);

// A split of `aliases` off `node`, carrying the keys the split names produce and the remaining
// names do not. Errors are the snapshot's.
Result<graph::SplitRequest> PrepareSplit(const graph::GraphSnapshot& snapshot, graph::NodeId node,
                                         std::vector<std::string> aliases, std::string why);

}  // namespace presskg::ingest
