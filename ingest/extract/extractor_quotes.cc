// Quotes: persons quoted in the document, with the quote and the speaker's organisation.

#include "ingest/extract/extractor_internal.h"

namespace presskg::ingest::internal {

namespace {

constexpr std::string_view kSpeechVerbs[] = {
    "declare",    "indique",    "souligne",   "ajoute",    "explique",  "precise",   "affirme",
    "salue",      "estime",     "commente",   "insiste",   "assure",    "confie",    "rappele",
    "note",       "observe",    "poursuit",   "conclut",   "temoigne",  "annonce",   "said",
    "says",       "added",      "stressed",   "explained", "noted",     "commented", "told",
    "insisted",   "argued",     "remarked",   "declared",  "indicated", "welcomed",  "hailed",
    "emphasised", "emphasized", "underlined", "souligne",  "declarait", "a-t-il",    "a-t-elle"};

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
    for (std::size_t k = v + 1; k < items.size() && k < v + 14; ++k) {
      if (items[k].IsPunct("\"") || items[k].IsPunct(";") || items[k].IsWord("que") ||
          items[k].IsWord("qu'") || items[k].IsWord("that")) {
        break;
      }
      if (person_at(k) >= 0) {
        speaker = person_at(k);
        break;
      }
      if (intro && k > v + 3) break;
    }
    if (speaker >= 0 || intro) continue;
    // Before the verb: "R Mezzour a déclaré", "Redhawk Chairman and CEO Maria Delgado said".
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
