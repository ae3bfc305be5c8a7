#pragma once

#include "graph/document_graph.h"
#include "graph/graph_store.h"
#include "graph/status.h"

namespace presskg::ingest {

// Applies the person rule of ingest/resolve/README.md against the store before a commit: a
// person of `doc` whose keys name no person node yet is linked (EntityInput::id) to the one
// existing person whose names are all compatible with it (PersonNamesCompatible: "R Mezzour" ~
// "Ryad Mezzour") and whose context agrees: it shares an organisation or person neighbour, or a
// co-mentioned organisation or person, with the entities of `doc`. Several such candidates with
// the same agreement, or none, leave the person alone (a new node). A journalist's split keeps
// apart: a person is never linked to a node a name was split off (splits in force, also those of
// nodes merged into it) when its name is no more precise than that name (NoMorePreciseThan:
// "R. Mezzour" after "R Mezzour" was split off "Ryad Mezzour"). Call it with a snapshot taken
// after the previous commit: GraphStore::CommitDocument then merges as decided. Errors are the
// snapshot's.
Status ResolvePersonsAgainstStore(const graph::GraphSnapshot& snapshot, graph::DocumentGraph* doc);

}  // namespace presskg::ingest
