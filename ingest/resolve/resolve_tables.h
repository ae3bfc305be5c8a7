#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/text/flat_string_map.h"

namespace presskg::ingest::resolve {

using Words = std::vector<std::string>;

// A word sequence and what it stands for, e.g. {"office", "national"} -> "national office".
struct Phrase {
  Words words;
  Words replacement;
};

// The resolution tables of ingest/data (compiled in), folded and ready for matching. Built once,
// on first use; immutable afterwards, so every method is thread-safe.
class ResolveTables {
 public:
  static const ResolveTables& Get();

  // Legal forms as folded words ("gmbh co kg", "sa de cv", "sarl"), longest first. `leading`
  // holds the forms written before the name (SCI, SCOP, GIE).
  const std::vector<Words>& legal_forms() const { return legal_forms_; }
  const std::vector<Words>& leading_legal_forms() const { return leading_legal_forms_; }
  // Organisation head words without function words, French or English, longest first, each
  // with its canonical (English) head: "ministere" -> "ministry", "office national" ->
  // "national office", "central bank" -> "central bank".
  const std::vector<Phrase>& heads() const { return heads_; }
  // ministry_words.tsv, French -> English, both without function words, longest first.
  const std::vector<Phrase>& ministry_words() const { return ministry_words_; }
  // Country names, folded ("maroc", "morocco", "royaume maroc" keeps its words:
  // "royaume du maroc"), -> ISO alpha-2 ("MA"). Longest names have most words.
  const std::unordered_map<std::string, std::string>& country_codes() const {
    return country_codes_;
  }
  std::size_t max_country_words() const { return max_country_words_; }
  // City names that differ between languages or spellings ("tanger", "tangier", "fes", "fez",
  // "anvers", "antwerp"), folded, of three letters or more -> "@" + GeoNames id, for names of
  // organisations ("Fès Shore" = "Fez Shore"). Cities known under one name only are left out.
  const std::unordered_map<std::string, std::string>& city_codes() const { return city_codes_; }
  std::size_t max_city_words() const { return max_city_words_; }
  // The English term of a sector (resolve/sector_terms.tsv), both sides without function words:
  // {"developpement", "moteurs"} and {"development", "engines"} -> "development engines"; "" when
  // the term is not in the table.
  std::string SectorTerm(const Words& content_words) const;
  // The gazetteer id of a place name (folded): countries first, then world regions and seas
  // (equivalences/world_places.tsv, "world:" ids), then cities (most populous first), then
  // regions, then cities' untagged alternate names; "" when unknown.
  std::string PlaceId(const std::string& folded_name) const;
  // The most words of a name PlaceId knows whose first word is `first_word` (names are words
  // joined by one space), 0 when none starts with it: longer names need no lookup.
  std::size_t MaxPlaceWords(std::string_view first_word) const;
  // The same over the names of country_codes() and city_codes().
  std::size_t MaxCodeWords(std::string_view first_word) const;
  // Every name of equivalences/world_places.tsv as written ("mer du Nord", "North Sea").
  const std::vector<std::string>& world_place_names() const { return world_place_names_; }

 private:
  ResolveTables();
  std::vector<Words> legal_forms_;
  std::vector<Words> leading_legal_forms_;
  std::vector<Phrase> heads_;
  std::vector<Phrase> ministry_words_;
  std::unordered_map<std::string, std::string> country_codes_;
  std::size_t max_country_words_ = 1;
  std::unordered_map<std::string, std::string> city_codes_;
  std::size_t max_city_words_ = 1;
  std::unordered_map<std::string, std::string> sector_terms_;
  std::vector<std::string> world_place_names_;
  std::unordered_map<std::string, std::string> places_;      // names of every tier above
  std::unordered_map<std::string, std::string> alt_places_;  // cities' alt_names
  // First word of a name -> most words of a name starting with it.
  using FirstWords = FlatStringMap<std::size_t>;
  static void AddFirstWords(const std::unordered_map<std::string, std::string>& names,
                            FirstWords* index);
  static std::size_t MaxWords(const FirstWords& index, std::string_view first_word);
  FirstWords place_first_words_;  // places_ and alt_places_
  FirstWords code_first_words_;   // country_codes_ and city_codes_
};

}  // namespace presskg::ingest::resolve
