#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace presskg::graph {

// One relation type of relations.tsv.
struct RelationType {
  RelationId id = 0;  // 1-based line position among the relation rows
  std::string name;   // "subsidiary_of"
  std::vector<NodeKind> subject_kinds;
  std::vector<NodeKind> object_kinds;
  bool symmetric = false;
  std::string label_fr;
  std::string label_en;
  std::string inverse_label_fr;
  std::string inverse_label_en;
  std::vector<std::string> properties;  // edge property names, e.g. {"share_pct"}
  std::string examples;                 // "fr examples | en examples", as in the TSV
};

// The relation types presskg knows. Immutable once built; safe to share between threads.
class RelationSchema {
 public:
  // The schema compiled into the binary from graph/relations.tsv.
  static const RelationSchema& Builtin();
  // Parses the relations.tsv format. InvalidArgument naming the line on a malformed row.
  static Result<RelationSchema> Parse(std::string_view tsv);

  // nullptr when no relation has that name.
  const RelationType* Find(std::string_view name) const;
  // nullptr when `id` is out of range.
  const RelationType* Get(RelationId id) const;
  const std::vector<RelationType>& relations() const { return relations_; }
  // The literal fact types (employees, revenue, founded, jobs_created, investment).
  static const std::vector<std::string>& LiteralTypes();
  static bool IsLiteralType(std::string_view name);

 private:
  std::vector<RelationType> relations_;
};

}  // namespace presskg::graph
