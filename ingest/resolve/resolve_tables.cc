#include "ingest/resolve/resolve_tables.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "ingest/resolve/embedded_data.h"
#include "ingest/resolve/fold.h"

namespace presskg::ingest::resolve {
namespace {

// Canonical heads that name no distinct organisation: "Groupe X" = "X Group" = "X",
// "société X" = "X Company" = "X". They are dropped from keys.
const std::set<std::string> kDroppedHeads = {"group", "company"};

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(sep, start);
    if (end == std::string_view::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// Rows of a TSV file as column name -> cell; '#' lines are comments, the first other line is
// the header.
class Tsv {
 public:
  explicit Tsv(std::string_view name) : text_(EmbeddedDataFile(name)) {
    for (std::string_view line : Split(text_, '\n')) {
      if (line.empty() || line.front() == '#') continue;
      std::vector<std::string_view> cells = Split(line, '\t');
      if (header_.empty()) {
        header_ = std::move(cells);
      } else {
        rows_.push_back(std::move(cells));
      }
    }
  }
  std::size_t size() const { return rows_.size(); }
  std::string_view Cell(std::size_t row, std::string_view column) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] == column) return i < rows_[row].size() ? rows_[row][i] : "";
    }
    return "";
  }

 private:
  std::string text_;
  std::vector<std::string_view> header_;
  std::vector<std::vector<std::string_view>> rows_;
};

Words ContentWords(std::string_view text) {
  Words out;
  for (std::string& w : FoldWords(text)) {
    if (!IsFunctionWord(w) && w != "x") out.push_back(std::move(w));
  }
  return out;
}

bool LongerFirst(const Phrase& a, const Phrase& b) {
  if (a.words.size() != b.words.size()) return a.words.size() > b.words.size();
  return a.words < b.words;
}

// The names of a cell list ("Kingdom of Morocco|Royaume du Maroc").
std::vector<std::string_view> Names(std::initializer_list<std::string_view> cells) {
  std::vector<std::string_view> out;
  for (std::string_view cell : cells) {
    if (cell.empty()) continue;
    for (std::string_view name : Split(cell, '|')) {
      if (!name.empty()) out.push_back(name);
    }
  }
  return out;
}

}  // namespace

const ResolveTables& ResolveTables::Get() {
  static const ResolveTables* const tables = new ResolveTables();
  return *tables;
}

ResolveTables::ResolveTables() {
  const Tsv legal("data/equivalences/legal_forms.tsv");
  std::set<Words> legal_set;
  std::set<Words> leading_set;
  for (std::size_t r = 0; r < legal.size(); ++r) {
    Words form = FoldWordsJoiningLetters(legal.Cell(r, "form"));
    if (form.empty()) continue;
    const std::string_view note = legal.Cell(r, "note");
    (note.find("before the name") != std::string_view::npos ? leading_set : legal_set)
        .insert(form);
  }
  // Spellings the table does not list but that end company names in the corpus.
  for (const char* extra : {"ltee", "cie", "co ltd", "corp", "sarl au", "ste"}) {
    legal_set.insert(FoldWordsJoiningLetters(extra));
  }
  legal_forms_.assign(legal_set.begin(), legal_set.end());
  leading_legal_forms_.assign(leading_set.begin(), leading_set.end());
  auto longer = [](const Words& a, const Words& b) { return a.size() > b.size(); };
  std::stable_sort(legal_forms_.begin(), legal_forms_.end(), longer);
  std::stable_sort(leading_legal_forms_.begin(), leading_legal_forms_.end(), longer);

  const Tsv heads("data/equivalences/org_head_words.tsv");
  std::map<Words, Words> head_map;
  for (std::size_t r = 0; r < heads.size(); ++r) {
    Words fr = ContentWords(heads.Cell(r, "fr_pattern"));
    Words en = ContentWords(heads.Cell(r, "en_pattern"));
    if (fr.empty() || en.empty()) continue;
    Words canonical = kDroppedHeads.count(JoinWords(en)) > 0 ? Words{} : en;
    head_map.emplace(fr, canonical);
    head_map.emplace(en, canonical);
  }
  for (auto& [words, canonical] : head_map) heads_.push_back({words, canonical});
  std::stable_sort(heads_.begin(), heads_.end(), LongerFirst);

  const Tsv ministry("data/equivalences/ministry_words.tsv");
  std::map<Words, Words> ministry_map;
  for (std::size_t r = 0; r < ministry.size(); ++r) {
    Words fr = ContentWords(ministry.Cell(r, "fr"));
    Words en = ContentWords(ministry.Cell(r, "en"));
    if (fr.empty() || en.empty() || fr == en) continue;
    ministry_map.emplace(fr, en);
  }
  for (auto& [fr, en] : ministry_map) ministry_words_.push_back({fr, en});
  std::stable_sort(ministry_words_.begin(), ministry_words_.end(), LongerFirst);

  const Tsv sectors("resolve/sector_terms.tsv");
  for (std::size_t r = 0; r < sectors.size(); ++r) {
    const std::string en = JoinWords(ContentWords(sectors.Cell(r, "en")));
    if (en.empty()) continue;
    sector_terms_.emplace(JoinWords(ContentWords(sectors.Cell(r, "fr"))), en);
    sector_terms_.emplace(en, en);
  }

  const Tsv countries("data/gazetteer/countries.tsv");
  std::set<std::string> ambiguous;
  for (std::size_t r = 0; r < countries.size(); ++r) {
    const std::string code(countries.Cell(r, "iso_alpha2"));
    const std::string id(countries.Cell(r, "id"));
    for (std::string_view name :
         Names({countries.Cell(r, "name_en"), countries.Cell(r, "name_fr"),
                countries.Cell(r, "aliases_en"), countries.Cell(r, "aliases_fr")})) {
      const Words words = FoldWords(name);
      const std::string folded = JoinWords(words);
      places_.emplace(folded, id);
      std::size_t letters = 0;
      for (const std::string& w : words) letters += w.size();
      // Inside organisation names only names of 4 letters or more: "US", "UK" are words too.
      if (letters < 4) continue;
      auto [it, inserted] = country_codes_.emplace(folded, code);
      if (!inserted && it->second != code) ambiguous.insert(folded);
      max_country_words_ = std::max(max_country_words_, words.size());
    }
  }
  for (const std::string& name : ambiguous) country_codes_.erase(name);

  const Tsv world("data/equivalences/world_places.tsv");
  for (std::size_t r = 0; r < world.size(); ++r) {
    const std::string id(world.Cell(r, "id"));
    for (std::string_view name :
         Names({world.Cell(r, "name_fr"), world.Cell(r, "name_en"), world.Cell(r, "aliases_fr"),
                world.Cell(r, "aliases_en")})) {
      places_.emplace(JoinWords(FoldWords(name)), id);
      world_place_names_.emplace_back(name);
    }
  }

  const Tsv cities("data/gazetteer/cities.tsv");
  std::vector<std::pair<std::int64_t, std::size_t>> by_population;
  for (std::size_t r = 0; r < cities.size(); ++r) {
    std::int64_t population = 0;
    for (char c : cities.Cell(r, "population")) {
      if (c >= '0' && c <= '9') population = population * 10 + (c - '0');
    }
    by_population.emplace_back(-population, r);
  }
  std::sort(by_population.begin(), by_population.end());
  std::vector<std::pair<std::string, std::string>> alt_city_codes;
  for (const auto& [minus_population, r] : by_population) {
    const std::string id(cities.Cell(r, "id"));
    std::vector<Words> names;
    for (std::string_view name : Names({cities.Cell(r, "name_en"), cities.Cell(r, "name_fr"),
                                        cities.Cell(r, "aliases")})) {
      names.push_back(FoldWords(name));
      places_.emplace(JoinWords(names.back()), id);
    }
    const std::size_t tagged = names.size();
    for (std::string_view name : Names({cities.Cell(r, "alt_names")})) {
      names.push_back(FoldWords(name));
      alt_places_.emplace(JoinWords(names.back()), id);
    }
    std::set<Words> distinct(names.begin(), names.end());
    if (distinct.size() < 2) continue;
    const std::string code = "@" + id.substr(id.find(':') + 1);
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::size_t letters = 0;
      for (const std::string& w : names[i]) letters += w.size();
      if (letters < 3 || country_codes_.count(JoinWords(names[i])) > 0 ||
          (names[i].size() == 1 && IsFunctionWord(names[i][0]))) {
        continue;
      }
      if (i < tagged) {
        city_codes_.emplace(JoinWords(names[i]), code);
      } else {
        alt_city_codes.emplace_back(JoinWords(names[i]), code);
      }
      max_city_words_ = std::max(max_city_words_, names[i].size());
    }
  }
  for (auto& [name, code] : alt_city_codes) city_codes_.emplace(name, code);

  const Tsv regions("data/gazetteer/regions.tsv");
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const std::string id(regions.Cell(r, "id"));
    for (std::string_view name : Names({regions.Cell(r, "name_en"), regions.Cell(r, "name_fr"),
                                        regions.Cell(r, "aliases")})) {
      places_.emplace(JoinWords(FoldWords(name)), id);
    }
  }
  AddFirstWords(places_, &place_first_words_);
  AddFirstWords(alt_places_, &place_first_words_);
  AddFirstWords(country_codes_, &code_first_words_);
  AddFirstWords(city_codes_, &code_first_words_);
}

void ResolveTables::AddFirstWords(const std::unordered_map<std::string, std::string>& names,
                                  FirstWords* index) {
  for (const auto& [name, id] : names) {
    const std::size_t words =
        1 + static_cast<std::size_t>(std::count(name.begin(), name.end(), ' '));
    std::size_t& most = index->Insert(std::string_view(name).substr(0, name.find(' ')), 0);
    most = std::max(most, words);
  }
}

std::size_t ResolveTables::MaxWords(const FirstWords& index, std::string_view first_word) {
  const std::size_t* most = index.Find(first_word);
  return most == nullptr ? 0 : *most;
}

std::size_t ResolveTables::MaxPlaceWords(std::string_view first_word) const {
  return MaxWords(place_first_words_, first_word);
}

std::size_t ResolveTables::MaxCodeWords(std::string_view first_word) const {
  return MaxWords(code_first_words_, first_word);
}

std::string ResolveTables::SectorTerm(const Words& content_words) const {
  auto it = sector_terms_.find(JoinWords(content_words));
  return it != sector_terms_.end() ? it->second : std::string();
}

std::string ResolveTables::PlaceId(const std::string& folded_name) const {
  auto it = places_.find(folded_name);
  if (it != places_.end()) return it->second;
  it = alt_places_.find(folded_name);
  return it != alt_places_.end() ? it->second : std::string();
}

}  // namespace presskg::ingest::resolve
