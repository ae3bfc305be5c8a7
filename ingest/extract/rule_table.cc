#include "ingest/extract/rule_table.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace presskg::ingest {
namespace {

constexpr std::string_view kRelationRules =
#include "ingest/data/rules/relations.inc"
    ;

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= line.size()) {
    std::size_t j = line.find('\t', i);
    if (j == std::string_view::npos) j = line.size();
    out.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

struct Tables {
  std::vector<Rule> rules;
  std::vector<std::string> errors;
  Vocabulary vocabulary;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_lang;  // rule indices
  // Per language: the rules with no required word, and by word id the rules whose first required
  // group holds that word (CandidateRules looks up a sentence's words instead of every rule).
  struct LangIndex {
    std::vector<std::size_t> always;
    std::vector<std::vector<std::size_t>> by_first_word;
  };
  std::map<std::string, LangIndex, std::less<>> index;
};

// Rule::required of a pattern whose words are interned.
std::vector<std::vector<WordId>> RequiredWords(const Pattern& pattern) {
  std::vector<std::vector<WordId>> groups;
  for (const PatternElement& el : pattern.elements) {
    if (el.kind != PatternElement::Kind::kWords || el.optional) continue;
    if (el.any_prefix) continue;
    std::vector<WordId>& group = groups.emplace_back();
    for (const std::vector<WordId>& phrase : el.ids) group.push_back(phrase.front());
  }
  return groups;
}

const Tables& Build() {
  static const Tables* const tables = [] {
    auto* t = new Tables();
    std::string relation;
    std::size_t i = 0;
    while (i < kRelationRules.size()) {
      std::size_t j = kRelationRules.find('\n', i);
      if (j == std::string_view::npos) j = kRelationRules.size();
      std::string_view line = kRelationRules.substr(i, j - i);
      i = j + 1;
      if (line.empty() || line.starts_with("//")) continue;
      if (line.front() == '[') {
        relation = std::string(line.substr(1, line.size() - 2));
        continue;
      }
      const std::vector<std::string_view> cols = SplitTabs(line);
      if (cols.size() < 4) {
        t->errors.push_back("too few columns: " + std::string(line));
        continue;
      }
      Rule rule;
      rule.lang = std::string(cols[0]);
      rule.relation = relation;
      rule.id = rule.lang + "." + relation + "." + std::string(cols[1]);
      const std::string_view flags = cols[2];
      rule.attributive = flags.find("attr") != std::string_view::npos;
      rule.reverse = flags.find("rev") != std::string_view::npos;
      rule.pairwise = flags.find("pair") != std::string_view::npos;
      rule.places = flags.find("places") != std::string_view::npos;
      rule.topic = flags.find("topic") != std::string_view::npos;
      rule.city = flags.find("city") != std::string_view::npos;
      std::string error;
      rule.pattern = CompilePattern(cols[3], &error);
      if (!error.empty()) {
        t->errors.push_back(rule.id + ": " + error);
        continue;
      }
      InternWords(&rule.pattern, &t->vocabulary);
      if (cols.size() > 4) rule.example = std::string(cols[4]);
      rule.required = RequiredWords(rule.pattern);
      t->by_lang[rule.lang].push_back(t->rules.size());
      t->rules.push_back(std::move(rule));
    }
    for (const auto& [lang, rules] : t->by_lang) {
      Tables::LangIndex& li = t->index[lang];
      li.by_first_word.resize(t->vocabulary.size());
      for (const std::size_t r : rules) {
        const std::vector<std::vector<WordId>>& required = t->rules[r].required;
        if (required.empty()) {
          li.always.push_back(r);
          continue;
        }
        for (const WordId w : required.front()) {
          std::vector<std::size_t>& list = li.by_first_word[w];
          if (list.empty() || list.back() != r) list.push_back(r);
        }
      }
    }
    return t;
  }();
  return *tables;
}

}  // namespace

const std::vector<Rule>& BuiltinRules() { return Build().rules; }
const std::vector<std::string>& RuleTableErrors() { return Build().errors; }
const Vocabulary& RuleVocabulary() { return Build().vocabulary; }

std::vector<std::size_t> CandidateRules(std::string_view lang, std::span<const WordId> words) {
  std::vector<std::size_t> out;
  const Tables& t = Build();
  const auto found = t.index.find(lang);
  if (found == t.index.end()) return out;
  const Tables::LangIndex& li = found->second;
  // Per thread, reused: which words the sentence holds, and which rules were already tried.
  thread_local std::vector<char> present;
  thread_local std::vector<char> tried;
  present.assign(t.vocabulary.size(), 0);
  tried.assign(t.rules.size(), 0);
  out = li.always;
  for (const WordId w : words) {
    if (w < present.size()) present[w] = 1;
  }
  for (const WordId w : words) {
    if (w >= li.by_first_word.size()) continue;
    for (const std::size_t r : li.by_first_word[w]) {
      if (tried[r] != 0) continue;
      tried[r] = 1;
      bool all = true;
      for (const std::vector<WordId>& group : t.rules[r].required) {
        bool any = false;
        for (const WordId g : group) any = any || present[g] != 0;
        all = all && any;
        if (!all) break;
      }
      if (all) out.push_back(r);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace presskg::ingest
