#pragma once

#include <memory>
#include <mutex>

#include "graph/graph_store.h"
#include "graph/query/adjacency_index.h"
#include "graph/status.h"

namespace presskg::graph {

// The current AdjacencyIndex of a store, kept up to date commit by commit: the consistency rule of
// AdjacencyIndex made into a class. Readers take Current() and query it for as long as they like;
// it never changes under them. Apply() reads the commit back from a snapshot taken inside its
// critical section, so Apply calls may come from several threads and in any order, as long as
// each comes after its own CommitDocument returned.
// Thread safety: every method may be called concurrently.
class LiveIndex {
 public:
  explicit LiveIndex(AdjacencyIndex initial);

  // Builds the index from a snapshot of `store`.
  static Result<std::unique_ptr<LiveIndex>> Open(const GraphStore& store);

  std::shared_ptr<const AdjacencyIndex> Current() const;

  // Publishes the index with `commit` applied (compacted first when it asks to be, which costs
  // O(E log d) on the calling thread while readers go on with the previous version). On error the
  // current index is kept, and Rebuild() restores consistency.
  Status Apply(const GraphStore& store, const CommitResult& commit);

  // Publishes the index with `correction` (a merge, split or revert `store` made) applied: the
  // lists of its two nodes and their neighbours are re-read, not the whole graph. Same error and
  // compaction rules as Apply.
  Status ApplyCorrection(const GraphStore& store, const Correction& correction);

  // Replaces the index by one built from a fresh snapshot of `store`.
  Status Rebuild(const GraphStore& store);

 private:
  void Publish(AdjacencyIndex index);
  // Publishes `next`, compacted first when it asks to be. Precondition: writer_mu_ held.
  Status PublishChanged(AdjacencyIndex next);

  std::mutex writer_mu_;   // serialises Apply and Rebuild
  mutable std::mutex mu_;  // guards current_
  std::shared_ptr<const AdjacencyIndex> current_;
};

}  // namespace presskg::graph
