#pragma once

#include <cstddef>
#include <string>

#include "graph/model.h"
#include "ingest/extract/values.h"
#include "ingest/extract/vocabulary.h"

namespace presskg::ingest {

// One unit of a sentence as the rules see it: a word, a punctuation mark, an entity mention (a
// name or a resolved anaphor such as "la société" or "its") or a value.
struct Item {
  enum class Type : unsigned char { kWord, kPunct, kEntity, kValue };
  Type type = Type::kWord;
  std::string fold;  // folded word or punctuation; the folded text for entities and values
  std::string text;  // as written
  WordId word = kUnknownWord;  // `fold` in RuleVocabulary(), set before the rules run
  int entity = -1;   // document entity index (kEntity); -1 when an anaphor found no antecedent
  graph::NodeKind kind = graph::NodeKind::kOrganization;
  bool anaphor = false;
  bool possessive = false;    // "Telecom's", "its", "son", "sa"
  bool subject_like = false;  // not the complement of a preposition
  bool uncertain = false;     // a guessed organisation that may be a place
  Value value;                // kValue
  std::size_t tok_begin = 0;  // token range of the item
  std::size_t tok_end = 0;

  bool IsWord(std::string_view f) const { return type == Type::kWord && fold == f; }
  bool IsPunct(std::string_view f) const { return type == Type::kPunct && fold == f; }
  bool IsEntity() const { return type == Type::kEntity && entity >= 0; }
};

}  // namespace presskg::ingest
