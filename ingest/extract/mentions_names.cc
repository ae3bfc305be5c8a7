// Organisation and institution names: capitalised runs, connectors, institutional
// extensions, names with a parenthesised acronym.

#include "ingest/extract/mentions_internal.h"
#include "ingest/extract/word_in.h"
#include "ingest/resolve/entity_keys.h"

namespace presskg::ingest::internal {

std::size_t MentionFinder::Connector(std::size_t i, bool* coordinating) const {
  *coordinating = false;
  if (i >= t_.size()) return 0;
  const std::string& f = t_[i].fold;
  if (t_[i].capitalized && f != "&") return 0;
  if (f == "&") return 1;
  if (f == "de" || f == "du" || f == "des" || f == "d'" || f == "of" || f == "for") {
    if (i + 1 < t_.size() && (t_[i + 1].fold == "la" || t_[i + 1].fold == "l'" ||
                              (f == "of" && t_[i + 1].fold == "the"))) {
      return 2;
    }
    return 1;
  }
  if (f == "et" || f == "and") {
    *coordinating = true;
    bool ignored = false;
    const std::size_t next = Connector(i + 1, &ignored);
    if (next > 0 && !ignored) return 1 + next;
    return french_ ? 0 : 1;
  }
  return 0;
}

bool MentionFinder::RunHasInstitutionCue(std::size_t begin, std::size_t end) const {
  for (std::size_t k = begin; k < end; ++k) {
    if (Has(k, Lexicon::kInstitutionCue)) return true;
  }
  return false;
}

std::size_t MentionFinder::PlainRun(std::size_t i) const {
  std::size_t j = i;
  while (j < t_.size()) {
    if (IsNameWord(j) && !IsLegalForm(j)) {
      ++j;
    } else if (IsPunct(t_[j], "&") && IsNameWord(j + 1)) {
      j += 2;
    } else if (j > i && IsWord(j) && t_[j].capitalized && !t_[j].all_caps &&
               IsSurnameParticle(t_[j].fold) && IsNameWord(j + 1) &&
               !Has(j + 1, Lexicon::kOrgCue)) {
      ++j;  // "Clotaire Le Goff", "Jan Van Dijk": a capitalised particle inside a surname
    } else {
      break;
    }
  }
  return j;
}

bool MentionFinder::IsSurnameParticle(std::string_view fold) {
  static constexpr std::string_view kParticles[] = {"le", "la", "de", "du", "des", "van",
                                                    "von", "der", "den", "da", "di", "dos"};
  return In(fold, kParticles);
}

bool MentionFinder::IsAcronymAt(std::size_t i) const {
  return i + 2 < t_.size() && IsPunct(t_[i], "(") && IsWord(i + 1) &&
         (t_[i + 1].all_caps || t_[i + 1].text.find('\'') != std::string::npos) &&
         t_[i + 1].capitalized && !Has(i + 1, Lexicon::kNotName) && IsPunct(t_[i + 2], ")");
}

std::size_t MentionFinder::ExtendInstitution(std::size_t j) const {
  while (j < t_.size()) {
    if (IsNameWord(j) && !IsLegalForm(j)) {
      ++j;
      continue;
    }
    if (french_ && IsWord(j) && !t_[j].capitalized && !Has(j, Lexicon::kFunctionWord) &&
        !Has(j, Lexicon::kNotName) && (Has(j, Lexicon::kDemonym) || IsAdjective(t_[j].fold))) {
      ++j;
      continue;
    }
    bool coordinating = false;
    // "Ministry of Information, Communications and the Digital Economy".
    if (!french_ && j + 1 < t_.size() && IsPunct(t_[j], ",") && IsNameWord(j + 1)) {
      std::size_t q = PlainRun(j + 1);
      if (q + 2 < t_.size() && t_[q].fold == "and" &&
          (IsNameWord(q + 1) || (t_[q + 1].fold == "the" && IsNameWord(q + 2)))) {
        j = PlainRun(t_[q + 1].fold == "the" ? q + 2 : q + 1);
        continue;
      }
    }
    // "ministère de l'Agriculture, du Développement rural et des Productions vivrières": a
    // list of portfolios closed by "et" inside one institution's name.
    if (french_ && j + 2 < t_.size() && IsPunct(t_[j], ",")) {
      bool list_coordinating = false;
      const std::size_t lc = Connector(j + 1, &list_coordinating);
      if (lc > 0 && !list_coordinating && IsNameWord(j + 1 + lc) && ListClosesWithEt(j + 1)) {
        j = j + 1 + lc;
        continue;
      }
    }
    const std::size_t c = Connector(j, &coordinating);
    if (c == 0) break;
    const std::size_t k = j + c;
    // "Bank Al-Maghrib et de la Banque centrale": a second institution starts.
    if (coordinating && IsNameWord(k) && Has(k, Lexicon::kOrgCue)) break;
    if (IsNameWord(k)) {
      j = k;
      continue;
    }
    if (french_ && IsWord(k) && !t_[k].capitalized && !Has(k, Lexicon::kFunctionWord) &&
        !Has(k, Lexicon::kNotName) && t_[k].fold.size() > 2) {
      j = k + 1;
      continue;
    }
    break;
  }
  return j;
}

bool MentionFinder::ListClosesWithEt(std::size_t from) const {
  for (std::size_t q = from; q < t_.size() && q < from + 16; ++q) {
    const Token& tok = t_[q];
    if (tok.type == TokenType::kPunct && tok.text != "," && tok.text != "'" && tok.text != "-") {
      return false;
    }
    if (tok.type == TokenType::kWord && tok.fold == "et") {
      bool coordinating = false;
      const std::size_t c = Connector(q + 1, &coordinating);
      return c > 0 && IsNameWord(q + 1 + c);
    }
  }
  return false;
}

bool MentionFinder::EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() + 2 && s.substr(s.size() - suffix.size()) == suffix;
}

bool MentionFinder::IsAdjective(std::string_view f) {
  for (std::string_view suffix :
       {"ique",  "iques", "able", "ables", "ale", "al", "ales", "aux", "aire",
        "aires", "elle",  "el",   "ielle", "ive", "if", "iere", "ier", "ale",
        "ienne", "ien",   "aine", "ain",   "ee",  "e",  "es",  "ieres", "iers", "ives",
        "elles", "iennes", "aines", "ees"}) {
    if (suffix.size() <= 2 && suffix != "al" && suffix != "el" && suffix != "if") continue;
    if (EndsWith(f, suffix)) return true;
  }
  return false;
}

std::size_t MentionFinder::ExtendRun(std::size_t begin, std::size_t end) const {
  std::size_t j = end;
  if (RunHasInstitutionCue(begin, j)) return ExtendInstitution(j);
  while (j < t_.size()) {
    bool coordinating = false;
    const std::size_t c = Connector(j, &coordinating);
    if (c == 0 || !IsNameWord(j + c)) break;
    const std::size_t k = PlainRun(j + c);
    const bool legal_next = IsLegalForm(k);
    const bool acronym_next = IsAcronymAt(k);
    // A place spelled with a connector: "Côte d'Ivoire", "Trois-Rivières" is one token.
    std::vector<std::string_view> words;
    for (std::size_t q = j - 1; q < k; ++q) words.push_back(t_[q].fold);
    const bool place = lex_.MatchPlace(words, Locative(begin)) == static_cast<int>(words.size());
    // "de", "du", "des", "d'" inside capitalised words joins one French name in English text
    // ("Forges de la Loire"); in French text, after a plural article only, as such a name is
    // built on a common noun ("les Forges de la Loire", "des Chantiers de l'Atlantique").
    const std::string& cf = t_[j].fold;
    const bool de_connector =
        !coordinating && (cf == "de" || cf == "du" || cf == "des" || cf == "d'");
    const bool plural_article = begin > 0 && !t_[begin - 1].capitalized &&
                                (t_[begin - 1].fold == "les" || t_[begin - 1].fold == "des" ||
                                 t_[begin - 1].fold == "aux");
    if (legal_next || acronym_next || place || (de_connector && (!french_ || plural_article)) ||
        (!coordinating && RunHasInstitutionCue(j + c, k))) {
      j = k;
      continue;
    }
    break;
  }
  return j;
}

std::size_t MentionFinder::InstitutionCueBefore(std::size_t from) const {
  std::size_t b = from;
  for (int steps = 0; b > 0 && steps < 14; ++steps) {
    --b;
    const Token& tok = t_[b];
    if (tok.type != TokenType::kWord) break;
    if (Has(b, Lexicon::kInstitutionCue) && (tok.capitalized || Has(b, Lexicon::kLowerCue))) {
      return b;
    }
    if (tok.fold == "a" || tok.fold == "avec" || tok.fold == "dans" || tok.fold == "par" ||
        tok.fold == "with" || tok.fold == "by" || tok.fold == "in") {
      break;
    }
  }
  return from;
}

void MentionFinder::FindAcronymNames() {
  for (std::size_t p = 1; p + 2 < t_.size(); ++p) {
    if (!IsAcronymAt(p)) continue;
    std::size_t begin = p;
    if (IsNameWord(p - 1)) {
      // Walk back over capitalised words and bare connectors.
      std::size_t b = p - 1;
      while (true) {
        while (b > 0 && (IsNameWord(b - 1) || IsPunct(t_[b - 1], "&"))) --b;
        std::size_t c = b;
        int connectors = 0;
        while (c > 0 && connectors < 3) {
          const std::string& f = t_[c - 1].fold;
          if (t_[c - 1].capitalized) break;
          if (f == "de" || f == "du" || f == "des" || f == "d'" || f == "l'" || f == "la" ||
              f == "et" || f == "and" || f == "of" || f == "for") {
            --c;
            ++connectors;
          } else {
            break;
          }
        }
        if (connectors > 0 && c > 0 && IsNameWord(c - 1) && !(c >= 2 && t_[c - 1].fold == "the")) {
          b = c - 1;
          continue;
        }
        break;
      }
      begin = b;
      // "Teranga Pay and Banque Sahélienne de Crédit (BSC)": when the name after the last
      // "and" / "et" spells the acronym on its own, the coordination is two names.
      for (std::size_t q = p; q-- > begin + 1;) {
        if ((t_[q].fold == "and" || t_[q].fold == "et") && !t_[q].capitalized) {
          if (IsNameWord(q + 1) && IsAcronymOf(t_[p + 1].text, Text(q + 1, p))) begin = q + 1;
          break;
        }
      }
      if (begin < p && Has(begin, Lexicon::kFunctionWord) && AtStart(begin)) ++begin;
      // "Banque centrale des États de l'Afrique de l'Ouest (BCEAO)": lower-case words
      // between the institution cue and the capitalised words.
      const std::size_t cue = InstitutionCueBefore(begin);
      if (cue < begin && IsAcronymOf(t_[p + 1].text, Text(cue, p))) begin = cue;
    } else {
      // French lower-case tail: back to the nearest institution cue.
      begin = InstitutionCueBefore(p);
    }
    if (begin >= p) continue;
    MentionSpan m;
    m.begin = begin;
    m.end = p + 3;
    m.kind = NodeKind::kOrganization;
    m.name = Text(begin, p);
    m.acronym = t_[p + 1].text;
    m.certain = true;
    if (!fixed_.empty() && fixed_.back().end > begin) continue;
    fixed_.push_back(std::move(m));
  }
}

}  // namespace presskg::ingest::internal
