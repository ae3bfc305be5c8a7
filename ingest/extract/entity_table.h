#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/model.h"
#include "ingest/extract/mentions.h"

namespace presskg::ingest {

// The entities of one document, resolved mention by mention: exact name keys, acronyms,
// short forms ("Redhawk" for "Redhawk Aerostructures Inc.", "Oudaya" for "Laboratoires
// Oudaya") and surnames ("M. Tazi" for "Youssef Tazi").
class EntityTable {
 public:
  struct Entity {
    graph::NodeKind kind = graph::NodeKind::kOrganization;
    std::string name;
    std::vector<std::string> aliases;
    std::vector<std::string> keys;  // NameKey of the name and acronyms
    std::vector<std::string> key_words;  // the words of keys.front()
    bool certain = true;
    std::size_t first_sentence = 0;
  };

  // The entity `mention` names, created if new; -1 when the mention is rejected (a
  // sentence-initial capitalised word nobody confirms). `confirmed` holds folded names seen
  // capitalised inside sentences.
  int Resolve(const MentionSpan& mention, std::size_t sentence,
              const std::unordered_set<std::string>& confirmed);
  // An entity for a sector phrase ("batteries électriques"), with an optional alias.
  int AddSector(const std::string& name, const std::vector<std::string>& aliases, std::size_t sentence);

  Entity& at(int index) { return entities_[static_cast<std::size_t>(index)]; }
  const std::vector<Entity>& entities() const { return entities_; }

 private:
  // The entity of `kind` indexed under `key`, or -1; an entity of another kind when it or the
  // mention (`certain` false) is a guess between organisation and place.
  int Find(const std::string& key, graph::NodeKind kind, bool certain) const;
  std::vector<Entity> entities_;
  std::vector<std::string> folded_names_;  // FoldedName of each entity's name, by index
};

}  // namespace presskg::ingest
