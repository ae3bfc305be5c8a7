#include "ingest/resolve/name_key.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace presskg::ingest {
namespace {

using graph::NodeKind;

std::string Primary(std::string_view name, NodeKind kind = NodeKind::kOrganization) {
  const std::vector<std::string> keys = MatchKeys(name, kind);
  return keys.empty() ? "" : keys.front();
}

TEST(NameKeyTest, FoldsCaseAccentsPunctuationAndLegalForms) {
  EXPECT_EQ(NameKey("Groupe AVL"), "avl");
  EXPECT_EQ(NameKey("AVL Group"), "avl");
  EXPECT_EQ(NameKey("AVL S.A."), "avl");
  EXPECT_EQ(NameKey("STELLANTIS"), "stellantis");
  EXPECT_EQ(NameKey("Stellantis"), "stellantis");
  EXPECT_EQ(NameKey("Ferri Meccanica S.p.A."), "ferri meccanica");
  EXPECT_EQ(NameKey("AVL List GmbH"), "avl list");
  EXPECT_EQ(NameKey("Weber Antriebe GmbH & Co. KG"), "weber antriebe");
  EXPECT_EQ(NameKey("Caithness Offshore Quay Ltd."), "caithness offshore quay");
  EXPECT_EQ(NameKey("Northgate Bank plc"), "northgate bank");
  EXPECT_EQ(NameKey("Aéro Laurentides inc."), "aero laurentides");
  EXPECT_EQ(NameKey("Mosel Data S.à r.l."), "mosel data");
  EXPECT_EQ(NameKey("Hanout Distribution SARL AU"), "hanout distribution");
  EXPECT_EQ(NameKey("SCI Les Tilleuls"), "les tilleuls");
  // A legal form is never the whole key, and stays inside a name.
  EXPECT_EQ(NameKey("SA"), "sa");
  EXPECT_EQ(NameKey("AG Barr Water"), "ag barr water");
  EXPECT_EQ(NameKey("..."), "");
}

TEST(NameKeyTest, FoldedNameKeepsEveryWord) {
  EXPECT_EQ(FoldedName("Fès"), "fes");
  EXPECT_EQ(FoldedName("ministère de l’Industrie"), "ministere de l industrie");
  EXPECT_EQ(FoldedName("Groupe  AVL"), "groupe avl");
}

TEST(MatchKeysTest, OrganisationHeadsAreLanguageNeutral) {
  const std::string ministry = Primary("ministère de l'Industrie et du Commerce");
  EXPECT_EQ(ministry, "ministry industry trade");
  EXPECT_EQ(Primary("Ministry of Industry and Trade"), ministry);
  EXPECT_EQ(Primary("ministère de l’Industrie et du commerce"), ministry);
  EXPECT_EQ(Primary("the Ministry of Industry and Trade"), ministry);
  EXPECT_EQ(Primary("ministère de la Transition énergétique et du Développement durable"),
            Primary("Ministry of Energy Transition and Sustainable Development"));
  EXPECT_EQ(Primary("Office national de l'électricité et de l'eau potable"),
            Primary("National Office of Electricity and Drinking Water"));
  EXPECT_EQ(Primary("ministère de l'Économie et des Finances"),
            Primary("Ministry of Economy and Finance"));
  EXPECT_EQ(Primary("Banque Rhodanienne"), Primary("Rhodanienne Bank"));
  EXPECT_EQ(Primary("Banque de France"), Primary("Bank of France"));
  EXPECT_EQ(Primary("Fondation Hassan II"), Primary("Hassan II Foundation"));
  // A head inside the English name.
  EXPECT_EQ(Primary("Université Euromed de Fès"), Primary("Euromed University of Fez"));
}

TEST(MatchKeysTest, GroupWordAndWordOrderDoNotMatter) {
  const std::string avl = Primary("Groupe AVL");
  EXPECT_EQ(avl, "avl");
  EXPECT_EQ(Primary("AVL Group"), avl);
  EXPECT_EQ(Primary("groupe AVL"), avl);
  EXPECT_EQ(Primary("the AVL Group"), avl);
  // Decision (README): "Groupe Renault" and "Renault" name one entity.
  EXPECT_EQ(Primary("Groupe Renault"), Primary("Renault Group"));
  EXPECT_EQ(Primary("Groupe Renault"), Primary("Renault"));
  EXPECT_EQ(Primary("STELLANTIS"), Primary("Stellantis N.V."));
}

TEST(MatchKeysTest, CountryNamesInsideOrganisationsBecomeCodes) {
  EXPECT_EQ(Primary("AVL Maroc"), "avl #ma");
  EXPECT_EQ(Primary("AVL Morocco"), "avl #ma");
  EXPECT_EQ(Primary("AVL France"), "avl #fr");
  EXPECT_EQ(Primary("Renault Maroc"), Primary("Renault Morocco"));
  EXPECT_EQ(Primary("Ambassade de France au Maroc"), Primary("Embassy of France in Morocco"));
  // Cities with names that differ between languages, too.
  EXPECT_EQ(Primary("Fès Shore"), Primary("Fez Shore"));
  EXPECT_EQ(Primary("port d'Anvers-Bruges"), Primary("Port of Antwerp-Bruges"));
  EXPECT_NE(Primary("Fès Shore"), Primary("Tanger Shore"));
}

TEST(MatchKeysTest, DistinctOrganisationsStayApart) {
  EXPECT_NE(Primary("AVL Maroc"), Primary("AVL France"));
  EXPECT_NE(Primary("AVL Maroc"), Primary("Groupe AVL"));
  EXPECT_NE(Primary("Renault Maroc"), Primary("Groupe Renault"));
  EXPECT_NE(Primary("Ministry of Industry and Trade"), Primary("Ministry of Industry"));
  EXPECT_NE(Primary("ministère de l'Énergie"), Primary("Office national de l'électricité"));
  EXPECT_NE(Primary("Banque Atlas"), Primary("Assurances Atlas"));
  EXPECT_NE(Primary("Banque de France"), Primary("Banque du Maroc"));
}

TEST(MatchKeysTest, PlacesResolveToGazetteerIds) {
  EXPECT_EQ(Primary("Maroc", NodeKind::kPlace), "country:MA");
  EXPECT_EQ(Primary("Morocco", NodeKind::kPlace), "country:MA");
  EXPECT_EQ(Primary("le Maroc", NodeKind::kPlace), "country:MA");
  EXPECT_EQ(Primary("Royaume du Maroc", NodeKind::kPlace), "country:MA");
  EXPECT_EQ(Primary("Tanger", NodeKind::kPlace), Primary("Tangier", NodeKind::kPlace));
  EXPECT_EQ(Primary("Tanger", NodeKind::kPlace).rfind("city:", 0), 0U);
  EXPECT_EQ(Primary("Fès", NodeKind::kPlace), Primary("Fez", NodeKind::kPlace));
  EXPECT_EQ(Primary("Genève", NodeKind::kPlace), Primary("Geneva", NodeKind::kPlace));
  EXPECT_EQ(Primary("Royaume-Uni", NodeKind::kPlace), Primary("United Kingdom", NodeKind::kPlace));
  EXPECT_NE(Primary("Rabat", NodeKind::kPlace), Primary("Casablanca", NodeKind::kPlace));
  // World regions and seas: one id for both languages.
  EXPECT_EQ(Primary("mer du Nord", NodeKind::kPlace), Primary("North Sea", NodeKind::kPlace));
  EXPECT_EQ(Primary("Afrique de l'Ouest", NodeKind::kPlace), "world:m49-011");
  EXPECT_EQ(Primary("West Africa", NodeKind::kPlace), "world:m49-011");
  EXPECT_NE(Primary("West Africa", NodeKind::kPlace), Primary("North Africa", NodeKind::kPlace));
  // Not in the gazetteer: the folded name, cities of several names as codes.
  EXPECT_EQ(Primary("Atlantic Free Zone", NodeKind::kPlace), "atlantic free zone");
  EXPECT_EQ(Primary("Fès Shore", NodeKind::kPlace), Primary("Fez Shore", NodeKind::kPlace));
  const std::vector<std::string> shore = MatchKeys("Fès Shore", NodeKind::kPlace);
  EXPECT_NE(std::find(shore.begin(), shore.end(), "fes shore"), shore.end());
  const std::vector<std::string> keys = MatchKeys("Maroc", NodeKind::kPlace);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "maroc"), keys.end());
}

TEST(MatchKeysTest, PersonsKeyOnTheirNameWithoutTitle) {
  EXPECT_EQ(MatchKeys("R Mezzour", NodeKind::kPerson),
            (std::vector<std::string>{"r mezzour", "~mezzour r"}));
  EXPECT_EQ(Primary("M. Ryad Mezzour", NodeKind::kPerson), "ryad mezzour");
  EXPECT_EQ(Primary("J.M Boulard", NodeKind::kPerson), "j m boulard");
  EXPECT_EQ(Primary("J.-M. Boulard", NodeKind::kPerson), "j m boulard");
  EXPECT_EQ(Primary("K. El Amrani", NodeKind::kPerson), "k el amrani");
  // An initial and a full name are different keys: the store-level rule links them.
  EXPECT_NE(Primary("R Mezzour", NodeKind::kPerson), Primary("Ryad Mezzour", NodeKind::kPerson));
  // A bare surname is a key of its own, never the title-bearing "m tazi".
  EXPECT_EQ(MatchKeys("M. Tazi", NodeKind::kPerson), std::vector<std::string>{"tazi"});
}

TEST(MatchKeysTest, SectorsUseTheSectorTable) {
  EXPECT_EQ(Primary("batteries électriques", NodeKind::kSector),
            Primary("electric batteries", NodeKind::kSector));
  EXPECT_EQ(Primary("développement des moteurs", NodeKind::kSector),
            Primary("development of engines", NodeKind::kSector));
  EXPECT_EQ(Primary("équipementier aéronautique", NodeKind::kSector),
            Primary("aerospace equipment", NodeKind::kSector));
  EXPECT_NE(Primary("batteries électriques", NodeKind::kSector),
            Primary("systèmes électroniques", NodeKind::kSector));
  EXPECT_EQ(Primary("offshoring lunaire", NodeKind::kSector), "offshoring lunaire");
}

TEST(MatchKeysTest, EveryNameWithALetterHasAKey) {
  for (NodeKind kind : {NodeKind::kOrganization, NodeKind::kPerson, NodeKind::kPlace,
                        NodeKind::kSector}) {
    EXPECT_FALSE(MatchKeys("X", kind).empty());
    EXPECT_FALSE(MatchKeys("Groupe", kind).empty());
    EXPECT_FALSE(MatchKeys("M.", kind).empty());
    EXPECT_TRUE(MatchKeys("--", kind).empty());
  }
}

}  // namespace
}  // namespace presskg::ingest
