#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "graph/graph_store.h"
#include "ingest/resolve/name_search.h"

namespace presskg::query {

// The server's in-memory name search index (prefix of any word, typo-tolerant), built from the
// store and rebuilt after writes, so a search does not rebuild it per request.
// Freshness: a store of at most `sync_limit` entities is re-indexed on the first search after a
// write, so searches see every committed name; a larger one is re-indexed by a background thread
// while searches use the previous index (exact name-key matches, looked up in the store by
// SearchEntities, stay current either way).
// Thread safety: every method may be called concurrently.
class SearchCache {
 public:
  explicit SearchCache(const graph::GraphStore* store, std::uint64_t sync_limit = 200000);
  ~SearchCache();
  SearchCache(const SearchCache&) = delete;
  SearchCache& operator=(const SearchCache&) = delete;

  // Marks the index stale; call after every commit or correction.
  void Invalidate();

  // The index to search. Errors are the store's (the first build of a large store happens on the
  // calling thread).
  Result<std::shared_ptr<const ingest::NameSearchIndex>> Get();

 private:
  Result<std::shared_ptr<const ingest::NameSearchIndex>> BuildNow();
  void BackgroundLoop();

  const graph::GraphStore* store_;
  const std::uint64_t sync_limit_;
  std::atomic<std::uint64_t> generation_{1};  // bumped by Invalidate
  std::mutex mu_;                             // guards the fields below
  std::condition_variable wake_;
  std::shared_ptr<const ingest::NameSearchIndex> index_;
  std::uint64_t built_generation_ = 0;  // generation_ when index_ was built
  bool stopping_ = false;
  bool rebuild_requested_ = false;
  std::mutex build_mu_;  // one build at a time
  std::thread worker_;
};

}  // namespace presskg::query
