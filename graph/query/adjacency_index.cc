#include "graph/query/adjacency_index.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "graph/query/adjacency_internal.h"

namespace presskg::graph {

using internal::UnpackId;
using internal::UnpackKind;
using internal::VertexList;

IndexNode ToIndexNode(const Node& node) {
  return IndexNode{node.id, node.kind, node.label, node.label_fr, node.label_en};
}

IndexEdge ToIndexEdge(const Edge& edge) {
  return IndexEdge{
      edge.key.source,   edge.key.target,           edge.key.relation,       edge.status,
      edge.source_count, PackDate(edge.first_seen), PackDate(edge.last_seen)};
}

AdjacencyIndex::AdjacencyIndex() {
  Result<AdjacencyIndex> empty = Builder().Build();  // cannot fail without input
  base_ = empty->base_;
}

AdjacencyIndex::AdjacencyIndex(std::shared_ptr<const Base> base,
                               std::shared_ptr<const Overlay> overlay, std::uint64_t version)
    : base_(std::move(base)), overlay_(std::move(overlay)), version_(version) {}

std::uint32_t AdjacencyIndex::num_vertices() const {
  const std::size_t added = overlay_ ? overlay_->added_ids.size() : 0;
  return static_cast<std::uint32_t>(base_->ids.size() + added);
}

std::uint64_t AdjacencyIndex::num_edges() const {
  return static_cast<std::uint64_t>(static_cast<std::int64_t>(base_->num_edges) +
                                    (overlay_ ? overlay_->added_edges : 0));
}

std::uint64_t AdjacencyIndex::memory_bytes() const {
  const Base& b = *base_;
  std::uint64_t bytes =
      b.ids.capacity() * sizeof(std::uint64_t) + b.dense.capacity() * sizeof(VertexIndex) +
      b.labels.capacity() + b.label_offsets.capacity() * sizeof(std::uint64_t) +
      b.offsets.capacity() * sizeof(std::uint64_t) + b.hot.capacity() * sizeof(AdjacencyHot) +
      b.cold.capacity() * sizeof(AdjacencyCold);
  if (overlay_) {
    bytes += overlay_->dirty.capacity() * sizeof(std::uint64_t) +
             overlay_->list_entries * (sizeof(AdjacencyHot) + sizeof(AdjacencyCold)) +
             overlay_->added_ids.capacity() * (sizeof(NodeId) + 1);
    for (const auto& [v, record] : overlay_->label_records) bytes += record.capacity();
  }
  return bytes;
}

std::optional<VertexIndex> AdjacencyIndex::Find(NodeId id) const {
  std::optional<VertexIndex> v = FindAny(id);
  if (v && overlay_ && !overlay_->removed.empty() && overlay_->removed.contains(*v)) {
    return std::nullopt;
  }
  return v;
}

std::optional<VertexIndex> AdjacencyIndex::FindAny(NodeId id) const {
  const HugeVector<VertexIndex>& dense = base_->dense;
  if (!dense.empty()) {
    if (id < dense.size() && dense[id] != kNoVertex) return dense[id];
  } else {
    const HugeVector<std::uint64_t>& ids = base_->ids;
    auto it = std::lower_bound(ids.begin(), ids.end(), id, [](std::uint64_t packed, NodeId key) {
      return UnpackId(packed) < key;
    });
    if (it != ids.end() && UnpackId(*it) == id) return static_cast<VertexIndex>(it - ids.begin());
  }
  if (overlay_) {
    auto added = overlay_->added_lookup.find(id);
    if (added != overlay_->added_lookup.end()) return added->second;
  }
  return std::nullopt;
}

bool AdjacencyIndex::live(VertexIndex v) const {
  return !overlay_ || overlay_->removed.empty() || !overlay_->removed.contains(v);
}

bool AdjacencyIndex::ids_follow_vertices() const { return !overlay_ || overlay_->ids_ordered; }

NodeId AdjacencyIndex::node_id(VertexIndex v) const {
  const std::size_t n = base_->ids.size();
  return v < n ? UnpackId(base_->ids[v]) : overlay_->added_ids[v - n];
}

void AdjacencyIndex::PrefetchNode(VertexIndex v) const {
  if (v < base_->ids.size()) __builtin_prefetch(base_->ids.data() + v);
}

NodeKind AdjacencyIndex::kind(VertexIndex v) const {
  const std::size_t n = base_->ids.size();
  return v < n ? UnpackKind(base_->ids[v]) : overlay_->added_kinds[v - n];
}

NodeLabels AdjacencyIndex::labels(VertexIndex v) const {
  if (overlay_) {
    auto found = overlay_->label_records.find(v);
    if (found != overlay_->label_records.end()) return DecodeNodeLabels(found->second);
  }
  const Base& b = *base_;
  if (v >= b.ids.size()) return {};
  const std::uint64_t begin = b.label_offsets[v];
  return DecodeNodeLabels(std::string_view(b.labels).substr(begin, b.label_offsets[v + 1] - begin));
}

void AdjacencyIndex::LabelsOf(const std::vector<VertexIndex>& vertices,
                              std::vector<NodeLabels>* out) const {
  const Base& b = *base_;
  for (VertexIndex v : vertices) {
    if (v < b.ids.size()) __builtin_prefetch(&b.label_offsets[v]);
  }
  for (VertexIndex v : vertices) {
    if (v < b.ids.size()) __builtin_prefetch(b.labels.data() + b.label_offsets[v]);
  }
  out->clear();
  out->reserve(vertices.size());
  for (VertexIndex v : vertices) out->push_back(labels(v));
}

AdjacencySpan AdjacencyIndex::Adjacent(VertexIndex v) const {
  if (overlay_ && overlay_->IsDirty(v)) {
    const VertexList& list = *overlay_->lists.find(v)->second;
    return {list.hot.data(), list.cold.data(), static_cast<std::uint32_t>(list.hot.size())};
  }
  const Base& b = *base_;
  if (v >= b.ids.size()) return {};
  const std::uint64_t begin = b.offsets[v];
  return {b.hot.data() + begin, b.cold.data() + begin,
          static_cast<std::uint32_t>(b.offsets[v + 1] - begin)};
}

std::uint32_t AdjacencyIndex::relation_limit() const {
  return static_cast<std::uint32_t>(base_->symmetric.size());
}

RelationId AdjacencyIndex::mentions_relation() const { return base_->mentions; }

Result<AdjacencyIndex> AdjacencyIndex::Build(const GraphSnapshot& snapshot,
                                             const RelationSchema& schema) {
  Builder builder(schema);
  PRESSKG_RETURN_IF_ERROR(snapshot.ForEachNode([&](const Node& node) {
    builder.AddNode(node.id, node.kind, node.label, node.label_fr, node.label_en);
    return true;
  }));
  PRESSKG_RETURN_IF_ERROR(snapshot.ForEachEdge([&](const Edge& edge) {
    builder.AddEdge(ToIndexEdge(edge));
    return true;
  }));
  return std::move(builder).Build();
}

bool AdjacencyIndex::ShouldCompact() const {
  if (!overlay_) return false;
  const std::uint64_t entry_limit = std::max<std::uint64_t>(1 << 16, base_->hot.size() / 8);
  const std::uint64_t node_limit = std::max<std::uint64_t>(1 << 14, base_->ids.size() / 8);
  return overlay_->list_entries > entry_limit || overlay_->added_ids.size() > node_limit;
}

Result<AdjacencyIndex> AdjacencyIndex::Compacted() const {
  Builder builder(base_->symmetric, base_->mentions);
  builder.Reserve(num_vertices(), num_edges());
  auto removed = [&](VertexIndex v) { return overlay_ && overlay_->removed.contains(v); };
  for (VertexIndex v = 0; v < num_vertices(); ++v) {
    if (removed(v)) continue;
    const NodeLabels names = labels(v);
    builder.AddNode(node_id(v), kind(v), names.label, names.label_fr, names.label_en);
  }
  for (VertexIndex v = 0; v < num_vertices(); ++v) {
    AdjacencySpan span = Adjacent(v);
    for (std::uint32_t i = 0; i < span.size; ++i) {
      const AdjacencyHot& hot = span.hot[i];
      if ((hot.flags & kEntryIsSource) == 0) continue;
      builder.AddEdge({node_id(v), node_id(hot.neighbor), hot.relation, hot.status,
                       span.cold[i].source_count, span.cold[i].first_seen, span.cold[i].last_seen});
    }
  }
  PRESSKG_ASSIGN_OR_RETURN(AdjacencyIndex compacted, std::move(builder).Build());
  compacted.version_ = version_;
  return compacted;
}

}  // namespace presskg::graph
