#include "ingest/extract/entity_table.h"

#include <algorithm>

#include "ingest/extract/token.h"
#include "ingest/resolve/name_key.h"

namespace presskg::ingest {
namespace {

using graph::NodeKind;

std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    if (j > i) out.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Whether `prefix` is a word prefix of `words`.
bool IsWordPrefix(const std::vector<std::string>& prefix, const std::vector<std::string>& words) {
  return prefix.size() <= words.size() && std::equal(prefix.begin(), prefix.end(), words.begin());
}

bool IsGeneric(const std::string& word) {
  return word == "laboratoires" || word == "laboratoire" || word == "banque" || word == "bank" ||
         word == "societe" || word == "company" || word == "laboratories";
}

// Whether the folded name `folded` (FoldedName) has the word "group" or "groupe".
bool HasGroupWord(std::string_view folded) {
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    const std::string_view w = folded.substr(i, j - i);
    if (w == "group" || w == "groupe") return true;
    i = j + 1;
  }
  return false;
}

}  // namespace

int EntityTable::Find(const std::string& key, NodeKind kind, bool certain) const {
  auto org_or_place = [](NodeKind k) {
    return k == NodeKind::kOrganization || k == NodeKind::kPlace;
  };
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    // A guess joins a sure name of the other kind: "Évreux deviendra ..." after the dateline
    // "Évreux, le 20 février", "out of Kansas" after "Hutchinson, Kansas".
    const bool kind_ok =
        e.kind == kind ||
        (!e.certain && kind != NodeKind::kPerson && e.kind != NodeKind::kPerson) ||
        (!certain && org_or_place(kind) && org_or_place(e.kind));
    if (!kind_ok) continue;
    for (const std::string& k : e.keys) {
      if (k == key) return static_cast<int>(i);
    }
  }
  return -1;
}

int EntityTable::Resolve(const MentionSpan& mention, std::size_t sentence,
                         const std::unordered_set<std::string>& confirmed) {
  const std::string folded = FoldedName(mention.name);
  const std::string key = mention.kind == NodeKind::kOrganization ? NameKey(mention.name) : folded;
  if (key.empty()) return -1;
  const std::vector<std::string> words = Words(key);
  // Persons: full name, or a surname of a known person ("M. Tazi", "Stone said").
  if (mention.kind == NodeKind::kPerson || words.size() == 1) {
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      Entity& e = entities_[i];
      if (e.kind != NodeKind::kPerson) continue;
      if (e.keys.front() == key) return static_cast<int>(i);
      const std::vector<std::string>& ew = e.key_words;
      // "M. Ben Salah" after "Lotfi Ben Salah": a titled surname of several words.
      const bool titled_surname =
          mention.titled && words.size() >= 2 && ew.size() > words.size() &&
          std::equal(words.begin(), words.end(), ew.end() - static_cast<std::ptrdiff_t>(words.size()));
      if ((words.size() == 1 && ew.size() >= 2 && ew.back() == key) || titled_surname) {
        if (mention.name != e.name) e.aliases.push_back(mention.name);
        return static_cast<int>(i);
      }
    }
  }
  int found = Find(key, mention.kind, mention.certain);
  if (found < 0 && mention.kind != NodeKind::kPerson) {
    // Short forms of organisations: a word prefix of a known name, or the name without a
    // generic first word ("Oudaya" for "Laboratoires Oudaya"). Not for "X Group" names. The
    // latest such name, unless it extends another one: "Kavira" is "Kavira Technologies", not
    // its unit "Kavira Technologies Morocco".
    if (!HasGroupWord(folded)) {
      for (std::size_t i = entities_.size(); i-- > 0;) {
        const Entity& e = entities_[i];
        if (e.kind != NodeKind::kOrganization) continue;
        const std::vector<std::string>& ew = e.key_words;
        if (ew.size() <= words.size()) continue;
        bool prefix = true;
        for (std::size_t k = 0; k < words.size() && prefix; ++k) prefix = ew[k] == words[k];
        bool suffix = IsGeneric(ew.front()) && ew.size() == words.size() + 1;
        for (std::size_t k = 0; k < words.size() && suffix; ++k) suffix = ew[k + 1] == words[k];
        if (!prefix && !suffix) continue;
        if (found < 0 || IsWordPrefix(ew, entities_[static_cast<std::size_t>(found)].key_words)) {
          found = static_cast<int>(i);
        }
      }
    }
  }
  if (found >= 0) {
    Entity& e = entities_[static_cast<std::size_t>(found)];
    if (e.kind != mention.kind && mention.certain && !e.certain) e.kind = mention.kind;
    e.certain = e.certain || mention.certain;
    if (folded != folded_names_[static_cast<std::size_t>(found)]) {
      bool known = false;
      for (const std::string& a : e.aliases) known = known || a == mention.name;
      if (!known) e.aliases.push_back(mention.name);
    }
    if (!mention.acronym.empty()) {
      e.aliases.push_back(mention.acronym);
      e.keys.push_back(NameKey(mention.acronym));
    }
    return found;
  }
  if (mention.sentence_initial && confirmed.count(FoldWord(mention.name)) == 0) return -1;
  Entity e;
  e.kind = mention.kind;
  e.name = mention.name;
  e.keys.push_back(key);
  e.key_words = words;
  e.certain = mention.certain;
  e.first_sentence = sentence;
  if (!mention.acronym.empty()) {
    e.aliases.push_back(mention.acronym);
    e.keys.push_back(NameKey(mention.acronym));
  }
  entities_.push_back(std::move(e));
  folded_names_.push_back(folded);
  return static_cast<int>(entities_.size() - 1);
}

int EntityTable::AddSector(const std::string& name, const std::vector<std::string>& aliases,
                           std::size_t sentence) {
  const std::string key = FoldedName(name);
  if (key.empty()) return -1;
  const int found = Find(key, NodeKind::kSector, true);
  if (found >= 0) return found;
  Entity e;
  e.kind = NodeKind::kSector;
  e.name = name;
  e.keys.push_back(key);
  e.key_words = Words(key);
  for (const std::string& alias : aliases) {
    if (!alias.empty() && alias != name) e.aliases.push_back(alias);
  }
  e.first_sentence = sentence;
  entities_.push_back(std::move(e));
  folded_names_.push_back(key);
  return static_cast<int>(entities_.size() - 1);
}

}  // namespace presskg::ingest
