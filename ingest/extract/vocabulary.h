#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/text/flat_string_map.h"

namespace presskg::ingest {

// Dense id of a folded word the rule patterns name; kUnknownWord for any other word.
using WordId = std::uint32_t;
inline constexpr WordId kUnknownWord = 0;

// The words the rule patterns name, each with a dense id (1, 2, ...), so that a sentence's items
// are looked up once and the matcher compares integers. Not thread-safe while words are added;
// const methods may run concurrently.
class Vocabulary {
 public:
  // The id of `word`, added when new.
  WordId Intern(std::string_view word);
  // The id of `word`, or kUnknownWord when it was never interned.
  WordId Find(std::string_view word) const;
  // One more than the largest id: a table indexed by WordId has this size.
  std::size_t size() const { return ids_.size() + 1; }

 private:
  FlatStringMap<WordId> ids_;
};

}  // namespace presskg::ingest
