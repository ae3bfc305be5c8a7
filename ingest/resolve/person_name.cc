#include "ingest/resolve/person_name.h"

#include <algorithm>
#include <array>

#include "ingest/resolve/fold.h"

namespace presskg::ingest {
namespace {

// Folded titles written before a name.
constexpr std::array<std::string_view, 14> kTitles = {
    "dr", "m", "madame", "me", "mlle", "mme", "monsieur", "mr", "mrs", "ms", "pr", "prof", "sir",
    "dre"};
// Folded particles that start a surname after the given names ("K. El Amrani", "de Gaulle").
constexpr std::array<std::string_view, 20> kParticles = {
    "abou", "abu", "ait", "al", "ben", "bin", "d", "da", "de", "del",
    "den",  "der", "des", "di", "dos", "du", "el", "ibn", "van", "von"};

template <std::size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool GivenAgree(const std::string& a, const std::string& b) {
  if (a.size() == 1 || b.size() == 1) return a.front() == b.front();
  return a == b;
}

}  // namespace

PersonName ParsePersonName(std::string_view name) {
  std::vector<std::string> words = resolve::FoldWords(name);
  std::size_t first = 0;
  while (first + 1 < words.size() && In(kTitles, words[first])) ++first;
  PersonName out;
  if (first >= words.size()) return out;
  std::size_t surname_start = words.size() - 1;
  for (std::size_t i = first + 1; i + 1 < words.size(); ++i) {
    if (In(kParticles, words[i])) {
      surname_start = i;
      break;
    }
  }
  out.given.assign(words.begin() + static_cast<std::ptrdiff_t>(first),
                   words.begin() + static_cast<std::ptrdiff_t>(surname_start));
  out.surname = resolve::JoinWords(words, surname_start);
  return out;
}

bool PersonNamesCompatible(std::string_view a, std::string_view b) {
  const PersonName pa = ParsePersonName(a);
  const PersonName pb = ParsePersonName(b);
  if (pa.surname.empty() || pa.surname != pb.surname) return false;
  const std::size_t n = std::min(pa.given.size(), pb.given.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!GivenAgree(pa.given[i], pb.given[i])) return false;
  }
  return true;
}

bool NoMorePreciseThan(std::string_view name, std::string_view other) {
  if (!PersonNamesCompatible(name, other)) return false;
  const PersonName pn = ParsePersonName(name);
  const PersonName po = ParsePersonName(other);
  for (std::size_t i = 0; i < pn.given.size(); ++i) {
    if (pn.given[i].size() > 1 && (i >= po.given.size() || po.given[i] != pn.given[i])) {
      return false;
    }
  }
  return true;
}

bool HasGivenName(std::string_view name) { return !ParsePersonName(name).given.empty(); }

std::string SurnameKey(std::string_view name) {
  const PersonName parsed = ParsePersonName(name);
  if (parsed.given.empty()) return "";
  return "~" + parsed.surname + " " + resolve::JoinWords(parsed.given);
}

}  // namespace presskg::ingest
