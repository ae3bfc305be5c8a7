#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "graph/relation_schema.h"
#include "ingest/extract/extractor.h"
#include "ingest/extract/rule_table.h"
#include "ingest/reader/text_reader.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

TEST(ExtractRules, EveryTableRowCompiles) {
  EXPECT_TRUE(RuleTableErrors().empty()) << RuleTableErrors().front();
  EXPECT_GT(BuiltinRules().size(), 100U);
  for (const Rule& rule : BuiltinRules()) {
    EXPECT_TRUE(rule.lang == "fr" || rule.lang == "en") << rule.id;
    EXPECT_FALSE(rule.example.empty()) << rule.id << " has no example sentence";
    const bool relation = graph::RelationSchema::Builtin().Find(rule.relation) != nullptr;
    EXPECT_TRUE(relation || graph::RelationSchema::IsLiteralType(rule.relation)) << rule.id;
  }
}

// The word filter never drops a rule: every word of a pattern is in the vocabulary, and a
// sentence holding the first word of every alternative of a rule keeps that rule.
TEST(ExtractRules, CandidateRulesKeepEveryRuleWhoseWordsArePresent) {
  const std::vector<Rule>& rules = BuiltinRules();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    std::vector<WordId> words;
    for (const PatternElement& el : rules[r].pattern.elements) {
      for (const std::vector<std::string>& phrase : el.phrases) {
        for (const std::string& w : phrase) {
          EXPECT_NE(RuleVocabulary().Find(w), kUnknownWord) << rules[r].id << ": " << w;
          words.push_back(RuleVocabulary().Find(w));
        }
      }
    }
    const std::vector<std::size_t> kept = CandidateRules(rules[r].lang, words);
    EXPECT_NE(std::find(kept.begin(), kept.end(), r), kept.end()) << rules[r].id;
    const std::vector<std::size_t> none = CandidateRules(rules[r].lang, {});
    EXPECT_EQ(std::find(none.begin(), none.end(), r) != none.end(), rules[r].required.empty())
        << rules[r].id;
  }
}

// The graph of one short document named "t.txt".
Result<graph::DocumentGraph> Extract(const std::string& text, const std::string& lang) {
  RawDocument doc;
  doc.name = "t.txt";
  doc.lang = lang;
  doc.text = text;
  Result<graph::DocumentGraph> g = ExtractDocument(doc);
  EXPECT_TRUE(g.ok());
  return g;
}

// Facts of one short document, as "subject relation object status".
std::vector<std::string> Facts(const std::string& text, const std::string& lang) {
  Result<graph::DocumentGraph> g = Extract(text, lang);
  std::vector<std::string> out;
  if (!g.ok()) return out;
  const auto& schema = graph::RelationSchema::Builtin();
  for (const graph::FactInput& f : g->facts) {
    const std::string r = schema.Get(f.relation)->name;
    if (r == "mentions") continue;
    const std::string o = f.object == graph::kThisDocument ? "(doc)" : g->entities[f.object].name;
    out.push_back(g->entities[f.subject].name + " " + r + " " + o + " " +
                  std::string(graph::FactStatusName(f.evidence.status)));
  }
  for (const graph::LiteralInput& l : g->literals) {
    out.push_back(g->entities[l.subject].name + " " + l.type + " " + std::to_string(l.value) + " " +
                  std::string(graph::FactStatusName(l.evidence.status)));
  }
  return out;
}

bool Has(const std::vector<std::string>& facts, const std::string& fact) {
  return std::find(facts.begin(), facts.end(), fact) != facts.end();
}

TEST(ExtractRules, AppositionListAndCoreference) {
  const auto facts = Facts(
      "AVL Maroc, filiale d’AVL France, opère dans le développement des moteurs. Avec un effectif "
      "de 120 talents, la société compte des clients, notamment STELLANTIS et le Groupe Renault.",
      "fr");
  EXPECT_TRUE(Has(facts, "AVL Maroc subsidiary_of AVL France stated"));
  EXPECT_TRUE(Has(facts, "AVL Maroc has_client STELLANTIS stated"));
  EXPECT_TRUE(Has(facts, "AVL Maroc has_client Groupe Renault stated"));
  EXPECT_TRUE(Has(facts, "AVL Maroc employees 120 stated"));
  EXPECT_TRUE(Has(facts, "AVL Maroc operates_in développement des moteurs stated"));
}

TEST(ExtractRules, NegationAndModalityAreNotStated) {
  auto facts = Facts("Nuvexa Maroc n’est pas une filiale de l’équipementier Verdaine.", "fr");
  EXPECT_FALSE(Has(facts, "Nuvexa Maroc subsidiary_of Verdaine stated"));
  facts = Facts("The operator Nordis Telecom denied any talks about a merger with Orizon Mobile.",
                "en");
  EXPECT_FALSE(Has(facts, "Nordis Telecom merged_with Orizon Mobile stated"));
  facts = Facts("Wallenergie is studying a possible acquisition of Dutch developer Zeewind.", "en");
  EXPECT_FALSE(Has(facts, "Wallenergie acquired Zeewind stated"));
}

TEST(ExtractRules, QuotesAttributedBeforeAndAfter) {
  const auto facts = Facts(
      "« Nous gagnons une base industrielle », a déclaré Élise Marchand, PDG du Groupe Calvern. "
      "R Mezzour a déclaré que « le secteur confirme son attractivité ».",
      "fr");
  EXPECT_TRUE(Has(facts, "Élise Marchand quoted_in (doc) stated"));
  EXPECT_TRUE(Has(facts, "Élise Marchand has_role_at Groupe Calvern stated"));
  EXPECT_TRUE(Has(facts, "R Mezzour quoted_in (doc) stated"));
}

// Entities of one short document, as "kind:name" followed by " / alias" for each alias.
std::vector<std::string> Entities(const std::string& text, const std::string& lang) {
  Result<graph::DocumentGraph> g = Extract(text, lang);
  std::vector<std::string> out;
  if (!g.ok()) return out;
  for (const graph::EntityInput& e : g->entities) {
    std::string line = std::string(graph::NodeKindName(e.kind)) + ":" + e.name;
    for (const std::string& alias : e.aliases) line += " / " + alias;
    out.push_back(line);
  }
  return out;
}

TEST(ExtractEntities, WeekdaysAreNoNames) {
  const auto entities = Entities(
      "Sodirel Maroc, a subsidiary of Hartwig Elektrik, on Tuesday signed an agreement.", "en");
  EXPECT_FALSE(Has(entities, "organization:Tuesday"));
  EXPECT_TRUE(Has(entities, "organization:Sodirel Maroc"));
}

TEST(ExtractEntities, AcronymNameReachesBackToItsInstitutionCue) {
  const auto entities = Entities(
      "L'opération avait reçu le feu vert de la Banque centrale des États de l'Afrique de l'Ouest "
      "(BCEAO).",
      "fr");
  EXPECT_TRUE(
      Has(entities, "organization:Banque centrale des États de l'Afrique de l'Ouest / BCEAO"))
      << ::testing::PrintToString(entities);
}

TEST(ExtractEntities, GuessJoinsASurePlaceOfTheSameName) {
  const auto entities = Entities(
      "Évreux, le 20 février 2024 — Normaprod a racheté l'usine. « Évreux deviendra notre centre "
      "d'excellence », a-t-il dit.",
      "fr");
  EXPECT_TRUE(Has(entities, "place:Évreux")) << ::testing::PrintToString(entities);
  EXPECT_FALSE(Has(entities, "organization:Évreux"));
}

TEST(ExtractEntities, ShortFormNamesTheParentNotItsUnit) {
  const auto facts = Facts(
      "Kavira Technologies has opened a centre in Casablanca. The Moroccan unit, Kavira "
      "Technologies Morocco, will be headed by Hicham Berrada. Founded in 1995, Kavira employs "
      "38,000 people.",
      "en");
  EXPECT_TRUE(Has(facts, "Kavira Technologies employees 38000 stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, FrenchDescriptorAfterOtherWords) {
  const auto facts = Facts(
      "M. Bennani a affirmé que le groupe n'avait « aucun projet de rachat » du câblier Cablinor, "
      "basé lui aussi à Tanger.",
      "fr");
  EXPECT_TRUE(Has(facts, "Cablinor operates_in câblier stated")) << ::testing::PrintToString(facts);
}

TEST(ExtractRules, FounderNamedThroughAPossessiveKeepsAStake) {
  auto facts = Facts(
      "Norvalis Industries emploie 200 personnes. Son fondateur, Paul Girard, conservera 30 % du "
      "capital.",
      "fr");
  EXPECT_TRUE(Has(facts, "Paul Girard owns Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
  facts = Facts(
      "Norvalis Industries employs 200 people. Its founder, Paul Girard, will retain 30% of the "
      "capital.",
      "en");
  EXPECT_TRUE(Has(facts, "Paul Girard owns Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, GappedSecondHolder) {
  auto facts = Facts(
      "Norvalis Industries détient 70 % de Vectis Solutions et Arcadia Partners, 30 %.", "fr");
  EXPECT_TRUE(Has(facts, "Arcadia Partners owns Vectis Solutions stated"))
      << ::testing::PrintToString(facts);
  facts =
      Facts("Norvalis Industries holds 70% of Vectis Solutions and Arcadia Partners 30%.", "en");
  EXPECT_TRUE(Has(facts, "Arcadia Partners owns Vectis Solutions stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, RelativeClauseAgreement) {
  auto facts = Facts(
      "Le groupe Vectis Solutions a démenti toute fusion avec le fabricant Norvalis Industries, "
      "avec lequel "
      "le groupe a conclu un contrat de maintenance en 2020.",
      "fr");
  EXPECT_TRUE(Has(facts, "Vectis Solutions signed_agreement_with Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
  facts = Facts(
      "Vectis Solutions denied any merger with the maker Norvalis Industries, with which the group "
      "signed a "
      "maintenance contract in 2020.",
      "en");
  EXPECT_TRUE(Has(facts, "Vectis Solutions signed_agreement_with Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, UnitNamedInAppositionIsASubsidiary) {
  auto facts = Facts(
      "Norvalis Industries has opened an office in Rabat. The Moroccan unit, Norvalis "
      "Engineering, will be headed by David Bello.",
      "en");
  EXPECT_TRUE(Has(facts, "Norvalis Engineering subsidiary_of Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "David Bello has_role_at Norvalis Engineering stated"));
}

TEST(ExtractRules, PassiveSupplyWithoutClientNamesTheTopic) {
  auto facts = Facts(
      "Norvalis Industries construit des tramways à Lyon. Les freins seront fournis par "
      "l'équipementier allemand Bremka Systems.",
      "fr");
  EXPECT_TRUE(Has(facts, "Bremka Systems supplier_of Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
  facts = Facts(
      "Norvalis Industries builds trams in Lyon. The brakes will be supplied by German maker "
      "Bremka Systems.",
      "en");
  EXPECT_TRUE(Has(facts, "Bremka Systems supplier_of Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, SpeakerRoleWithoutOrganisationNamesTheTopic) {
  const auto facts = Facts(
      "Norvalis Industries opened a plant in Leeds. \"We are growing,\" said chief executive Jane "
      "Doe. "
      "Chairman John Smith said the group would keep its brand.",
      "en");
  EXPECT_TRUE(Has(facts, "Jane Doe has_role_at Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "John Smith has_role_at Norvalis Industries stated"));
}

TEST(ExtractRules, PairAnaphorCoversBothCompanies) {
  const auto facts = Facts(
      "Les assureurs Alpha Assurances et Beta Mutuelle ont finalisé leur fusion. Les deux "
      "assureurs ont noué un partenariat avec la banque Gamma Crédit.",
      "fr");
  EXPECT_TRUE(Has(facts, "Alpha Assurances partner_of Gamma Crédit stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Beta Mutuelle partner_of Gamma Crédit stated"));
  EXPECT_TRUE(Has(facts, "Alpha Assurances operates_in assurance stated"));
}

TEST(ExtractRules, OperatingCapacityInPlaces) {
  auto facts = Facts(
      "Norvalis Industries exploite 800 MW de capacités éoliennes en France et en Espagne.", "fr");
  EXPECT_TRUE(Has(facts, "Norvalis Industries located_in France stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Norvalis Industries located_in Espagne stated"));
  facts = Facts("Norvalis Industries operates 800 MW of wind capacity in France and Spain.", "en");
  EXPECT_TRUE(Has(facts, "Norvalis Industries located_in France stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Norvalis Industries located_in Spain stated"));
}

TEST(ExtractRules, CityThenStateAfterBased) {
  const auto facts =
      Facts("Norvalis Industries, based in Springfield, Illinois, employs 300 people.", "en");
  EXPECT_TRUE(Has(facts, "Springfield located_in Illinois stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, ProductsAndOutletsNameSectors) {
  auto facts = Facts(
      "Le groupe Norvalis Industries fabrique des freins ferroviaires et des capteurs de vitesse, "
      "notamment "
      "pour Alstom et Siemens.",
      "fr");
  EXPECT_TRUE(Has(facts, "Norvalis Industries operates_in freins ferroviaires stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Norvalis Industries operates_in capteurs de vitesse stated"));
  EXPECT_TRUE(Has(facts, "Norvalis Industries has_client Siemens stated"));
  facts = Facts("Norvalis Group, which operates the Azur hotels, employs 900 people.", "en");
  EXPECT_TRUE(Has(facts, "Norvalis Group operates_in hotels stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, SitesListedAfterAnOrganisation) {
  auto facts = Facts(
      "Norvalis Industries emploie 900 personnes sur ses sites de Douai et de Valenciennes.", "fr");
  EXPECT_TRUE(Has(facts, "Norvalis Industries located_in Valenciennes stated"))
      << ::testing::PrintToString(facts);
  facts = Facts(
      "Les cours sont donnés dans les instituts des métiers du rail (IMR) de Lille, Lyon et "
      "Nantes.",
      "fr");
  EXPECT_TRUE(Has(facts, "instituts des métiers du rail located_in Nantes stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, HyphenBasedAnaphorPlacesItsAntecedent) {
  auto facts = Facts(
      "Norvalis Industries will open ten stores. The Tulsa-based chain employs 300 people.", "en");
  EXPECT_TRUE(Has(facts, "Norvalis Industries located_in Tulsa stated"))
      << ::testing::PrintToString(facts);
  facts = Facts(
      "Norvalis Industries, a Leeds-based maker of brakes, signed a licence with Vectis Solutions. "
      "Under the deal, the Paris-based firm will sell the brakes in Europe.",
      "en");
  EXPECT_FALSE(Has(facts, "Norvalis Industries located_in Paris stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractRules, StatusStopsAtRelativeClausesAndSecondPredicates) {
  auto facts = Facts(
      "Norvalis Industries, which was founded by former Vectis Solutions engineers, employs 240 "
      "people. It has signed a supply agreement with Arcadia Partners and is in talks with two "
      "other carmakers.",
      "en");
  EXPECT_TRUE(Has(facts, "Norvalis Industries employees 240 stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Norvalis Industries signed_agreement_with Arcadia Partners stated"));
  facts = Facts(
      "Norvalis Industries has not signed an agreement with Arcadia Partners and is "
      "looking elsewhere.",
      "en");
  EXPECT_FALSE(Has(facts, "Norvalis Industries signed_agreement_with Arcadia Partners stated"));
}

TEST(ExtractRules, MakerAnaphorNamesTheTrade) {
  const auto facts = Facts(
      "Norvalis Motors has bought a 20% stake in Vectis Solutions for $40 million, the automaker "
      "said on Monday.",
      "en");
  EXPECT_TRUE(Has(facts, "Norvalis Motors operates_in automaker stated"))
      << ::testing::PrintToString(facts);
}

TEST(ExtractEntities, SiteLikeShortFormIsTheCompany) {
  const auto facts = Facts(
      "Norvalis Industries has taken a 25% stake in Solway Offshore Quay Ltd for 18m pounds.\n\n"
      "Solway Offshore Quay has signed a memorandum of understanding with Vectis Solutions.",
      "en");
  EXPECT_TRUE(Has(facts, "Solway Offshore Quay Ltd signed_agreement_with Vectis Solutions stated"))
      << ::testing::PrintToString(facts);
}

// First names of the generated list (scripts/gen_first_names.py) open person names, and an
// ampersand between capitalised words makes a firm even when they look like names.
TEST(ExtractEntities, GeneratedFirstNamesAndAmpersandFirms) {
  const auto facts = Facts(
      "Gareth Pryce, chief executive of Norvalis Industries, said the plant would open in May.\n\n"
      "Norvalis Industries has signed a supply agreement with Hartley & Rowe.",
      "en");
  EXPECT_TRUE(Has(facts, "Gareth Pryce has_role_at Norvalis Industries stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Norvalis Industries signed_agreement_with Hartley & Rowe stated"))
      << ::testing::PrintToString(facts);
}

// ---- Generalisation (tests/data/corpus/dev2): phrasings and mechanisms beyond dev. ----

TEST(ExtractGeneral, SupplyPhrasingsInBothLanguages) {
  auto facts = Facts(
      "Dovetail Robotics has been selected by Ferrovia Systems to supply welding cells. Helio "
      "Grid will deliver 300 transformers to Ondine Telecom. Kestrel Motors will provide Vireo "
      "Transit with 40 electric buses.",
      "en");
  EXPECT_TRUE(Has(facts, "Dovetail Robotics supplier_of Ferrovia Systems stated"));
  EXPECT_TRUE(Has(facts, "Helio Grid supplier_of Ondine Telecom stated"));
  EXPECT_TRUE(Has(facts, "Kestrel Motors supplier_of Vireo Transit stated"));
  facts = Facts(
      "Dovetail Robotics a été retenu par Ferrovia Systems pour fournir des cellules de soudage. "
      "Helio Grid équipera Ondine Télécom de 300 transformateurs. Ardent Foods a choisi Norbec "
      "Logistique comme prestataire logistique.",
      "fr");
  EXPECT_TRUE(Has(facts, "Dovetail Robotics supplier_of Ferrovia Systems stated"));
  EXPECT_TRUE(Has(facts, "Helio Grid supplier_of Ondine Télécom stated"));
  EXPECT_TRUE(Has(facts, "Norbec Logistique supplier_of Ardent Foods stated"));
}

// "supplies parts to customers including Alstom": one fact, the supply; not also a client.
TEST(ExtractGeneral, SupplyToCustomersIsNotAlsoAClientFact) {
  const auto facts = Facts(
      "Forges Lebrun supplies large forged parts to customers including Alstom and Manitou.", "en");
  EXPECT_TRUE(Has(facts, "Forges Lebrun supplier_of Alstom stated"));
  EXPECT_FALSE(Has(facts, "Forges Lebrun has_client Alstom stated"));
  const auto clients = Facts("Carvell Bank is a long-standing client of Tiber Analytics.", "en");
  EXPECT_TRUE(Has(clients, "Tiber Analytics has_client Carvell Bank stated"));
}

TEST(ExtractGeneral, PartnershipInvestmentAndRolePhrasings) {
  auto facts = Facts(
      "Mistral Cloud and Ondine Telecom announced a strategic alliance on Tuesday. Quorra Labs has "
      "raised $40 million in a Series A round led by Halden Capital. Ardent Foods appointed Maria "
      "Costa as chief executive officer.",
      "en");
  EXPECT_TRUE(Has(facts, "Mistral Cloud partner_of Ondine Telecom stated"));
  EXPECT_TRUE(Has(facts, "Halden Capital invests_in Quorra Labs stated"));
  EXPECT_TRUE(Has(facts, "Maria Costa has_role_at Ardent Foods stated"));
  facts = Facts(
      "La start-up Neurovia développe des implants. Neurovia a été fondée en 2019 par la "
      "neuroscientifique Claire Rochat. Pierre Okoye, qui "
      "dirige Norbec Logistique, a salué l'accord. Halden Capital a investi 40 millions de "
      "dollars dans Quorra Labs.",
      "fr");
  EXPECT_TRUE(Has(facts, "Claire Rochat has_role_at Neurovia stated"));
  EXPECT_TRUE(Has(facts, "Pierre Okoye has_role_at Norbec Logistique stated"));
  EXPECT_TRUE(Has(facts, "Halden Capital invests_in Quorra Labs stated"));
}

// A name with an unknown first name is a person when a role, "who", an age or a titled surname
// says so; it then no longer catches "the company".
TEST(ExtractGeneral, PersonsWithUnknownFirstNamesFromContext) {
  auto facts = Facts(
      "Ivoire Cacao Transformation (ICT) a signé une convention. « Transformer sur place, c'est "
      "garder la valeur ajoutée », a commenté Koffi Yao N'Guessan, directeur général d'ICT.",
      "fr");
  EXPECT_TRUE(Has(facts, "Koffi Yao N'Guessan has_role_at Ivoire Cacao Transformation stated"));
  EXPECT_TRUE(Has(facts, "Koffi Yao N'Guessan quoted_in (doc) stated"));
  facts = Facts(
      "Founded in 2018 by Aminata Sow, Teranga Pay has 180 employees. \"We are growing,\" Ms Sow "
      "said.",
      "en");
  EXPECT_TRUE(Has(facts, "Aminata Sow quoted_in (doc) stated")) << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Teranga Pay employees 180 stated"));
  EXPECT_FALSE(Has(facts, "Aminata Sow employees 180 stated"));
  const auto entities = Entities("His father, Vinod Joshi, retired in 2022.", "en");
  EXPECT_TRUE(Has(entities, "person:Vinod Joshi"));
}

// "L'entreprise" opening a paragraph is the organisation the text is about, not the last name
// of the paragraph before.
TEST(ExtractGeneral, ParagraphOpeningCompanyIsTheMainOrganisation) {
  const auto facts = Facts(
      "Ivoire Cacao Transformation a signé une convention. Ivoire Cacao Transformation "
      "approvisionne plusieurs chocolatiers. Brunner & Söhne contrôle 85 % de sa filiale.\n\n"
      "Créée en 2008, l'entreprise emploie 900 salariés.",
      "fr");
  EXPECT_TRUE(Has(facts, "Ivoire Cacao Transformation employees 900 stated"))
      << ::testing::PrintToString(facts);
  EXPECT_FALSE(Has(facts, "Brunner & Söhne employees 900 stated"));
}

TEST(ExtractGeneral, SubjectsBehindAppositionsAndDescriptors) {
  auto facts = Facts("Kestrel Motors, a supplier to Ferrovia Systems, is based in Leeds.", "en");
  EXPECT_TRUE(Has(facts, "Kestrel Motors located_in Leeds stated"));
  EXPECT_FALSE(Has(facts, "Ferrovia Systems located_in Leeds stated"));
  facts = Facts("Pune-based Sahyadri Gears, founded in 1991, employs 1,300 people.", "en");
  EXPECT_TRUE(Has(facts, "Sahyadri Gears employees 1300 stated"));
  facts = Facts(
      "Rabat, le 8 avril 2025 – Le fabricant de pièces en matériaux composites Atlas Composites "
      "Aéro emploie 420 personnes.",
      "fr");
  EXPECT_TRUE(Has(facts, "Atlas Composites Aéro employees 420 stated"));
}

// A city before a descriptor locates the company; a country or a state does not (annotators
// keep those for "based in").
TEST(ExtractGeneral, PlaceDescriptorsGiveCityLocationsOnly) {
  auto facts = Facts(
      "Atlas Composites won a contract from Toulouse aircraft structures maker Skyvane "
      "Aerostructures.",
      "en");
  EXPECT_TRUE(Has(facts, "Skyvane Aerostructures located_in Toulouse stated"));
  facts =
      Facts("Kelvin denied selling Orbital Forge to US defence contractor Vantor Defense.", "en");
  EXPECT_FALSE(Has(facts, "Vantor Defense located_in US stated"));
}

TEST(ExtractGeneral, FrenchCityAdjectivesLocateTheCompany) {
  auto facts = Facts(
      "Elle appartient au groupe lyonnais Altaris Industries. Le Valenciennois Ferrovia Systèmes a "
      "été retenu par la Région Hauts-de-France pour moderniser 18 rames.",
      "fr");
  EXPECT_TRUE(Has(facts, "Altaris Industries located_in Lyon stated"));
  EXPECT_TRUE(Has(facts, "Ferrovia Systèmes located_in Valenciennes stated"))
      << ::testing::PrintToString(facts);
  facts = Facts("Les clients parisiens de Renault Trucks sont satisfaits.", "fr");
  EXPECT_FALSE(Has(facts, "Renault Trucks located_in Paris stated"));
}

// "…, ont indiqué les deux sociétés": the companies speak, not the person named before.
TEST(ExtractGeneral, OrganisationEndingTheSpeakerPhraseIsTheSpeaker) {
  const auto facts = Facts(
      "Rajesh Joshi, directeur général de Sahyadri Gears, restera aux commandes, ont indiqué les "
      "deux sociétés.",
      "fr");
  EXPECT_TRUE(Has(facts, "Rajesh Joshi has_role_at Sahyadri Gears stated"));
  EXPECT_FALSE(Has(facts, "Rajesh Joshi quoted_in (doc) stated"));
}

TEST(ExtractGeneral, FrenchMinistryNamesListTheirPortfolios) {
  const auto facts = Facts(
      "Ivoire Cacao Transformation a signé avec le ministère de l'Agriculture, du Développement "
      "rural et des Productions vivrières une convention d'investissement.",
      "fr");
  EXPECT_TRUE(
      Has(facts,
          "Ivoire Cacao Transformation signed_agreement_with ministère de l'Agriculture, du "
          "Développement rural et des Productions vivrières stated"))
      << ::testing::PrintToString(facts);
}

// "(AFP)" credits the story; "JSE-listed X" is X; "Teranga Pay and Banque Y (BY)" is two names.
TEST(ExtractGeneral, AgenciesCompoundsAndCoordinatedAcronyms) {
  auto facts = Facts(
      "DAKAR, 6 novembre 2024 (AFP) — Le groupe bancaire sénégalais Teranga Capital Bank a "
      "finalisé "
      "l'acquisition de 62 % d'Ivoire Crédit Populaire.",
      "fr");
  EXPECT_TRUE(Has(facts, "Teranga Capital Bank acquired Ivoire Crédit Populaire stated"))
      << ::testing::PrintToString(facts);
  EXPECT_FALSE(Has(facts, "AFP acquired Ivoire Crédit Populaire stated"));
  facts = Facts(
      "Fynbos Fresh, a unit of JSE-listed Langeberg Retail Holdings, runs 188 stores and employs "
      "14,500 people.",
      "en");
  EXPECT_TRUE(Has(facts, "Fynbos Fresh subsidiary_of Langeberg Retail Holdings stated"));
  EXPECT_TRUE(Has(facts, "Fynbos Fresh employees 14500 stated"));
  facts = Facts(
      "Senegalese fintech Teranga Pay and Banque Sahélienne de Crédit (BSC) on Monday announced a "
      "joint venture called Sahel Wallet.",
      "en");
  EXPECT_TRUE(Has(facts, "Teranga Pay owns Sahel Wallet stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Banque Sahélienne de Crédit owns Sahel Wallet stated"));
  EXPECT_TRUE(Has(facts, "Teranga Pay partner_of Banque Sahélienne de Crédit stated"));
}

// "About X" on its own line is a heading: the name does not run into the next line.
TEST(ExtractGeneral, HeadingLinesEndTheirSentence) {
  const auto facts = Facts(
      "Lumbrik Software signed a deal.\n\nAbout Lumbrik Software\nEstablished in 2009, Lumbrik "
      "Software employs 390 people.",
      "en");
  EXPECT_TRUE(Has(facts, "Lumbrik Software employees 390 stated"))
      << ::testing::PrintToString(facts);
  const auto entities = Entities("About Lumbrik Software\nEstablished in 2009, it grew.", "en");
  for (const std::string& e : entities) EXPECT_EQ(e.find("Established"), std::string::npos) << e;
}

// A city before a company noun is a place ("a Kraków company", "une société de Cracovie").
TEST(ExtractGeneral, CityBeforeACompanyNounIsAPlace) {
  auto entities = Entities("Wiśniewski Labs, a Kraków company, builds fraud detection.", "en");
  EXPECT_TRUE(Has(entities, "place:Kraków")) << ::testing::PrintToString(entities);
  entities = Entities("Wiśniewski Labs, une société de Cracovie, détecte la fraude.", "fr");
  EXPECT_TRUE(Has(entities, "place:Cracovie")) << ::testing::PrintToString(entities);
}

// "Le groupe italien" is the organisation introduced as Italian, not the last one named.
TEST(ExtractGeneral, NationalityAnaphorFindsItsOrganisation) {
  const auto facts = Facts(
      "Sfax Câblage Industries, filiale de l'équipementier italien Gruppo Vettori, a inauguré une "
      "usine. « El Jem nous rapproche d'un bassin d'emploi », a expliqué Lotfi Ben Salah, "
      "directeur "
      "général de Sfax Câblage Industries. Le groupe italien, dont le siège est situé à Turin, a "
      "réalisé en 2024 un chiffre d'affaires de 870 millions d'euros.",
      "fr");
  EXPECT_TRUE(Has(facts, "Gruppo Vettori headquartered_in Turin stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Gruppo Vettori revenue 870000000 stated"));
  EXPECT_TRUE(Has(facts, "Lotfi Ben Salah has_role_at Sfax Câblage Industries stated"));
}

// "Clotaire Le Goff": a capitalised particle inside a surname.
TEST(ExtractGeneral, SurnameParticlesStayInTheName) {
  const auto facts = Facts(
      "« Nous grandissons », insiste Clotaire Le Goff, directeur général de Mutuelle Armor.", "fr");
  EXPECT_TRUE(Has(facts, "Clotaire Le Goff quoted_in (doc) stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Clotaire Le Goff has_role_at Mutuelle Armor stated"));
}

// An organisation invested in stays an organisation: its later facts are kept.
TEST(ExtractGeneral, InvestedOrganisationStaysAnOrganisation) {
  const auto facts = Facts(
      "Baobab Ventures is investing CFA 4 billion in Teranga Pay.\n\nFounded in 2019, Teranga Pay "
      "is headquartered in Dakar and has 85 employees. Teranga Pay is already present in Senegal "
      "and Mali.",
      "en");
  EXPECT_TRUE(Has(facts, "Baobab Ventures invests_in Teranga Pay stated"));
  EXPECT_TRUE(Has(facts, "Teranga Pay headquartered_in Dakar stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Teranga Pay employees 85 stated"));
  EXPECT_TRUE(Has(facts, "Teranga Pay located_in Mali stated"));
}

TEST(ExtractGeneral, AppointmentsOwnershipAndChoices) {
  auto facts = Facts(
      "Hydrelia SA annonce la nomination d'Anne-Gaëlle Kerhervé-Lambert au poste de directrice "
      "régionale. Tours Métropole a choisi Hydrelia SA pour exploiter son réseau d'eau potable.",
      "fr");
  EXPECT_TRUE(Has(facts, "Anne-Gaëlle Kerhervé-Lambert has_role_at Hydrelia SA stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Hydrelia SA supplier_of Tours Métropole stated"));
  facts = Facts(
      "Indocean Terminals Ltd, a wholly owned subsidiary of Konkan Marine Holdings, signed a deal. "
      "Skarvik Media Group, which is majority-owned by the Ekelund Foundation, runs radio "
      "stations. Lindqvist Line has already chosen Indocean Terminals Ltd for its calls.",
      "en");
  EXPECT_TRUE(Has(facts, "Indocean Terminals Ltd subsidiary_of Konkan Marine Holdings stated"))
      << ::testing::PrintToString(facts);
  EXPECT_TRUE(Has(facts, "Ekelund Foundation owns Skarvik Media Group stated"));
  EXPECT_TRUE(Has(facts, "Indocean Terminals Ltd has_client Lindqvist Line stated"));
}

// "X plc (LSE: HDS), the maker of ..., has been awarded": the ticker names no party and the name
// before it stays the subject; a headquarters is not repeated as a location.
TEST(ExtractGeneral, TickersAppositionsAndHeadquarters) {
  auto facts = Facts(
      "London, 14 October 2025 – Harrowgate Defence Systems plc (LSE: HDS), the maker of radar "
      "systems, has been awarded a £210 million contract by the Ministry of Defence.",
      "en");
  EXPECT_TRUE(Has(facts, "Harrowgate Defence Systems plc has_client Ministry of Defence stated"))
      << ::testing::PrintToString(facts);
  for (const std::string& f : facts) EXPECT_EQ(f.find("LSE"), std::string::npos) << f;
  facts = Facts("Sylvatech Solutions Inc., whose head office is located in Laval, grew.", "en");
  EXPECT_TRUE(Has(facts, "Sylvatech Solutions Inc. headquartered_in Laval stated"))
      << ::testing::PrintToString(facts);
  EXPECT_FALSE(Has(facts, "Sylvatech Solutions Inc. located_in Laval stated"));
}

}  // namespace
}  // namespace presskg::ingest
