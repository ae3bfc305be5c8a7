#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/extract/item.h"
#include "ingest/extract/vocabulary.h"

namespace presskg::ingest {

// A rule pattern over sentence items, compiled from a space-separated string:
//   word, a|b|c      a folded word (accents and case ignored); "_" joins a phrase: pres_de
//   word*            a word prefix ("invest*")
//   X?               makes the element X optional
//   S  O  O+  S+     subject / object entity slot here; "+" takes a coordinated list
//   S<               (first element only) the subject is found walking left from the match
//   S>               (last element only) the subject opens the next clause (after a comma)
//   E                any entity, skipped
//   DET              an optional determiner (le, la, l', les, un, une, the, a, an)
//   DE               de | d' | du | des | of (with an optional la / l' / the)
//   ~                up to six modifier items ("groupe allemand", "London-based van maker")
//   *                up to eight items of any kind
//   $M $P $N $Y      a money amount, a percentage, a count, a year (approximators skipped)
//   ROLE             a role phrase ("directeur général", "chairman and CEO")
//   {name}           captures one to six words as property `name` ("convention d'investissement")
//   ^                the start of the sentence (after a dateline)
//   !a|b             the next item is none of these words (matches nothing)
//   , ( ) ' " - :    punctuation
struct PatternElement {
  enum class Kind : unsigned char {
    kWords, kSubject, kSubjects, kSubjectLeft, kSubjectRight, kObject, kObjects, kAnyEntity,
    kDet, kDe, kModifiers, kGap, kMoney, kPercent, kCount, kYear, kRole, kCapture, kStart, kNot
  };
  Kind kind = Kind::kWords;
  std::vector<std::vector<std::string>> phrases;  // kWords: alternatives, each a word sequence
  std::vector<bool> prefix;                       // kWords: alternative is a prefix ("invest*")
  std::vector<std::vector<WordId>> ids;           // kWords, kNot: `phrases` as ids (InternWords)
  std::vector<bool> first_ids;  // kWords, kNot: indexed by WordId, the first word of some `ids`
  bool any_prefix = false;                        // kWords: some alternative is a prefix
  bool optional = false;
  std::string name;  // kCapture
};

struct Pattern {
  std::vector<PatternElement> elements;
  std::string source;
};

// Compiles `text`; InvalidArgument-like errors are reported through `error` (empty when fine).
Pattern CompilePattern(std::string_view text, std::string* error);

// Adds the words of `pattern` to `vocabulary` and fills PatternElement::ids with their ids.
void InternWords(Pattern* pattern, Vocabulary* vocabulary);

// What a match bound.
struct Match {
  std::size_t begin = 0;  // item range of the matched elements
  std::size_t end = 0;
  std::vector<std::size_t> subjects;  // item indices
  std::vector<std::size_t> objects;
  std::vector<const Value*> money, percent, count, year;
  std::map<std::string, std::pair<std::size_t, std::size_t>> captures;  // item ranges
  std::pair<std::size_t, std::size_t> role{0, 0};                       // item range
  bool has_trigger = false;
  std::size_t trigger = 0;  // first item matched by a word element
};

// Kind constraints and helpers the matcher needs from the extractor.
struct SlotPolicy {
  std::vector<graph::NodeKind> subject_kinds;
  std::vector<graph::NodeKind> object_kinds;
  bool attributive = false;  // S< takes the nearest head even after "par", "à"
  bool coerce_places = true;  // an uncertain organisation may fill a place slot
};

// All matches of `pattern` in `items` (one per start position, leftmost first). The pattern's
// words must have been interned (InternWords) in the vocabulary that gave the items' Item::word.
std::vector<Match> FindMatches(const Pattern& pattern, const std::vector<Item>& items,
                               const SlotPolicy& policy);

// The subject of a predicate starting at item `pos`, walking left (see pattern.cc); -1 if none.
int LeftSubject(const std::vector<Item>& items, std::size_t pos, const SlotPolicy& policy);

// True when the entity item at `pos` is not the complement of a preposition.
bool IsSubjectLike(const std::vector<Item>& items, std::size_t pos);

}  // namespace presskg::ingest
