#include "ingest/extract/pattern.h"

#include <algorithm>

#include "ingest/extract/lexicon.h"
#include "ingest/extract/pattern_internal.h"

namespace presskg::ingest {
namespace {

using Kind = PatternElement::Kind;
using pattern_internal::IsDeterminer;
using pattern_internal::IsModifier;
using pattern_internal::KindAllowed;
using pattern_internal::SkipApproximators;
using pattern_internal::WordMatches;

// What a match under construction binds, captures apart (by element name). One per thread,
// reused from rule to rule so that its vectors keep their capacity.
struct MatchState {
  Match match;
  std::vector<std::pair<const std::string*, std::pair<std::size_t, std::size_t>>> captures;
};

// The matcher keeps one match under construction and undoes what a failed branch added
// (backtracking restores sizes, never copies the match).
class Matcher {
 public:
  Matcher(const Pattern& p, const std::vector<Item>& items, const SlotPolicy& policy,
          MatchState* state)
      : p_(p), items_(items), policy_(policy), m_(state->match), captures_(state->captures) {
    // The start of the sentence is after a dateline ("Tanger, 14 mars 2024 – ").
    for (std::size_t i = 0; i < items_.size() && i < 14; ++i) {
      if (items_[i].type == Item::Type::kPunct && i > 0 &&
          (items_[i].fold == "–" || items_[i].fold == "—" || items_[i].fold == "-")) {
        start_ = i + 1;
        break;
      }
    }
  }

  // Matches the pattern from item `begin`; on success `*out` receives the match.
  bool MatchAt(std::size_t begin, Match* out) {
    m_.subjects.clear();
    m_.objects.clear();
    m_.money.clear();
    m_.percent.clear();
    m_.count.clear();
    m_.year.clear();
    m_.role = {0, 0};
    m_.has_trigger = false;
    m_.trigger = 0;
    captures_.clear();
    if (!Run(0, begin)) return false;
    *out = m_;
    out->begin = begin;
    out->end = end_;
    out->captures.clear();
    for (const auto& [name, range] : captures_) out->captures[*name] = range;
    return true;
  }

 private:
  struct Mark {
    std::size_t subjects, objects, money, percent, count, year, captures;
    std::pair<std::size_t, std::size_t> role;
    bool has_trigger;
    std::size_t trigger;
  };

  Mark Save() const {
    return {m_.subjects.size(), m_.objects.size(), m_.money.size(),  m_.percent.size(),
            m_.count.size(),    m_.year.size(),    captures_.size(), m_.role,
            m_.has_trigger,     m_.trigger};
  }

  void Restore(const Mark& k) {
    m_.subjects.resize(k.subjects);
    m_.objects.resize(k.objects);
    m_.money.resize(k.money);
    m_.percent.resize(k.percent);
    m_.count.resize(k.count);
    m_.year.resize(k.year);
    captures_.resize(k.captures);
    m_.role = k.role;
    m_.has_trigger = k.has_trigger;
    m_.trigger = k.trigger;
  }

  // Matches elements [e, end) from item i. Returns false with the match as it was on entry.
  bool Run(std::size_t e, std::size_t i) {
    if (e == p_.elements.size()) {
      end_ = i;
      return true;
    }
    const PatternElement& el = p_.elements[e];
    if (el.optional && el.kind != Kind::kDet) {
      if (One(el, e, i)) return true;
      return Run(e + 1, i);
    }
    return One(el, e, i);
  }

  bool EntityOk(std::size_t i, const std::vector<graph::NodeKind>& kinds) const {
    if (i >= items_.size()) return false;
    const Item& it = items_[i];
    // "JSE-listed Langeberg Retail Holdings": the name inside the compound is no slot filler.
    if (it.IsEntity() && it.kind != graph::NodeKind::kPlace && IsModifier(items_, i)) return false;
    return it.IsEntity() &&
           (KindAllowed(it.kind, kinds) ||
            (policy_.coerce_places && it.uncertain && KindAllowed(graph::NodeKind::kPlace, kinds)));
  }

  std::size_t List(std::size_t i, const std::vector<graph::NodeKind>& kinds,
                   std::vector<std::size_t>* out) const {
    out->push_back(i);
    std::size_t j = i + 1;
    while (j < items_.size()) {
      std::size_t k = j;
      bool sep = false;
      if (items_[k].IsPunct(",")) {
        ++k;
        sep = true;
      }
      if (k < items_.size() &&
          (items_[k].IsWord("et") || items_[k].IsWord("and") || items_[k].IsPunct("&"))) {
        ++k;
        sep = true;
      } else if (k + 1 < items_.size() &&
                 ((items_[k].IsWord("ainsi") && items_[k + 1].IsWord("que")) ||
                  (items_[k].IsWord("as") && items_[k + 1].IsWord("well")))) {
        k += items_[k].IsWord("as") ? 3 : 2;
        sep = true;
      }
      if (!sep) break;
      const bool comma_only = k == j + 1;
      // "Boréalis Cellules, de Bécancour,": an origin after a name, not a second member.
      if (comma_only && k < items_.size() &&
          (items_[k].IsWord("de") || items_[k].IsWord("d'") || items_[k].IsWord("du")) &&
          items_[i].kind == graph::NodeKind::kOrganization && k + 1 < items_.size() &&
          items_[k + 1].IsEntity() && items_[k + 1].kind != graph::NodeKind::kOrganization) {
        break;
      }
      if (k < items_.size() &&
          (items_[k].IsWord("avec") || items_[k].IsWord("with") || items_[k].IsWord("au") ||
           items_[k].IsWord("aux") || items_[k].IsWord("a") || items_[k].IsWord("en") ||
           items_[k].IsWord("in") || items_[k].IsWord("de") || items_[k].IsWord("d'") ||
           items_[k].IsWord("du") || items_[k].IsWord("par") || items_[k].IsWord("by"))) {
        ++k;
      }
      if (k < items_.size() && IsDeterminer(items_[k])) ++k;
      for (int n = 0; n < 3 && k < items_.size() && !EntityOk(k, kinds) && IsModifier(items_, k);
           ++n) {
        ++k;
      }
      if (!EntityOk(k, kinds)) break;
      // "Ridgeline Motors, the Detroit-area truck startup": a descriptor, not a member.
      if (comma_only && k + 1 < items_.size() && items_[k + 1].IsPunct("-")) break;
      out->push_back(k);
      j = k + 1;
      // "Guelph (Ontario) and Brandon (Manitoba)": a member's place in parentheses.
      if (j + 2 < items_.size() && items_[j].IsPunct("(") && items_[j + 1].IsEntity() &&
          items_[j + 2].IsPunct(")")) {
        j += 3;
      }
    }
    return j;
  }

  // Tries Run(e + 1, i); on failure restores `mark`.
  bool Next(std::size_t e, std::size_t i, const Mark& mark) {
    if (Run(e + 1, i)) return true;
    Restore(mark);
    return false;
  }

  bool One(const PatternElement& el, std::size_t e, std::size_t i) {
    const std::size_t n = items_.size();
    const Mark mark = Save();
    switch (el.kind) {
      case Kind::kWords:
        for (std::size_t a = 0; a < el.phrases.size(); ++a) {
          const auto& phrase = el.phrases[a];
          if (i + phrase.size() > n) continue;
          bool ok = true;
          for (std::size_t w = 0; w < phrase.size() && ok; ++w) {
            ok = WordMatches(items_[i + w], el, a, w, el.prefix[a] && w + 1 == phrase.size());
          }
          if (!ok) continue;
          if (!m_.has_trigger) {
            m_.trigger = i;
            m_.has_trigger = true;
          }
          if (Next(e, i + phrase.size(), mark)) return true;
        }
        return false;
      case Kind::kSubject:
      case Kind::kObject: {
        const auto& kinds =
            el.kind == Kind::kSubject ? policy_.subject_kinds : policy_.object_kinds;
        if (!EntityOk(i, kinds)) return false;
        (el.kind == Kind::kSubject ? m_.subjects : m_.objects).push_back(i);
        return Next(e, i + 1, mark);
      }
      case Kind::kSubjects:
      case Kind::kObjects: {
        const auto& kinds =
            el.kind == Kind::kSubjects ? policy_.subject_kinds : policy_.object_kinds;
        if (!EntityOk(i, kinds)) return false;
        const std::size_t end =
            List(i, kinds, el.kind == Kind::kSubjects ? &m_.subjects : &m_.objects);
        return Next(e, end, mark);
      }
      case Kind::kAnyEntity:
        if (i >= n || items_[i].type != Item::Type::kEntity) return false;
        return Run(e + 1, i + 1);
      case Kind::kDet:
        if (i < n && IsDeterminer(items_[i]) && Run(e + 1, i + 1)) return true;
        return Run(e + 1, i);
      case Kind::kDe: {
        if (i >= n) return false;
        const std::string& f = items_[i].fold;
        if (items_[i].type != Item::Type::kWord ||
            !(f == "de" || f == "d'" || f == "du" || f == "des" || f == "of")) {
          return false;
        }
        if (i + 1 < n &&
            (items_[i + 1].IsWord("la") || items_[i + 1].IsWord("l'") ||
             items_[i + 1].IsWord("the")) &&
            Run(e + 1, i + 2)) {
          return true;
        }
        return Run(e + 1, i + 1);
      }
      case Kind::kModifiers:
        for (std::size_t k = 0; k <= 6 && i + k <= n; ++k) {
          if (k > 0 && !IsModifier(items_, i + k - 1)) break;
          if (Run(e + 1, i + k)) return true;
        }
        return false;
      case Kind::kGap:
        for (std::size_t k = 0; k <= 8 && i + k <= n; ++k) {
          if (k > 0 && items_[i + k - 1].IsPunct(";")) break;
          if (Run(e + 1, i + k)) return true;
        }
        return false;
      case Kind::kMoney:
      case Kind::kPercent:
      case Kind::kCount:
      case Kind::kYear: {
        const std::size_t j = SkipApproximators(items_, i);
        if (j >= n || items_[j].type != Item::Type::kValue) return false;
        const Value& v = items_[j].value;
        const Value::Kind want = el.kind == Kind::kMoney     ? Value::Kind::kMoney
                                 : el.kind == Kind::kPercent ? Value::Kind::kPercent
                                 : el.kind == Kind::kYear    ? Value::Kind::kYear
                                                             : Value::Kind::kCount;
        if (v.kind != want) return false;
        auto& slot = el.kind == Kind::kMoney     ? m_.money
                     : el.kind == Kind::kPercent ? m_.percent
                     : el.kind == Kind::kYear    ? m_.year
                                                 : m_.count;
        slot.push_back(&v);
        return Next(e, j + 1, mark);
      }
      case Kind::kRole: {
        const std::size_t end = RoleEnd(i);
        if (end == i) return false;
        m_.role = {i, end};
        return Next(e, end, mark);
      }
      case Kind::kCapture:
        for (std::size_t k = 1; k <= 6 && i + k <= n; ++k) {
          const Item& it = items_[i + k - 1];
          const bool ok = it.type == Item::Type::kWord ||
                          (it.type == Item::Type::kPunct && (it.fold == "-" || it.fold == "'")) ||
                          it.type == Item::Type::kValue;
          if (!ok) break;
          captures_.emplace_back(&el.name, std::make_pair(i, i + k));
          if (Next(e, i + k, mark)) return true;
        }
        return false;
      case Kind::kStart:
        if (i != start_ && i != 0) return false;
        return Run(e + 1, i);
      case Kind::kSubjectRight: {
        const int s = RightSubject(i);
        if (s < 0) return false;
        m_.subjects.push_back(static_cast<std::size_t>(s));
        return Next(e, i, mark);
      }
      case Kind::kSubjectLeft:
        return Run(e + 1, i);
      case Kind::kNot:
        for (std::size_t a = 0; a < el.phrases.size(); ++a) {
          if (i < n && WordMatches(items_[i], el, a, 0, false)) return false;
        }
        return Run(e + 1, i);
    }
    return false;
  }

  std::size_t RoleEnd(std::size_t i) const {
    const Lexicon& lex = Lexicon::Get();
    std::size_t end = i;
    while (true) {
      // No role starts here: MatchRole would answer 0 (a cheap test before building `words`).
      if (end >= items_.size() || items_[end].type != Item::Type::kWord ||
          !lex.MayStartRole(items_[end].fold)) {
        break;
      }
      std::vector<std::string_view> words;
      for (std::size_t k = end; k < items_.size() && k < end + 8; ++k) {
        if (items_[k].type != Item::Type::kWord) break;
        words.push_back(items_[k].fold);
      }
      const int len = lex.MatchRole(words);
      if (len == 0) break;
      end += static_cast<std::size_t>(len);
      const std::string& last = items_[end - 1].fold;
      // "head of European mobility", "director of industrial development".
      if ((last == "head" || last == "director" || last == "chef" || last == "responsable") &&
          end + 1 < items_.size() && (items_[end].IsWord("of") || items_[end].IsWord("de"))) {
        std::size_t k = end + 1;
        while (k < items_.size() && k < end + 5 && items_[k].type == Item::Type::kWord &&
               !lex.IsFunctionWord(items_[k].fold)) {
          ++k;
        }
        if (k > end + 1 && (k >= items_.size() || !items_[k].IsEntity())) end = k;
      }
      if (end + 1 < items_.size() && (items_[end].IsWord("et") || items_[end].IsWord("and")) &&
          items_[end + 1].type == Item::Type::kWord && lex.MayStartRole(items_[end + 1].fold)) {
        std::vector<std::string_view> next;
        for (std::size_t k = end + 1; k < items_.size() && k < end + 9; ++k) {
          if (items_[k].type != Item::Type::kWord) break;
          next.push_back(items_[k].fold);
        }
        if (lex.MatchRole(next) > 0) {
          ++end;
          continue;
        }
      }
      break;
    }
    return end;
  }

  int RightSubject(std::size_t pos) const {
    int commas = 0;
    for (std::size_t j = pos; j < items_.size() && commas < 4; ++j) {
      if (!items_[j].IsPunct(",")) continue;
      ++commas;
      std::size_t k = j + 1;
      if (k < items_.size() && IsDeterminer(items_[k])) ++k;
      if (EntityOk(k, policy_.subject_kinds) && !items_[k].possessive) return static_cast<int>(k);
    }
    return -1;
  }

  const Pattern& p_;
  const std::vector<Item>& items_;
  const SlotPolicy& policy_;
  std::size_t start_ = 0;
  Match& m_;  // the match under construction
  std::vector<std::pair<const std::string*, std::pair<std::size_t, std::size_t>>>& captures_;
  std::size_t end_ = 0;
};

// Items an element can span at most, or -1 when unbounded (lists, role chains).
int MaxSpan(const PatternElement& el) {
  switch (el.kind) {
    case Kind::kSubjectLeft:
    case Kind::kStart:
    case Kind::kNot:
    case Kind::kSubjectRight:
      return 0;
    case Kind::kSubject:
    case Kind::kObject:
    case Kind::kAnyEntity:
    case Kind::kDet:
      return 1;
    case Kind::kDe:
      return 2;
    case Kind::kMoney:
    case Kind::kPercent:
    case Kind::kCount:
    case Kind::kYear:
      return 4;  // up to three approximators and the value
    case Kind::kModifiers:
      return 6;
    case Kind::kCapture:
      return 6;
    case Kind::kGap:
      return 8;
    case Kind::kWords: {
      std::size_t longest = 0;
      for (const auto& phrase : el.phrases) longest = std::max(longest, phrase.size());
      return static_cast<int>(longest);
    }
    case Kind::kSubjects:
    case Kind::kObjects:
    case Kind::kRole:
      return -1;
  }
  return -1;
}

// The first required word element of `pattern` and how far from the start of a match it can
// begin (-1: no such element, or unbounded).
std::pair<const PatternElement*, int> Anchor(const Pattern& pattern) {
  int offset = 0;
  for (const PatternElement& el : pattern.elements) {
    if (el.kind == Kind::kWords && !el.optional) return {&el, offset};
    const int span = MaxSpan(el);
    if (span < 0 || offset < 0) {
      offset = -1;
    } else {
      offset += span;
    }
  }
  return {nullptr, -1};
}

bool StartsPhrase(const Item& it, const PatternElement& el) {
  if (!el.any_prefix) {
    if (it.type == Item::Type::kValue || (it.type == Item::Type::kEntity && !it.anaphor)) {
      return false;
    }
    return it.word < el.first_ids.size() && el.first_ids[it.word];
  }
  for (std::size_t a = 0; a < el.phrases.size(); ++a) {
    if (WordMatches(it, el, a, 0, el.prefix[a] && el.phrases[a].size() == 1)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Match> FindMatches(const Pattern& pattern, const std::vector<Item>& items,
                               const SlotPolicy& policy) {
  std::vector<Match> matches;
  if (pattern.elements.empty()) return matches;
  const bool left = pattern.elements.front().kind == Kind::kSubjectLeft;
  // Cheap filters on the start position: the first required word, or an entity slot.
  const PatternElement& first = pattern.elements[left && pattern.elements.size() > 1 ? 1 : 0];
  const bool word_first = first.kind == Kind::kWords && !first.optional;
  const bool entity_first =
      !first.optional && (first.kind == Kind::kSubject || first.kind == Kind::kObject ||
                          first.kind == Kind::kSubjects || first.kind == Kind::kObjects);
  // A match holds its first required word at or after its start, at most `offset` items
  // after it when the elements before are bounded: starts too far from every occurrence of
  // that word cannot match.
  const auto [anchor, offset] = Anchor(pattern);
  // Next item >= i that starts the anchor word; per thread, reused from rule to rule.
  thread_local std::vector<std::size_t> next_anchor;
  if (anchor != nullptr) {
    next_anchor.assign(items.size() + 1, items.size());
    for (std::size_t k = items.size(); k-- > 0;) {
      next_anchor[k] = StartsPhrase(items[k], *anchor) ? k : next_anchor[k + 1];
    }
    if (next_anchor[0] == items.size()) return matches;
  }
  thread_local MatchState state;
  Matcher matcher(pattern, items, policy, &state);
  std::size_t i = 0;
  while (i < items.size()) {
    if (anchor != nullptr) {
      if (next_anchor[i] == items.size()) break;
      if (offset >= 0 && next_anchor[i] > i + static_cast<std::size_t>(offset)) {
        i = next_anchor[i] - static_cast<std::size_t>(offset);
        continue;
      }
    }
    if (entity_first && items[i].type != Item::Type::kEntity) {
      ++i;
      continue;
    }
    if (word_first) {
      bool any = false;
      for (std::size_t a = 0; a < first.phrases.size() && !any; ++a) {
        any = WordMatches(items[i], first, a, 0, first.prefix[a] && first.phrases[a].size() == 1);
      }
      if (!any) {
        ++i;
        continue;
      }
    }
    Match found;
    if (matcher.MatchAt(i, &found)) {
      if (left) {
        const int s = LeftSubject(items, i, policy);
        if (s >= 0) {
          found.subjects.insert(found.subjects.begin(), static_cast<std::size_t>(s));
          matches.push_back(std::move(found));
          i = std::max(found.end, i + 1);
          continue;
        }
      } else {
        matches.push_back(std::move(found));
        i = std::max(found.end, i + 1);
        continue;
      }
    }
    ++i;
  }
  return matches;
}

}  // namespace presskg::ingest
