#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace presskg::ingest {

// The normalised form of a name under which the store indexes and matches entities:
// Unicode-normalised (NFKD), case-folded, accents removed, punctuation turned into single spaces,
// legal forms (SA, SAS, SARL, Inc., Ltd, GmbH, AG, S.p.A., plc, ... from
// ingest/data/equivalences/legal_forms.tsv, at the end of the name; SCI, SCOP, GIE at its start)
// and the words "groupe"/"group" dropped, so "Groupe AVL", "AVL Group" and "AVL S.A." share the
// key "avl". "STELLANTIS" and "Stellantis" give "stellantis". Language-specific: "AVL Maroc" gives
// "avl maroc". Returns "" for a name with no letters or digits. Thread-safe.
std::string NameKey(std::string_view name);

// Accent- and case-folded text with punctuation turned into spaces, but no word dropped: the key
// used for search prefixes. Thread-safe.
std::string FoldedName(std::string_view name);

// The keys an entity of `kind` named `name` is matched and indexed under, best first; never
// empty for a name with a letter or digit. The first key is language-neutral, so the French and
// English names of one entity share it (rules in ingest/resolve/README.md):
//   organisation  "ministère de l'Industrie et du Commerce" and "Ministry of Industry and Trade"
//                 -> "ministry industry trade"; "AVL Maroc", "AVL Morocco" -> "avl #ma";
//                 "Groupe Renault", "Renault Group", "Renault" -> "renault"
//   place         "Maroc", "Morocco" -> "country:MA"; "Tanger", "Tangier" -> "city:2530335"
//   person        "M. Ryad Mezzour" -> "ryad mezzour", then "~mezzour ryad" (surname first)
//   sector        "batteries électriques", "electric batteries" -> "electric batteries"
//                 (ingest/resolve/sector_terms.tsv), then FoldedName
//   other kinds   FoldedName
// Every key is a merge key for the store: two entities of one kind that share any key become
// one node. Thread-safe.
std::vector<std::string> MatchKeys(std::string_view name, graph::NodeKind kind);

}  // namespace presskg::ingest
