#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace presskg::ingest {

// One row of a gold file (*.gold.tsv): `level subject relation object [properties]`, or a
// `# distractor: subject relation object reason` comment.
struct GoldFact {
  std::string level;                 // "must", "should" or "distractor"
  std::vector<std::string> subject;  // accepted names ("a | b" variants)
  std::string relation;              // relation id or literal type
  std::vector<std::string> object;   // accepted names or literal texts; "(this document)"
  std::string properties;            // JSON object as written, may be empty
  std::vector<double> values;        // literal facts: the numeric value(s)
  int line = 0;
};

struct GoldFile {
  std::vector<GoldFact> facts;        // must and should rows
  std::vector<GoldFact> distractors;  // statements that must not come out as stated
};

// Parses a gold file. InvalidArgument naming the line for a row without four columns.
Result<GoldFile> ParseGold(std::string_view text);

// True for the literal fact types (employees, revenue, founded, jobs_created, investment).
bool IsLiteralRelation(std::string_view relation);

}  // namespace presskg::ingest
