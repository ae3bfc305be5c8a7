#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace presskg::ingest {

// One sentence of the RELX dataset (boun-tabi/RELX): two marked entities and a KBP37 label.
struct RelxSentence {
  std::string id;
  std::string text;      // the sentence with the <e1> </e1> <e2> </e2> markers removed
  std::string e1, e2;    // the marked names
  std::string label;     // "org:subsidiaries", "no_relation", ...
  bool reversed = false;  // label(e2,e1): e2 is the label's first argument
};

// Parses a RELX file: blocks of `id<TAB>"sentence"`, then `label(e1,e2)` or `label(e2,e1)`
// (or `no_relation`). Rows whose marked entity is empty are left out. InvalidArgument naming
// the line when a block is malformed.
Result<std::vector<RelxSentence>> ParseRelx(std::string_view text);

// How a RELX label maps onto a presskg fact (a row of tests/data/relx/label_map.tsv).
struct RelxMapping {
  std::string label;
  std::vector<std::string> relations;  // accepted relations or literal types, first = main
  bool second_is_subject = false;      // the label's second argument is presskg's subject
};

// Parses the label map: TSV `label  relations(a|b)  subject(first|second)`; `#` comments.
// Labels absent from the map are outside presskg's schema. InvalidArgument on a bad row.
Result<std::vector<RelxMapping>> ParseRelxMapping(std::string_view text);

// Counts per mapped label: sentences and those whose mapped fact came out.
struct RelxLabelScore {
  int sentences = 0;
  int found = 0;
  double Recall() const { return sentences == 0 ? 1.0 : static_cast<double>(found) / sentences; }
};

struct RelxReport {
  std::string lang;
  std::map<std::string, RelxLabelScore> by_label;  // mapped labels only
  RelxLabelScore mapped;                            // every mapped sentence
  int no_relation = 0;          // no_relation sentences
  int no_relation_facts = 0;    // ... where a stated fact joined the two marked entities
  std::vector<std::string> misses;           // "id label e1 | e2" of mapped sentences missed
  std::vector<std::string> false_positives;  // "id relation e1 | e2" on no_relation sentences
  // Mapped hits over mapped hits plus no_relation sentences with a fact between the pair.
  double Precision() const;
};

// Extracts every sentence alone (as a document in `lang`) and scores it: a mapped sentence
// counts when a stated fact of an accepted relation joins the two marked entities in the mapped
// direction (`founded`: a founded literal on the subject whose year is written in the other
// entity); a no_relation sentence counts against precision when any stated fact (mentions and
// quotes aside) joins the two entities. Marked names match an extracted name by name key, or
// when the folded words of one run inside the other's.
RelxReport EvaluateRelx(const std::vector<RelxSentence>& sentences,
                        const std::vector<RelxMapping>& mapping, const std::string& lang);

// Recall per label, overall, and the no_relation figures; with `verbose`, misses and false
// positives.
std::string FormatRelxReport(const RelxReport& report, bool verbose);

}  // namespace presskg::ingest
