#pragma once

// Internal to graph/: stored encodings of the correction log and of id redirects.
//
//   corrections  id(8)                          -> Correction
//   redirects    node(8)                        -> target node(8) correction(8)
//   parked       correction(8) evidence key(34) -> Evidence   (edges a merge turned into loops)

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace presskg::graph::values {

std::string EncodeCorrection(const Correction& correction);
// Corruption on malformed bytes.
Result<Correction> DecodeCorrection(std::uint64_t id, std::string_view bytes);

struct Redirect {
  NodeId target = 0;
  std::uint64_t correction = 0;
};
std::string EncodeRedirect(const Redirect& redirect);
Result<Redirect> DecodeRedirect(std::string_view bytes);

// Follows merge redirects from `id`; `read(node)` returns node's stored redirect value, or nullopt
// when it has none. nullopt when `id` was never merged away; Corruption for a chain of more than
// 64 hops (a loop: a damaged store).
Result<std::optional<NodeId>> FollowRedirects(
    NodeId id, const std::function<Result<std::optional<std::string>>(NodeId)>& read);

}  // namespace presskg::graph::values
