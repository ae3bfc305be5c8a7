#include "ingest/resolve/name_key.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "ingest/resolve/fold.h"
#include "ingest/resolve/person_name.h"
#include "ingest/resolve/resolve_tables.h"
#include "ingest/text/flat_string_map.h"

namespace presskg::ingest {
namespace {

using resolve::JoinWords;
using resolve::Phrase;
using resolve::ResolveTables;
using resolve::Words;

bool MatchesAt(const Words& words, std::size_t at, const Words& phrase) {
  if (at + phrase.size() > words.size()) return false;
  return std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

// The legal forms of ResolveTables, indexed: trailing forms by their last word, leading ones by
// their first word, each list in table order (so the first match is the table's first match).
struct LegalFormIndex {
  FlatStringMap<std::vector<const Words*>> by_last;
  FlatStringMap<std::vector<const Words*>> by_first;

  static const LegalFormIndex& Get() {
    static const LegalFormIndex* const index = [] {
      auto* out = new LegalFormIndex();
      const ResolveTables& tables = ResolveTables::Get();
      for (const Words& form : tables.legal_forms()) {
        if (!form.empty()) out->by_last.Insert(form.back()).push_back(&form);
      }
      for (const Words& form : tables.leading_legal_forms()) {
        if (!form.empty()) out->by_first.Insert(form.front()).push_back(&form);
      }
      return out;
    }();
    return *index;
  }
};

// Drops legal forms from the end (repeatedly: "Co., Ltd.") and the leading ones from the start,
// never the whole name.
Words StripLegalForms(Words words) {
  const LegalFormIndex& index = LegalFormIndex::Get();
  bool stripped = true;
  while (stripped && !words.empty()) {
    stripped = false;
    const std::vector<const Words*>* forms = index.by_last.Find(words.back());
    if (forms == nullptr) break;
    for (const Words* form : *forms) {
      if (form->size() < words.size() && MatchesAt(words, words.size() - form->size(), *form)) {
        words.resize(words.size() - form->size());
        stripped = true;
        break;
      }
    }
  }
  if (words.empty()) return words;
  if (const std::vector<const Words*>* forms = index.by_first.Find(words.front())) {
    for (const Words* form : *forms) {
      if (form->size() < words.size() && MatchesAt(words, 0, *form)) {
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(form->size()));
        break;
      }
    }
  }
  return words;
}

bool IsGroupWord(const std::string& w) { return w == "groupe" || w == "group"; }

// Replaces place names by codes, longest name first, countries before cities: "avl maroc" ->
// "avl #ma", "fes shore" and "fez shore" -> "@2548885 shore".
Words MarkPlaces(const Words& words) {
  const ResolveTables& tables = ResolveTables::Get();
  const std::size_t max_words = std::max(tables.max_country_words(), tables.max_city_words());
  Words out;
  for (std::size_t i = 0; i < words.size();) {
    std::string code;
    std::size_t n = std::min({max_words, words.size() - i, tables.MaxCodeWords(words[i])});
    for (; n > 0 && code.empty(); --n) {
      const std::string phrase = JoinWords(words, i, i + n);
      if (auto it = tables.country_codes().find(phrase); it != tables.country_codes().end()) {
        code = "#" + it->second;
        std::transform(code.begin(), code.end(), code.begin(), [](char c) {
          return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        });
      } else if (auto city = tables.city_codes().find(phrase); city != tables.city_codes().end()) {
        code = city->second;
      }
    }
    if (code.empty()) {
      out.push_back(words[i++]);
    } else {
      out.push_back(std::move(code));
      i += n + 1;
    }
  }
  return out;
}

// Replaces French ministry words by their English form, longest first.
Words TranslateMinistryWords(const Words& words) {
  const ResolveTables& tables = ResolveTables::Get();
  Words out;
  for (std::size_t i = 0; i < words.size();) {
    const Phrase* match = nullptr;
    for (const Phrase& p : tables.ministry_words()) {
      if (MatchesAt(words, i, p.words)) {
        match = &p;
        break;
      }
    }
    if (match == nullptr) {
      out.push_back(words[i++]);
      continue;
    }
    out.insert(out.end(), match->replacement.begin(), match->replacement.end());
    i += match->words.size();
  }
  return out;
}

// The heads of ResolveTables (indices into heads()), by their first and by their last word, each
// list ascending, so that a scan of the candidates finds the table's first match.
struct HeadIndex {
  FlatStringMap<std::vector<std::size_t>> by_first;
  FlatStringMap<std::vector<std::size_t>> by_last;

  static const HeadIndex& Get() {
    static const HeadIndex* const index = [] {
      auto* out = new HeadIndex();
      const std::vector<Phrase>& heads = ResolveTables::Get().heads();
      for (std::size_t h = 0; h < heads.size(); ++h) {
        if (heads[h].words.empty()) continue;
        out->by_first.Insert(heads[h].words.front()).push_back(h);
        out->by_last.Insert(heads[h].words.back()).push_back(h);
      }
      return out;
    }();
    return *index;
  }

  // Ascending indices of the heads that start with `first` or end with `last`.
  void Candidates(std::string_view first, std::string_view last,
                  std::vector<std::size_t>* out) const {
    static const std::vector<std::size_t> kNone;
    const std::vector<std::size_t>* a = by_first.Find(first);
    const std::vector<std::size_t>* b = by_last.Find(last);
    if (a == nullptr) a = &kNone;
    if (b == nullptr) b = &kNone;
    out->clear();
    std::set_union(a->begin(), a->end(), b->begin(), b->end(), std::back_inserter(*out));
  }
};

// The language-neutral key of an organisation (see MatchKeys).
std::string OrganizationKey(std::string_view name) {
  Words words = MarkPlaces(StripLegalForms(resolve::FoldWordsJoiningLetters(name)));
  Words content;
  for (std::string& w : words) {
    if (!resolve::IsFunctionWord(w)) content.push_back(std::move(w));
  }
  // Head words at either end, repeatedly: "Groupe Banque Populaire" -> group (dropped), bank.
  Words heads;
  const std::vector<Phrase>& all_heads = ResolveTables::Get().heads();
  const HeadIndex& index = HeadIndex::Get();
  std::vector<std::size_t> candidates;  // the only heads that can match at either end
  bool found = true;
  while (found && !content.empty()) {
    found = false;
    index.Candidates(content.front(), content.back(), &candidates);
    for (const std::size_t h : candidates) {
      const Phrase& head = all_heads[h];
      if (head.words.size() >= content.size()) continue;
      if (MatchesAt(content, 0, head.words)) {
        content.erase(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(head.words.size()));
      } else if (MatchesAt(content, content.size() - head.words.size(), head.words)) {
        content.resize(content.size() - head.words.size());
      } else {
        continue;
      }
      heads.insert(heads.end(), head.replacement.begin(), head.replacement.end());
      found = true;
      break;
    }
  }
  // A head inside the name: "Euromed University of Fez" = "Université Euromed de Fès".
  for (std::size_t at = 1; heads.empty() && at + 1 < content.size(); ++at) {
    const std::vector<std::size_t>* starting = index.by_first.Find(content[at]);
    if (starting == nullptr) continue;
    for (const std::size_t h : *starting) {
      const Phrase& head = all_heads[h];
      if (head.replacement.empty() || at + head.words.size() >= content.size() ||
          !MatchesAt(content, at, head.words)) {
        continue;
      }
      heads = head.replacement;
      content.erase(content.begin() + static_cast<std::ptrdiff_t>(at),
                    content.begin() + static_cast<std::ptrdiff_t>(at + head.words.size()));
      break;
    }
  }
  content.erase(std::remove_if(content.begin(), content.end(), IsGroupWord), content.end());
  if (content.empty()) return NameKey(name);
  if (!heads.empty()) content = TranslateMinistryWords(content);
  heads.insert(heads.end(), content.begin(), content.end());
  return JoinWords(heads);
}

// The gazetteer id of a place, or its folded name without a leading article, with the names of
// countries and cities it contains replaced by codes as in organisation names.
std::string PlaceKey(std::string_view name) {
  Words words = resolve::FoldWords(name);
  while (words.size() > 1 && (words.front() == "le" || words.front() == "la" ||
                              words.front() == "les" || words.front() == "l" ||
                              words.front() == "the")) {
    words.erase(words.begin());
  }
  std::string id = ResolveTables::Get().PlaceId(JoinWords(words));
  // Not in the gazetteer: city and country names inside become codes ("Fès Shore" = "Fez Shore").
  return id.empty() ? JoinWords(MarkPlaces(words)) : id;
}

// The English term of a sector from resolve/sector_terms.tsv, or "".
std::string SectorKey(std::string_view name) {
  Words content;
  for (std::string& w : resolve::FoldWords(name)) {
    if (!resolve::IsFunctionWord(w)) content.push_back(std::move(w));
  }
  return ResolveTables::Get().SectorTerm(content);
}

std::string PersonKey(std::string_view name) {
  const PersonName parsed = ParsePersonName(name);
  if (parsed.surname.empty()) return FoldedName(name);
  Words words = parsed.given;
  words.push_back(parsed.surname);
  return JoinWords(words);
}

}  // namespace

std::string FoldedName(std::string_view name) { return JoinWords(resolve::FoldWords(name)); }

std::string NameKey(std::string_view name) {
  Words words = resolve::FoldWordsJoiningLetters(name);
  if (words.empty()) return "";
  Words kept = StripLegalForms(words);
  kept.erase(std::remove_if(kept.begin(), kept.end(), IsGroupWord), kept.end());
  return JoinWords(kept.empty() ? words : kept);
}

namespace {

// MatchKeys without the cache.
std::vector<std::string> ComputeMatchKeys(std::string_view name, graph::NodeKind kind) {
  std::vector<std::string> keys;
  auto add = [&keys](std::string key) {
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(std::move(key));
    }
  };
  switch (kind) {
    case graph::NodeKind::kOrganization:
      add(OrganizationKey(name));
      add(NameKey(name));
      break;
    case graph::NodeKind::kPlace:
      add(PlaceKey(name));
      break;
    case graph::NodeKind::kPerson:
      // No title-bearing FoldedName ("m tazi"): it would join every Tazi.
      add(PersonKey(name));
      add(SurnameKey(name));
      if (!keys.empty()) return keys;
      break;
    case graph::NodeKind::kSector:
      add(SectorKey(name));
      break;
    default:
      break;
  }
  add(FoldedName(name));
  return keys;
}

}  // namespace

std::vector<std::string> MatchKeys(std::string_view name, graph::NodeKind kind) {
  // Names recur from document to document ("Maroc", "ministère de l'Industrie"): each thread
  // keeps the keys of the last few thousand names it was asked about.
  constexpr std::size_t kCacheSize = 8192;
  thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
  std::string id(name);
  id.push_back('\x1f');
  id.push_back(static_cast<char>('0' + static_cast<int>(kind)));
  if (const auto it = cache.find(id); it != cache.end()) return it->second;
  std::vector<std::string> keys = ComputeMatchKeys(name, kind);
  if (cache.size() >= kCacheSize) cache.clear();
  cache.emplace(std::move(id), keys);
  return keys;
}

}  // namespace presskg::ingest
