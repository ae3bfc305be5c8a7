#include <algorithm>
#include <set>
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
using internal::ListChange;
using internal::NormaliseEdge;
using internal::VertexList;

Status AdjacencyIndex::UpsertNodes(const std::vector<IndexNode>& nodes, Overlay* overlay) const {
  const Base& base = *base_;
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
    if (std::optional<VertexIndex> present = FindAny(node.id)) {
      overlay->removed.erase(*present);  // a node back in the graph (a merge undone)
      const NodeLabels now = labels(*present);
      if (now.label != node.label || now.label_fr != node.label_fr ||
          now.label_en != node.label_en) {
        overlay->label_records[*present] = std::move(record);
      }
      continue;
    }
    const auto v = static_cast<VertexIndex>(base.ids.size() + overlay->added_ids.size());
    if (v > 0 && node_id(v - 1) > node.id) overlay->ids_ordered = false;
    overlay->added_ids.push_back(node.id);
    overlay->added_kinds.push_back(node.kind);
    overlay->added_lookup.emplace(node.id, v);
    overlay->label_records.emplace(v, std::move(record));
  }
  overlay->dirty.resize((num_vertices() + 63) / 64, 0);
  return Status::Ok();
}

Result<AdjacencyIndex> AdjacencyIndex::WithChanges(const std::vector<IndexNode>& nodes,
                                                   const std::vector<IndexEdge>& edges) const {
  const Base& base = *base_;
  auto overlay = overlay_ ? std::make_shared<Overlay>(*overlay_) : std::make_shared<Overlay>();
  AdjacencyIndex next(base_, overlay, version_ + 1);  // sees `overlay` as it is being filled
  PRESSKG_RETURN_IF_ERROR(next.UpsertNodes(nodes, overlay.get()));

  // (vertex, entry) pairs to upsert, grouped by vertex below.
  std::vector<ListChange> changes;
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
                   [](const ListChange& a, const ListChange& b) { return a.vertex < b.vertex; });

  for (std::size_t i = 0; i < changes.size();) {
    const VertexIndex v = changes[i].vertex;
    AdjacencySpan current = next.Adjacent(v);
    auto list = std::make_shared<VertexList>();
    list->hot.assign(current.hot, current.hot + current.size);
    list->cold.assign(current.cold, current.cold + current.size);
    const std::size_t sorted_size = list->hot.size();
    for (; i < changes.size() && changes[i].vertex == v; ++i) {
      const ListChange& change = changes[i];
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
    overlay->SetList(v, std::move(list), current.size);
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
    Result<Node> node = after.GetNode(id);
    // An entity merged away after the commit: WithCorrection re-reads that merge's edges.
    if (reread && node.status().code() == Status::Code::kNotFound) return Status::Ok();
    if (!node.ok()) return node.status();
    nodes.push_back(ToIndexNode(*node));
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

Result<AdjacencyIndex> AdjacencyIndex::WithReplacedEdges(
    const std::vector<IndexNode>& nodes, const std::vector<NodeId>& replaced,
    const std::vector<NodeId>& removed, const std::vector<IndexEdge>& edges) const {
  const Base& base = *base_;
  auto overlay = overlay_ ? std::make_shared<Overlay>(*overlay_) : std::make_shared<Overlay>();
  AdjacencyIndex next(base_, overlay, version_ + 1);  // sees `overlay` as it is being filled
  PRESSKG_RETURN_IF_ERROR(next.UpsertNodes(nodes, overlay.get()));

  std::unordered_set<VertexIndex> centre;  // the replaced nodes' vertices
  for (NodeId id : replaced) {
    if (std::optional<VertexIndex> v = next.FindAny(id)) centre.insert(*v);
  }
  std::unordered_set<VertexIndex> gone;
  for (NodeId id : removed) {
    std::optional<VertexIndex> v = next.FindAny(id);
    if (!v) continue;
    if (!centre.contains(*v)) {
      return Status::InvalidArgument("removed node " + std::to_string(id) + " is not replaced");
    }
    gone.insert(*v);
  }

  // The edges touching the centre, each counted once: an entry marked as the source side, or
  // any entry of a centre list whose neighbour is outside the centre.
  auto edges_touching_centre = [&] {
    std::int64_t count = 0;
    for (VertexIndex c : centre) {
      const AdjacencySpan span = next.Adjacent(c);
      for (std::uint32_t i = 0; i < span.size; ++i) {
        const AdjacencyHot& hot = span.hot[i];
        if ((hot.flags & kEntryIsSource) != 0 || !centre.contains(hot.neighbor)) ++count;
      }
    }
    return count;
  };
  const std::int64_t old_edges = edges_touching_centre();
  // Every list that may change: the centre's and its old and new neighbours'.
  std::vector<VertexIndex> touched(centre.begin(), centre.end());
  for (VertexIndex c : centre) {
    const AdjacencySpan span = next.Adjacent(c);
    for (std::uint32_t i = 0; i < span.size; ++i) touched.push_back(span.hot[i].neighbor);
  }

  std::vector<ListChange> changes;
  changes.reserve(edges.size() * 2);
  for (IndexEdge edge : edges) {
    PRESSKG_RETURN_IF_ERROR(NormaliseEdge(base.symmetric, edge));
    std::optional<VertexIndex> s = next.Find(edge.source);
    std::optional<VertexIndex> t = next.Find(edge.target);
    if (!s || !t || gone.contains(*s) || gone.contains(*t)) {
      return Status::InvalidArgument("edge " + EdgeName(edge) + " has an endpoint not indexed");
    }
    if (!centre.contains(*s) && !centre.contains(*t)) {
      return Status::InvalidArgument("edge " + EdgeName(edge) + " touches no replaced node");
    }
    if (*s == *t) continue;
    auto [at_source, at_target] = EntriesOf(edge, *s, *t, base.symmetric[edge.relation] != 0);
    changes.push_back({*s, at_source, ColdOf(edge)});
    changes.push_back({*t, at_target, ColdOf(edge)});
    touched.push_back(*s);
    touched.push_back(*t);
  }
  // Sorted by vertex, then entry key; of two entries with one key the later one is kept.
  std::stable_sort(changes.begin(), changes.end(), [](const ListChange& a, const ListChange& b) {
    return std::make_pair(a.vertex, EntryKey(a.hot)) < std::make_pair(b.vertex, EntryKey(b.hot));
  });
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());

  std::size_t next_change = 0;
  for (VertexIndex v : touched) {
    const AdjacencySpan current = next.Adjacent(v);
    // Entries kept: none of a centre list, those not pointing into the centre elsewhere.
    std::vector<std::pair<AdjacencyHot, AdjacencyCold>> entries;
    if (!centre.contains(v)) {
      for (std::uint32_t i = 0; i < current.size; ++i) {
        if (!centre.contains(current.hot[i].neighbor)) {
          entries.emplace_back(current.hot[i], current.cold[i]);
        }
      }
    }
    while (next_change < changes.size() && changes[next_change].vertex < v) ++next_change;
    for (; next_change < changes.size() && changes[next_change].vertex == v; ++next_change) {
      entries.emplace_back(changes[next_change].hot, changes[next_change].cold);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return EntryKey(a.first) < EntryKey(b.first);
    });
    auto list = std::make_shared<VertexList>();
    list->hot.reserve(entries.size());
    list->cold.reserve(entries.size());
    for (const auto& [hot, cold] : entries) {
      if (!list->hot.empty() && EntryKey(list->hot.back()) == EntryKey(hot)) {
        list->hot.back() = hot;  // a duplicate edge: the later one wins
        list->cold.back() = cold;
        continue;
      }
      list->hot.push_back(hot);
      list->cold.push_back(cold);
    }
    overlay->SetList(v, std::move(list), current.size);
  }
  overlay->added_edges += edges_touching_centre() - old_edges;
  for (VertexIndex v : gone) overlay->removed.insert(v);
  return next;
}

Result<AdjacencyIndex> AdjacencyIndex::WithCorrection(const GraphSnapshot& after,
                                                      const Correction& correction) const {
  std::vector<IndexNode> nodes;
  std::vector<NodeId> replaced;
  std::vector<NodeId> removed;
  std::vector<IndexEdge> edges;
  std::vector<NodeId> present;  // replaced and still in the store
  std::unordered_set<NodeId> seen_nodes;
  std::set<EdgeKey> seen_edges;
  for (NodeId id : {correction.from, correction.to}) {
    if (id == 0 || !seen_nodes.insert(id).second) continue;
    replaced.push_back(id);
    Result<Node> node = after.GetNode(id);
    if (!node.ok() && node.status().code() == Status::Code::kNotFound) {
      removed.push_back(id);
      continue;
    }
    if (!node.ok()) return node.status();
    nodes.push_back(ToIndexNode(*node));
    present.push_back(id);
  }
  for (NodeId id : present) {
    Status read = Status::Ok();
    PRESSKG_RETURN_IF_ERROR(
        after.ForEachNeighbor(id, std::nullopt, std::nullopt, [&](const AdjacencyEntry& entry) {
          const EdgeKey key = entry.edge();
          if (!seen_edges.insert(key).second) return true;  // between the two nodes
          Result<Edge> edge = after.GetEdge(key);
          if (!edge.ok()) {
            read = edge.status();
            return false;
          }
          edges.push_back(ToIndexEdge(*edge));
          // A neighbour a later commit added is read now (as WithCommit would).
          if (!Find(entry.neighbor) && seen_nodes.insert(entry.neighbor).second) {
            Result<Node> neighbor = after.GetNode(entry.neighbor);
            if (!neighbor.ok()) {
              read = neighbor.status();
              return false;
            }
            nodes.push_back(ToIndexNode(*neighbor));
          }
          return true;
        }));
    PRESSKG_RETURN_IF_ERROR(read);
  }
  return WithReplacedEdges(nodes, replaced, removed, edges);
}

}  // namespace presskg::graph
