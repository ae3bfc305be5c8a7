#include "ingest/extract/status.h"

#include <algorithm>
#include <span>

#include "ingest/text/flat_string_map.h"

namespace presskg::ingest {
namespace {

// Cue words, folded (tables of the status reader; French and English side by side).
constexpr std::string_view kNegation[] = {
    "pas", "jamais", "aucun", "aucune", "nullement", "dementi", "dementie", "dement", "dementent",
    "dementir", "not", "never", "no", "denied", "denies", "deny", "denying", "none"};
constexpr std::string_view kModal[] = {
    "pourrait", "pourraient", "envisage", "envisagee", "envisagent", "envisager", "etudie",
    "etudier", "etude", "eventuel", "eventuelle", "possible", "potentiel", "potentielle",
    "hypothetique", "rumeurs", "rumeur", "discussions", "negociations", "si", "serait",
    "seraient", "aurait", "could", "might", "studying", "study", "considering", "consider",
    "possible", "potential", "plans", "planned", "intends", "intend", "intention", "talks",
    "rumours", "rumors", "report", "reports", "reportedly", "if", "option", "exploring",
    "approach", "approached", "approche"};
constexpr std::string_view kFormerFr[] = {"jusqu'ici", "jusqu'alors", "ancien", "ancienne", "ex",
                                          "auparavant", "precedemment"};
constexpr std::string_view kFormerEn[] = {"previously", "formerly", "former", "ex"};

// The cue tables as one word -> kind map, so that a token costs one lookup.
enum CueBits : unsigned char {
  kNegationCue = 1,
  kModalCue = 2,
  kFormerFrCue = 4,
  kFormerEnCue = 8
};

const FlatStringMap<unsigned char>& Cues() {
  static const FlatStringMap<unsigned char>* const cues = [] {
    auto* map = new FlatStringMap<unsigned char>();
    const auto add = [map](std::span<const std::string_view> words, unsigned char bit) {
      for (std::string_view w : words) map->Insert(w, 0) |= bit;
    };
    add(kNegation, kNegationCue);
    add(kModal, kModalCue);
    add(kFormerFr, kFormerFrCue);
    add(kFormerEn, kFormerEnCue);
    return map;
  }();
  return *cues;
}

unsigned char FormerCue(std::string_view lang) {
  return lang == "fr" ? kFormerFrCue : kFormerEnCue;
}

// What token i says whatever range it is read in, except at the right edge of the range:
// "not" before "only" denies only as the last token; "ruled" before "out" only when "out" is in.
struct TokenCues {
  bool former = false;
  bool modal = false;
  bool negation = false;
  bool not_only = false;   // "not only": a denial only when "only" is outside the range
  bool ruled_out = false;  // "ruled out": a denial only when "out" is inside the range
};

TokenCues CuesAt(const std::vector<Token>& tokens, std::size_t i, unsigned char former) {
  TokenCues c;
  const std::string& f = tokens[i].fold;
  const std::string* next = i + 1 < tokens.size() ? &tokens[i + 1].fold : nullptr;
  const unsigned char* found = Cues().Find(f);
  const unsigned char bits = found == nullptr ? 0 : *found;
  c.former = (bits & former) != 0;
  c.modal = (f == "may" && !tokens[i].capitalized) || (bits & kModalCue) != 0;
  // "prévoit d'ouvrir", "projette de construire": a plan (but "le projet prévoit la création").
  if ((f == "prevoit" || f == "prevoient" || f == "prevoyait" || f == "projette" ||
       f == "projettent") &&
      next != nullptr && (*next == "de" || *next == "d'")) {
    c.modal = true;
  }
  c.negation = f.size() > 3 && f.ends_with("n't");
  if ((bits & kNegationCue) != 0) {
    if (f == "pas" && i >= 1 &&
        (tokens[i - 1].fold == "exclut" || tokens[i - 1].fold == "exclue")) {
      c.modal = true;  // "n'exclut pas": a possibility, not a denial
    } else if (f == "not" && next != nullptr && *next == "only") {
      c.not_only = true;  // "no longer", "pas encore" still deny; "not only" does not
    } else {
      c.negation = true;
    }
  }
  c.ruled_out = (f == "ruled" || f == "rules" || f == "rule") && next != nullptr && *next == "out";
  return c;
}

StatusReading Reading(bool former, bool modal, bool negated) {
  StatusReading r;
  r.former = former;
  if (negated) {
    r.status = graph::FactStatus::kDenied;
  } else if (modal) {
    r.status = graph::FactStatus::kPlanned;
  }
  return r;
}

}  // namespace

StatusReading ReadStatus(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                         std::string_view lang) {
  const unsigned char former_cue = FormerCue(lang);
  bool former = false;
  bool modal = false;
  bool negated = false;
  to = std::min(to, tokens.size());
  for (std::size_t i = from; i < to; ++i) {
    const TokenCues c = CuesAt(tokens, i, former_cue);
    former = former || c.former;
    modal = modal || c.modal;
    negated = negated || c.negation || (c.not_only && i + 1 == to) || (c.ruled_out && i + 1 < to);
  }
  return Reading(former, modal, negated);
}

StatusScanner::StatusScanner(const std::vector<Token>& tokens, std::string_view lang)
    : prefix_(tokens.size() + 1), not_only_(tokens.size()) {
  const unsigned char former_cue = FormerCue(lang);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const TokenCues c = CuesAt(tokens, i, former_cue);
    Counts next = prefix_[i];
    next.former += c.former ? 1 : 0;
    next.modal += c.modal ? 1 : 0;
    next.negation += c.negation ? 1 : 0;
    next.ruled_out += c.ruled_out ? 1 : 0;
    prefix_[i + 1] = next;
    not_only_[i] = c.not_only;
  }
}

StatusReading StatusScanner::Read(std::size_t from, std::size_t to) const {
  to = std::min(to, not_only_.size());
  if (from >= to) return {};
  const Counts& a = prefix_[from];
  const Counts& b = prefix_[to];
  // "ruled out" denies unless it is the last token of the range.
  const bool ruled_out = prefix_[to - 1].ruled_out > a.ruled_out;
  return Reading(b.former > a.former, b.modal > a.modal,
                 b.negation > a.negation || not_only_[to - 1] || ruled_out);
}

}  // namespace presskg::ingest
