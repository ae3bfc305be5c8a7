#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "graph/query/adjacency_index.h"
#include "graph/query/adjacency_internal.h"

namespace presskg::graph {

using internal::ColdOf;
using internal::EdgeName;
using internal::EntriesOf;
using internal::EntryKey;
using internal::kMaxIndexedId;
using internal::NormaliseEdge;
using internal::PackIdKind;
using internal::UnpackId;

AdjacencyIndex::Builder::Builder(const RelationSchema& schema) {
  symmetric_.assign(schema.relations().size() + 1, 0);
  for (const RelationType& type : schema.relations()) {
    symmetric_[type.id] = type.symmetric ? 1 : 0;
    if (type.name == "mentions") mentions_ = type.id;
  }
}

AdjacencyIndex::Builder::Builder(std::vector<std::uint8_t> symmetric, RelationId mentions)
    : symmetric_(std::move(symmetric)), mentions_(mentions) {}

void AdjacencyIndex::Builder::AddNode(NodeId id, NodeKind kind, std::string_view label,
                                      std::string_view label_fr, std::string_view label_en) {
  const std::uint64_t begin = labels_.size();
  AppendNodeLabels(label, label_fr, label_en, &labels_);
  nodes_.push_back({id, kind, begin, labels_.size()});
}

void AdjacencyIndex::Builder::Reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  edges_.reserve(edges);
}

Result<AdjacencyIndex> AdjacencyIndex::Builder::Build() && {
  auto base = std::make_shared<Base>();
  base->symmetric = std::move(symmetric_);
  base->mentions = mentions_;

  std::sort(nodes_.begin(), nodes_.end(),
            [](const PendingNode& a, const PendingNode& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].id == 0) return Status::InvalidArgument("node id 0 is not valid");
    if (i > 0 && nodes_[i].id == nodes_[i - 1].id) {
      return Status::InvalidArgument("node " + std::to_string(nodes_[i].id) + " added twice");
    }
  }
  const std::size_t n = nodes_.size();
  base->ids.resize(n);
  base->labels.reserve(labels_.size());
  base->label_offsets.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (nodes_[i].id > kMaxIndexedId) {
      return Status::InvalidArgument("node id " + std::to_string(nodes_[i].id) +
                                     " is too large for the index");
    }
    base->ids[i] = PackIdKind(nodes_[i].id, nodes_[i].kind);
    base->label_offsets[i] = base->labels.size();
    base->labels.append(labels_, nodes_[i].label_begin,
                        nodes_[i].label_end - nodes_[i].label_begin);
  }
  base->label_offsets[n] = base->labels.size();
  std::vector<PendingNode>().swap(nodes_);
  std::string().swap(labels_);

  // Ids allocated by the store are nearly dense: a direct table beats binary search then.
  HugeVector<VertexIndex>& table = base->dense;
  if (n > 0 && UnpackId(base->ids.back()) <= 2 * n + 1024) {
    table.assign(UnpackId(base->ids.back()) + 1, kNoVertex);
    for (std::size_t i = 0; i < n; ++i) table[UnpackId(base->ids[i])] = static_cast<VertexIndex>(i);
  }
  auto lookup = [&](NodeId id) -> VertexIndex {
    if (!table.empty()) return id < table.size() ? table[id] : kNoVertex;
    auto it =
        std::lower_bound(base->ids.begin(), base->ids.end(), id,
                         [](std::uint64_t packed, NodeId key) { return UnpackId(packed) < key; });
    return it != base->ids.end() && UnpackId(*it) == id
               ? static_cast<VertexIndex>(it - base->ids.begin())
               : kNoVertex;
  };

  // Counting sort of the entries by vertex.
  std::vector<VertexIndex> sources(edges_.size());
  std::vector<VertexIndex> targets(edges_.size());
  base->offsets.assign(n + 1, 0);
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    PRESSKG_RETURN_IF_ERROR(NormaliseEdge(base->symmetric, edges_[i]));
    sources[i] = lookup(edges_[i].source);
    targets[i] = lookup(edges_[i].target);
    if (sources[i] == kNoVertex || targets[i] == kNoVertex) {
      return Status::InvalidArgument("edge " + EdgeName(edges_[i]) + " has an unknown endpoint");
    }
    if (sources[i] == targets[i]) continue;
    ++base->offsets[sources[i] + 1];
    ++base->offsets[targets[i] + 1];
    ++base->num_edges;
  }
  for (std::size_t v = 0; v < n; ++v) base->offsets[v + 1] += base->offsets[v];
  base->hot.resize(base->offsets[n]);
  base->cold.resize(base->offsets[n]);
  std::vector<std::uint64_t> cursor(base->offsets.begin(), base->offsets.end() - 1);
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    const VertexIndex s = sources[i];
    const VertexIndex t = targets[i];
    if (s == t) continue;
    const IndexEdge& edge = edges_[i];
    auto [at_source, at_target] = EntriesOf(edge, s, t, base->symmetric[edge.relation] != 0);
    base->hot[cursor[s]] = at_source;
    base->cold[cursor[s]++] = ColdOf(edge);
    base->hot[cursor[t]] = at_target;
    base->cold[cursor[t]++] = ColdOf(edge);
  }
  std::vector<IndexEdge>().swap(edges_);
  std::vector<VertexIndex>().swap(sources);
  std::vector<VertexIndex>().swap(targets);
  std::vector<std::uint64_t>().swap(cursor);

  // Sort each list; equal keys side by side mean the same edge was given twice.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
  std::vector<AdjacencyHot> hot_buffer;
  std::vector<AdjacencyCold> cold_buffer;
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint64_t begin = base->offsets[v];
    const auto size = static_cast<std::uint32_t>(base->offsets[v + 1] - begin);
    if (size < 2) continue;
    AdjacencyHot* hot = base->hot.data() + begin;
    AdjacencyCold* cold = base->cold.data() + begin;
    order.resize(size);
    for (std::uint32_t i = 0; i < size; ++i) order[i] = {EntryKey(hot[i]), i};
    std::sort(order.begin(), order.end());
    for (std::uint32_t i = 1; i < size; ++i) {
      if (order[i].first == order[i - 1].first) {
        const AdjacencyHot& e = hot[order[i].second];
        return Status::InvalidArgument("edge " + std::to_string(UnpackId(base->ids[v])) + " - " +
                                       std::to_string(UnpackId(base->ids[e.neighbor])) +
                                       " of relation " + std::to_string(e.relation) +
                                       " added twice");
      }
    }
    hot_buffer.resize(size);
    cold_buffer.resize(size);
    for (std::uint32_t i = 0; i < size; ++i) {
      hot_buffer[i] = hot[order[i].second];
      cold_buffer[i] = cold[order[i].second];
    }
    std::copy(hot_buffer.begin(), hot_buffer.end(), hot);
    std::copy(cold_buffer.begin(), cold_buffer.end(), cold);
  }
  return AdjacencyIndex(std::move(base), nullptr, 0);
}

}  // namespace presskg::graph
