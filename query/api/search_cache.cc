#include "query/api/search_cache.h"

namespace presskg::query {

SearchCache::SearchCache(const graph::GraphStore* store, std::uint64_t sync_limit)
    : store_(store), sync_limit_(sync_limit), worker_([this] { BackgroundLoop(); }) {}

SearchCache::~SearchCache() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void SearchCache::Invalidate() { generation_.fetch_add(1); }

Result<std::shared_ptr<const ingest::NameSearchIndex>> SearchCache::BuildNow() {
  std::lock_guard<std::mutex> build(build_mu_);
  const std::uint64_t generation = generation_.load();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (index_ && built_generation_ >= generation) return index_;  // built while we waited
  }
  // The snapshot is taken after reading the generation: the index holds at least every write
  // that bumped it.
  auto snapshot = store_->Snapshot();
  PRESSKG_ASSIGN_OR_RETURN(ingest::NameSearchIndex built, ingest::NameSearchIndex::Build(*snapshot));
  auto index = std::make_shared<const ingest::NameSearchIndex>(std::move(built));
  std::lock_guard<std::mutex> lock(mu_);
  if (generation > built_generation_) {
    index_ = index;
    built_generation_ = generation;
  }
  return index_;
}

Result<std::shared_ptr<const ingest::NameSearchIndex>> SearchCache::Get() {
  const std::uint64_t generation = generation_.load();
  std::shared_ptr<const ingest::NameSearchIndex> current;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (index_ && built_generation_ >= generation) return index_;
    current = index_;
  }
  if (current == nullptr) return BuildNow();
  PRESSKG_ASSIGN_OR_RETURN(graph::StoreStats stats, store_->Snapshot()->GetStats());
  std::uint64_t entities = 0;
  for (const auto& [kind, count] : stats.nodes_by_kind) {
    if (kind != graph::NodeKind::kDocument) entities += count;
  }
  if (entities <= sync_limit_) return BuildNow();
  {
    std::lock_guard<std::mutex> lock(mu_);
    rebuild_requested_ = true;
  }
  wake_.notify_all();
  return current;
}

void SearchCache::BackgroundLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || rebuild_requested_; });
    if (stopping_) return;
    rebuild_requested_ = false;
    lock.unlock();
    (void)BuildNow();  // on error the previous index stays; the next search asks again
    lock.lock();
  }
}

}  // namespace presskg::query
