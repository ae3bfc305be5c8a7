#include "ingest/text/abbreviations.h"

namespace presskg::ingest {
namespace {

using K = AbbreviationKind;

// Titles, company forms, months, places: the period after them rarely or never ends a sentence.
constexpr Abbreviation kAbbreviations[] = {
    // French titles: "M. Dupont", "MM. Durand et Martin", "Mme. Leroy", "Me. Bernard (avocat)".
    {"fr", "M.", K::kAlways},
    {"fr", "MM.", K::kAlways},
    {"fr", "Mme.", K::kAlways},
    {"fr", "Mmes.", K::kAlways},
    {"fr", "Mlle.", K::kAlways},
    {"fr", "Mlles.", K::kAlways},
    {"fr", "Me.", K::kAlways},
    {"fr", "Pr.", K::kAlways},
    {"fr", "Dr.", K::kAlways},
    {"fr", "Mgr.", K::kAlways},
    {"fr", "St.", K::kAlways},
    {"fr", "Ste.", K::kAlways},
    {"fr", "av.", K::kAlways},
    {"fr", "bd.", K::kAlways},
    {"fr", "cf.", K::kAlways},
    {"fr", "env.", K::kAlways},
    {"fr", "p.", K::kBeforeDigit},
    {"fr", "n.", K::kBeforeDigit},
    {"fr", "No.", K::kBeforeDigit},
    {"fr", "art.", K::kBeforeDigit},
    {"fr", "janv.", K::kBeforeDigit},
    {"fr", "févr.", K::kBeforeDigit},
    {"fr", "avr.", K::kBeforeDigit},
    {"fr", "juil.", K::kBeforeDigit},
    {"fr", "sept.", K::kBeforeDigit},
    {"fr", "oct.", K::kBeforeDigit},
    {"fr", "nov.", K::kBeforeDigit},
    {"fr", "déc.", K::kBeforeDigit},
    // French company forms and amounts: "Renault S.A. Le groupe" ends, "13 Mrds. DH" does not.
    {"fr", "S.A.", K::kUnlessStarter},
    {"fr", "SA.", K::kUnlessStarter},
    {"fr", "S.A.S.", K::kUnlessStarter},
    {"fr", "S.A.R.L.", K::kUnlessStarter},
    {"fr", "Cie.", K::kUnlessStarter},
    {"fr", "Mrds.", K::kUnlessStarter},
    {"fr", "Mds.", K::kUnlessStarter},
    {"fr", "Mrd.", K::kUnlessStarter},
    {"fr", "Md.", K::kUnlessStarter},
    {"fr", "etc.", K::kUnlessStarter},
    // English titles: "Mr. Smith", "Dr. Jones", "St. Louis", "vs. Acme".
    {"en", "Mr.", K::kAlways},
    {"en", "Mrs.", K::kAlways},
    {"en", "Ms.", K::kAlways},
    {"en", "Messrs.", K::kAlways},
    {"en", "Dr.", K::kAlways},
    {"en", "Prof.", K::kAlways},
    {"en", "Sr.", K::kAlways},
    {"en", "St.", K::kAlways},
    {"en", "Mt.", K::kAlways},
    {"en", "Ft.", K::kAlways},
    {"en", "Gen.", K::kAlways},
    {"en", "Gov.", K::kAlways},
    {"en", "Sen.", K::kAlways},
    {"en", "Rep.", K::kAlways},
    {"en", "Rev.", K::kAlways},
    {"en", "Hon.", K::kAlways},
    {"en", "Capt.", K::kAlways},
    {"en", "Col.", K::kAlways},
    {"en", "Lt.", K::kAlways},
    {"en", "Sgt.", K::kAlways},
    {"en", "Adm.", K::kAlways},
    {"en", "Pres.", K::kAlways},
    {"en", "vs.", K::kAlways},
    {"en", "e.g.", K::kAlways},
    {"en", "i.e.", K::kAlways},
    {"en", "approx.", K::kAlways},
    // English numbers and dates: "No. 1", "Sept. 3, 2024", "Aug. 12".
    {"en", "No.", K::kBeforeDigit},
    {"en", "Nos.", K::kBeforeDigit},
    {"en", "Vol.", K::kBeforeDigit},
    {"en", "p.", K::kBeforeDigit},
    {"en", "pp.", K::kBeforeDigit},
    {"en", "Jan.", K::kBeforeDigit},
    {"en", "Feb.", K::kBeforeDigit},
    {"en", "Mar.", K::kBeforeDigit},
    {"en", "Apr.", K::kBeforeDigit},
    {"en", "Jun.", K::kBeforeDigit},
    {"en", "Jul.", K::kBeforeDigit},
    {"en", "Aug.", K::kBeforeDigit},
    {"en", "Sep.", K::kBeforeDigit},
    {"en", "Sept.", K::kBeforeDigit},
    {"en", "Oct.", K::kBeforeDigit},
    {"en", "Nov.", K::kBeforeDigit},
    {"en", "Dec.", K::kBeforeDigit},
    // English company forms and US states: "Acme Inc. The company" ends, "Wichita, Kan. Governor"
    // and "the U.S. Department" do not.
    {"en", "Inc.", K::kUnlessStarter},
    {"en", "Ltd.", K::kUnlessStarter},
    {"en", "Corp.", K::kUnlessStarter},
    {"en", "Co.", K::kUnlessStarter},
    {"en", "Cos.", K::kUnlessStarter},
    {"en", "Bros.", K::kUnlessStarter},
    {"en", "Plc.", K::kUnlessStarter},
    {"en", "LLC.", K::kUnlessStarter},
    {"en", "Jr.", K::kUnlessStarter},
    {"en", "etc.", K::kUnlessStarter},
    {"en", "U.S.", K::kUnlessStarter},
    {"en", "U.K.", K::kUnlessStarter},
    {"en", "Ala.", K::kUnlessStarter},
    {"en", "Ariz.", K::kUnlessStarter},
    {"en", "Ark.", K::kUnlessStarter},
    {"en", "Calif.", K::kUnlessStarter},
    {"en", "Colo.", K::kUnlessStarter},
    {"en", "Conn.", K::kUnlessStarter},
    {"en", "Del.", K::kUnlessStarter},
    {"en", "Fla.", K::kUnlessStarter},
    {"en", "Ga.", K::kUnlessStarter},
    {"en", "Ill.", K::kUnlessStarter},
    {"en", "Ind.", K::kUnlessStarter},
    {"en", "Kan.", K::kUnlessStarter},
    {"en", "Kans.", K::kUnlessStarter},
    {"en", "Ky.", K::kUnlessStarter},
    {"en", "La.", K::kUnlessStarter},
    {"en", "Md.", K::kUnlessStarter},
    {"en", "Mass.", K::kUnlessStarter},
    {"en", "Mich.", K::kUnlessStarter},
    {"en", "Minn.", K::kUnlessStarter},
    {"en", "Miss.", K::kUnlessStarter},
    {"en", "Mo.", K::kUnlessStarter},
    {"en", "Mont.", K::kUnlessStarter},
    {"en", "Neb.", K::kUnlessStarter},
    {"en", "Nev.", K::kUnlessStarter},
    {"en", "Okla.", K::kUnlessStarter},
    {"en", "Ore.", K::kUnlessStarter},
    {"en", "Pa.", K::kUnlessStarter},
    {"en", "Tenn.", K::kUnlessStarter},
    {"en", "Tex.", K::kUnlessStarter},
    {"en", "Va.", K::kUnlessStarter},
    {"en", "Vt.", K::kUnlessStarter},
    {"en", "Wash.", K::kUnlessStarter},
    {"en", "Wis.", K::kUnlessStarter},
    {"en", "Wyo.", K::kUnlessStarter},
};

// Words that commonly open a sentence; before them an ambiguous abbreviation ends the sentence.
struct Starter {
  std::string_view lang;
  std::string_view word;
};
constexpr Starter kStarters[] = {
    {"fr", "Le"},          {"fr", "La"},         {"fr", "Les"},    {"fr", "L'"},
    {"fr", "L’"},          {"fr", "Un"},         {"fr", "Une"},    {"fr", "Des"},
    {"fr", "Il"},          {"fr", "Elle"},       {"fr", "Ils"},    {"fr", "Elles"},
    {"fr", "Ce"},          {"fr", "Cet"},        {"fr", "Cette"},  {"fr", "Ces"},
    {"fr", "C'"},          {"fr", "C’"},         {"fr", "Cela"},   {"fr", "Nous"},
    {"fr", "On"},          {"fr", "En"},         {"fr", "Dans"},   {"fr", "Pour"},
    {"fr", "Par"},         {"fr", "Avec"},       {"fr", "Selon"},  {"fr", "Après"},
    {"fr", "Avant"},       {"fr", "Depuis"},     {"fr", "Au"},     {"fr", "Aux"},
    {"fr", "Du"},          {"fr", "De"},         {"fr", "D'"},     {"fr", "D’"},
    {"fr", "Son"},         {"fr", "Sa"},         {"fr", "Ses"},    {"fr", "Leur"},
    {"fr", "Leurs"},       {"fr", "Notre"},      {"fr", "Nos"},    {"fr", "Et"},
    {"fr", "Mais"},        {"fr", "Lors"},       {"fr", "Ainsi"},  {"fr", "Enfin"},
    {"fr", "Outre"},       {"fr", "Fondé"},      {"fr", "Fondée"}, {"fr", "Créé"},
    {"fr", "Créée"},       {"fr", "Basé"},       {"fr", "Basée"},  {"fr", "Aujourd'hui"},
    {"fr", "Aujourd’hui"}, {"en", "The"},        {"en", "This"},   {"en", "That"},
    {"en", "These"},       {"en", "Those"},      {"en", "It"},     {"en", "Its"},
    {"en", "He"},          {"en", "She"},        {"en", "We"},     {"en", "They"},
    {"en", "I"},           {"en", "Our"},        {"en", "His"},    {"en", "Her"},
    {"en", "Their"},       {"en", "There"},      {"en", "A"},      {"en", "An"},
    {"en", "In"},          {"en", "On"},         {"en", "At"},     {"en", "For"},
    {"en", "With"},        {"en", "As"},         {"en", "But"},    {"en", "And"},
    {"en", "According"},   {"en", "After"},      {"en", "Before"}, {"en", "Under"},
    {"en", "Since"},       {"en", "While"},      {"en", "When"},   {"en", "Following"},
    {"en", "Founded"},     {"en", "Based"},      {"en", "Today"},  {"en", "However"},
    {"en", "Meanwhile"},   {"en", "Separately"}, {"en", "Last"},   {"en", "Earlier"},
    {"en", "Also"},
};

bool LangMatches(std::string_view entry_lang, std::string_view lang) {
  return lang.empty() || entry_lang == lang;
}

}  // namespace

const Abbreviation* FindAbbreviation(std::string_view token, std::string_view lang) {
  for (const Abbreviation& entry : kAbbreviations) {
    if (entry.text == token && LangMatches(entry.lang, lang)) return &entry;
  }
  return nullptr;
}

bool IsSentenceStarter(std::string_view word, std::string_view lang) {
  for (const Starter& entry : kStarters) {
    if (!LangMatches(entry.lang, lang)) continue;
    if (entry.word == word) return true;
    // Elided articles match as prefixes: "L'entreprise", "D’ici".
    if ((entry.word.ends_with('\'') || entry.word.ends_with("’")) && word.starts_with(entry.word)) {
      return true;
    }
  }
  return false;
}

}  // namespace presskg::ingest
