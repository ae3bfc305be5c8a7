#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/model.h"

namespace presskg::graph {

// An entity named by a document, before the store gives it a node id.
struct EntityInput {
  NodeKind kind = NodeKind::kOrganization;
  std::string name;  // the name as the document writes it (becomes the label of a new node)
  std::string lang;  // language of the document that wrote `name`
  // Normalised name keys (ingest/name_key.h). The store reuses the node already indexed under
  // the first key that has a node of the same kind, or creates one; every key is indexed.
  std::vector<std::string> match_keys;
  std::vector<std::string> aliases;  // further names of the entity seen in the document
  std::string label_fr;              // set when the name is known to be French / English
  std::string label_en;
  std::optional<NodeId> id;  // set when resolution already chose an existing node
};

// Index into DocumentGraph::entities, or kThisDocument for the document's own node.
using EntityIndex = std::uint32_t;
inline constexpr EntityIndex kThisDocument = std::numeric_limits<EntityIndex>::max();

// A typed relation between two entities of the document.
struct FactInput {
  EntityIndex subject = 0;
  RelationId relation = 0;
  EntityIndex object = 0;
  std::map<std::string, std::string> properties;
  Evidence evidence;  // evidence.document is filled by the store
};

// A literal fact (employees, revenue, ...) about an entity of the document.
struct LiteralInput {
  EntityIndex subject = 0;
  std::string type;
  std::int64_t value = 0;
  std::map<std::string, std::string> properties;
  Evidence evidence;
};

// Everything one document contributes to the graph; committed as one atomic unit.
struct DocumentGraph {
  Document document;  // id and content_hash are filled by the store
  std::vector<EntityInput> entities;
  std::vector<FactInput> facts;
  std::vector<LiteralInput> literals;
};

}  // namespace presskg::graph
