#include "graph/export/export_selection.h"

#include <algorithm>
#include <string>

namespace presskg::graph {
namespace {

template <typename T>
void SortUnique(std::vector<T>* values) {
  std::sort(values->begin(), values->end());
  values->erase(std::unique(values->begin(), values->end()), values->end());
}

bool IsDocumentRelation(const RelationType& type) {
  auto has_document = [](const std::vector<NodeKind>& kinds) {
    return std::find(kinds.begin(), kinds.end(), NodeKind::kDocument) != kinds.end();
  };
  return has_document(type.subject_kinds) || has_document(type.object_kinds);
}

// Runs a store walk whose callback returns bool with a callback that returns Status.
template <typename Item, typename Walk>
Status WalkWithStatus(const Walk& walk, const std::function<Status(const Item&)>& fn) {
  Status inner;
  Status outer = walk([&](const Item& item) {
    inner = fn(item);
    return inner.ok();
  });
  PRESSKG_RETURN_IF_ERROR(inner);
  return outer;
}

}  // namespace

Result<ExportSelection> ExportSelection::Create(const GraphSnapshot& snapshot,
                                                const ExportFilter& filter) {
  ExportSelection selection(snapshot, filter.include_documents);
  if (filter.nodes || filter.edges) {
    selection.whole_graph_ = false;
    PRESSKG_RETURN_IF_ERROR(selection.SelectFiltered(filter));
  } else if (!filter.include_documents) {
    // A scan of the nodes (the documents' column family would also read their text).
    PRESSKG_RETURN_IF_ERROR(snapshot.ForEachNode([&](const Node& node) {
      if (node.kind == NodeKind::kDocument) selection.documents_.push_back(node.id);
      return true;
    }));
    SortUnique(&selection.documents_);
  }
  return selection;
}

Status ExportSelection::SelectFiltered(const ExportFilter& filter) {
  std::vector<NodeId> listed = filter.nodes.value_or(std::vector<NodeId>{});
  SortUnique(&listed);
  if (filter.edges) {
    edges_ = *filter.edges;
    SortUnique(&edges_);
    for (const EdgeKey& key : edges_) {
      PRESSKG_RETURN_IF_ERROR(snapshot_->GetEdge(key).status());  // NotFound names the edge
    }
  } else {  // the subgraph the listed nodes induce
    for (NodeId id : listed) {
      PRESSKG_RETURN_IF_ERROR(snapshot_->ForEachNeighbor(
          id, Direction::kOut, std::nullopt, [&](const AdjacencyEntry& entry) {
            if (std::binary_search(listed.begin(), listed.end(), entry.neighbor)) {
              edges_.push_back(entry.edge());
            }
            return true;
          }));
    }
    SortUnique(&edges_);
  }
  auto with_endpoints = [&] {
    std::vector<NodeId> nodes = listed;
    for (const EdgeKey& key : edges_) {
      nodes.push_back(key.source);
      nodes.push_back(key.target);
    }
    SortUnique(&nodes);
    return nodes;
  };
  // Every candidate node must exist; note which are documents (in order, so documents_ is sorted).
  for (NodeId id : with_endpoints()) {
    PRESSKG_ASSIGN_OR_RETURN(Node node, snapshot_->GetNode(id));  // NotFound names the node
    if (!include_documents_ && node.kind == NodeKind::kDocument) documents_.push_back(id);
  }
  std::erase_if(edges_, [&](const EdgeKey& key) { return DropsWithDocuments(key); });
  nodes_ = with_endpoints();
  std::erase_if(nodes_, [&](NodeId id) { return IsDocument(id); });
  return Status::Ok();
}

bool ExportSelection::IsDocument(NodeId id) const {
  return std::binary_search(documents_.begin(), documents_.end(), id);
}

bool ExportSelection::DropsWithDocuments(const EdgeKey& key) const {
  if (include_documents_) return false;
  const RelationType* type = RelationSchema::Builtin().Get(key.relation);
  if (type != nullptr && IsDocumentRelation(*type)) return true;
  return IsDocument(key.source) || IsDocument(key.target);
}

Result<ExportNode> ExportSelection::LoadNode(Node node) const {
  ExportNode out;
  PRESSKG_ASSIGN_OR_RETURN(out.literals, snapshot_->GetLiterals(node.id));
  if (node.kind == NodeKind::kDocument) {
    PRESSKG_ASSIGN_OR_RETURN(out.document, snapshot_->GetDocument(node.id, false));
  }
  out.node = std::move(node);
  return out;
}

Result<ExportEdge> ExportSelection::LoadEdge(Edge edge) const {
  const RelationType* type = RelationSchema::Builtin().Get(edge.key.relation);
  if (type == nullptr) {
    return Status::Corruption("edge " + std::to_string(edge.key.source) + " -> " +
                              std::to_string(edge.key.target) + " has unknown relation id " +
                              std::to_string(edge.key.relation));
  }
  return ExportEdge{std::move(edge), type};
}

Status ExportSelection::ForEachNode(const std::function<Status(const ExportNode&)>& fn) const {
  auto emit = [&](const Node& node) -> Status {
    if (!include_documents_ && node.kind == NodeKind::kDocument) return Status::Ok();
    PRESSKG_ASSIGN_OR_RETURN(ExportNode loaded, LoadNode(node));
    return fn(loaded);
  };
  if (whole_graph_) {
    return WalkWithStatus<Node>(
        [&](const std::function<bool(const Node&)>& walk_fn) {
          return snapshot_->ForEachNode(walk_fn);
        },
        emit);
  }
  for (NodeId id : nodes_) {
    PRESSKG_ASSIGN_OR_RETURN(Node node, snapshot_->GetNode(id));
    PRESSKG_RETURN_IF_ERROR(emit(node));
  }
  return Status::Ok();
}

Status ExportSelection::ForEachEdge(const std::function<Status(const ExportEdge&)>& fn) const {
  auto emit = [&](const Edge& edge) -> Status {
    PRESSKG_ASSIGN_OR_RETURN(ExportEdge loaded, LoadEdge(edge));
    return fn(loaded);
  };
  if (whole_graph_) {
    return WalkWithStatus<Edge>(
        [&](const std::function<bool(const Edge&)>& walk_fn) {
          return snapshot_->ForEachEdge(walk_fn);
        },
        std::function<Status(const Edge&)>([&](const Edge& edge) {
          return DropsWithDocuments(edge.key) ? Status::Ok() : emit(edge);
        }));
  }
  for (const EdgeKey& key : edges_) {
    PRESSKG_ASSIGN_OR_RETURN(Edge edge, snapshot_->GetEdge(key));
    PRESSKG_RETURN_IF_ERROR(emit(edge));
  }
  return Status::Ok();
}

}  // namespace presskg::graph
