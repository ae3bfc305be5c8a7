#include "graph/query/live_index.h"

#include <utility>

namespace presskg::graph {

LiveIndex::LiveIndex(AdjacencyIndex initial)
    : current_(std::make_shared<const AdjacencyIndex>(std::move(initial))) {}

Result<std::unique_ptr<LiveIndex>> LiveIndex::Open(const GraphStore& store) {
  PRESSKG_ASSIGN_OR_RETURN(AdjacencyIndex index, AdjacencyIndex::Build(*store.Snapshot()));
  return std::make_unique<LiveIndex>(std::move(index));
}

std::shared_ptr<const AdjacencyIndex> LiveIndex::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

Status LiveIndex::Apply(const GraphStore& store, const CommitResult& commit) {
  if (commit.already_present) return Status::Ok();
  std::lock_guard<std::mutex> writer(writer_mu_);
  const std::shared_ptr<const AdjacencyIndex> current = Current();
  PRESSKG_ASSIGN_OR_RETURN(AdjacencyIndex next, current->WithCommit(*store.Snapshot(), commit));
  if (next.ShouldCompact()) {
    PRESSKG_ASSIGN_OR_RETURN(next, next.Compacted());
  }
  Publish(std::move(next));
  return Status::Ok();
}

Status LiveIndex::Rebuild(const GraphStore& store) {
  std::lock_guard<std::mutex> writer(writer_mu_);
  PRESSKG_ASSIGN_OR_RETURN(AdjacencyIndex index, AdjacencyIndex::Build(*store.Snapshot()));
  Publish(std::move(index));
  return Status::Ok();
}

void LiveIndex::Publish(AdjacencyIndex index) {
  auto published = std::make_shared<const AdjacencyIndex>(std::move(index));
  std::lock_guard<std::mutex> lock(mu_);
  current_ = std::move(published);
}

}  // namespace presskg::graph
