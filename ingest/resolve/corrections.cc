#include "ingest/resolve/corrections.h"

#include <algorithm>
#include <set>

#include "ingest/resolve/entity_keys.h"

namespace presskg::ingest {
namespace {

// Keys of the named names of a node of `kind`, as FillMatchKeys derives them at ingestion.
std::vector<std::string> KeysOfNames(graph::NodeKind kind, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    graph::EntityInput entity;
    entity.kind = kind;
    entity.name = name;
    FillMatchKeys(&entity);
    for (std::string& key : entity.match_keys) {
      if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(std::move(key));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> NameKeysOf(const graph::Node& node) {
  std::vector<std::string> names = {node.label, node.label_fr, node.label_en};
  for (const graph::Alias& alias : node.aliases) names.push_back(alias.name);
  return KeysOfNames(node.kind, names);
}

Result<graph::MergeRequest> PrepareMerge(const graph::GraphSnapshot& snapshot, graph::NodeId keep,
                                         graph::NodeId absorb, std::string why) {
  PRESSKG_ASSIGN_OR_RETURN(graph::Node absorbed, snapshot.GetNode(absorb));
  graph::MergeRequest request;
  request.keep = keep;
  request.absorb = absorb;
  request.why = std::move(why);
  request.name_keys = NameKeysOf(absorbed);
  return request;
}

Result<graph::SplitRequest> PrepareSplit(const graph::GraphSnapshot& snapshot, graph::NodeId node,
                                         std::vector<std::string> aliases, std::string why) {
  PRESSKG_ASSIGN_OR_RETURN(graph::Node original, snapshot.GetNode(node));
  std::set<std::string> chosen(aliases.begin(), aliases.end());
  std::vector<std::string> leaving;
  std::vector<std::string> staying;
  for (const graph::Alias& alias : original.aliases) {
    (chosen.contains(alias.name) ? leaving : staying).push_back(alias.name);
  }
  std::vector<std::string> kept_keys = KeysOfNames(original.kind, staying);
  graph::SplitRequest request;
  request.node = node;
  request.aliases = std::move(aliases);
  request.why = std::move(why);
  for (std::string& key : KeysOfNames(original.kind, leaving)) {
    if (std::find(kept_keys.begin(), kept_keys.end(), key) == kept_keys.end()) {
      request.name_keys.push_back(std::move(key));
    }
  }
  return request;
}

}  // namespace presskg::ingest
