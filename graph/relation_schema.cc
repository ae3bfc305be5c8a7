#include "graph/relation_schema.h"

#include <sstream>

#include "graph/text_util.h"

namespace presskg::graph {

extern const char kRelationsTsv[];  // generated from relations.tsv

namespace {

Result<std::vector<NodeKind>> ParseKinds(std::string_view field, int line) {
  std::vector<NodeKind> kinds;
  for (std::string_view part : SplitView(field, ',')) {
    auto kind = ParseNodeKind(Trim(part));
    if (!kind) {
      return Status::InvalidArgument("relations.tsv line " + std::to_string(line) +
                                     ": unknown node kind '" + std::string(part) + "'");
    }
    kinds.push_back(*kind);
  }
  return kinds;
}

}  // namespace

const RelationSchema& RelationSchema::Builtin() {
  static const RelationSchema* schema = [] {
    Result<RelationSchema> parsed = Parse(kRelationsTsv);
    // The embedded file is checked by the tests; a broken build must not start.
    if (!parsed.ok()) std::abort();
    return new RelationSchema(std::move(parsed).value());
  }();
  return *schema;
}

Result<RelationSchema> RelationSchema::Parse(std::string_view tsv) {
  RelationSchema schema;
  int line_no = 0;
  for (std::string_view line : SplitView(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    std::vector<std::string_view> cols = SplitView(line, '\t');
    if (cols.size() < 9) {
      return Status::InvalidArgument("relations.tsv line " + std::to_string(line_no) +
                                     ": expected at least 9 tab-separated columns, got " +
                                     std::to_string(cols.size()));
    }
    RelationType type;
    type.id = static_cast<RelationId>(schema.relations_.size() + 1);
    type.name = std::string(cols[0]);
    PRESSKG_ASSIGN_OR_RETURN(type.subject_kinds, ParseKinds(cols[1], line_no));
    PRESSKG_ASSIGN_OR_RETURN(type.object_kinds, ParseKinds(cols[2], line_no));
    if (cols[3] != "directed" && cols[3] != "symmetric") {
      return Status::InvalidArgument("relations.tsv line " + std::to_string(line_no) +
                                     ": direction must be directed or symmetric");
    }
    type.symmetric = cols[3] == "symmetric";
    type.label_fr = std::string(cols[4]);
    type.label_en = std::string(cols[5]);
    type.inverse_label_fr = std::string(cols[6]);
    type.inverse_label_en = std::string(cols[7]);
    for (std::string_view p : SplitView(cols[8], ',')) {
      if (!Trim(p).empty()) type.properties.emplace_back(Trim(p));
    }
    if (cols.size() > 9) type.examples = std::string(cols[9]);
    if (schema.Find(type.name) != nullptr) {
      return Status::InvalidArgument("relations.tsv line " + std::to_string(line_no) +
                                     ": duplicate relation '" + type.name + "'");
    }
    schema.relations_.push_back(std::move(type));
  }
  if (schema.relations_.empty()) return Status::InvalidArgument("relations.tsv has no relation");
  return schema;
}

const RelationType* RelationSchema::Find(std::string_view name) const {
  for (const RelationType& type : relations_) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

const RelationType* RelationSchema::Get(RelationId id) const {
  if (id == 0 || id > relations_.size()) return nullptr;
  return &relations_[id - 1];
}

const std::vector<std::string>& RelationSchema::LiteralTypes() {
  static const std::vector<std::string> kTypes = {"employees", "revenue", "founded",
                                                  "jobs_created", "investment"};
  return kTypes;
}

bool RelationSchema::IsLiteralType(std::string_view name) {
  for (const std::string& type : LiteralTypes()) {
    if (type == name) return true;
  }
  return false;
}

}  // namespace presskg::graph
