#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace presskg::ingest {

// Word lists for mention detection and role phrases (tables in ingest/data/rules/*.inc).
// All lookups take folded words (see FoldWord) unless said otherwise. Thread-safe: built once.
class Lexicon {
 public:
  // Which word lists hold a word: all of them answered by one lookup (FoldFlags, WrittenFlags).
  enum WordFlag : std::uint32_t {
    kFunctionWord = 1U << 0,
    kOrgCue = 1U << 1,
    kInstitutionCue = 1U << 2,
    kLowerCue = 1U << 3,
    kLowerPlaceCue = 1U << 4,
    kDemonym = 1U << 5,
    kNotName = 1U << 6,
    kSiteWord = 1U << 7,
    kFirstName = 1U << 8,
    kLocativeFr = 1U << 9,
    kLocativeEn = 1U << 10,
    kPlaceNoun = 1U << 11,
    kCompass = 1U << 12,
    kStartsWorldPlace = 1U << 13,  // MayStartWorldPlace
    kLegalForm = 1U << 14,         // as written (WrittenFlags)
    kTitle = 1U << 15,             // as written (WrittenFlags)
  };

  static const Lexicon& Get();

  // The flags of the folded word `fold` among kFunctionWord ... kStartsWorldPlace: IsOrgCue(fold)
  // is (FoldFlags(fold) & kOrgCue) != 0, and so on.
  std::uint32_t FoldFlags(std::string_view fold) const;
  // kLegalForm and kTitle of a word as written (IsLegalForm, IsTitle).
  std::uint32_t WrittenFlags(std::string_view as_written) const;

  bool IsFunctionWord(std::string_view fold) const;
  bool IsOrgCue(std::string_view fold) const;
  bool IsInstitutionCue(std::string_view fold) const;
  bool IsLowerCue(std::string_view fold) const;       // "ministère", "canton", "port"
  bool IsLowerPlaceCue(std::string_view fold) const;  // "mer", "val", "zone"
  bool IsLegalForm(std::string_view as_written) const;
  bool IsTitle(std::string_view as_written) const;
  bool IsDemonym(std::string_view fold) const;
  // The city whose inhabitants' French adjective `fold` is ("lyonnaise" -> "Lyon"), or empty.
  std::string_view CityOfAdjective(std::string_view fold) const;
  bool IsNotName(std::string_view fold) const;
  bool IsSiteWord(std::string_view fold) const;
  bool IsFirstName(std::string_view fold) const;
  // A preposition after which a place name may stand: "a", "au", "en" (French), "in", "at",
  // "near" (English).
  bool IsLocative(std::string_view fold, bool french) const;
  bool IsPlaceNoun(std::string_view fold) const;  // "ville", "city", "usine": "la ville de X"
  bool IsCompass(std::string_view fold) const;    // "north", "western", "nord", "ouest"
  // Number of words of the longest place name starting at words[0] (folded words as Tokenize
  // gives them: "cote" "d'" "ivoire"), or 0. Countries of the generated gazetteer
  // (ingest/data/gazetteer), world regions and seas (ingest/data/equivalences/world_places.tsv)
  // and the lexicon's [world_place] rows are places anywhere; the gazetteer's regions and cities
  // only when `locative` ("à Tanger", "in Tangier"), since many of them are also words or
  // company names. A compass word before a place makes a longer place ("West Texas"); alone
  // it is none ("in the North").
  int MatchPlace(const std::vector<std::string_view>& words, bool locative) const;
  // Number of words of the longest world region, sea or [world_place] row starting at words[0]
  // ("mer" "du" "nord"), or 0.
  int MatchWorldPlace(const std::vector<std::string_view>& words) const;
  // False when no world region, sea or [world_place] row starts with `fold`, so that
  // MatchWorldPlace of words starting with it is 0 (a cheap test before building `words`).
  bool MayStartWorldPlace(std::string_view fold) const;
  // Number of words of the longest role phrase starting at words[0], or 0.
  int MatchRole(const std::vector<std::string_view>& words) const;
  // False when no role phrase starts with `fold` (then MatchRole of words starting with it is 0).
  bool MayStartRole(std::string_view fold) const;

 private:
  Lexicon();
  struct Impl;
  const Impl* impl_;
};

}  // namespace presskg::ingest
