#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/extract/item.h"
#include "ingest/extract/token.h"

namespace presskg::ingest {

struct SectorContext {
  const std::vector<Token>& tokens;
  const std::vector<Item>& items;
  std::string_view lang;
};

// An operates_in fact read from a sentence: "opère dans le développement des moteurs, de
// batteries électriques", "spécialisée dans", "specialist in", "a maker of X", "harness maker
// Cablinor", "le câblier Cablinor", "Calvern Group, an aerospace equipment maker".
struct SectorFact {
  std::size_t subject_item = 0;
  std::string name;   // "aerospace equipment maker"
  std::string alias;  // "aerospace equipment" (the phrase without its head noun), may be empty
  std::string plural_alias;  // "satellites" for "satellite maker", may be empty
  std::string rule;   // "verb", "descriptor", "apposition"
  std::size_t tok_from = 0;  // token range for the status reader
  std::size_t tok_to = 0;
};

std::vector<SectorFact> FindSectors(const SectorContext& ctx);

}  // namespace presskg::ingest
