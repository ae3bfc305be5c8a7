#pragma once

#include <cstddef>
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
StatusReading ReadStatus(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                         std::string_view lang);

}  // namespace presskg::ingest
