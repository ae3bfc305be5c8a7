#pragma once

#include <map>
#include <string>
#include <vector>

#include "graph/document_graph.h"
#include "graph/status.h"
#include "ingest/eval/gold.h"

namespace presskg::ingest {

// Precision / recall counters.
struct EvalCounts {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  double Precision() const;  // 1 when nothing was extracted
  double Recall() const;     // 1 when there was nothing to find
  double F1() const;
  EvalCounts& operator+=(const EvalCounts& other);
};

// The outcome for one document.
struct DocumentEval {
  std::string name;  // file name
  std::string lang;
  EvalCounts counts;
  std::vector<std::string> missed_must;      // gold rows, as "subject relation object"
  std::vector<std::string> missed_should;
  std::vector<std::string> false_positives;  // extracted stated facts matching no gold row
  std::vector<std::string> distractor_hits;  // distractors extracted as stated (also FPs)
};

struct EvalReport {
  std::map<std::string, EvalCounts> by_lang;      // "fr", "en"
  std::map<std::string, EvalCounts> by_relation;  // "subsidiary_of", "employees", ...
  std::map<std::string, EvalCounts> by_level;     // recall of "must" and "should" rows
  EvalCounts total;
  std::vector<DocumentEval> documents;
};

// Scores the stated facts of `graph` (mentions excluded) against `gold`. Names match case-,
// accent- and legal-form-insensitively (NameKey) against every accepted variant and every
// alias of the extracted entity; symmetric relations match in either order; literal values
// compare numerically. Adds the document to `report`.
void EvaluateDocument(const std::string& name, const graph::DocumentGraph& graph,
                      const GoldFile& gold, EvalReport* report);

// Reads every NAME.fr.txt / NAME.en.txt of `dir` (header lines + body), extracts it, and scores
// it against NAME.gold.tsv (NN.gold.tsv for translated pairs). Documents without a gold file
// are skipped. NotFound if `dir` holds no document; errors of readers and gold files pass up.
Result<EvalReport> EvaluateCorpus(const std::string& dir);

// Precision, recall and F1 per language, level and relation; with `verbose`, every miss,
// false positive and distractor hit per document.
std::string FormatEvalReport(const EvalReport& report, bool verbose);

}  // namespace presskg::ingest
