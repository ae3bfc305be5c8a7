#pragma once

// Internals of FindMentions (mentions.h): the per-sentence name scanner, whose steps are defined
// by concept in mentions.cc, mentions_names.cc and mentions_places.cc. Not for use outside them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/extract/lexicon.h"
#include "ingest/extract/mentions.h"
#include "ingest/extract/token.h"

namespace presskg::ingest::internal {

using graph::NodeKind;

// True when `t` is the punctuation mark `p`.
inline bool IsPunct(const Token& t, std::string_view p) {
  return t.type == TokenType::kPunct && t.text == p;
}

// True when `t` is a hyphen, an en dash or an em dash.
inline bool IsDash(const Token& t) {
  return t.type == TokenType::kPunct && (t.text == "-" || t.text == "–" || t.text == "—");
}

// Finds the mentions of one sentence: FindMentions builds one and calls Run() once.
class MentionFinder {
 public:
  MentionFinder(const std::vector<Token>& tokens, std::string_view sentence, std::string_view lang);

  std::vector<MentionSpan> Run();

 private:
  // ---- token tests (inline) ---------------------------------------------------------------------
  bool AtStart(std::size_t i) const {
    if (i == 0) return true;
    const Token& p = t_[i - 1];
    return IsPunct(p, "\"") || IsPunct(p, "(") || IsPunct(p, ":") || (IsDash(p) && p.space_before);
  }
  bool IsWord(std::size_t i) const { return i < t_.size() && t_[i].type == TokenType::kWord; }
  // Whether token i is in the word list of `flag` (Lexicon::WordFlag), looked up once per token.
  bool Has(std::size_t i, std::uint32_t flag) const { return (flags_[i] & flag) != 0; }
  // A capitalised word that can be part of a name.
  bool IsNameWord(std::size_t i) const {
    if (!IsWord(i) || !t_[i].capitalized) return false;
    if (Has(i, Lexicon::kNotName)) return false;
    if (t_[i].fold == "'s") return false;
    return true;
  }
  bool IsLegalForm(std::size_t i) const { return IsWord(i) && Has(i, Lexicon::kLegalForm); }
  std::string Text(std::size_t begin, std::size_t end) const {
    return std::string(sentence_.substr(t_[begin].begin, t_[end - 1].end - t_[begin].begin));
  }

  // ---- scanning: mentions.cc --------------------------------------------------------------------
  void AddMention(std::size_t begin, std::size_t name_begin, std::size_t end, NodeKind kind,
                  bool certain);
  // A stock exchange's short name before a ticker ("NSE", "Nasdaq"), folded.
  static bool IsStockExchange(std::string_view fold);
  // A news agency's name ("AFP", "Reuters"), folded.
  static bool IsNewsAgency(std::string_view fold);
  // Scans from token i; returns the next position.
  std::size_t Step(std::size_t i, std::size_t limit);

  // ---- organisation and institution names: mentions_names.cc ------------------------------------
  // Connector length at i ("de", "de la", "d'", "of", "of the", "and", "et du", "&"), or 0.
  std::size_t Connector(std::size_t i, bool* coordinating) const;
  bool RunHasInstitutionCue(std::size_t begin, std::size_t end) const;
  // End of a plain capitalised run starting at i (words, initials, "&" between names).
  std::size_t PlainRun(std::size_t i) const;
  bool IsAcronymAt(std::size_t i) const;
  // A capitalised particle that can sit inside a surname ("Le" in "Clotaire Le Goff"), folded.
  static bool IsSurnameParticle(std::string_view fold);
  // French institutional names run on through lower-case words after connectors:
  // "Agence marocaine de développement des investissements et des exportations".
  std::size_t ExtendInstitution(std::size_t j) const;
  // Whether the comma-separated portfolios from token `from` end with "et" and a connector before
  // a capitalised word ("…, du Développement rural et des Productions vivrières").
  bool ListClosesWithEt(std::size_t from) const;
  static bool EndsWith(std::string_view s, std::string_view suffix);
  static bool IsAdjective(std::string_view f);
  // Extends a capitalised run over connectors when the result is one name.
  std::size_t ExtendRun(std::size_t begin, std::size_t end) const;
  // The nearest institution cue before `from` ("Banque", "ministère") over lower-case words,
  // within 14 words and not across "à", "avec", "with"...; `from` when there is none.
  std::size_t InstitutionCueBefore(std::size_t from) const;
  // Names followed by "(ACRONYM)", found first so that the forward scan does not cut them.
  void FindAcronymNames();

  // ---- places: mentions_places.cc ---------------------------------------------------------------
  // True when a place name may start at token i: after a locative preposition ("à", "in"),
  // after "de" / "of" that follows a place noun ("la ville de", "the city of"), in a list after
  // a place ("à Tarfaya et Essaouira"), before "-based", or as a dateline ("Tanger, 14 mars").
  bool Locative(std::size_t i) const;
  // Folded words of tokens [begin, end), at most `max` of them.
  std::vector<std::string_view> Folds(std::size_t begin, std::size_t end,
                                      std::size_t max = 6) const;
  // The tokens "du", "de la", "de l'", "des" ending at `end` (exclusive), or 0.
  std::size_t DeBefore(std::size_t end) const;
  // A place named by a compass word coordinated with another one, the shared part written once:
  // "North and West Africa" (the first word: "North Africa"), "Afrique du Nord et de l'Ouest"
  // (the last: "Afrique de l'Ouest"). Adds the place named in full and returns its end, or 0.
  std::size_t EllipticPlace(std::size_t i, std::size_t limit);

  const std::vector<Token>& t_;
  std::string_view sentence_;
  bool french_;
  const Lexicon& lex_;
  std::vector<std::uint32_t> flags_;  // Lexicon::FoldFlags | WrittenFlags of each token
  std::vector<MentionSpan> fixed_;
  std::vector<MentionSpan> out_;
};

}  // namespace presskg::ingest::internal
