#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "graph/export/export.h"
#include "graph/relation_schema.h"

namespace presskg::graph {

// A node as the writers see it.
struct ExportNode {
  Node node;
  std::vector<LiteralFact> literals;  // ordered by type then document
  std::optional<Document> document;   // metadata (no text) when node is a document
};

struct ExportEdge {
  Edge edge;
  const RelationType* relation = nullptr;  // never null
};

// The nodes and edges an ExportFilter selects from a snapshot, walked in id / key order. Every
// edge walked has both endpoints among the nodes walked. For the whole graph the walks stream
// from the store and the selection holds only the ids of the document nodes (when documents are
// left out); for a filter it holds the selected ids and keys, having read each selected node once
// (to check it exists and whether it is a document). Internal to graph/export.
class ExportSelection {
 public:
  // NotFound when the filter names a node or edge the snapshot lacks. `snapshot` must outlive
  // the selection.
  static Result<ExportSelection> Create(const GraphSnapshot& snapshot, const ExportFilter& filter);

  // Stop at and return the first error of the store or of `fn`. Each call walks the store again.
  Status ForEachNode(const std::function<Status(const ExportNode&)>& fn) const;
  Status ForEachEdge(const std::function<Status(const ExportEdge&)>& fn) const;

 private:
  explicit ExportSelection(const GraphSnapshot& snapshot, bool include_documents)
      : snapshot_(&snapshot), include_documents_(include_documents) {}

  Status SelectFiltered(const ExportFilter& filter);
  bool IsDocument(NodeId id) const;
  // Whether `edge` goes out for lack of documents (relation or a document endpoint).
  bool DropsWithDocuments(const EdgeKey& key) const;
  Result<ExportNode> LoadNode(Node node) const;
  Result<ExportEdge> LoadEdge(Edge edge) const;

  const GraphSnapshot* snapshot_;
  bool include_documents_;
  bool whole_graph_ = true;
  std::vector<NodeId> documents_;  // sorted; filled only when documents are left out
  std::vector<NodeId> nodes_;      // sorted, unique; a filtered selection only
  std::vector<EdgeKey> edges_;     // sorted, unique; a filtered selection only
};

}  // namespace presskg::graph
