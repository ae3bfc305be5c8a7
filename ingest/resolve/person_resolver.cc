#include "ingest/resolve/person_resolver.h"

#include <algorithm>
#include <set>

#include "graph/relation_schema.h"
#include "ingest/resolve/person_name.h"

namespace presskg::ingest {
namespace {

using graph::NodeId;
using graph::NodeKind;

bool IsContextKind(NodeKind kind) {
  return kind == NodeKind::kOrganization || kind == NodeKind::kPerson;
}

// The node the store would pick for `entity` by key, or 0.
Result<NodeId> NodeByKeys(const graph::GraphSnapshot& snapshot, const graph::EntityInput& entity) {
  if (entity.id) return *entity.id;
  for (const std::string& key : entity.match_keys) {
    PRESSKG_ASSIGN_OR_RETURN(std::vector<NodeId> ids, snapshot.LookupNameKey(key));
    for (NodeId id : ids) {
      PRESSKG_ASSIGN_OR_RETURN(graph::Node node, snapshot.GetNode(id));
      if (node.kind == entity.kind) return id;
    }
  }
  return NodeId{0};
}

// Whether every name of `node` that has a given name is compatible with `name`, and one is.
bool NamesCompatible(const graph::Node& node, const std::string& name) {
  bool any = false;
  auto check = [&](const std::string& other) {
    if (!HasGivenName(other)) return true;
    any = true;
    return PersonNamesCompatible(name, other);
  };
  if (!check(node.label)) return false;
  for (const graph::Alias& alias : node.aliases) {
    if (!check(alias.name)) return false;
  }
  return any;
}

// Organisations and persons next to `person`: its neighbours and the entities its documents
// mention.
Result<std::set<NodeId>> Context(const graph::GraphSnapshot& snapshot, NodeId person) {
  const graph::RelationType* mentions = graph::RelationSchema::Builtin().Find("mentions");
  std::set<NodeId> neighbours;
  std::set<NodeId> documents;
  PRESSKG_RETURN_IF_ERROR(snapshot.ForEachNeighbor(
      person, std::nullopt, std::nullopt, [&](const graph::AdjacencyEntry& entry) {
        if (mentions != nullptr && entry.relation == mentions->id &&
            entry.direction == graph::Direction::kIn) {
          documents.insert(entry.neighbor);
        } else {
          neighbours.insert(entry.neighbor);
        }
        return true;
      }));
  for (NodeId document : documents) {
    PRESSKG_ASSIGN_OR_RETURN(std::vector<graph::EdgeKey> edges,
                             snapshot.GetDocumentEdges(document));
    for (const graph::EdgeKey& edge : edges) {
      if (edge.source != document) neighbours.insert(edge.source);
      if (edge.target != document) neighbours.insert(edge.target);
    }
  }
  neighbours.erase(person);
  std::set<NodeId> out;
  for (NodeId id : neighbours) {
    Result<graph::Node> node = snapshot.GetNode(id);
    if (node.ok() && IsContextKind(node->kind)) out.insert(id);
  }
  return out;
}

// Names a journalist split off `node` (splits in force), including splits off the nodes merged
// into it; `seen` guards against cycles of merges.
Status SplitOffNames(const graph::GraphSnapshot& snapshot, NodeId node, std::set<NodeId>* seen,
                     std::vector<std::string>* out) {
  if (!seen->insert(node).second) return Status::Ok();
  PRESSKG_ASSIGN_OR_RETURN(std::vector<graph::Correction> corrections,
                           snapshot.ListCorrections(node));
  for (const graph::Correction& c : corrections) {
    if (c.reverted_by != 0) continue;
    if (c.kind == graph::CorrectionKind::kSplit && c.from == node) {
      out->insert(out->end(), c.aliases.begin(), c.aliases.end());
    } else if (c.kind == graph::CorrectionKind::kMerge && c.to == node) {
      PRESSKG_RETURN_IF_ERROR(SplitOffNames(snapshot, c.from, seen, out));
    }
  }
  return Status::Ok();
}

// Whether a journalist's split keeps `name` off `node`: `name` is no more precise than a name
// split off it ("R. Mezzour" after "R Mezzour" was split off "Ryad Mezzour").
Result<bool> KeptApart(const graph::GraphSnapshot& snapshot, NodeId node, const std::string& name) {
  std::set<NodeId> seen;
  std::vector<std::string> split_off;
  PRESSKG_RETURN_IF_ERROR(SplitOffNames(snapshot, node, &seen, &split_off));
  return std::any_of(split_off.begin(), split_off.end(),
                     [&](const std::string& other) { return NoMorePreciseThan(name, other); });
}

}  // namespace

Status ResolvePersonsAgainstStore(const graph::GraphSnapshot& snapshot, graph::DocumentGraph* doc) {
  std::vector<NodeId> resolved(doc->entities.size(), 0);
  for (std::size_t i = 0; i < doc->entities.size(); ++i) {
    PRESSKG_ASSIGN_OR_RETURN(resolved[i], NodeByKeys(snapshot, doc->entities[i]));
  }
  for (std::size_t i = 0; i < doc->entities.size(); ++i) {
    graph::EntityInput& person = doc->entities[i];
    if (person.kind != NodeKind::kPerson || resolved[i] != 0) continue;
    const PersonName parsed = ParsePersonName(person.name);
    if (parsed.given.empty()) continue;
    std::set<NodeId> document_context;
    for (std::size_t j = 0; j < doc->entities.size(); ++j) {
      if (j != i && resolved[j] != 0 && IsContextKind(doc->entities[j].kind)) {
        document_context.insert(resolved[j]);
      }
    }
    std::set<NodeId> candidates;
    PRESSKG_RETURN_IF_ERROR(snapshot.ForEachNameKey(
        "~" + parsed.surname + " ", [&](std::string_view, NodeId id) {
          candidates.insert(id);
          return true;
        }));
    NodeId best = 0;
    std::size_t best_overlap = 0;
    bool tie = false;
    for (NodeId candidate : candidates) {
      PRESSKG_ASSIGN_OR_RETURN(graph::Node node, snapshot.GetNode(candidate));
      if (node.kind != NodeKind::kPerson || !NamesCompatible(node, person.name)) continue;
      PRESSKG_ASSIGN_OR_RETURN(bool kept_apart, KeptApart(snapshot, candidate, person.name));
      if (kept_apart) continue;
      PRESSKG_ASSIGN_OR_RETURN(std::set<NodeId> context, Context(snapshot, candidate));
      std::size_t overlap = 0;
      for (NodeId id : context) overlap += document_context.count(id);
      if (overlap == 0) continue;
      if (overlap > best_overlap) {
        best = candidate;
        best_overlap = overlap;
        tie = false;
      } else if (overlap == best_overlap) {
        tie = true;
      }
    }
    if (best != 0 && !tie) {
      person.id = best;
      resolved[i] = best;
    }
  }
  return Status::Ok();
}

}  // namespace presskg::ingest
