#include "ingest/extract/lexicon.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "ingest/extract/token.h"
#include "ingest/resolve/resolve_tables.h"
#include "ingest/text/flat_string_map.h"

namespace presskg::ingest {
namespace {

constexpr std::string_view kLexicon =
#include "ingest/data/rules/lexicon.inc"
    ;
constexpr std::string_view kFirstNames =
#include "ingest/data/rules/first_names.inc"
    ;
constexpr std::string_view kRoles =
#include "ingest/data/rules/roles.inc"
    ;

std::vector<std::string_view> SplitWhite(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) out.push_back(line);
    i = j + 1;
  }
  return out;
}

// Folded words of a phrase as the tokenizer would give them.
std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(phrase, "fr")) words.push_back(t.fold);
  return words;
}

// A set of phrases, matched longest first over folded word sequences.
class PhraseSet {
 public:
  // Adds `phrase`; returns its first folded word ("" when it has none).
  std::string Add(std::string_view phrase) {
    std::vector<std::string> words = PhraseWords(phrase);
    if (words.empty()) return "";
    std::string key;
    for (const std::string& w : words) key += w + '\x1f';
    phrases_.insert(key);
    int& most = first_words_.Insert(words.front(), 0);
    most = std::max(most, static_cast<int>(words.size()));
    return words.front();
  }
  bool MayStart(std::string_view word) const { return first_words_.Contains(word); }
  int Match(const std::vector<std::string_view>& words) const {
    if (words.empty()) return 0;
    const int* most = first_words_.Find(words.front());
    if (most == nullptr) return 0;
    const int limit = std::min(*most, static_cast<int>(words.size()));
    thread_local std::string key;  // keeps its capacity from call to call
    key.clear();
    int best = 0;
    for (int n = 1; n <= limit; ++n) {
      key.append(words[static_cast<std::size_t>(n - 1)]);
      key.push_back('\x1f');
      if (phrases_.count(key) != 0) best = n;
    }
    return best;
  }

 private:
  std::unordered_set<std::string> phrases_;
  // First word of a phrase -> most words of a phrase starting with it.
  FlatStringMap<int> first_words_;
};

using WordSet = FlatStringMap<bool>;

}  // namespace

struct Lexicon::Impl {
  std::map<std::string, WordSet, std::less<>> sections;
  WordSet first_names;
  PhraseSet world_places;
  PhraseSet roles;
  // The sections the lookups use, found once (std::map nodes do not move).
  const WordSet* function = nullptr;
  const WordSet* org_cue = nullptr;
  const WordSet* institution_cue = nullptr;
  const WordSet* lower_cue = nullptr;
  const WordSet* lower_place_cue = nullptr;
  const WordSet* legal_form = nullptr;
  const WordSet* title = nullptr;
  const WordSet* demonym = nullptr;
  const WordSet* not_name = nullptr;
  const WordSet* site_word = nullptr;
  const WordSet* locative_fr = nullptr;
  const WordSet* locative_en = nullptr;
  const WordSet* place_noun = nullptr;
  const WordSet* compass = nullptr;

  // WordFlag bits by folded word, and by word as written.
  FlatStringMap<std::uint32_t> fold_flags;
  FlatStringMap<std::uint32_t> written_flags;

  const WordSet* Section(const std::string& name) { return &sections[name]; }
  // The WordFlag of a section of lexicon.inc, 0 for the others.
  static std::uint32_t SectionFlag(std::string_view name) {
    static constexpr std::pair<std::string_view, std::uint32_t> kFlags[] = {
        {"function", Lexicon::kFunctionWord},
        {"org_cue", Lexicon::kOrgCue},
        {"institution_cue", Lexicon::kInstitutionCue},
        {"lower_cue", Lexicon::kLowerCue},
        {"lower_place_cue", Lexicon::kLowerPlaceCue},
        {"demonym", Lexicon::kDemonym},
        {"not_name", Lexicon::kNotName},
        {"site_word", Lexicon::kSiteWord},
        {"locative_fr", Lexicon::kLocativeFr},
        {"locative_en", Lexicon::kLocativeEn},
        {"place_noun", Lexicon::kPlaceNoun},
        {"compass", Lexicon::kCompass},
        {"legal_form", Lexicon::kLegalForm},
        {"title", Lexicon::kTitle}};
    for (const auto& [section, flag] : kFlags) {
      if (section == name) return flag;
    }
    return 0;
  }
  static bool Has(const WordSet* set, std::string_view word) { return set->Contains(word); }
};

Lexicon::Lexicon() {
  auto* impl = new Impl();
  std::string section;
  for (std::string_view line : Lines(kLexicon)) {
    if (line.starts_with("//")) continue;
    if (line.front() == '[') {
      section = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    if (section == "world_place") {
      const std::string first = impl->world_places.Add(line);
      if (!first.empty()) impl->fold_flags.Insert(first, 0) |= kStartsWorldPlace;
      continue;
    }
    const bool as_written = section == "legal_form" || section == "title";
    const std::uint32_t flag = Impl::SectionFlag(section);
    for (std::string_view w : SplitWhite(line)) {
      const std::string key = as_written ? std::string(w) : FoldWord(w);
      impl->sections[section].Insert(key, true);
      if (flag != 0) (as_written ? impl->written_flags : impl->fold_flags).Insert(key, 0) |= flag;
    }
  }
  for (const std::string& name : resolve::ResolveTables::Get().world_place_names()) {
    const std::string first = impl->world_places.Add(name);
    if (!first.empty()) impl->fold_flags.Insert(first, 0) |= kStartsWorldPlace;
  }
  for (std::string_view w : SplitWhite(kFirstNames)) {
    impl->first_names.Insert(FoldWord(w), true);
    impl->fold_flags.Insert(FoldWord(w), 0) |= kFirstName;
  }
  for (std::string_view line : Lines(kRoles)) {
    if (!line.starts_with("//")) impl->roles.Add(line);
  }
  impl->function = impl->Section("function");
  impl->org_cue = impl->Section("org_cue");
  impl->institution_cue = impl->Section("institution_cue");
  impl->lower_cue = impl->Section("lower_cue");
  impl->lower_place_cue = impl->Section("lower_place_cue");
  impl->legal_form = impl->Section("legal_form");
  impl->title = impl->Section("title");
  impl->demonym = impl->Section("demonym");
  impl->not_name = impl->Section("not_name");
  impl->site_word = impl->Section("site_word");
  impl->locative_fr = impl->Section("locative_fr");
  impl->locative_en = impl->Section("locative_en");
  impl->place_noun = impl->Section("place_noun");
  impl->compass = impl->Section("compass");
  impl_ = impl;
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* const lexicon = new Lexicon();
  return *lexicon;
}

std::uint32_t Lexicon::FoldFlags(std::string_view fold) const {
  const std::uint32_t* flags = impl_->fold_flags.Find(fold);
  return flags == nullptr ? 0 : *flags;
}
std::uint32_t Lexicon::WrittenFlags(std::string_view as_written) const {
  const std::uint32_t* flags = impl_->written_flags.Find(as_written);
  return flags == nullptr ? 0 : *flags;
}
bool Lexicon::IsFunctionWord(std::string_view fold) const {
  return Impl::Has(impl_->function, fold);
}
bool Lexicon::IsOrgCue(std::string_view fold) const { return Impl::Has(impl_->org_cue, fold); }
bool Lexicon::IsInstitutionCue(std::string_view fold) const {
  return Impl::Has(impl_->institution_cue, fold);
}
bool Lexicon::IsLowerCue(std::string_view fold) const { return Impl::Has(impl_->lower_cue, fold); }
bool Lexicon::IsLowerPlaceCue(std::string_view fold) const {
  return Impl::Has(impl_->lower_place_cue, fold);
}
bool Lexicon::IsLegalForm(std::string_view as_written) const {
  return Impl::Has(impl_->legal_form, as_written);
}
bool Lexicon::IsTitle(std::string_view as_written) const {
  return Impl::Has(impl_->title, as_written);
}
bool Lexicon::IsDemonym(std::string_view fold) const { return Impl::Has(impl_->demonym, fold); }
bool Lexicon::IsNotName(std::string_view fold) const { return Impl::Has(impl_->not_name, fold); }
bool Lexicon::IsSiteWord(std::string_view fold) const { return Impl::Has(impl_->site_word, fold); }
bool Lexicon::IsFirstName(std::string_view fold) const { return impl_->first_names.Contains(fold); }
bool Lexicon::IsLocative(std::string_view fold, bool french) const {
  return Impl::Has(french ? impl_->locative_fr : impl_->locative_en, fold);
}
bool Lexicon::IsPlaceNoun(std::string_view fold) const {
  return Impl::Has(impl_->place_noun, fold);
}
bool Lexicon::IsCompass(std::string_view fold) const { return Impl::Has(impl_->compass, fold); }
int Lexicon::MatchWorldPlace(const std::vector<std::string_view>& words) const {
  return impl_->world_places.Match(words);
}
bool Lexicon::MayStartWorldPlace(std::string_view fold) const {
  return impl_->world_places.MayStart(fold);
}
int Lexicon::MatchPlace(const std::vector<std::string_view>& words, bool locative) const {
  const resolve::ResolveTables& gazetteer = resolve::ResolveTables::Get();
  int best = impl_->world_places.Match(words);
  // The gazetteer's keys are words of letters and digits joined by one space ("cote d ivoire").
  std::string key;
  std::size_t key_words = 0;
  std::size_t max_words = 0;  // no gazetteer name with the first word of `key` has more words
  const std::size_t limit = std::min<std::size_t>(words.size(), 6);
  for (std::size_t n = 0; n < limit; ++n) {
    bool in_run = false;
    const std::size_t before = key.size();
    for (char c : words[n]) {
      const bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                             (static_cast<unsigned char>(c) & 0x80) != 0;
      if (word_char && !in_run) {
        if (!key.empty()) key.push_back(' ');
        ++key_words;
      }
      if (word_char) key.push_back(c);
      in_run = word_char;
    }
    if (key.size() == before) break;  // punctuation ends a name
    if (n == 0) max_words = gazetteer.MaxPlaceWords(std::string_view(key).substr(0, key.find(' ')));
    if (key_words > max_words) break;
    if (key.empty() || static_cast<int>(n + 1) <= best) continue;
    const std::string id = gazetteer.PlaceId(key);
    if (!id.empty() && (locative || id.starts_with("country:"))) best = static_cast<int>(n + 1);
  }
  // A compass word alone is no place ("in the North"), whatever region the gazetteer so names.
  if (best == 1 && IsCompass(words[0])) best = 0;
  // "West Texas", "Southern California": a compass word before a place.
  if (words.size() > 1 && IsCompass(words[0])) {
    const std::vector<std::string_view> rest(words.begin() + 1, words.end());
    const int len = MatchPlace(rest, locative);
    if (len > 0) best = std::max(best, len + 1);
  }
  return best;
}
bool Lexicon::MayStartRole(std::string_view fold) const { return impl_->roles.MayStart(fold); }
int Lexicon::MatchRole(const std::vector<std::string_view>& words) const {
  return impl_->roles.Match(words);
}

}  // namespace presskg::ingest
