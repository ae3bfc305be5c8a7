#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/extract/token.h"

namespace presskg::ingest {

// A name found in a sentence, before document-level resolution.
struct MentionSpan {
  std::size_t begin = 0;  // token range [begin, end) covered (title included)
  std::size_t end = 0;
  graph::NodeKind kind = graph::NodeKind::kOrganization;
  std::string name;     // as written, without a title ("Karim Bennani" for "M. Karim Bennani")
  std::string acronym;  // "APA" for "Atlas Précision Aéro (APA)"; the span then covers ")"
  bool certain = true;  // false: a guess (single capitalised word, unknown multi-word run)
  bool sentence_initial = false;  // a single word opening the sentence: needs confirmation
  bool titled = false;            // "M. Tazi", "Dr Aileen Fraser"
};

// Finds organisation, person and place names in the tokens of one sentence, left to right and
// non-overlapping: capitalised and ALL-CAPS runs with legal forms ("Lémanis Pharma SA"),
// institutional names ("ministère de l'Industrie et du Commerce"), names with a parenthesised
// acronym, titled and initialled persons ("M. Tazi", "J.M Boulard", "P.-Y. Lemoine"), persons
// opening with a known first name, places from the gazetteer and site names ("Rabat
// Technopolis"). Two first names sharing a surname give two persons ("Mehdi et Anas Lahlou").
std::vector<MentionSpan> FindMentions(const std::vector<Token>& tokens, std::string_view sentence,
                                      std::string_view lang);

// Retypes as persons the unsure organisation names (two to four capitalised words, no cue) of one
// sentence that their context shows to be persons: followed by a role ("Koffi Yao N'Guessan,
// directeur général d'ICT"; "X, the company's former chairman"), ", who" or an age (", 52 ans,");
// preceded by a role, with or without its organisation ("the chief executive of ICT, X"), or a
// kinship noun ("His father, Vinod Joshi"). FindMentions calls it.
void RetypePersonsInSentence(const std::vector<Token>& tokens, std::vector<MentionSpan>* mentions);

// Across a document (`tokens[s]` and `mentions[s]` for each sentence s): retypes as persons the
// unsure organisation names that are a person's name in another sentence, or that end with the
// name of a titled or one-word person ("Founded by Aminata Sow, ..." then "Ms Sow said").
void RetypePersonsInDocument(const std::vector<const std::vector<Token>*>& tokens,
                             const std::vector<std::vector<MentionSpan>*>& mentions);

}  // namespace presskg::ingest
