#include "ingest/extract/vocabulary.h"

namespace presskg::ingest {

WordId Vocabulary::Intern(std::string_view word) {
  return ids_.Insert(word, static_cast<WordId>(ids_.size() + 1));
}

WordId Vocabulary::Find(std::string_view word) const {
  const WordId* id = ids_.Find(word);
  return id == nullptr ? kUnknownWord : *id;
}

}  // namespace presskg::ingest
