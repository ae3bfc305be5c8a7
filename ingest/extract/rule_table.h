#pragma once

#include <string>
#include <vector>

#include "ingest/extract/pattern.h"

namespace presskg::ingest {

// One extraction rule of ingest/data/rules/relations.inc.
struct Rule {
  std::string lang;      // "fr" or "en"
  std::string relation;  // relation id of relations.tsv, or a literal type ("employees", ...)
  std::string id;        // "fr.subsidiary_of.apposition"
  bool attributive = false;    // status read from the matched words only
  bool reverse = false;        // the matched S is the object of the relation
  bool pairwise = false;       // every pair of coordinated subjects
  bool places = false;         // subject and object are both places
  Pattern pattern;
  // Words one of which a sentence must hold for the rule to match (empty: no filter).
  std::vector<std::string> anchors;
  std::string example;
};

// The compiled rule tables. Built once; thread-safe. A malformed row aborts in debug builds and
// is skipped otherwise (the golden tests exercise every table).
const std::vector<Rule>& BuiltinRules();

// Rows that failed to compile (empty when the tables are sound); for tests.
const std::vector<std::string>& RuleTableErrors();

}  // namespace presskg::ingest
