#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace presskg::ingest {

// The normalised form of a name under which the store indexes and matches entities:
// Unicode-normalised (NFKC), case-folded, accents removed, punctuation turned into single spaces,
// legal forms (SA, SAS, SARL, Inc., Ltd, GmbH, AG, S.p.A., plc, ...) and the words
// "groupe"/"group" dropped, so "Groupe AVL", "AVL Group" and "AVL S.A." share the key "avl".
// "STELLANTIS" and "Stellantis" give "stellantis". Returns "" for a name with no letters or
// digits. Thread-safe.
std::string NameKey(std::string_view name);

// Accent- and case-folded text with punctuation turned into spaces, but no word dropped: the key
// used for search prefixes. Thread-safe.
std::string FoldedName(std::string_view name);

// The keys an entity of `kind` named `name` is matched and indexed under, best first; never
// empty for a name with a letter or digit.
std::vector<std::string> MatchKeys(std::string_view name, graph::NodeKind kind);

}  // namespace presskg::ingest
