// Person names without a known first name, recognised from their context: unsure organisation
// mentions that a role, a kinship noun, an age or "who" show to be persons, in a sentence and then
// across a document.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/extract/lexicon.h"
#include "ingest/extract/mentions.h"
#include "ingest/extract/mentions_internal.h"
#include "ingest/extract/token.h"
#include "ingest/extract/word_in.h"

namespace presskg::ingest {
namespace {

using graph::NodeKind;

// Words that may stand between a name's comma and its role: "X, the company's former chairman".
constexpr std::string_view kBeforeRole[] = {
    "the",      "a",        "an",       "le",       "la",      "l'",       "son",
    "sa",       "its",      "his",      "her",      "their",   "our",      "notre",
    "leur",     "company",  "group",    "firm",     "bank",    "'s",       "former",
    "ancien",   "ancienne", "current",  "new",      "nouveau", "nouvelle", "actuel",
    "actuelle", "interim",  "founding", "longtime", "deputy",  "co",       "-"};
constexpr std::string_view kKinship[] = {
    "father", "mother", "son",    "daughter", "brother", "sister", "wife",  "husband",
    "widow",  "pere",   "mere",   "fils",     "fille",   "frere",  "soeur", "epouse",
    "mari",   "veuve",  "cousin", "uncle",    "oncle",   "nephew", "neveu"};
constexpr std::string_view kPredicate[] = {
    "is",     "was",     "are",     "were",     "remains", "remained",  "still",
    "become", "becomes", "became",  "who",      "which",   "est",       "etait",
    "reste",  "restera", "demeure", "toujours", "devient", "deviendra", "qui",
    "dont",   "whose",   "as",      "comme"};
constexpr std::string_view kOf[] = {"de", "d'", "du", "of", "at", "chez"};

// Number of tokens of the role phrase starting at token i, or 0.
std::size_t RoleAt(const std::vector<Token>& t, std::size_t i) {
  const Lexicon& lex = Lexicon::Get();
  if (i >= t.size() || t[i].type != TokenType::kWord || !lex.MayStartRole(t[i].fold)) return 0;
  std::vector<std::string_view> words;
  for (std::size_t k = i; k < t.size() && k < i + 8; ++k) words.push_back(t[k].fold);
  return static_cast<std::size_t>(lex.MatchRole(words));
}

// Whether the words after the unsure name ending at `end` make it a person: ", ROLE", ", who",
// ", 52 ans," / ", 52,".
bool PersonAfter(const std::vector<Token>& t, std::size_t end) {
  // "la nomination de X au poste de présidente", "appoints X as chief executive".
  if (end + 1 < t.size() && (t[end].fold == "as" || t[end].fold == "comme")) {
    std::size_t k = end + 1;
    if (k < t.size() && (t[k].fold == "the" || t[k].fold == "a" || t[k].fold == "its")) ++k;
    if (RoleAt(t, k) > 0) return true;
  }
  if (end + 3 < t.size() && t[end].fold == "au" && t[end + 1].fold == "poste" &&
      (t[end + 2].fold == "de" || t[end + 2].fold == "d'") && RoleAt(t, end + 3) > 0) {
    return true;
  }
  if (end + 1 >= t.size() || !internal::IsPunct(t[end], ",")) return false;
  std::size_t k = end + 1;
  if (t[k].fold == "who") return true;
  if (t[k].type == TokenType::kNumber && k + 1 < t.size() &&
      (t[k + 1].fold == "ans" || internal::IsPunct(t[k + 1], ","))) {
    return true;
  }
  // ", ICT's managing director": an organisation's possessive before the role.
  std::size_t c = k;
  while (c < t.size() && c < k + 4 && t[c].type == TokenType::kWord && t[c].capitalized) ++c;
  if (c > k && c < t.size() && t[c].fold == "'s") k = c + 1;
  for (int skipped = 0; k < t.size() && skipped <= 4; ++skipped, ++k) {
    if (RoleAt(t, k) > 0) return true;
    if (!In(t[k].fold, kBeforeRole)) return false;
  }
  return false;
}

// Whether the words before the name starting at `begin` make it a person: "chief executive
// Jane Roe", "le directeur général d'ICT, Koffi Yao", "His father, Vinod Joshi".
bool PersonBefore(const std::vector<Token>& t, const std::vector<MentionSpan>& mentions,
                  std::size_t begin) {
  std::size_t b = begin;
  if (b > 0 && internal::IsPunct(t[b - 1], ",")) --b;
  if (b > 0 && In(t[b - 1].fold, kKinship)) return true;
  const std::size_t from = b > 10 ? b - 10 : 0;
  for (std::size_t p = from; p < b;) {
    const std::size_t len = RoleAt(t, p);
    if (len == 0) {
      ++p;
      continue;
    }
    const std::size_t start = p;
    p += len;  // "managing director": not "director" again
    // "who is still its managing director, Atlas Composites": a predicate, not a title.
    std::size_t before = start;
    if (before > 0 && In(t[before - 1].fold, kBeforeRole)) --before;
    if (before > 0 && In(t[before - 1].fold, kPredicate)) continue;
    std::size_t q = start + len;
    if (q == b) return true;
    // "... of ICT, Koffi Yao": the role's organisation between the role and the name.
    if (q < b && In(t[q].fold, kOf)) {
      for (const MentionSpan& m : mentions) {
        if (m.begin > q && m.begin <= q + 2 && m.end == b) return true;
      }
      // "Le président du groupe tunisien, Slim Ben Slama": a described organisation, then a
      // comma before the name.
      if (b < begin && b - q <= 6) {
        bool words = true;
        for (std::size_t k = q + 1; k < b && words; ++k) words = t[k].type == TokenType::kWord;
        if (words) return true;
      }
    }
  }
  return false;
}

bool Unsure(const MentionSpan& m, const std::vector<Token>& t) {
  if (m.kind != NodeKind::kOrganization || m.certain || m.end - m.begin < 2 ||
      m.end - m.begin > 5) {
    return false;
  }
  // "Koffi Yao N'Guessan", "Min-jun Park": capitalised words, a hyphen joining two.
  for (std::size_t k = m.begin; k < m.end; ++k) {
    const bool hyphen = t[k].type == TokenType::kPunct && t[k].text == "-" && k > m.begin;
    const bool after_hyphen = k > m.begin && t[k - 1].type == TokenType::kPunct;
    if (hyphen) continue;
    if (t[k].type != TokenType::kWord || t[k].all_caps || (!t[k].capitalized && !after_hyphen)) {
      return false;
    }
  }
  return true;
}

}  // namespace

void RetypePersonsInSentence(const std::vector<Token>& tokens, std::vector<MentionSpan>* mentions) {
  for (MentionSpan& m : *mentions) {
    if (!Unsure(m, tokens)) continue;
    if (PersonAfter(tokens, m.end) || PersonBefore(tokens, *mentions, m.begin)) {
      m.kind = NodeKind::kPerson;
      m.certain = true;
    }
  }
}

void RetypePersonsInDocument(const std::vector<const std::vector<Token>*>& tokens,
                             const std::vector<std::vector<MentionSpan>*>& mentions) {
  std::unordered_set<std::string> names;     // folded full names of persons
  std::unordered_set<std::string> surnames;  // folded single-word names of titled persons
  for (const std::vector<MentionSpan>* sentence : mentions) {
    for (const MentionSpan& m : *sentence) {
      if (m.kind != NodeKind::kPerson) continue;
      const std::string folded = FoldWord(m.name);
      names.insert(folded);
      if (m.titled || folded.find(' ') == std::string::npos) surnames.insert(folded);
    }
  }
  if (names.empty()) return;
  for (std::size_t s = 0; s < mentions.size(); ++s) {
    for (MentionSpan& m : *mentions[s]) {
      if (!Unsure(m, *tokens[s])) continue;
      const std::string folded = FoldWord(m.name);
      const std::size_t space = folded.rfind(' ');
      bool person = names.count(folded) > 0;
      for (const std::string& surname : surnames) {
        person = person ||
                 (space != std::string::npos && folded.size() > surname.size() &&
                  folded.ends_with(surname) && folded[folded.size() - surname.size() - 1] == ' ');
      }
      if (person) {
        m.kind = NodeKind::kPerson;
        m.certain = true;
      }
    }
  }
}

}  // namespace presskg::ingest
