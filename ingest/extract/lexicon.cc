#include "ingest/extract/lexicon.h"

#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "ingest/extract/token.h"

namespace presskg::ingest {
namespace {

constexpr std::string_view kLexicon =
#include "ingest/data/rules/lexicon.inc"
    ;
constexpr std::string_view kFirstNames =
#include "ingest/data/rules/first_names.inc"
    ;
constexpr std::string_view kPlaces =
#include "ingest/data/rules/places_temporary.inc"
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
  void Add(std::string_view phrase) {
    std::vector<std::string> words = PhraseWords(phrase);
    if (words.empty()) return;
    std::string key;
    for (const std::string& w : words) key += w + '\x1f';
    phrases_.insert(key);
    max_words_ = std::max(max_words_, static_cast<int>(words.size()));
  }
  int Match(const std::vector<std::string_view>& words) const {
    const int limit = std::min(max_words_, static_cast<int>(words.size()));
    std::string key;
    int best = 0;
    for (int n = 1; n <= limit; ++n) {
      key += std::string(words[static_cast<std::size_t>(n - 1)]) + '\x1f';
      if (phrases_.count(key) != 0) best = n;
    }
    return best;
  }

 private:
  std::unordered_set<std::string> phrases_;
  int max_words_ = 0;
};

// Lets the sets be searched with a string_view, without building a string.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

}  // namespace

struct Lexicon::Impl {
  std::map<std::string, WordSet, std::less<>> sections;
  WordSet first_names;
  PhraseSet places;
  PhraseSet roles;

  bool Has(std::string_view section, std::string_view word) const {
    auto it = sections.find(section);
    return it != sections.end() && it->second.find(word) != it->second.end();
  }
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
    const bool as_written = section == "legal_form" || section == "title";
    for (std::string_view w : SplitWhite(line)) {
      impl->sections[section].insert(as_written ? std::string(w) : FoldWord(w));
    }
  }
  for (std::string_view w : SplitWhite(kFirstNames)) impl->first_names.insert(FoldWord(w));
  for (std::string_view line : Lines(kPlaces)) {
    if (!line.starts_with("//")) impl->places.Add(line);
  }
  for (std::string_view line : Lines(kRoles)) {
    if (!line.starts_with("//")) impl->roles.Add(line);
  }
  impl_ = impl;
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* const lexicon = new Lexicon();
  return *lexicon;
}

bool Lexicon::IsFunctionWord(std::string_view fold) const { return impl_->Has("function", fold); }
bool Lexicon::IsOrgCue(std::string_view fold) const { return impl_->Has("org_cue", fold); }
bool Lexicon::IsInstitutionCue(std::string_view fold) const {
  return impl_->Has("institution_cue", fold);
}
bool Lexicon::IsLowerCue(std::string_view fold) const { return impl_->Has("lower_cue", fold); }
bool Lexicon::IsLowerPlaceCue(std::string_view fold) const {
  return impl_->Has("lower_place_cue", fold);
}
bool Lexicon::IsLegalForm(std::string_view as_written) const {
  return impl_->Has("legal_form", as_written);
}
bool Lexicon::IsTitle(std::string_view as_written) const { return impl_->Has("title", as_written); }
bool Lexicon::IsDemonym(std::string_view fold) const { return impl_->Has("demonym", fold); }
bool Lexicon::IsNotName(std::string_view fold) const { return impl_->Has("not_name", fold); }
bool Lexicon::IsSiteWord(std::string_view fold) const { return impl_->Has("site_word", fold); }
bool Lexicon::IsFirstName(std::string_view fold) const {
  return impl_->first_names.find(fold) != impl_->first_names.end();
}
int Lexicon::MatchPlace(const std::vector<std::string_view>& words) const {
  return impl_->places.Match(words);
}
int Lexicon::MatchRole(const std::vector<std::string_view>& words) const {
  return impl_->roles.Match(words);
}

}  // namespace presskg::ingest
