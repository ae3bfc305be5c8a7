#include "graph/query/adjacency_index.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "graph/query/huge_page_allocator.h"

namespace presskg::graph {

struct AdjacencyIndex::Base {
  // (id << 8) | kind, sorted by id; the position is the vertex index. One array, so that reading
  // a neighbour's id and kind costs one cache miss, not two.
  HugeVector<std::uint64_t> ids;
  // vertex by id when ids are nearly dense (as the store allocates them), else empty
  HugeVector<VertexIndex> dense;
  std::string labels;                       // AppendNodeLabels records, in vertex order
  HugeVector<std::uint64_t> label_offsets;  // ids.size() + 1 entries into `labels`
  HugeVector<std::uint64_t> offsets;        // ids.size() + 1 entries
  HugeVector<AdjacencyHot> hot;
  HugeVector<AdjacencyCold> cold;
  std::vector<std::uint8_t> symmetric;  // by relation id
  RelationId mentions = 0;
  std::uint64_t num_edges = 0;
};

namespace {

constexpr int kKindBits = 8;
constexpr NodeId kMaxIndexedId = (NodeId{1} << (64 - kKindBits)) - 1;

std::uint64_t PackIdKind(NodeId id, NodeKind kind) {
  return (id << kKindBits) | static_cast<std::uint8_t>(kind);
}
NodeId UnpackId(std::uint64_t packed) { return packed >> kKindBits; }
NodeKind UnpackKind(std::uint64_t packed) {
  return static_cast<NodeKind>(packed & ((1u << kKindBits) - 1));
}

struct VertexList {
  std::vector<AdjacencyHot> hot;
  std::vector<AdjacencyCold> cold;
};

// Sort and identity key of an entry within its list.
std::uint64_t EntryKey(const AdjacencyHot& hot) {
  return (static_cast<std::uint64_t>(hot.neighbor) << 24) |
         (static_cast<std::uint64_t>(hot.relation) << 8) | (hot.flags & kEntryIsSource);
}

std::string EdgeName(const IndexEdge& edge) {
  return "(" + std::to_string(edge.source) + ", " + std::to_string(edge.relation) + ", " +
         std::to_string(edge.target) + ")";
}

// Rejects an unknown relation; orders a symmetric edge source < target.
Status NormaliseEdge(const std::vector<std::uint8_t>& symmetric, IndexEdge& edge) {
  if (edge.relation == 0 || edge.relation >= symmetric.size()) {
    return Status::InvalidArgument("edge " + EdgeName(edge) + " has an unknown relation");
  }
  if (symmetric[edge.relation] != 0 && edge.source > edge.target) {
    std::swap(edge.source, edge.target);
  }
  return Status::Ok();
}

// The two list entries of an edge: first in the source's list, second in the target's.
std::pair<AdjacencyHot, AdjacencyHot> EntriesOf(const IndexEdge& edge, VertexIndex source,
                                                VertexIndex target, bool symmetric) {
  const std::uint8_t sym = symmetric ? kEntrySymmetric : 0;
  return {AdjacencyHot{target, edge.relation, static_cast<std::uint8_t>(kEntryIsSource | sym),
                       edge.status},
          AdjacencyHot{source, edge.relation, sym, edge.status}};
}

AdjacencyCold ColdOf(const IndexEdge& edge) {
  return {edge.source_count, edge.first_seen, edge.last_seen};
}

}  // namespace

struct AdjacencyIndex::Overlay {
  std::vector<std::uint64_t> dirty;  // bit per vertex: its list lives in `lists`
  std::unordered_map<VertexIndex, std::shared_ptr<const VertexList>> lists;
  std::vector<NodeId> added_ids;  // vertices base.ids.size() and up
  std::vector<NodeKind> added_kinds;
  std::unordered_map<NodeId, VertexIndex> added_lookup;
  // Names of added vertices and of base vertices renamed since the build.
  std::unordered_map<VertexIndex, std::string> label_records;
  std::uint64_t list_entries = 0;
  std::uint64_t added_edges = 0;
  bool ids_ordered = true;  // every added id is larger than all ids before it

  bool IsDirty(VertexIndex v) const {
    return (v >> 6) < dirty.size() && ((dirty[v >> 6] >> (v & 63)) & 1) != 0;
  }
};

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
  return base_->num_edges + (overlay_ ? overlay_->added_edges : 0);
}

std::uint64_t AdjacencyIndex::memory_bytes() const {
  const Base& b = *base_;
  std::uint64_t bytes = b.ids.capacity() * sizeof(std::uint64_t) +
                        b.dense.capacity() * sizeof(VertexIndex) +
                        b.labels.capacity() + b.label_offsets.capacity() * sizeof(std::uint64_t) +
                        b.offsets.capacity() * sizeof(std::uint64_t) +
                        b.hot.capacity() * sizeof(AdjacencyHot) +
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
  const HugeVector<VertexIndex>& dense = base_->dense;
  if (!dense.empty()) {
    if (id < dense.size() && dense[id] != kNoVertex) return dense[id];
  } else {
    const HugeVector<std::uint64_t>& ids = base_->ids;
    auto it = std::lower_bound(ids.begin(), ids.end(), id,
                               [](std::uint64_t packed, NodeId key) { return UnpackId(packed) < key; });
    if (it != ids.end() && UnpackId(*it) == id) return static_cast<VertexIndex>(it - ids.begin());
  }
  if (overlay_) {
    auto added = overlay_->added_lookup.find(id);
    if (added != overlay_->added_lookup.end()) return added->second;
  }
  return std::nullopt;
}

bool AdjacencyIndex::ids_follow_vertices() const { return !overlay_ || overlay_->ids_ordered; }

NodeId AdjacencyIndex::node_id(VertexIndex v) const {
  const std::size_t n = base_->ids.size();
  return v < n ? UnpackId(base_->ids[v]) : overlay_->added_ids[v - n];
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

Result<AdjacencyIndex> AdjacencyIndex::WithChanges(const std::vector<IndexNode>& nodes,
                                                   const std::vector<IndexEdge>& edges) const {
  const Base& base = *base_;
  auto overlay = overlay_ ? std::make_shared<Overlay>(*overlay_) : std::make_shared<Overlay>();
  AdjacencyIndex next(base_, overlay, version_ + 1);  // sees `overlay` as it is being filled

  // New vertices in id order, so that lists sorted by vertex stay sorted by id when the store
  // allocates ids in increasing order.
  std::vector<IndexNode> sorted_nodes = nodes;
  std::sort(sorted_nodes.begin(), sorted_nodes.end(),
            [](const IndexNode& a, const IndexNode& b) { return a.id < b.id; });
  for (const IndexNode& node : sorted_nodes) {
    if (node.id == 0) return Status::InvalidArgument("node id 0 is not valid");
    if (node.id > kMaxIndexedId) {
      return Status::InvalidArgument("node id " + std::to_string(node.id) +
                                     " is too large for the index");
    }
    std::string record;
    AppendNodeLabels(node.label, node.label_fr, node.label_en, &record);
    if (std::optional<VertexIndex> present = next.Find(node.id)) {
      const NodeLabels now = next.labels(*present);
      if (now.label != node.label || now.label_fr != node.label_fr ||
          now.label_en != node.label_en) {
        overlay->label_records[*present] = std::move(record);
      }
      continue;
    }
    const auto v = static_cast<VertexIndex>(base.ids.size() + overlay->added_ids.size());
    if (v > 0 && next.node_id(v - 1) > node.id) overlay->ids_ordered = false;
    overlay->added_ids.push_back(node.id);
    overlay->added_kinds.push_back(node.kind);
    overlay->added_lookup.emplace(node.id, v);
    overlay->label_records.emplace(v, std::move(record));
  }
  overlay->dirty.resize((next.num_vertices() + 63) / 64, 0);

  // (vertex, entry) pairs to upsert, grouped by vertex below.
  struct Change {
    VertexIndex vertex;
    AdjacencyHot hot;
    AdjacencyCold cold;
  };
  std::vector<Change> changes;
  changes.reserve(edges.size() * 2);
  for (IndexEdge edge : edges) {
    PRESSKG_RETURN_IF_ERROR(NormaliseEdge(base.symmetric, edge));
    std::optional<VertexIndex> s = next.Find(edge.source);
    std::optional<VertexIndex> t = next.Find(edge.target);
    if (!s || !t) {
      return Status::InvalidArgument("edge " + EdgeName(edge) + " has an endpoint not indexed");
    }
    if (*s == *t) continue;
    auto [at_source, at_target] = EntriesOf(edge, *s, *t, base.symmetric[edge.relation] != 0);
    changes.push_back({*s, at_source, ColdOf(edge)});
    changes.push_back({*t, at_target, ColdOf(edge)});
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return a.vertex < b.vertex; });

  for (std::size_t i = 0; i < changes.size();) {
    const VertexIndex v = changes[i].vertex;
    AdjacencySpan current = next.Adjacent(v);
    auto list = std::make_shared<VertexList>();
    list->hot.assign(current.hot, current.hot + current.size);
    list->cold.assign(current.cold, current.cold + current.size);
    const std::size_t sorted_size = list->hot.size();
    for (; i < changes.size() && changes[i].vertex == v; ++i) {
      const Change& change = changes[i];
      const std::uint64_t key = EntryKey(change.hot);
      auto end = list->hot.begin() + static_cast<std::ptrdiff_t>(sorted_size);
      auto it =
          std::lower_bound(list->hot.begin(), end, key,
                           [](const AdjacencyHot& e, std::uint64_t k) { return EntryKey(e) < k; });
      if (it == end || EntryKey(*it) != key) {  // maybe added earlier in this batch
        it = std::find_if(end, list->hot.end(),
                          [&](const AdjacencyHot& e) { return EntryKey(e) == key; });
      }
      if (it != list->hot.end()) {
        *it = change.hot;
        list->cold[static_cast<std::size_t>(it - list->hot.begin())] = change.cold;
      } else {
        list->hot.push_back(change.hot);
        list->cold.push_back(change.cold);
        if ((change.hot.flags & kEntryIsSource) != 0) ++overlay->added_edges;
      }
    }
    if (list->hot.size() != sorted_size) {
      std::vector<std::uint32_t> order(list->hot.size());
      for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
      std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return EntryKey(list->hot[a]) < EntryKey(list->hot[b]);
      });
      VertexList sorted;
      sorted.hot.reserve(order.size());
      sorted.cold.reserve(order.size());
      for (std::uint32_t k : order) {
        sorted.hot.push_back(list->hot[k]);
        sorted.cold.push_back(list->cold[k]);
      }
      *list = std::move(sorted);
    }
    if (overlay->IsDirty(v)) overlay->list_entries -= current.size;
    overlay->list_entries += list->hot.size();
    overlay->lists[v] = std::move(list);
    overlay->dirty[v >> 6] |= std::uint64_t{1} << (v & 63);
  }
  return next;
}

Result<AdjacencyIndex> AdjacencyIndex::WithCommit(const GraphSnapshot& after,
                                                  const CommitResult& commit) const {
  if (commit.already_present) return *this;
  std::vector<IndexNode> nodes;
  std::unordered_set<NodeId> seen;
  // The commit's own nodes are read even when indexed (it may have given them a new name);
  // other endpoints of its edges only when new.
  auto add_node = [&](NodeId id, bool reread) -> Status {
    if (!seen.insert(id).second || (!reread && Find(id))) return Status::Ok();
    PRESSKG_ASSIGN_OR_RETURN(Node node, after.GetNode(id));
    nodes.push_back(ToIndexNode(node));
    return Status::Ok();
  };
  PRESSKG_RETURN_IF_ERROR(add_node(commit.document, true));
  for (NodeId id : commit.entity_ids) PRESSKG_RETURN_IF_ERROR(add_node(id, true));
  PRESSKG_ASSIGN_OR_RETURN(std::vector<EdgeKey> keys, after.GetDocumentEdges(commit.document));
  std::vector<IndexEdge> edges;
  edges.reserve(keys.size());
  for (const EdgeKey& key : keys) {
    PRESSKG_ASSIGN_OR_RETURN(Edge edge, after.GetEdge(key));
    PRESSKG_RETURN_IF_ERROR(add_node(key.source, false));
    PRESSKG_RETURN_IF_ERROR(add_node(key.target, false));
    edges.push_back(ToIndexEdge(edge));
  }
  return WithChanges(nodes, edges);
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
  for (VertexIndex v = 0; v < num_vertices(); ++v) {
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
    auto it = std::lower_bound(
        base->ids.begin(), base->ids.end(), id,
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
                                       " of relation " +
                                       std::to_string(e.relation) + " added twice");
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
