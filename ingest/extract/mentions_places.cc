// Places: locative contexts and elliptic compass names ("North and West Africa").

#include "ingest/extract/mentions_internal.h"
#include "ingest/extract/word_in.h"

namespace presskg::ingest::internal {

bool MentionFinder::Locative(std::size_t i) const {
  if (i + 2 < t_.size() && IsPunct(t_[i + 1], "-") &&
      (t_[i + 2].fold == "based" || t_[i + 2].fold == "headquartered")) {
    return true;
  }
  // "Hutchinson, Kansas", "Cambridge, Mass.": a city named with its state or country.
  if (i + 2 < t_.size() && IsPunct(t_[i + 1], ",") && IsNameWord(i + 2)) {
    std::vector<std::string_view> next;
    for (std::size_t k = i + 2; k < t_.size() && k < i + 6; ++k) next.push_back(t_[k].fold);
    const auto len = static_cast<std::size_t>(lex_.MatchPlace(next, true));
    if (len > 0 && !IsNameWord(i + 2 + len)) return true;
  }
  if (i == 0) {  // a dateline: "Tanger, 14 mars 2024 -", "WICHITA, Kan., Sept. 3, 2024 -"
    if (t_.size() < 2 || !IsPunct(t_[1], ",")) return false;
    for (std::size_t k = 2; k < t_.size() && k < 10; ++k) {
      if (t_[k].type == TokenType::kNumber) return true;
    }
    return false;
  }
  // "a Kraków company", "the Cork subsidiary": a city naming where a company or a site is.
  static constexpr std::string_view kSiteHeads[] = {
      "company", "firm",  "group",  "subsidiary", "unit",    "plant",      "factory", "office",
      "offices", "site",  "campus", "start-up",   "startup", "maker",      "bank",    "lender",
      "insurer", "branch", "headquarters", "manufacturer", "developer", "operator", "supplier"};
  if (i + 1 < t_.size() && t_[i + 1].type == TokenType::kWord && !t_[i + 1].capitalized &&
      In(t_[i + 1].fold, kSiteHeads)) {
    return true;
  }
  std::size_t p = i - 1;
  // "dans l'Ain", "in the Netherlands": the determiner is skipped.
  if (p > 0 && (t_[p].fold == "l'" || t_[p].fold == "la" || t_[p].fold == "le" ||
                t_[p].fold == "les" || t_[p].fold == "the")) {
    --p;
  }
  const std::string& f = t_[p].fold;
  if (t_[p].type == TokenType::kWord && !t_[p].capitalized &&
      Has(p, french_ ? Lexicon::kLocativeFr : Lexicon::kLocativeEn)) {
    return true;
  }
  const bool de = f == "de" || f == "d'" || f == "du" || f == "des" || f == "of";
  if (de && p > 0 && Has(p - 1, Lexicon::kPlaceNoun)) return true;
  // "une société de Cracovie", "la PME de Roanne": a company's city.
  static constexpr std::string_view kCompanyNouns[] = {"societe", "entreprise", "start-up", "pme",
                                                       "firme",   "filiale",    "agence",   "eti"};
  if (de && p > 0 && In(t_[p - 1].fold, kCompanyNouns)) return true;
  // "la zone Midparc de Nouaceur", "l'Atlantic Free Zone de Kénitra": a place of a place.
  if (de && !out_.empty() && out_.back().kind == NodeKind::kPlace && out_.back().end == p) {
    return true;
  }
  // "les régions de Tanger et de Kénitra": the preposition repeated in a list of places.
  if (de && p > 0 &&
      (t_[p - 1].fold == "et" || t_[p - 1].fold == "and" || IsPunct(t_[p - 1], ",")) &&
      !out_.empty() && out_.back().kind == NodeKind::kPlace && out_.back().end == p - 1) {
    return true;
  }
  // A list of places: "à Tarfaya, Essaouira et Dakhla", "in Leeds, and Bristol".
  std::size_t q = p;
  if ((f == "et" || f == "and") && q > 0 && IsPunct(t_[q - 1], ",")) --q;
  const bool separator = IsPunct(t_[p], ",") || f == "et" || f == "and";
  return separator && !out_.empty() && out_.back().kind == NodeKind::kPlace && out_.back().end == q;
}

std::vector<std::string_view> MentionFinder::Folds(std::size_t begin, std::size_t end,
                                                   std::size_t max) const {
  std::vector<std::string_view> words;
  words.reserve(std::min(max, end > begin ? end - begin : 0));
  for (std::size_t k = begin; k < end && k < t_.size() && words.size() < max; ++k) {
    words.push_back(t_[k].fold);
  }
  return words;
}

std::size_t MentionFinder::DeBefore(std::size_t end) const {
  if (end == 0) return 0;
  const std::string& f = t_[end - 1].fold;
  if (f == "du" || f == "des") return 1;
  if ((f == "l'" || f == "la") && end >= 2 && t_[end - 2].fold == "de") return 2;
  return 0;
}

std::size_t MentionFinder::EllipticPlace(std::size_t i, std::size_t limit) {
  if (!Has(i, Lexicon::kCompass)) return 0;
  if (!french_) {
    // Compass words joined by ",", "and", "or", then the last one with the shared place.
    std::size_t j = i + 1;
    while (j + 1 < limit && (IsPunct(t_[j], ",") || t_[j].fold == "and" || t_[j].fold == "or") &&
           IsNameWord(j + 1) && Has(j + 1, Lexicon::kCompass)) {
      j += 2;
    }
    if (j == i + 1) return 0;
    const std::size_t last = j - 1;
    const auto full = static_cast<std::size_t>(lex_.MatchPlace(Folds(last, limit), true));
    if (full < 2) return 0;
    std::vector<std::string_view> words = Folds(last + 1, last + full);
    words.insert(words.begin(), t_[i].fold);
    if (lex_.MatchPlace(words, true) != static_cast<int>(words.size())) return 0;
    AddMention(i, i, i + 1, NodeKind::kPlace, true);
    out_.back().name = t_[i].text + " " + Text(last + 1, last + full);
    return i + 1;
  }
  // "... du Nord et de l'Ouest": the previous place ends with "du <compass>".
  const std::size_t de = DeBefore(i);
  if (de == 0 || i < de + 1 || out_.empty() || out_.back().kind != NodeKind::kPlace) return 0;
  const std::size_t joint = i - de - 1;  // "et" or ","
  if (!(t_[joint].fold == "et" || t_[joint].fold == "ou" || IsPunct(t_[joint], ","))) return 0;
  const MentionSpan& previous = out_.back();
  if (previous.end != joint || !Has(previous.end - 1, Lexicon::kCompass)) return 0;
  const std::size_t previous_de = DeBefore(previous.end - 1);
  if (previous_de == 0 || previous.end - 1 - previous_de <= previous.begin) return 0;
  const std::size_t stem_end = previous.end - 1 - previous_de;
  std::vector<std::string_view> words = Folds(previous.begin, stem_end);
  for (std::size_t k = i - de; k <= i; ++k) words.push_back(t_[k].fold);
  if (lex_.MatchPlace(words, true) != static_cast<int>(words.size())) return 0;
  const std::string stem = Text(previous.begin, stem_end);
  AddMention(i - de, i - de, i + 1, NodeKind::kPlace, true);
  out_.back().name = stem + " " + Text(i - de, i + 1);
  return i + 1;
}

}  // namespace presskg::ingest::internal
