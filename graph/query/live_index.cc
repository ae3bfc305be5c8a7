#include "graph/query/live_index.h"

#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace presskg::graph {
namespace {

// Hands the heap memory freed by a build (its edge list and sort buffers, hundreds of MiB at
// 10M edges) back to the system; glibc otherwise keeps it for later allocations and the
// server's resident memory stays at its peak.
void ReturnFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace

LiveIndex::LiveIndex(AdjacencyIndex initial)
    : current_(std::make_shared<const AdjacencyIndex>(std::move(initial))) {}

Result<std::unique_ptr<LiveIndex>> LiveIndex::Open(const GraphStore& store) {
  PRESSKG_ASSIGN_OR_RETURN(AdjacencyIndex index, AdjacencyIndex::Build(*store.Snapshot()));
  auto live = std::make_unique<LiveIndex>(std::move(index));
  ReturnFreedMemory();
  return live;
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
  return PublishChanged(std::move(next));
}

Status LiveIndex::ApplyCorrection(const GraphStore& store, const Correction& correction) {
  std::lock_guard<std::mutex> writer(writer_mu_);
  const std::shared_ptr<const AdjacencyIndex> current = Current();
  PRESSKG_ASSIGN_OR_RETURN(AdjacencyIndex next,
                           current->WithCorrection(*store.Snapshot(), correction));
  return PublishChanged(std::move(next));
}

Status LiveIndex::PublishChanged(AdjacencyIndex next) {
  const bool compact = next.ShouldCompact();
  if (compact) {
    PRESSKG_ASSIGN_OR_RETURN(next, next.Compacted());
  }
  Publish(std::move(next));
  if (compact) ReturnFreedMemory();
  return Status::Ok();
}

Status LiveIndex::Rebuild(const GraphStore& store) {
  std::lock_guard<std::mutex> writer(writer_mu_);
  PRESSKG_ASSIGN_OR_RETURN(AdjacencyIndex index, AdjacencyIndex::Build(*store.Snapshot()));
  Publish(std::move(index));
  ReturnFreedMemory();
  return Status::Ok();
}

void LiveIndex::Publish(AdjacencyIndex index) {
  auto published = std::make_shared<const AdjacencyIndex>(std::move(index));
  std::lock_guard<std::mutex> lock(mu_);
  current_ = std::move(published);
}

}  // namespace presskg::graph
