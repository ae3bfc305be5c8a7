#include "ingest/statements/statement_importer.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "graph/relation_schema.h"
#include "graph/text_util.h"
#include "ingest/resolve/name_key.h"

namespace presskg::ingest {
namespace {

using graph::NodeKind;

std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

bool Allows(const std::vector<NodeKind>& kinds, NodeKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

NodeKind DefaultKind(const std::vector<NodeKind>& allowed) {
  return allowed.empty() || Allows(allowed, NodeKind::kOrganization) ? NodeKind::kOrganization
                                                                     : allowed.front();
}

class Parser {
 public:
  explicit Parser(std::string_view name) : name_(name) {}

  Status Fail(int line, const std::string& why) const {
    return Status::InvalidArgument(std::string(name_) + ":" + std::to_string(line) + ": " + why);
  }

  Result<NodeKind> Kind(std::string_view field, const std::vector<NodeKind>& allowed,
                        std::string_view relation, int line) const {
    NodeKind kind = DefaultKind(allowed);
    if (!Trim(field).empty()) {
      auto parsed = graph::ParseNodeKind(Trim(field));
      if (!parsed || *parsed == NodeKind::kDocument) {
        return Fail(line, "unknown entity kind '" + std::string(Trim(field)) +
                              "' (expected organization, person, place or sector)");
      }
      kind = *parsed;
    }
    if (!allowed.empty() && !Allows(allowed, kind)) {
      return Fail(line, "relation '" + std::string(relation) + "' does not take a " +
                            std::string(graph::NodeKindName(kind)));
    }
    return kind;
  }

  Result<graph::EntityIndex> Entity(std::string_view raw_name, NodeKind kind, int line) {
    std::string name(Trim(raw_name));
    std::vector<std::string> keys = MatchKeys(name, kind);
    if (keys.empty()) return Fail(line, "empty entity name '" + name + "'");
    auto [it, inserted] = index_.try_emplace({kind, keys.front()},
                                              static_cast<graph::EntityIndex>(graph_.entities.size()));
    if (inserted) {
      graph::EntityInput entity;
      entity.kind = kind;
      entity.name = name;
      entity.match_keys = std::move(keys);
      graph_.entities.push_back(std::move(entity));
    }
    return it->second;
  }

  Status Line(std::string_view line, int line_no, std::size_t start_cp) {
    std::vector<std::string_view> cols = SplitView(line, '\t');
    if (cols.size() < 3 || cols.size() > 5) {
      return Fail(line_no, "expected 3 to 5 tab-separated columns (subject, relation, object, "
                           "[subject kind], [object kind]), got " +
                               std::to_string(cols.size()));
    }
    std::string_view relation = Trim(cols[1]);
    graph::Evidence evidence;
    evidence.sentence = std::string(line);
    evidence.start = static_cast<std::uint32_t>(start_cp);
    evidence.end = static_cast<std::uint32_t>(start_cp + CodePoints(line));
    evidence.rule = "import.statement";
    evidence.confidence = 1.0F;

    const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
    if (graph::RelationSchema::IsLiteralType(relation)) {
      PRESSKG_ASSIGN_OR_RETURN(NodeKind kind, Kind(cols.size() > 3 ? cols[3] : "", {}, relation,
                                                   line_no));
      std::string_view object = Trim(cols[2]);
      std::int64_t value = 0;
      auto [ptr, ec] = std::from_chars(object.data(), object.data() + object.size(), value);
      if (ec != std::errc() || ptr != object.data() + object.size()) {
        return Fail(line_no, "literal '" + std::string(relation) + "' needs an integer, got '" +
                                 std::string(object) + "'");
      }
      PRESSKG_ASSIGN_OR_RETURN(graph::EntityIndex subject, Entity(cols[0], kind, line_no));
      graph::LiteralInput literal;
      literal.subject = subject;
      literal.type = std::string(relation);
      literal.value = value;
      literal.evidence = std::move(evidence);
      graph_.literals.push_back(std::move(literal));
      return Status::Ok();
    }
    const graph::RelationType* type = schema.Find(relation);
    if (type == nullptr) {
      return Fail(line_no, "unknown relation '" + std::string(relation) +
                               "' (see relations.tsv for the relation ids)");
    }
    PRESSKG_ASSIGN_OR_RETURN(
        NodeKind subject_kind,
        Kind(cols.size() > 3 ? cols[3] : "", type->subject_kinds, relation, line_no));
    PRESSKG_ASSIGN_OR_RETURN(
        NodeKind object_kind,
        Kind(cols.size() > 4 ? cols[4] : "", type->object_kinds, relation, line_no));
    graph::FactInput fact;
    PRESSKG_ASSIGN_OR_RETURN(fact.subject, Entity(cols[0], subject_kind, line_no));
    PRESSKG_ASSIGN_OR_RETURN(fact.object, Entity(cols[2], object_kind, line_no));
    fact.relation = type->id;
    fact.evidence = std::move(evidence);
    graph_.facts.push_back(std::move(fact));
    return Status::Ok();
  }

  graph::DocumentGraph Take() { return std::move(graph_); }

 private:
  std::string_view name_;
  graph::DocumentGraph graph_;
  std::map<std::pair<NodeKind, std::string>, graph::EntityIndex> index_;
};

}  // namespace

Result<graph::DocumentGraph> ParseStatements(std::string_view name, std::string_view content) {
  std::size_t bad = 0;
  if (!IsValidUtf8(content, &bad)) {
    return Status::InvalidArgument(std::string(name) + ": invalid UTF-8 at byte offset " +
                                   std::to_string(bad));
  }
  Parser parser(name);
  int line_no = 0;
  std::size_t offset_cp = 0;
  for (std::string_view line : SplitView(content, '\n')) {
    ++line_no;
    const std::size_t line_cp = CodePoints(line) + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!Trim(line).empty() && Trim(line).front() != '#') {
      PRESSKG_RETURN_IF_ERROR(parser.Line(line, line_no, offset_cp));
    }
    offset_cp += line_cp;
  }
  graph::DocumentGraph graph = parser.Take();
  if (graph.facts.empty() && graph.literals.empty()) {
    return Status::InvalidArgument(std::string(name) + ": no statement found");
  }
  graph.document.name = std::string(name);
  graph.document.text = std::string(content);
  return graph;
}

}  // namespace presskg::ingest
