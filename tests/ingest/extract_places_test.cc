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
  EXPECT_EQ(Place({"mer", "du", "nord"}, false), 3);  // equivalences/world_places.tsv
  EXPECT_EQ(Place({"afrique", "de", "l'", "ouest"}, false), 4);
  EXPECT_EQ(Place({"north", "africa"}, false), 2);
  EXPECT_EQ(Place({"north"}, true), 0);
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

// Names of the mentions of `sentence` as "kind:name".
std::vector<std::string> Mentions(const std::string& sentence, const std::string& lang) {
  std::vector<std::string> out;
  const std::vector<Token> tokens = Tokenize(sentence, lang);
  for (const MentionSpan& m : FindMentions(tokens, sentence, lang)) {
    out.push_back(std::string(graph::NodeKindName(m.kind)) + ":" + m.name);
  }
  return out;
}

TEST(ExtractPlaces, CoordinatedCompassWordsNameTwoPlaces) {
  EXPECT_EQ(Mentions("It will package it for markets in North and West Africa.", "en"),
            (std::vector<std::string>{"place:North Africa", "place:West Africa"}));
  EXPECT_EQ(Mentions("Il le conditionnera pour les marchés d'Afrique du Nord et de l'Ouest.", "fr"),
            (std::vector<std::string>{"place:Afrique du Nord", "place:Afrique de l'Ouest"}));
  EXPECT_EQ(Mentions("Elle vend en Amérique du Nord et du Sud.", "fr"),
            (std::vector<std::string>{"place:Amérique du Nord", "place:Amérique du Sud"}));
  // A compass word alone is no name.
  EXPECT_EQ(KindOf("Its sales grew in the North.", "en", "North"), "");
  EXPECT_EQ(KindOf("Ses ventes progressent dans le Nord.", "fr", "Nord"), "");
}

TEST(ExtractPlaces, SeasWithALowerCaseNoun) {
  EXPECT_EQ(Mentions("Un terminal sur la mer Noire et des parcs en mer du Nord.", "fr"),
            (std::vector<std::string>{"place:mer Noire", "place:mer du Nord"}));
}

TEST(ExtractPlaces, RepeatedPrepositionInAListOfPlaces) {
  EXPECT_EQ(KindOf("Dans les régions de Tanger et de Kénitra, les usines recrutent.", "fr",
                   "Kénitra"),
            "place");
}

TEST(ExtractPlaces, CityNamesOutsideLocativeContextsStayNames) {
  // "Orange" and "Mobile" are cities too, but here they are companies.
  EXPECT_EQ(KindOf("Le contrat signé avec Orange porte sur cinq ans.", "fr", "Orange"), "other");
  EXPECT_EQ(KindOf("Lakeside Mobile signed the deal.", "en", "Lakeside Mobile"), "other");
}

}  // namespace
}  // namespace presskg::ingest
