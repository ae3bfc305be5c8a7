#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extract/pattern.h"
#include "ingest/extract/vocabulary.h"

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
  bool city = false;           // the place slot must be a city of the gazetteer ("Toulouse
                               // aircraft maker X", not "US defence contractor X")
  bool topic = false;          // the slot the pattern lacks (O or S) is the text's organisation
  Pattern pattern;
  // For each required word element of the pattern, the first words of its alternatives (ids in
  // RuleVocabulary()): a sentence must hold one word of every group for the rule to match.
  // Elements with a prefix alternative ("invest*") cannot be looked up and have no group.
  std::vector<std::vector<WordId>> required;
  std::string example;
};

// The compiled rule tables. Built once; thread-safe. A malformed row aborts in debug builds and
// is skipped otherwise (the golden tests exercise every table).
const std::vector<Rule>& BuiltinRules();

// The words of every pattern of BuiltinRules(), whose ids the patterns hold (InternWords).
const Vocabulary& RuleVocabulary();

// Indices into BuiltinRules(), ascending, of the rules of `lang` ("fr", "en") worth trying on a
// sentence whose items have the words `words` (ids in RuleVocabulary(), in any order, repeats
// allowed): those each of whose Rule::required groups has a word among `words`.
std::vector<std::size_t> CandidateRules(std::string_view lang, std::span<const WordId> words);

// Rows that failed to compile (empty when the tables are sound); for tests.
const std::vector<std::string>& RuleTableErrors();

}  // namespace presskg::ingest
