// Subject walk: the subject of a predicate found left of it, and whether an entity is subject-like.

#include <cstddef>
#include <vector>

#include "ingest/extract/lexicon.h"
#include "ingest/extract/pattern.h"
#include "ingest/extract/pattern_internal.h"
#include "ingest/extract/word_in.h"

namespace presskg::ingest {
namespace {

using pattern_internal::IsBoundary;
using pattern_internal::IsCompoundSuffix;
using pattern_internal::IsDeterminer;
using pattern_internal::KindAllowed;

// True when the entity at `pos` completes "de"/"of" ("filiale du groupe allemand Hartwig").
bool IsDeComplement(const std::vector<Item>& items, std::size_t pos) {
  std::size_t j = pos;
  int words = 0;
  while (j > 0) {
    const Item& it = items[j - 1];
    if (IsDeterminer(it) ||
        (it.type == Item::Type::kWord && !Lexicon::Get().IsFunctionWord(it.fold) && words < 3)) {
      ++words;
      --j;
      continue;
    }
    break;
  }
  if (j == 0) return false;
  const std::string& f = items[j - 1].fold;
  return items[j - 1].type == Item::Type::kWord &&
         (f == "de" || f == "d'" || f == "du" || f == "des" || f == "of");
}

// When the entity at `pos` closes an apposition to an earlier name ("Kestrel Motors, a supplier
// to Ferrovia Systems, is based in Leeds"), that name's index; -1 otherwise. The apposition is
// "NAME , DET? words PREPOSITION modifiers ENTITY" with no other punctuation inside.
int AppositionHead(const std::vector<Item>& items, std::size_t pos, const SlotPolicy& policy) {
  static constexpr std::string_view kPrepositions[] = {
      "de", "d'", "du", "des", "of", "to", "for", "at", "chez", "with", "avec", "a", "au", "aux"};
  const Lexicon& lex = Lexicon::Get();
  std::size_t j = pos;
  while (j > 0 && pos - j < 4 && items[j - 1].type == Item::Type::kWord &&
         !In(items[j - 1].fold, kPrepositions) && !lex.IsFunctionWord(items[j - 1].fold)) {
    --j;  // modifiers of the complement: "to French carmaker X"
  }
  if (j == 0 || items[j - 1].type != Item::Type::kWord || !In(items[j - 1].fold, kPrepositions)) {
    return -1;
  }
  --j;
  int words = 0;
  while (j > 0 && words < 6 && items[j - 1].type == Item::Type::kWord &&
         (IsDeterminer(items[j - 1]) || !In(items[j - 1].fold, kPrepositions))) {
    --j;
    ++words;
  }
  if (words == 0 || j < 2 || !items[j - 1].IsPunct(",")) return -1;
  const Item& head = items[j - 2];
  if (!head.IsEntity() || head.possessive || !KindAllowed(head.kind, policy.subject_kinds)) {
    return -1;
  }
  return static_cast<int>(j - 2);
}

// Whether the entity at `pos` ends a descriptor opening the sentence: "Le fabricant casablancais
// de pièces en matériaux composites Atlas Composites Aéro a remporté", "Senegalese fintech
// Teranga Pay". Everything before it (after a dateline) is lower-case words, places and hyphens,
// with no verb form among them.
bool EndsOpeningDescriptor(const std::vector<Item>& items, std::size_t pos) {
  static constexpr std::string_view kVerbish[] = {
      "ont",  "est", "sont",  "etait", "sera",     "va",        "vont",  "has",  "have", "had",
      "is",   "are", "was",   "were",  "will",     "would",     "said",  "que",  "qu'",  "that",
      "which", "who", "qui",  "dont",  "announced", "annonce",  "selon", "according", "after",
      "apres", "with", "avec", "for",  "pour",     "par",       "by",    "since", "depuis"};
  // After a dateline: a dash preceded by a date ("Rabat, le 8 avril 2025 –", "DAKAR, 6
  // novembre 2024 (AFP) —").
  std::size_t first = 0;
  bool dated = false;
  for (std::size_t k = 0; k < pos && k < 16; ++k) {
    dated = dated || items[k].type == Item::Type::kValue;
    if (items[k].type == Item::Type::kPunct && k > 0 && dated &&
        (items[k].fold == "–" || items[k].fold == "—" || items[k].fold == "-")) {
      first = k + 1;
      break;
    }
  }
  if (pos <= first || pos - first > 12) return false;
  for (std::size_t k = first; k < pos; ++k) {
    const Item& it = items[k];
    if (it.type == Item::Type::kEntity) {
      // "Le groupe bancaire sénégalais Teranga Capital Bank": the head noun opening it.
      if (it.anaphor && k == first && !it.possessive) continue;
      if (it.kind != graph::NodeKind::kPlace || it.anaphor) return false;
      continue;
    }
    if (it.type == Item::Type::kPunct) {
      if (it.fold != "-" && it.fold != "'") return false;
      continue;
    }
    if (it.type != Item::Type::kWord) return false;
    if (In(it.fold, kVerbish) || (it.fold == "a" && k > first)) return false;
  }
  return true;
}

}  // namespace

bool IsSubjectLike(const std::vector<Item>& items, std::size_t pos) {
  if (items[pos].possessive) return false;
  const Lexicon& lex = Lexicon::Get();
  std::size_t j = pos;
  int words = 0;
  bool determiner = false;
  while (j > 0) {
    const Item& it = items[j - 1];
    if (IsDeterminer(it)) {
      determiner = true;
      --j;
      break;
    }
    // "Pune-based Sahyadri": "based" is a function word elsewhere.
    const bool hyphen_based = IsCompoundSuffix(it) && j >= 2 && items[j - 2].IsPunct("-");
    if (it.type == Item::Type::kWord && (hyphen_based || !lex.IsFunctionWord(it.fold)) &&
        words < 4) {
      ++words;
      --j;
      continue;
    }
    // "the Paris-based firm": skip "Paris - based".
    const bool based_next = j + 1 < items.size() && IsCompoundSuffix(items[j]);
    if (it.IsPunct("-") && based_next) {
      --j;
      continue;
    }
    if (it.type == Item::Type::kEntity && j < items.size() && items[j].IsPunct("-") &&
        j + 1 < items.size() && IsCompoundSuffix(items[j + 1])) {
      --j;
      continue;
    }
    break;
  }
  if (j == 0) return true;
  const Item& prev = items[j - 1];
  if (prev.IsPunct(",")) {
    // An introductory phrase: "Fondée en 2009, la société", "Based in Dakar, BSHC".
    std::size_t first = 0;
    for (std::size_t k = 0; k < pos && k < 14; ++k) {
      if (items[k].type == Item::Type::kPunct &&
          (items[k].fold == "–" || items[k].fold == "—" || (items[k].fold == "-" && k > 0))) {
        first = k + 1;
        break;
      }
    }
    static constexpr std::string_view kIntro[] = {
        "avec",      "with",       "basee",    "base",      "based",       "fondee",
        "fonde",     "founded",    "installe", "installee", "implante",    "implantee",
        "situe",     "situee",     "located",  "selon",     "according",   "de",
        "pour",      "for",        "in",       "en",        "under",       "asked",
        "interroge", "interrogee", "creee",    "cree",      "established", "contrairement",
        "contrary",  "apres",      "after",    "depuis",    "since",       "outre",
        "besides",   "par",        "as",       "comme",     "separately",  "meanwhile",
        "toutefois", "however",    "by",       "aux",       "dans",        "a",
        "au"};
    bool first_comma = true;
    for (std::size_t k = first; k + 1 < j; ++k) first_comma = first_comma && !items[k].IsPunct(",");
    if (first_comma && first < pos && items[first].type == Item::Type::kWord &&
        In(items[first].fold, kIntro)) {
      return true;
    }
    // A list continues: "Airbus, Safran et Spirit AeroSystems".
    if (!determiner && j >= 2 && items[j - 2].type == Item::Type::kEntity &&
        !items[j - 2].anaphor && items[j - 2].kind == items[pos].kind) {
      return IsSubjectLike(items, j - 2);
    }
    // Otherwise the name opens a clause only when something follows it.
    if (pos + 1 >= items.size()) return false;
    const Item& next = items[pos + 1];
    if (next.IsPunct(",")) return true;
    if (next.type != Item::Type::kWord) return false;
    return !(next.fold == "et" || next.fold == "and" || next.fold == "ou" || next.fold == "or");
  }
  if (IsBoundary(prev)) return determiner || words == 0 || prev.fold != ",";
  if (EndsOpeningDescriptor(items, pos)) return true;
  if (prev.type == Item::Type::kWord &&
      (prev.fold == "que" || prev.fold == "qu'" || prev.fold == "that" || prev.fold == "mais" ||
       prev.fold == "but" || prev.fold == "duquel" || prev.fold == "auquel")) {
    return true;
  }
  // "Le fabricant de trains d'atterrissage Aéro Laurentides": a descriptor with "de" inside
  // ("Le groupe de Thandiwe Mokoena-Dlamini" is a person's group, not a descriptor).
  if (prev.type == Item::Type::kWord && items[pos].kind != graph::NodeKind::kPerson &&
      (prev.fold == "de" || prev.fold == "d'" || prev.fold == "des" || prev.fold == "du")) {
    std::size_t q = j - 1;
    int steps = 0;
    while (q > 0 && steps < 6) {
      const Item& w = items[q - 1];
      if (IsDeterminer(w)) {
        if (q == 1 || IsBoundary(items[q - 2])) return true;
        break;
      }
      if (w.type != Item::Type::kWord || (lex.IsFunctionWord(w.fold) && w.fold != "de" &&
                                          w.fold != "d'" && w.fold != "des" && w.fold != "du")) {
        break;
      }
      --q;
      ++steps;
    }
  }
  if (prev.type == Item::Type::kWord && (prev.fold == "et" || prev.fold == "and") && j >= 2) {
    // Coordinated subjects: "Wallenergie et Brabant Solar ont ...".
    const Item& before = items[j - 2];
    return before.type == Item::Type::kEntity && IsSubjectLike(items, j - 2);
  }
  return false;
}

int LeftSubject(const std::vector<Item>& items, std::size_t pos, const SlotPolicy& policy) {
  const std::size_t stop = pos > 35 ? pos - 35 : 0;
  for (std::size_t j = pos; j > stop; --j) {
    const Item& it = items[j - 1];
    if (it.IsPunct(";")) return -1;
    if (it.IsEntity() && !it.possessive && KindAllowed(it.kind, policy.subject_kinds)) {
      const bool before_comma = j < items.size() && items[j].IsPunct(",");
      const bool ok =
          policy.attributive ? (before_comma || !IsDeComplement(items, j - 1)) : it.subject_like;
      if (ok && policy.attributive && before_comma) {
        // The comma closes an apposition: its head is the subject.
        const int head = AppositionHead(items, j - 1, policy);
        if (head >= 0) return head;
      }
      if (ok) return static_cast<int>(j - 1);
    }
    // A relative clause whose antecedent is not a name: "the family, which owns 60%".
    if (it.type == Item::Type::kWord && j <= pos &&
        (it.fold == "which" || it.fold == "who" || it.fold == "qui") && j >= 2) {
      std::size_t a = j - 1;
      // "a start-up in which Y holds a stake, will build": the clause has its own subject.
      const std::string& before = items[a - 1].fold;
      if (items[a - 1].type == Item::Type::kWord &&
          (before == "in" || before == "with" || before == "of" || before == "under" ||
           before == "through" || before == "by" || before == "for")) {
        continue;
      }
      if (items[a - 1].IsPunct(",") && a >= 2) --a;
      const Item& antecedent = items[a - 1];
      if (antecedent.type != Item::Type::kEntity) {
        // "the family, which owns": a common noun is the antecedent.
        if (antecedent.type == Item::Type::kWord) return -1;
      }
      // The subject of a relative clause is its antecedent, wherever it stands.
      if (!policy.attributive) {
        SlotPolicy attributive = policy;
        attributive.attributive = true;
        return LeftSubject(items, j - 1, attributive);
      }
    }
    // A clause whose subject is a common noun ("le secteur de l'offshoring emploie"); not an
    // apposition to a name ("Sodirel Maroc, a subsidiary of ...").
    // The name may carry a parenthesis before the comma: "Harrowgate plc (LSE: HDS), the maker".
    std::size_t name_at = j >= 2 ? j - 2 : 0;
    if (j >= 2 && items[name_at].IsPunct(")")) {
      for (std::size_t back = 1; back <= 6 && back <= name_at; ++back) {
        if (items[name_at - back].IsPunct("(")) {
          name_at = name_at - back >= 1 ? name_at - back - 1 : 0;
          break;
        }
      }
    }
    const bool after_name = j >= 2 && items[name_at].type == Item::Type::kEntity &&
                            KindAllowed(items[name_at].kind, policy.subject_kinds);
    if (it.IsPunct(",") && !after_name && j < pos && j + 1 < items.size() &&
        IsDeterminer(items[j]) && items[j + 1].type == Item::Type::kWord && !items[j + 1].anaphor &&
        !Lexicon::Get().IsFunctionWord(items[j + 1].fold)) {
      return -1;
    }
  }
  if (stop == 0 && pos > 0 && IsDeterminer(items[0]) && items.size() > 1 &&
      items[1].type == Item::Type::kWord && !items[1].anaphor) {
    return -1;
  }
  return -1;
}

}  // namespace presskg::ingest
