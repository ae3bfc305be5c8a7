#include "ingest/extract/mentions.h"

#include "ingest/extract/lexicon.h"
#include "ingest/resolve/entity_keys.h"

namespace presskg::ingest {
namespace {

using graph::NodeKind;

bool IsPunct(const Token& t, std::string_view p) { return t.type == TokenType::kPunct && t.text == p; }

bool IsDash(const Token& t) {
  return t.type == TokenType::kPunct && (t.text == "-" || t.text == "–" || t.text == "—");
}

class MentionFinder {
 public:
  MentionFinder(const std::vector<Token>& tokens, std::string_view sentence, std::string_view lang)
      : t_(tokens), sentence_(sentence), french_(lang == "fr"), lex_(Lexicon::Get()) {
    flags_.reserve(t_.size());
    for (const Token& t : t_) flags_.push_back(lex_.FoldFlags(t.fold) | lex_.WrittenFlags(t.text));
  }

  std::vector<MentionSpan> Run() {
    FindAcronymNames();
    std::size_t i = 0;
    std::size_t next_fixed = 0;
    while (i < t_.size()) {
      while (next_fixed < fixed_.size() && fixed_[next_fixed].end <= i) ++next_fixed;
      if (next_fixed < fixed_.size() && fixed_[next_fixed].begin <= i) {
        out_.push_back(fixed_[next_fixed]);
        i = fixed_[next_fixed].end;
        continue;
      }
      const std::size_t limit = next_fixed < fixed_.size() ? fixed_[next_fixed].begin : t_.size();
      i = Step(i, limit);
    }
    return std::move(out_);
  }

 private:
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

  // Connector length at i ("de", "de la", "d'", "of", "of the", "and", "et du", "&"), or 0.
  std::size_t Connector(std::size_t i, bool* coordinating) const {
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

  bool RunHasInstitutionCue(std::size_t begin, std::size_t end) const {
    for (std::size_t k = begin; k < end; ++k) {
      if (Has(k, Lexicon::kInstitutionCue)) return true;
    }
    return false;
  }

  // End of a plain capitalised run starting at i (words, initials, "&" between names).
  std::size_t PlainRun(std::size_t i) const {
    std::size_t j = i;
    while (j < t_.size()) {
      if (IsNameWord(j) && !IsLegalForm(j)) {
        ++j;
      } else if (IsPunct(t_[j], "&") && IsNameWord(j + 1)) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  bool IsAcronymAt(std::size_t i) const {
    return i + 2 < t_.size() && IsPunct(t_[i], "(") && IsWord(i + 1) &&
           (t_[i + 1].all_caps || t_[i + 1].text.find('\'') != std::string::npos) &&
           t_[i + 1].capitalized && !Has(i + 1, Lexicon::kNotName) && IsPunct(t_[i + 2], ")");
  }

  // French institutional names run on through lower-case words after connectors:
  // "Agence marocaine de développement des investissements et des exportations".
  std::size_t ExtendInstitution(std::size_t j) const {
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

  static bool EndsWith(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() + 2 && s.substr(s.size() - suffix.size()) == suffix;
  }
  static bool IsAdjective(std::string_view f) {
    for (std::string_view suffix : {"ique", "iques", "able", "ables", "ale", "al", "ales", "aux", "aire",
                                    "aires", "elle", "el", "ielle", "ive", "if", "iere", "ier", "ale",
                                    "ienne", "ien", "aine", "ain", "ee", "e", "es"}) {
      if (suffix.size() <= 2 && suffix != "al" && suffix != "el" && suffix != "if") continue;
      if (EndsWith(f, suffix)) return true;
    }
    return false;
  }

  // True when a place name may start at token i: after a locative preposition ("à", "in"),
  // after "de" / "of" that follows a place noun ("la ville de", "the city of"), in a list after
  // a place ("à Tarfaya et Essaouira"), before "-based", or as a dateline ("Tanger, 14 mars").
  bool Locative(std::size_t i) const {
    if (i + 2 < t_.size() && IsPunct(t_[i + 1], "-") &&
        (t_[i + 2].fold == "based" || t_[i + 2].fold == "headquartered")) {
      return true;
    }
    // "Hutchinson, Kansas", "Cambridge, Mass.": a city named with its state or country.
    if (i + 2 < t_.size() && IsPunct(t_[i + 1], ",") && IsNameWord(i + 2)) {
      std::vector<std::string_view> next;
      for (std::size_t k = i + 2; k < t_.size() && k < i + 6; ++k) next.push_back(t_[k].fold);
      const auto len = static_cast<std::size_t>(lex_.MatchPlace(next, true));
      if (len > 0 && !IsNameWord(i + 2 + len)) return true;
    }
    if (i == 0) {  // a dateline: "Tanger, 14 mars 2024 -", "WICHITA, Kan., Sept. 3, 2024 -"
      if (t_.size() < 2 || !IsPunct(t_[1], ",")) return false;
      for (std::size_t k = 2; k < t_.size() && k < 10; ++k) {
        if (t_[k].type == TokenType::kNumber) return true;
      }
      return false;
    }
    std::size_t p = i - 1;
    // "dans l'Ain", "in the Netherlands": the determiner is skipped.
    if (p > 0 && (t_[p].fold == "l'" || t_[p].fold == "la" || t_[p].fold == "le" ||
                  t_[p].fold == "les" || t_[p].fold == "the")) {
      --p;
    }
    const std::string& f = t_[p].fold;
    if (t_[p].type == TokenType::kWord && !t_[p].capitalized &&
        Has(p, french_ ? Lexicon::kLocativeFr : Lexicon::kLocativeEn)) {
      return true;
    }
    const bool de = f == "de" || f == "d'" || f == "du" || f == "des" || f == "of";
    if (de && p > 0 && Has(p - 1, Lexicon::kPlaceNoun)) return true;
    // "la zone Midparc de Nouaceur", "l'Atlantic Free Zone de Kénitra": a place of a place.
    if (de && !out_.empty() && out_.back().kind == NodeKind::kPlace && out_.back().end == p) {
      return true;
    }
    // "les régions de Tanger et de Kénitra": the preposition repeated in a list of places.
    if (de && p > 0 && (t_[p - 1].fold == "et" || t_[p - 1].fold == "and" ||
                        IsPunct(t_[p - 1], ",")) &&
        !out_.empty() && out_.back().kind == NodeKind::kPlace && out_.back().end == p - 1) {
      return true;
    }
    // A list of places: "à Tarfaya, Essaouira et Dakhla", "in Leeds, and Bristol".
    std::size_t q = p;
    if ((f == "et" || f == "and") && q > 0 && IsPunct(t_[q - 1], ",")) --q;
    const bool separator = IsPunct(t_[p], ",") || f == "et" || f == "and";
    return separator && !out_.empty() && out_.back().kind == NodeKind::kPlace &&
           out_.back().end == q;
  }

  // Extends a capitalised run over connectors when the result is one name.
  std::size_t ExtendRun(std::size_t begin, std::size_t end) const {
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
      const bool place =
          lex_.MatchPlace(words, Locative(begin)) == static_cast<int>(words.size());
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

  std::string Text(std::size_t begin, std::size_t end) const {
    return std::string(sentence_.substr(t_[begin].begin, t_[end - 1].end - t_[begin].begin));
  }

  void AddMention(std::size_t begin, std::size_t name_begin, std::size_t end, NodeKind kind,
                  bool certain) {
    MentionSpan m;
    m.begin = begin;
    m.end = end;
    m.kind = kind;
    m.name = Text(name_begin, end);
    m.certain = certain;
    m.titled = name_begin > begin;
    out_.push_back(std::move(m));
  }

  // The nearest institution cue before `from` ("Banque", "ministère") over lower-case words,
  // within 14 words and not across "à", "avec", "with"...; `from` when there is none.
  std::size_t InstitutionCueBefore(std::size_t from) const {
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

  // Names followed by "(ACRONYM)", found first so that the forward scan does not cut them.
  void FindAcronymNames() {
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

  // Folded words of tokens [begin, end), at most `max` of them.
  std::vector<std::string_view> Folds(std::size_t begin, std::size_t end,
                                      std::size_t max = 6) const {
    std::vector<std::string_view> words;
    words.reserve(std::min(max, end > begin ? end - begin : 0));
    for (std::size_t k = begin; k < end && k < t_.size() && words.size() < max; ++k) {
      words.push_back(t_[k].fold);
    }
    return words;
  }

  // The tokens "du", "de la", "de l'", "des" ending at `end` (exclusive), or 0.
  std::size_t DeBefore(std::size_t end) const {
    if (end == 0) return 0;
    const std::string& f = t_[end - 1].fold;
    if (f == "du" || f == "des") return 1;
    if ((f == "l'" || f == "la") && end >= 2 && t_[end - 2].fold == "de") return 2;
    return 0;
  }

  // A place named by a compass word coordinated with another one, the shared part written once:
  // "North and West Africa" (the first word: "North Africa"), "Afrique du Nord et de l'Ouest"
  // (the last: "Afrique de l'Ouest"). Adds the place named in full and returns its end, or 0.
  std::size_t EllipticPlace(std::size_t i, std::size_t limit) {
    if (!Has(i, Lexicon::kCompass)) return 0;
    if (!french_) {
      // Compass words joined by ",", "and", "or", then the last one with the shared place.
      std::size_t j = i + 1;
      while (j + 1 < limit && (IsPunct(t_[j], ",") || t_[j].fold == "and" || t_[j].fold == "or") &&
             IsNameWord(j + 1) && Has(j + 1, Lexicon::kCompass)) {
        j += 2;
      }
      if (j == i + 1) return 0;
      const std::size_t last = j - 1;
      const auto full = static_cast<std::size_t>(lex_.MatchPlace(Folds(last, limit), true));
      if (full < 2) return 0;
      std::vector<std::string_view> words = Folds(last + 1, last + full);
      words.insert(words.begin(), t_[i].fold);
      if (lex_.MatchPlace(words, true) != static_cast<int>(words.size())) return 0;
      AddMention(i, i, i + 1, NodeKind::kPlace, true);
      out_.back().name = t_[i].text + " " + Text(last + 1, last + full);
      return i + 1;
    }
    // "... du Nord et de l'Ouest": the previous place ends with "du <compass>".
    const std::size_t de = DeBefore(i);
    if (de == 0 || i < de + 1 || out_.empty() || out_.back().kind != NodeKind::kPlace) return 0;
    const std::size_t joint = i - de - 1;  // "et" or ","
    if (!(t_[joint].fold == "et" || t_[joint].fold == "ou" || IsPunct(t_[joint], ","))) return 0;
    const MentionSpan& previous = out_.back();
    if (previous.end != joint || !Has(previous.end - 1, Lexicon::kCompass)) return 0;
    const std::size_t previous_de = DeBefore(previous.end - 1);
    if (previous_de == 0 || previous.end - 1 - previous_de <= previous.begin) return 0;
    const std::size_t stem_end = previous.end - 1 - previous_de;
    std::vector<std::string_view> words = Folds(previous.begin, stem_end);
    for (std::size_t k = i - de; k <= i; ++k) words.push_back(t_[k].fold);
    if (lex_.MatchPlace(words, true) != static_cast<int>(words.size())) return 0;
    const std::string stem = Text(previous.begin, stem_end);
    AddMention(i - de, i - de, i + 1, NodeKind::kPlace, true);
    out_.back().name = stem + " " + Text(i - de, i + 1);
    return i + 1;
  }

  // Scans from token i; returns the next position.
  std::size_t Step(std::size_t i, std::size_t limit) {
    const Token& tok = t_[i];
    if (tok.type != TokenType::kWord) return i + 1;
    // Seas and regions written with a lower-case noun: "mer Noire", "golfe de Guinée".
    if (!tok.capitalized && Has(i, Lexicon::kStartsWorldPlace)) {
      const auto len = static_cast<std::size_t>(lex_.MatchWorldPlace(Folds(i, limit)));
      if (len > 1 && i + len <= limit) {
        AddMention(i, i, i + len, NodeKind::kPlace, true);
        return i + len;
      }
    }
    // Lower-case openers: "ministère de ...", "canton du Valais", "port d'Anvers-Bruges".
    if (!tok.capitalized && Has(i, Lexicon::kLowerCue | Lexicon::kLowerPlaceCue)) {
      bool coordinating = false;
      const std::size_t c = Connector(i + 1, &coordinating);
      const bool place_cue = Has(i, Lexicon::kLowerPlaceCue);
      if (c > 0 && !coordinating && IsNameWord(i + 1 + c)) {
        std::size_t end = place_cue ? PlainRun(i + 1 + c) : ExtendInstitution(i + 1 + c);
        end = std::min(end, limit);
        AddMention(i, i, end, place_cue ? NodeKind::kPlace : NodeKind::kOrganization, true);
        return end;
      }
      if (place_cue && c == 0 && IsNameWord(i + 1)) {  // "zone Midparc"
        const std::size_t end = std::min(PlainRun(i + 1), limit);
        AddMention(i + 1, i + 1, end, NodeKind::kPlace, true);
        return end;
      }
      return i + 1;
    }
    // Titles: "M. Tazi", "Mme Diop", "Dr. Alan Brooks".
    if (Has(i, Lexicon::kTitle)) {
      std::size_t name = i + 1;
      if (name < t_.size() && IsPunct(t_[name], ".")) ++name;
      if (IsNameWord(name)) {
        const std::size_t end = std::min(PlainRun(name), limit);
        AddMention(i, name, end, NodeKind::kPerson, true);
        return end;
      }
      return i + 1;
    }
    if (!tok.capitalized || Has(i, Lexicon::kNotName)) return i + 1;
    const bool at_start = AtStart(i);
    if (Has(i, Lexicon::kFunctionWord) && at_start) return i + 1;
    // Initials: "J.M Boulard", "P.-Y. Lemoine", "R Mezzour", "A. Benjelloun".
    const bool initial = tok.text.find('.') != std::string::npos ||
                         (tok.text.size() == 1 && tok.all_caps == false && tok.capitalized);
    if (initial && IsNameWord(i + 1) && !Has(i + 1, Lexicon::kFunctionWord)) {
      const std::size_t end = std::min(PlainRun(i + 1), limit);
      AddMention(i, i, end, NodeKind::kPerson, true);
      return end;
    }
    if (initial) return i + 1;
    if (const std::size_t end = EllipticPlace(i, limit); end > 0) return end;
    // Places first: the longest gazetteer match.
    std::size_t run_end = std::min(PlainRun(i), limit);
    if (run_end == i) return i + 1;
    const int place_len = lex_.MatchPlace(Folds(i, t_.size()), Locative(i));
    // Person: known first name followed by a capitalised word.
    std::string first = tok.fold;
    if (const std::size_t dash = first.find('-'); dash != std::string::npos && !lex_.IsFirstName(first)) {
      first = first.substr(0, dash);
    }
    if (lex_.IsFirstName(first) && place_len == 0) {
      // "Mehdi et Anas Lahlou": two first names sharing the surname.
      if (run_end == i + 1 && i + 3 < t_.size() &&
          (t_[i + 1].fold == "et" || t_[i + 1].fold == "and") && Has(i + 2, Lexicon::kFirstName) &&
          IsNameWord(i + 3)) {
        const std::size_t end = std::min(PlainRun(i + 3), limit);
        MentionSpan a;
        a.begin = i;
        a.end = i + 1;
        a.kind = NodeKind::kPerson;
        a.name = tok.text + " " + Text(i + 3, end);
        out_.push_back(a);
        AddMention(i + 2, i + 2, end, NodeKind::kPerson, true);
        return end;
      }
      if (run_end - i >= 2 && run_end - i <= 4) {
        bool org_like = IsLegalForm(run_end);
        // "Marks & Spencer", "Hartley & Rowe": an ampersand joins the names of a firm.
        for (std::size_t k = i + 1; k < run_end; ++k)
          org_like = org_like || Has(k, Lexicon::kOrgCue) || t_[k].text == "&";
        if (!org_like) {
          AddMention(i, i, run_end, NodeKind::kPerson, true);
          return run_end;
        }
      }
    }
    std::size_t end = std::min(ExtendRun(i, run_end), limit);
    // "the Garnier family", "la famille Garnier": a family, neither a company nor a person
    // (its surname would otherwise resolve to a person of the document).
    if ((end < t_.size() && !t_[end].capitalized &&
         (t_[end].fold == "family" || t_[end].fold == "families")) ||
        (i > 0 && !t_[i - 1].capitalized && t_[i - 1].fold == "famille")) {
      return end;
    }
    // A compass word alone ("in the North") is no name.
    if (end == i + 1 && place_len == 0 && Has(i, Lexicon::kCompass)) return end;
    if (place_len > 0 && i + static_cast<std::size_t>(place_len) >= end) {
      AddMention(i, i, i + static_cast<std::size_t>(place_len), NodeKind::kPlace, true);
      return i + static_cast<std::size_t>(place_len);
    }
    // Legal form closes the name: "Lémanis Pharma SA", "Great Lakes Motor Co.", "Aéro Laurentides inc.".
    bool legal = false;
    if (IsLegalForm(end)) {
      legal = true;
      ++end;
      if (end < t_.size() && IsPunct(t_[end], ".") && t_[end - 1].text.back() != '.' &&
          (t_[end - 1].fold == "inc" || t_[end - 1].fold == "co" || t_[end - 1].fold == "corp" ||
           t_[end - 1].fold == "ltd")) {
        ++end;
      }
    }
    // Only demonyms ("German", "South African"): not a name.
    bool all_demonyms = true;
    for (std::size_t k = i; k < end; ++k) all_demonyms = all_demonyms && Has(k, Lexicon::kDemonym);
    if (all_demonyms) return end;
    std::size_t name_begin = i;
    // "Le Groupe Calvern" keeps "Groupe"; a sentence-initial function word was skipped above.
    bool cue = legal;
    bool site = Has(i, Lexicon::kSiteWord) || Has(end - 1, Lexicon::kSiteWord) ||
                (end < t_.size() && !t_[end].capitalized && Has(end, Lexicon::kSiteWord) &&
                 t_[end].fold != "city");
    for (std::size_t k = i; k < end; ++k) cue = cue || Has(k, Lexicon::kOrgCue);
    NodeKind kind = NodeKind::kOrganization;
    if (site && !cue) kind = NodeKind::kPlace;
    const bool single = end - name_begin == 1;
    MentionSpan m;
    m.begin = i;
    m.end = end;
    m.kind = kind;
    m.name = Text(name_begin, end);
    // The name of an organisation ends with its legal form (kept), never with a period alone.
    m.certain = cue || t_[i].all_caps || kind == NodeKind::kPlace;
    m.sentence_initial = single && at_start && !t_[i].all_caps;
    out_.push_back(std::move(m));
    return end;
  }

  const std::vector<Token>& t_;
  std::string_view sentence_;
  bool french_;
  const Lexicon& lex_;
  std::vector<std::uint32_t> flags_;  // Lexicon::FoldFlags | WrittenFlags of each token
  std::vector<MentionSpan> fixed_;
  std::vector<MentionSpan> out_;
};

}  // namespace

std::vector<MentionSpan> FindMentions(const std::vector<Token>& tokens, std::string_view sentence,
                                      std::string_view lang) {
  return MentionFinder(tokens, sentence, lang).Run();
}

}  // namespace presskg::ingest
