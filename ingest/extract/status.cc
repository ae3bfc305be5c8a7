#include "ingest/extract/status.h"

#include <algorithm>
#include <span>

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

bool In(std::string_view w, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

StatusReading ReadStatus(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                         std::string_view lang) {
  StatusReading r;
  const std::span<const std::string_view> former =
      lang == "fr" ? std::span<const std::string_view>(kFormerFr)
                   : std::span<const std::string_view>(kFormerEn);
  bool negated = false;
  bool modal = false;
  to = std::min(to, tokens.size());
  for (std::size_t i = from; i < to; ++i) {
    const std::string& f = tokens[i].fold;
    if (In(f, former)) r.former = true;
    if (f == "may" && !tokens[i].capitalized) modal = true;
    if (f.size() > 3 && f.ends_with("n't")) negated = true;
    if (In(f, kModal)) modal = true;
    if (In(f, kNegation)) {
      // "n'exclut pas": a possibility, not a denial.
      if (f == "pas" && i >= 1 && (tokens[i - 1].fold == "exclut" || tokens[i - 1].fold == "exclue")) {
        modal = true;
        continue;
      }
      // "no longer", "pas encore" still deny; "not only" does not.
      if (f == "not" && i + 1 < to && tokens[i + 1].fold == "only") continue;
      negated = true;
    }
    if ((f == "ruled" || f == "rules" || f == "rule") && i + 1 < to && tokens[i + 1].fold == "out") {
      negated = true;
    }
  }
  if (negated) {
    r.status = graph::FactStatus::kDenied;
  } else if (modal) {
    r.status = graph::FactStatus::kPlanned;
  }
  return r;
}

}  // namespace presskg::ingest
