#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph_store.h"

namespace presskg::ingest {

// How a name matched a query.
enum class MatchRank : std::uint8_t {
  kExact = 0,   // the whole folded name equals the folded query
  kPrefix = 1,  // the name, or one of its words onwards, starts with the query
  kFuzzy = 2,   // every query word is within a Damerau-Levenshtein budget of a word of the name
};

struct NameMatch {
  graph::NodeId node = 0;
  MatchRank rank = MatchRank::kFuzzy;
  std::uint32_t distance = 0;   // edits of a fuzzy match, 0 otherwise
  std::uint32_t documents = 0;  // distinct documents naming the node
  std::string name;             // the folded name that matched
};

// An in-memory, read-only name index for ranked entity search over every name of every node
// (label, label_fr, label_en, aliases), accent- and case-insensitive (FoldedName).
// Ranking: exact, then prefix, then fuzzy (Damerau-Levenshtein <= 1 for query words of 4 to 7
// characters, <= 2 from 8; shorter words must match exactly or as a prefix; looked for only
// when no name matches exactly or by prefix), then by fewer edits, more documents, name. Layout: one sorted array of word-start suffixes of the names
// (exact and prefix matches are binary searches) and a deletion-neighbourhood index over the
// first 7 characters of each distinct word (fuzzy candidates), with per-word posting lists.
// Thread safety: Search may run concurrently once Finish has returned; Add and Finish may not.
class NameSearchIndex {
 public:
  // Every name of every non-document node of `snapshot`. Errors are the snapshot's.
  static Result<NameSearchIndex> Build(const graph::GraphSnapshot& snapshot);

  // Adds a name of `node`, seen in `documents` documents (the node's count, the same for each of
  // its names). Call Finish after the last Add.
  void Add(graph::NodeId node, std::string_view name, std::uint32_t documents);
  void Finish();

  // The best `limit` nodes for `query`, one match per node (its best). Empty for a query with no
  // letter or digit.
  std::vector<NameMatch> Search(std::string_view query, std::size_t limit) const;

  std::size_t name_count() const { return names_.size(); }
  std::size_t word_count() const { return words_.size(); }

 private:
  struct Name {
    std::uint32_t offset = 0;  // in arena_
    std::uint32_t length = 0;
    std::uint32_t node = 0;  // index in nodes_
  };
  struct NodeInfo {
    graph::NodeId id = 0;
    std::uint32_t documents = 0;
    std::uint32_t first_name = 0;  // names_[first_name, end_name) are the node's
    std::uint32_t end_name = 0;
  };
  struct Suffix {
    std::uint32_t name = 0;
    std::uint32_t start = 0;  // byte offset of a word start inside the name
  };

  std::string_view NameText(std::uint32_t name) const;
  std::string_view SuffixText(const Suffix& s) const;

  std::string arena_;
  std::vector<Name> names_;
  std::vector<NodeInfo> nodes_;
  std::vector<Suffix> suffixes_;  // sorted by SuffixText
  std::vector<std::string_view> words_;  // distinct words, sorted (views into arena_)
  std::vector<std::uint32_t> posting_offsets_;  // words_.size() + 1 offsets into postings_
  std::vector<std::uint32_t> postings_;  // node indexes per word, most documents first
  std::vector<std::uint64_t> deletions_;  // (hash << 32 | word), sorted
  std::unordered_map<graph::NodeId, std::uint32_t> node_index_;  // while adding
  bool finished_ = false;
};

}  // namespace presskg::ingest
