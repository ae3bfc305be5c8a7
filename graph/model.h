#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presskg::graph {

// Node ids are allocated by the store, starting at 1; 0 is never a valid id.
using NodeId = std::uint64_t;
// Relation ids are positions in relations.tsv, starting at 1 (stable: new relations are appended).
using RelationId = std::uint16_t;

enum class NodeKind : std::uint8_t {
  kOrganization = 1,
  kPerson = 2,
  kPlace = 3,
  kSector = 4,
  kDocument = 5,
};
inline constexpr NodeKind kAllNodeKinds[] = {NodeKind::kOrganization, NodeKind::kPerson,
                                             NodeKind::kPlace, NodeKind::kSector,
                                             NodeKind::kDocument};

// "organization", "person", "place", "sector", "document".
std::string_view NodeKindName(NodeKind kind);
// Inverse of NodeKindName; nullopt for an unknown name.
std::optional<NodeKind> ParseNodeKind(std::string_view name);

// How a source states a fact.
enum class FactStatus : std::uint8_t { kStated = 0, kPlanned = 1, kDenied = 2 };
// "stated", "planned", "denied".
std::string_view FactStatusName(FactStatus status);
std::optional<FactStatus> ParseFactStatus(std::string_view name);

// One name a node was seen under, with the documents that used it.
struct Alias {
  std::string name;
  std::string lang;  // "fr", "en" or "" when unknown
  std::vector<NodeId> documents;
};

struct Node {
  NodeId id = 0;
  NodeKind kind = NodeKind::kOrganization;
  std::string label;     // canonical display name
  std::string label_fr;  // French name where known
  std::string label_en;  // English name where known
  std::vector<Alias> aliases;
};

// Where a fact was read: the sentence and its place in the document body.
struct Evidence {
  NodeId document = 0;
  std::string sentence;
  std::uint32_t start = 0;  // code point offsets of the sentence in the document body
  std::uint32_t end = 0;
  std::string lang;
  std::string rule;  // id of the rule that produced the fact, e.g. "fr.subsidiary_of.apposition"
  float confidence = 1.0F;
  FactStatus status = FactStatus::kStated;
  std::string date;  // ISO date of the document ("2022-12" or "2022-12-01"), may be empty
};

// An edge is identified by its endpoints and relation. Symmetric relations are stored with
// source < target.
struct EdgeKey {
  NodeId source = 0;
  RelationId relation = 0;
  NodeId target = 0;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
  friend auto operator<=>(const EdgeKey&, const EdgeKey&) = default;
};

struct Edge {
  EdgeKey key;
  std::map<std::string, std::string> properties;  // relation properties (share_pct, amount, ...)
  std::string first_seen;  // earliest evidence date, "" when no evidence is dated
  std::string last_seen;
  std::uint32_t source_count = 0;    // distinct documents
  std::uint32_t evidence_count = 0;  // evidence records
  FactStatus status = FactStatus::kStated;  // stated when any evidence states it
  float confidence = 0.0F;                  // highest evidence confidence
};

struct Document {
  NodeId id = 0;
  std::string name;  // file name or JSON Lines id, as given by the reader
  std::string source;
  std::string title;
  std::string date;
  std::string lang;
  std::string url;
  std::string content_hash;  // hex SHA-256 of the body text
  std::string text;          // body, after the header lines
};

// A literal fact about a node: employees, revenue, founded, jobs_created, investment.
struct LiteralFact {
  NodeId node = 0;
  std::string type;
  std::int64_t value = 0;
  std::map<std::string, std::string> properties;  // currency, year, text, horizon_year, ...
  Evidence evidence;
};

// A journalist's correction of entity resolution, kept in the store's audit log.
enum class CorrectionKind : std::uint8_t {
  kMerge = 1,   // `from` was folded into `to` (and now redirects to it)
  kSplit = 2,   // aliases of `from` and the facts only they named became the new node `to`
  kRevert = 3,  // undid correction `reverts`
};

// "merge", "split", "revert".
std::string_view CorrectionKindName(CorrectionKind kind);

// One fact moved by a correction: an edge's evidence record or a literal fact, identified by the
// document that stated it and its position in that document.
struct MovedFact {
  bool literal = false;
  NodeId document = 0;
  std::uint32_t seq = 0;
  friend auto operator<=>(const MovedFact&, const MovedFact&) = default;
};

struct Correction {
  std::uint64_t id = 0;  // 1, 2, ... in the order they were made
  CorrectionKind kind = CorrectionKind::kMerge;
  std::string when;  // UTC, ISO 8601 ("2026-11-27T10:15:00Z")
  std::string why;   // the journalist's reason, required
  NodeId from = 0;   // merge: the absorbed node; split: the node split
  NodeId to = 0;     // merge: the node kept; split: the node created
  std::string from_label;
  std::string to_label;
  std::vector<std::string> aliases;    // names that moved from `from` to `to`
  std::vector<std::string> name_keys;  // name-index keys re-pointed from `from` to `to`
  std::vector<std::string> shared_name_keys;  // keys `to` already had: only `from`'s entry went
  std::vector<MovedFact> facts;        // facts re-attached from `from` to `to`
  std::uint32_t edges_changed = 0;     // edges created, re-keyed or removed
  std::uint32_t loops_parked = 0;      // evidence of edges between the two merged nodes, set aside
  std::optional<Node> absorbed;        // merge: the absorbed node as it was (for revert)
  std::uint64_t reverts = 0;           // revert: the correction undone
  std::uint64_t reverted_by = 0;       // the revert that undid this correction, 0 when in force
};

}  // namespace presskg::graph
