// French city adjectives: "le groupe lyonnais Altaris Industries", "la PME toulousaine Signalec",
// "Le Valenciennois Ferrovia Systèmes": the organisation is located in the city.

#include "ingest/extract/extractor_internal.h"
#include "ingest/extract/lexicon.h"
#include "ingest/extract/mentions.h"

namespace presskg::ingest::internal {

namespace {

// Lower-case words a descriptor may hold between the adjective and the name: "casablancais de
// pièces en matériaux composites Atlas Composites Aéro".
bool DescriptorItem(const Item& it, const Token& first) {
  if (it.type == Item::Type::kPunct) return it.fold == "-" || it.fold == "'";
  return it.type == Item::Type::kWord && !first.capitalized;
}

bool IsDe(const Item& it) {
  return it.type == Item::Type::kWord &&
         (it.fold == "de" || it.fold == "d'" || it.fold == "du" || it.fold == "des");
}

}  // namespace

void DocumentExtractor::CityAdjectivePlaces(std::size_t si, const std::vector<Item>& items) {
  if (lang_ != "fr") return;
  const Lexicon& lex = Lexicon::Get();
  const std::vector<Token>& tokens = sentences_[si].tokens;
  for (std::size_t a = 0; a < items.size(); ++a) {
    const Item& adj = items[a];
    if (adj.type != Item::Type::kWord) continue;
    const std::string_view city = lex.CityOfAdjective(adj.fold);
    if (city.empty()) continue;
    // A capitalised adjective is a noun ("Le Valenciennois X"): the name follows at once.
    const bool noun = tokens[adj.tok_begin].capitalized;
    std::size_t k = a + 1;
    for (int skipped = 0; !noun && k < items.size() && skipped < 7 &&
                          DescriptorItem(items[k], tokens[items[k].tok_begin]);
         ++k, ++skipped) {
    }
    if (k >= items.size() || !items[k].IsEntity() || items[k].anaphor ||
        items[k].kind != NodeKind::kOrganization) {
      continue;
    }
    // "les clients parisiens de Renault": Renault is a complement, not the one described.
    if (k > a + 1 && IsDe(items[k - 1])) continue;
    MentionSpan place;
    place.kind = NodeKind::kPlace;
    place.name = std::string(city);
    place.certain = true;
    const int city_entity = entities_.Resolve(place, si, confirmed_);
    if (city_entity < 0) continue;
    const StatusReading reading = StatusOf(si).Read(adj.tok_begin, items[k].tok_end);
    if (reading.former) continue;
    AddFact(items[k].entity, "located_in", city_entity, {},
            MakeEvidence(si, lang_ + ".located_in.city_adjective", reading.status, 0.7F));
  }
}

}  // namespace presskg::ingest::internal
