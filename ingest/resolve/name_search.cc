#include "ingest/resolve/name_search.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "ingest/resolve/name_key.h"

namespace presskg::ingest {
namespace {

constexpr std::size_t kDeletionPrefix = 7;   // characters of a word the deletion index covers
constexpr std::uint32_t kMaxIndexedEdits = 2;
constexpr std::size_t kMaxPrefixScan = 1024;  // suffixes scanned for exact and prefix matches
constexpr std::size_t kMaxPrefixWords = 256;  // dictionary words a last query word may start
constexpr std::size_t kMaxFuzzyNodes = 20000;  // posting entries checked for fuzzy matches

std::uint32_t EditBudget(std::size_t length) {
  if (length >= 8) return 2;
  return length >= 4 ? 1 : 0;
}

std::uint32_t Hash32(std::string_view s) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(s));
}

// Optimal-string-alignment (restricted Damerau-Levenshtein) distance, or limit + 1 when larger.
std::uint32_t Distance(std::string_view a, std::string_view b, std::uint32_t limit) {
  constexpr std::size_t kMaxLength = 63;
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  if (m > kMaxLength || n > kMaxLength) return limit + 1;
  std::uint32_t rows[3][kMaxLength + 1];
  std::uint32_t* prev2 = rows[0];
  std::uint32_t* prev = rows[1];
  std::uint32_t* cur = rows[2];
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<std::uint32_t>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<std::uint32_t>(i);
    std::uint32_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::uint32_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::uint32_t* spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return std::min(prev[m], limit + 1);
}

// `s` and every string made by deleting up to `edits` characters of it.
void Deletions(const std::string& s, std::uint32_t edits, std::set<std::string>* out) {
  if (!out->insert(s).second || edits == 0) return;
  for (std::size_t i = 0; i < s.size(); ++i) {
    Deletions(s.substr(0, i) + s.substr(i + 1), edits - 1, out);
  }
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

using WordMatches = std::vector<std::pair<std::uint32_t, std::uint32_t>>;  // word, edits; sorted


}  // namespace

Result<NameSearchIndex> NameSearchIndex::Build(const graph::GraphSnapshot& snapshot) {
  NameSearchIndex index;
  PRESSKG_RETURN_IF_ERROR(snapshot.ForEachNode([&](const graph::Node& node) {
    if (node.kind == graph::NodeKind::kDocument) return true;
    std::set<graph::NodeId> documents;
    for (const graph::Alias& alias : node.aliases) {
      documents.insert(alias.documents.begin(), alias.documents.end());
    }
    const auto count = static_cast<std::uint32_t>(documents.size());
    for (const std::string* name : {&node.label, &node.label_fr, &node.label_en}) {
      if (!name->empty()) index.Add(node.id, *name, count);
    }
    for (const graph::Alias& alias : node.aliases) index.Add(node.id, alias.name, count);
    return true;
  }));
  index.Finish();
  return index;
}

void NameSearchIndex::Add(graph::NodeId node, std::string_view name, std::uint32_t documents) {
  const std::string folded = FoldedName(name);
  if (folded.empty()) return;
  auto [it, inserted] = node_index_.emplace(node, static_cast<std::uint32_t>(nodes_.size()));
  if (inserted) nodes_.push_back(NodeInfo{node, documents, 0, 0});
  names_.push_back(Name{static_cast<std::uint32_t>(arena_.size()),
                        static_cast<std::uint32_t>(folded.size()), it->second});
  arena_ += folded;
}

std::string_view NameSearchIndex::NameText(std::uint32_t name) const {
  return std::string_view(arena_).substr(names_[name].offset, names_[name].length);
}

std::string_view NameSearchIndex::SuffixText(const Suffix& s) const {
  return NameText(s.name).substr(s.start);
}

void NameSearchIndex::Finish() {
  node_index_.clear();
  std::sort(names_.begin(), names_.end(), [&](const Name& a, const Name& b) {
    if (a.node != b.node) return a.node < b.node;
    return std::string_view(arena_).substr(a.offset, a.length) <
           std::string_view(arena_).substr(b.offset, b.length);
  });
  names_.erase(std::unique(names_.begin(), names_.end(),
                           [&](const Name& a, const Name& b) {
                             return a.node == b.node &&
                                    std::string_view(arena_).substr(a.offset, a.length) ==
                                        std::string_view(arena_).substr(b.offset, b.length);
                           }),
               names_.end());
  for (std::uint32_t i = 0; i < names_.size(); ++i) {
    NodeInfo& node = nodes_[names_[i].node];
    if (node.end_name == 0) node.first_name = i;
    node.end_name = i + 1;
  }

  std::vector<std::pair<std::string_view, std::uint32_t>> word_nodes;
  for (std::uint32_t i = 0; i < names_.size(); ++i) {
    const std::string_view text = NameText(i);
    for (std::string_view word : SplitWords(text)) {
      suffixes_.push_back(Suffix{i, static_cast<std::uint32_t>(word.data() - text.data())});
      word_nodes.emplace_back(word, names_[i].node);
    }
  }
  std::sort(suffixes_.begin(), suffixes_.end(), [&](const Suffix& a, const Suffix& b) {
    return SuffixText(a) < SuffixText(b);
  });

  std::sort(word_nodes.begin(), word_nodes.end());
  word_nodes.erase(std::unique(word_nodes.begin(), word_nodes.end()), word_nodes.end());
  for (std::size_t i = 0; i < word_nodes.size();) {
    const std::string_view word = word_nodes[i].first;
    const auto word_id = static_cast<std::uint32_t>(words_.size());
    words_.push_back(word);
    posting_offsets_.push_back(static_cast<std::uint32_t>(postings_.size()));
    const std::size_t begin = postings_.size();
    for (; i < word_nodes.size() && word_nodes[i].first == word; ++i) {
      postings_.push_back(word_nodes[i].second);
    }
    std::stable_sort(postings_.begin() + static_cast<std::ptrdiff_t>(begin), postings_.end(),
                     [&](std::uint32_t a, std::uint32_t b) {
                       return nodes_[a].documents > nodes_[b].documents;
                     });
    if (word.size() >= 3) {
      std::set<std::string> variants;
      Deletions(std::string(word.substr(0, kDeletionPrefix)), kMaxIndexedEdits, &variants);
      for (const std::string& v : variants) {
        deletions_.push_back(static_cast<std::uint64_t>(Hash32(v)) << 32 | word_id);
      }
    }
  }
  posting_offsets_.push_back(static_cast<std::uint32_t>(postings_.size()));
  std::sort(deletions_.begin(), deletions_.end());
  deletions_.erase(std::unique(deletions_.begin(), deletions_.end()), deletions_.end());
  finished_ = true;
}

std::vector<NameMatch> NameSearchIndex::Search(std::string_view query,
                                                   std::size_t limit) const {
  const std::string q = FoldedName(query);
  if (q.empty() || !finished_ || limit == 0) return {};
  struct Best {
    MatchRank rank;
    std::uint32_t distance;
    std::uint32_t name;
  };
  std::unordered_map<std::uint32_t, Best> best;  // by node index
  auto consider = [&](std::uint32_t node, MatchRank rank, std::uint32_t distance,
                      std::uint32_t name) {
    auto [it, inserted] = best.emplace(node, Best{rank, distance, name});
    if (!inserted && std::tie(rank, distance) < std::tie(it->second.rank, it->second.distance)) {
      it->second = Best{rank, distance, name};
    }
  };

  auto lo = std::lower_bound(suffixes_.begin(), suffixes_.end(), q,
                             [&](const Suffix& s, const std::string& v) { return SuffixText(s) < v; });
  for (std::size_t scanned = 0; lo != suffixes_.end() && scanned < kMaxPrefixScan; ++lo, ++scanned) {
    const std::string_view text = SuffixText(*lo);
    if (!text.starts_with(q)) break;
    const bool exact = lo->start == 0 && text.size() == q.size();
    consider(names_[lo->name].node, exact ? MatchRank::kExact : MatchRank::kPrefix, 0, lo->name);
  }

  // Typos are looked for only when no name matches exactly or by prefix: the query then is
  // most likely misspelt, and the common case stays one binary search.
  if (best.empty()) {
    // Fuzzy: each query word maps to the dictionary words it may stand for.
    const std::vector<std::string_view> query_words = SplitWords(q);
    std::vector<WordMatches> matches;
    for (std::size_t i = 0; i < query_words.size(); ++i) {
      const std::string word(query_words[i]);
      const bool last = i + 1 == query_words.size();
      WordMatches found;
      auto add = [&](std::uint32_t id, std::uint32_t edits) { found.emplace_back(id, edits); };
      auto exact = std::lower_bound(words_.begin(), words_.end(), std::string_view(word));
      for (std::size_t n = 0; exact != words_.end() && n < (last ? kMaxPrefixWords : 1);
           ++exact, ++n) {
        if (!(last ? exact->starts_with(word) : *exact == word)) break;
        add(static_cast<std::uint32_t>(exact - words_.begin()), 0);
      }
      const std::uint32_t budget = EditBudget(word.size());
      if (budget > 0) {
        std::set<std::string> variants;
        Deletions(word.substr(0, kDeletionPrefix), budget, &variants);
        for (const std::string& v : variants) {
          const std::uint64_t h = static_cast<std::uint64_t>(Hash32(v)) << 32;
          for (auto it = std::lower_bound(deletions_.begin(), deletions_.end(), h);
               it != deletions_.end() && (*it >> 32) == (h >> 32); ++it) {
            const auto id = static_cast<std::uint32_t>(*it & 0xffffffffU);
            const std::string_view candidate = words_[id];
            std::uint32_t edits = Distance(word, candidate, budget);
            if (last && candidate.size() > word.size()) {
              for (std::size_t len = word.size() - 1; len <= word.size() + 1; ++len) {
                if (len > candidate.size()) break;
                edits = std::min(edits, Distance(word, candidate.substr(0, len), budget));
              }
            }
            if (edits <= budget) add(id, edits);
          }
        }
      }
      std::sort(found.begin(), found.end());
      // Keep the fewest edits per word.
      found.erase(std::unique(found.begin(), found.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; }),
                  found.end());
      if (found.empty()) break;
      matches.push_back(std::move(found));
    }
    if (matches.size() < query_words.size()) matches.clear();
    // Candidate nodes come from the query word with the shortest posting lists.
    std::size_t pivot = 0;
    std::size_t pivot_size = ~std::size_t{0};
    for (std::size_t i = 0; i < matches.size(); ++i) {
      std::size_t size = 0;
      for (const auto& [id, edits] : matches[i]) size += posting_offsets_[id + 1] - posting_offsets_[id];
      if (size < pivot_size) {
        pivot = i;
        pivot_size = size;
      }
    }
    // Query word -> edits per dictionary word, for checking the names of a candidate.
    std::vector<std::unordered_map<std::string_view, std::uint32_t>> edits_by_word(matches.size());
    for (std::size_t i = 0; i < matches.size(); ++i) {
      for (const auto& [id, edits] : matches[i]) edits_by_word[i].emplace(words_[id], edits);
    }
    // Pivot words with fewer edits first; in each, nodes with more documents first, so the scan
    // of one word stops after `limit` matches.
    WordMatches pivots = matches.empty() ? WordMatches{} : matches[pivot];
    std::stable_sort(pivots.begin(), pivots.end(),
                     [](const auto& a, const auto& b) { return a.second < b.second; });
    std::size_t checked = 0;
    for (const auto& [id, unused] : pivots) {
      std::size_t accepted = 0;
      for (std::uint32_t p = posting_offsets_[id]; p < posting_offsets_[id + 1]; ++p) {
        if (++checked > kMaxFuzzyNodes || accepted >= limit) break;
        const std::uint32_t node = postings_[p];
        auto known = best.find(node);
        if (known != best.end() && known->second.rank != MatchRank::kFuzzy) continue;
        const NodeInfo& info = nodes_[node];
        for (std::uint32_t name = info.first_name; name < info.end_name; ++name) {
          const std::vector<std::string_view> name_words = SplitWords(NameText(name));
          std::uint32_t total = 0;
          bool all = true;
          for (const auto& edits : edits_by_word) {
            std::uint32_t fewest = ~0U;
            for (std::string_view w : name_words) {
              auto it = edits.find(w);
              if (it != edits.end()) fewest = std::min(fewest, it->second);
            }
            if (fewest == ~0U) {
              all = false;
              break;
            }
            total += fewest;
          }
          if (all) {
            consider(node, MatchRank::kFuzzy, total, name);
            ++accepted;
          }
        }
      }
    }
  }

  struct Ranked {
    MatchRank rank;
    std::uint32_t distance;
    std::uint32_t documents;
    std::uint32_t node;
    std::uint32_t name;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(best.size());
  for (const auto& [node, b] : best) {
    ranked.push_back(Ranked{b.rank, b.distance, nodes_[node].documents, node, b.name});
  }
  auto order = [&](const Ranked& a, const Ranked& b) {
    if (std::tie(a.rank, a.distance, b.documents) != std::tie(b.rank, b.distance, a.documents)) {
      return std::tie(a.rank, a.distance, b.documents) < std::tie(b.rank, b.distance, a.documents);
    }
    const std::string_view name_a = NameText(a.name);
    const std::string_view name_b = NameText(b.name);
    if (name_a != name_b) return name_a < name_b;
    return nodes_[a.node].id < nodes_[b.node].id;
  };
  const std::size_t n = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                    order);
  std::vector<NameMatch> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Ranked& r = ranked[i];
    out.push_back(NameMatch{nodes_[r.node].id, r.rank, r.distance, r.documents,
                            std::string(NameText(r.name))});
  }
  return out;
}

}  // namespace presskg::ingest
