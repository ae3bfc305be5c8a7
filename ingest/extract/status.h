#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/extract/token.h"

namespace presskg::ingest {

struct StatusReading {
  graph::FactStatus status = graph::FactStatus::kStated;
  bool former = false;  // "jusqu'ici", "previously", "formerly": no fact at all
};

// How tokens [from, to) of a sentence state a fact: denied ("n'est pas", "aucun", "no plan to",
// "denied"), planned ("pourrait", "envisage", "plans to", "could", "talks", "si"), or former.
// Denial wins over modality; "n'exclut pas" is planned; restrictive "ne ... que" is stated.
// Linear in to - from.
StatusReading ReadStatus(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                         std::string_view lang);

// The status cues of a whole sentence, found in one pass, so that reading any token range takes
// constant time (a sentence with many matches stays linear). Immutable after construction.
class StatusScanner {
 public:
  StatusScanner(const std::vector<Token>& tokens, std::string_view lang);
  // ReadStatus(tokens, from, to, lang) for the tokens and language of the constructor.
  StatusReading Read(std::size_t from, std::size_t to) const;

 private:
  // Cues among tokens [0, i) at index i (see TokenCues in status.cc).
  struct Counts {
    std::uint32_t former = 0;
    std::uint32_t modal = 0;
    std::uint32_t negation = 0;
    std::uint32_t ruled_out = 0;
  };
  std::vector<Counts> prefix_;
  std::vector<bool> not_only_;
};

}  // namespace presskg::ingest
