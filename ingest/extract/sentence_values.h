#pragma once

#include <cstddef>
#include <vector>

#include "ingest/extract/item.h"
#include "ingest/extract/values.h"

namespace presskg::ingest {

// The values elsewhere in a sentence that complete its facts ("pour 17 M€", "d'ici 2027",
// "500 emplois"), found in one pass over the items so that each match of each rule looks them
// up in constant time: a sentence with many matches stays linear. Keeps a reference to `items`,
// which must outlive it and stay unchanged. Immutable after construction.
class SentenceValues {
 public:
  explicit SentenceValues(const std::vector<Item>& items);

  // The money value of the first "pour" / "for" at item `from` or after it that is followed,
  // after at most four words, by a money value ("pour 17 M€", "for a total of $5 million");
  // nullptr when there is none.
  const Value* MoneyForFrom(std::size_t from) const;
  // The first year value at item `from` or after it, or nullptr.
  const Value* YearFrom(std::size_t from) const;
  // Whether a resolved place entity stands at item `from` or after it.
  bool PlaceFrom(std::size_t from) const;
  // The last year value of the sentence, or nullptr.
  const Value* LastYear() const { return last_year_; }
  // The first year after "ici", "d'ici", "by", "horizon" or "fin" ("d'ici 2027"), or nullptr.
  const Value* HorizonYear() const { return horizon_year_; }
  // The first count before "emplois", "jobs" or "postes" (a "new" / "nouveaux" between),
  // or nullptr.
  const Value* JobCount() const { return job_count_; }

 private:
  // Per item index: the answer for `from` = that index (items.size() + 1 entries).
  std::vector<const Value*> money_for_;
  std::vector<const Value*> year_;
  std::vector<bool> place_;
  const Value* last_year_ = nullptr;
  const Value* horizon_year_ = nullptr;
  const Value* job_count_ = nullptr;
};

}  // namespace presskg::ingest
