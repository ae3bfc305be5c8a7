// Quotes: persons quoted in the document, with the quote and the speaker's organisation.

#include "ingest/extract/extractor_internal.h"
#include "ingest/extract/word_in.h"

namespace presskg::ingest::internal {

namespace {

constexpr std::string_view kSpeechVerbs[] = {
    "declare",    "indique",    "souligne",   "ajoute",    "explique",  "precise",   "affirme",
    "salue",      "estime",     "commente",   "insiste",   "assure",    "confie",    "rappele",
    "note",       "observe",    "poursuit",   "conclut",   "temoigne",  "annonce",   "said",
    "says",       "added",      "stressed",   "explained", "noted",     "commented", "told",
    "insisted",   "argued",     "remarked",   "declared",  "indicated", "welcomed",  "hailed",
    "emphasised", "emphasized", "underlined", "souligne",  "declarait", "a-t-il",    "a-t-elle",
    "explains",   "adds",       "notes",      "comments",  "stresses",  "insists",   "felicite",
    "rappelle",   "detaille",   "resume",     "martele",   "raconte",   "felicitee", "rejouit",
    "rejouie",    "rejoui"};

// Words between a speaker and the speech verb: "R Mezzour a déclaré", "Stone also said".
constexpr std::string_view kBeforeVerb[] = {
    "a",     "ont",      "avait",   "avaient",  "aurait",   "has",    "have",  "had",
    "also",  "further",  "earlier", "later",    "previously", "recently", "today", "yesterday",
    "aussi", "egalement", "encore", "d'ailleurs", "lui", "elle", "il", "then", "ensuite",
    "part",  "pour",      "sa",     "son",        "quant", "for", "his", "her"};
constexpr std::string_view kOfWords[] = {"de", "d'", "du", "des", "of", "at", "chez"};

const WordList& SpeechVerbs() {
  static const WordList* const list = new WordList(kSpeechVerbs);
  return *list;
}

}  // namespace

void DocumentExtractor::ApplyQuotes(std::size_t si, const std::vector<Item>& items) {
  const SentenceData& s = sentences_[si];
  std::string quote;
  {
    const std::string& text = s.norm->text();
    const std::size_t a = text.find('"');
    const std::size_t b = a == std::string::npos ? a : text.find('"', a + 1);
    if (b != std::string::npos) quote = text.substr(a + 1, b - a - 1);
  }
  auto person_at = [&](std::size_t k) -> int {
    const Item& it = items[k];
    if (it.type == Item::Type::kEntity && it.entity >= 0 && it.kind == NodeKind::kPerson) {
      return it.entity;
    }
    return -1;
  };
  int speaker = -1;
  for (std::size_t v = 0; v < items.size() && speaker < 0; ++v) {
    const Item& it = items[v];
    const bool verb = (it.type == Item::Type::kWord && SpeechVerbs().Contains(it.fold)) ||
                      (it.anaphor && (it.fold == "a-t-il" || it.fold == "a-t-elle"));
    const bool intro =
        (it.IsWord("pour") || it.IsWord("for") || it.IsWord("selon") || it.IsWord("according")) &&
        !quote.empty();
    if (!verb && !intro) continue;
    if (it.anaphor && it.entity >= 0 && it.kind == NodeKind::kPerson) {
      speaker = it.entity;
      break;
    }
    // After the verb: "a déclaré Karim Bennani", "said Nordis Telecom's chief executive, Omar
    // Chraibi".
    bool org_speaks = false;
    for (std::size_t k = v + 1; k < items.size() && k < v + 14; ++k) {
      if (items[k].IsPunct("\"") || items[k].IsPunct(";") || items[k].IsWord("que") ||
          items[k].IsWord("qu'") || items[k].IsWord("that")) {
        break;
      }
      if (person_at(k) >= 0) {
        speaker = person_at(k);
        break;
      }
      // "…, ont indiqué les deux sociétés": an organisation ending the phrase speaks; one that
      // qualifies the speaker does not ("said Corvanta chief executive X", "le directeur de X").
      if (items[k].type == Item::Type::kEntity && items[k].kind != NodeKind::kPerson &&
          (k + 1 >= items.size() || items[k + 1].IsPunct(".") || items[k + 1].IsPunct(",")) &&
          !(k > 0 && In(items[k - 1].fold, kOfWords))) {
        org_speaks = true;
        break;
      }
      if (intro && k > v + 3) break;
    }
    if (speaker >= 0 || intro || org_speaks) continue;
    // Before the verb: "R Mezzour a déclaré", "Redhawk Chairman and CEO Maria Delgado said".
    // "…, the companies said": a common noun or an organisation says it.
    if (v > 0 && ((items[v - 1].type == Item::Type::kWord && !In(items[v - 1].fold, kBeforeVerb)) ||
                  (items[v - 1].IsEntity() && items[v - 1].kind != NodeKind::kPerson))) {
      continue;
    }
    for (std::size_t k = v; k > 0 && k + 16 > v; --k) {
      if (items[k - 1].IsPunct("\"") || items[k - 1].IsPunct(";")) break;
      if (person_at(k - 1) >= 0) {
        speaker = person_at(k - 1);
        break;
      }
    }
  }
  if (speaker < 0) return;
  last_speaker_ = speaker;
  last_speaker_sentence_ = si;
  std::map<std::string, std::string> props;
  props["quote"] = quote.empty() ? s.norm->text() : quote;
  AddFact(speaker, "quoted_in", -2, props,
          MakeEvidence(si, lang_ + ".quoted_in.speech_verb", FactStatus::kStated, 0.9F));
}

}  // namespace presskg::ingest::internal
