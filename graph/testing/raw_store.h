#pragma once

// Test support: read and damage single raw keys of a store, to exercise `presskg check`. Used by
// tests only. `cf_name` is a column family as stored on disk ("edges", "adjacency", ...); the
// store at `path` must not be open elsewhere.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/status.h"

namespace presskg::graph::testing {

// Up to `max_keys` (key, value) pairs of `cf_name`, in key order. InvalidArgument for an unknown
// family; errors of GraphStore::Open otherwise.
Result<std::vector<std::pair<std::string, std::string>>> ReadRawKeysForTesting(
    const std::string& path, std::string_view cf_name, std::size_t max_keys);

// Writes `key` -> `value` into `cf_name`, bypassing every invariant.
Status PutRawKeyForTesting(const std::string& path, std::string_view cf_name,
                           std::string_view key, std::string_view value);

// Deletes `key` from `cf_name`, bypassing every invariant.
Status DeleteRawKeyForTesting(const std::string& path, std::string_view cf_name,
                              std::string_view key);

}  // namespace presskg::graph::testing
