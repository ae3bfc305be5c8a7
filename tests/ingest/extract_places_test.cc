// Places come from the generated gazetteer (ingest/data/gazetteer): countries anywhere, cities
// and regions in locative contexts only.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/extract/lexicon.h"
#include "ingest/extract/mentions.h"
#include "ingest/extract/token.h"

namespace presskg::ingest {
namespace {

int Place(const std::vector<std::string_view>& words, bool locative) {
  return Lexicon::Get().MatchPlace(words, locative);
}

TEST(ExtractPlaces, CountriesAnywhereCitiesOnlyInLocativeContexts) {
  EXPECT_EQ(Place({"maroc"}, false), 1);
  EXPECT_EQ(Place({"morocco", "and"}, false), 1);
  EXPECT_EQ(Place({"cote", "d'", "ivoire"}, false), 3);
  EXPECT_EQ(Place({"kenitra"}, false), 0);
  EXPECT_EQ(Place({"kenitra"}, true), 1);
  EXPECT_EQ(Place({"tangier", ","}, true), 1);  // punctuation ends a name
  EXPECT_EQ(Place({"mer", "du", "nord"}, false), 3);  // a [world_place] row
  EXPECT_EQ(Place({"cablinor"}, true), 0);
}

// Kind of the mention that covers the word `name` in `sentence`, or "" when none does.
std::string KindOf(const std::string& sentence, const std::string& lang, const std::string& name) {
  const std::vector<Token> tokens = Tokenize(sentence, lang);
  for (const MentionSpan& m : FindMentions(tokens, sentence, lang)) {
    if (m.name == name) return m.kind == graph::NodeKind::kPlace ? "place" : "other";
  }
  return "";
}

TEST(ExtractPlaces, LocativeContexts) {
  EXPECT_EQ(KindOf("Cablinor, basé lui aussi à Tanger, fabrique des câbles.", "fr", "Tanger"),
               "place");
  EXPECT_EQ(KindOf("Cablinor is also based in Tangier.", "en", "Tangier"), "place");
  EXPECT_EQ(KindOf("Elle emploie 2 300 personnes entre Tanger et Kénitra.", "fr", "Kénitra"),
            "place");
  EXPECT_EQ(KindOf("Tessier Industries, dont le siège est à Oyonnax, dans l'Ain, recrute.", "fr",
                   "Ain"),
            "place");
  EXPECT_EQ(KindOf("The plant is in Hutchinson, Kansas, near Wichita.", "en", "Hutchinson"),
            "place");
  EXPECT_EQ(KindOf("Helixion, a Cambridge, Mass.-based developer, said.", "en", "Cambridge"),
            "place");
}

TEST(ExtractPlaces, CityNamesOutsideLocativeContextsStayNames) {
  // "Orange" and "Mobile" are cities too, but here they are companies.
  EXPECT_EQ(KindOf("Le contrat signé avec Orange porte sur cinq ans.", "fr", "Orange"), "other");
  EXPECT_EQ(KindOf("Lakeside Mobile signed the deal.", "en", "Lakeside Mobile"), "other");
}

}  // namespace
}  // namespace presskg::ingest
