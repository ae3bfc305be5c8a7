#include "ingest/resolve/entity_keys.h"

#include <algorithm>

#include "ingest/resolve/fold.h"
#include "ingest/resolve/name_key.h"
#include "ingest/resolve/person_name.h"

namespace presskg::ingest {
namespace {

constexpr int kMaxSkippedWords = 2;

// Whether letters[i..] can be read from words[j..] (see IsAcronymOf).
bool Abbreviates(const std::string& letters, std::size_t i, const std::vector<std::string>& words,
                 std::size_t j, int skips_left) {
  if (i == letters.size()) {
    for (std::size_t k = j; k < words.size(); ++k) {
      if (!resolve::IsFunctionWord(words[k]) && --skips_left < 0) return false;
    }
    return true;
  }
  if (j == words.size()) return false;
  const std::string& word = words[j];
  const bool function_word = resolve::IsFunctionWord(word);
  if (function_word || skips_left > 0) {
    if (Abbreviates(letters, i, words, j + 1, function_word ? skips_left : skips_left - 1)) {
      return true;
    }
  }
  for (std::size_t n = 1; n <= word.size() && i + n <= letters.size(); ++n) {
    if (word[n - 1] != letters[i + n - 1]) break;
    if (Abbreviates(letters, i + n, words, j + 1, skips_left)) return true;
  }
  return false;
}

void AddKeys(graph::EntityInput* entity, std::string_view name) {
  for (std::string& key : MatchKeys(name, entity->kind)) {
    if (std::find(entity->match_keys.begin(), entity->match_keys.end(), key) ==
        entity->match_keys.end()) {
      entity->match_keys.push_back(std::move(key));
    }
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool IsAcronymOf(std::string_view acronym, std::string_view name) {
  std::string letters = resolve::JoinWords(resolve::FoldWords(acronym));
  letters.erase(std::remove(letters.begin(), letters.end(), ' '), letters.end());
  const std::vector<std::string> words = resolve::FoldWords(name);
  if (letters.size() < 2 || words.size() < 2) return false;
  return Abbreviates(letters, 0, words, 0, kMaxSkippedWords);
}

std::optional<AcronymDefinition> ParseAcronymDefinition(std::string_view text) {
  text = Trim(text);
  const std::size_t open = text.rfind('(');
  if (open == std::string_view::npos || text.back() != ')') return std::nullopt;
  const std::string_view outside = Trim(text.substr(0, open));
  const std::string_view inside = Trim(text.substr(open + 1, text.size() - open - 2));
  if (outside.empty() || inside.empty()) return std::nullopt;
  if (IsAcronymOf(inside, outside)) return AcronymDefinition{std::string(outside), std::string(inside)};
  if (IsAcronymOf(outside, inside)) return AcronymDefinition{std::string(inside), std::string(outside)};
  return std::nullopt;
}

bool AddAcronym(graph::EntityInput* entity, std::string_view acronym) {
  if (!IsAcronymOf(acronym, entity->name)) return false;
  if (std::find(entity->aliases.begin(), entity->aliases.end(), acronym) ==
      entity->aliases.end()) {
    entity->aliases.emplace_back(acronym);
  }
  AddKeys(entity, acronym);
  return true;
}

void FillMatchKeys(graph::EntityInput* entity) {
  entity->match_keys.clear();
  AddKeys(entity, entity->name);
  for (const std::string& alias : entity->aliases) {
    if (entity->kind == graph::NodeKind::kPerson && !HasGivenName(alias)) continue;
    AddKeys(entity, alias);
  }
}

}  // namespace presskg::ingest
