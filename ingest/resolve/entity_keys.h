#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/document_graph.h"

namespace presskg::ingest {

// True when `acronym` abbreviates `name`: its letters are, in order, the first letters (or the
// first few letters) of words of `name`, function words and at most two other words skipped.
// "ONCF" / "Office national des chemins de fer", "AMDIE" / "Agence marocaine de développement
// des investissements et des exportations", "OCP" / "Office chérifien des phosphates" are;
// "RABAT" / "AVL Maroc" is not. Case- and accent-insensitive.
bool IsAcronymOf(std::string_view acronym, std::string_view name);

// A name defined with its acronym in a text.
struct AcronymDefinition {
  std::string name;     // "Office national des chemins de fer"
  std::string acronym;  // "ONCF"
};

// Reads "Office national des chemins de fer (ONCF)" or "ONCF (Office national des chemins de
// fer)": a name followed by a parenthesised acronym, or the reverse, where IsAcronymOf holds.
// nullopt for any other text ("AVL Maroc (Rabat)").
std::optional<AcronymDefinition> ParseAcronymDefinition(std::string_view text);

// Makes `acronym` a name of `entity`: appends it to entity->aliases and its MatchKeys to
// entity->match_keys, so a later document that writes only "ONCF" resolves to the same node.
// Returns false, changing nothing, when IsAcronymOf(acronym, entity->name) does not hold.
bool AddAcronym(graph::EntityInput* entity, std::string_view acronym);

// Sets entity->match_keys from entity->name and every alias (MatchKeys of each, the name's
// first, without duplicates). A person's aliases without a given name ("M. Tazi", "Tazi") add
// no key: as keys they would join every Tazi of the store.
void FillMatchKeys(graph::EntityInput* entity);

}  // namespace presskg::ingest
