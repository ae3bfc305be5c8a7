#include "ingest/extract/mentions.h"

#include "ingest/extract/lexicon.h"
#include "ingest/extract/mentions_internal.h"
#include "ingest/extract/word_in.h"

namespace presskg::ingest::internal {

MentionFinder::MentionFinder(const std::vector<Token>& tokens, std::string_view sentence,
                             std::string_view lang)
    : t_(tokens), sentence_(sentence), french_(lang == "fr"), lex_(Lexicon::Get()) {
  flags_.reserve(t_.size());
  for (const Token& t : t_) flags_.push_back(lex_.FoldFlags(t.fold) | lex_.WrittenFlags(t.text));
}

std::vector<MentionSpan> MentionFinder::Run() {
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

void MentionFinder::AddMention(std::size_t begin, std::size_t name_begin, std::size_t end,
                               NodeKind kind, bool certain) {
  MentionSpan m;
  m.begin = begin;
  m.end = end;
  m.kind = kind;
  m.name = Text(name_begin, end);
  m.certain = certain;
  m.titled = name_begin > begin;
  out_.push_back(std::move(m));
}

bool MentionFinder::IsStockExchange(std::string_view fold) {
  static constexpr std::string_view kExchanges[] = {
      "nse",  "bse", "nyse", "nasdaq", "euronext", "lse",  "tsx",  "asx",   "six",
      "xetra", "jse", "brvm", "otc",   "otcqx",    "amex", "tsxv", "bourse", "cse"};
  return In(fold, kExchanges);
}

bool MentionFinder::IsNewsAgency(std::string_view fold) {
  static constexpr std::string_view kAgencies[] = {"afp", "reuters", "bloomberg", "xinhua",
                                                   "prnewswire", "businesswire", "globenewswire"};
  return In(fold, kAgencies);
}

std::size_t MentionFinder::Step(std::size_t i, std::size_t limit) {
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
  // "Kribi-based", "Amqui-based": a single name before "-based" is a place, in the gazetteer or not.
  if (i + 2 < limit && IsPunct(t_[i + 1], "-") &&
      (t_[i + 2].fold == "based" || t_[i + 2].fold == "headquartered") && !IsLegalForm(i) &&
      !Has(i, Lexicon::kFunctionWord) && (i == 0 || !IsNameWord(i - 1))) {
    AddMention(i, i, i + 1, NodeKind::kPlace, true);
    return i + 1;
  }
  // A ticker: "(NSE: KONKANMAR)", "(Nasdaq: CPTX)": neither the exchange nor the symbol is a party.
  if (i >= 3 && IsPunct(t_[i - 1], ":") && IsPunct(t_[i - 3], "(") && IsStockExchange(t_[i - 2].fold)) {
    return i + 1;
  }
  if (i >= 1 && i + 1 < t_.size() && IsPunct(t_[i - 1], "(") && IsPunct(t_[i + 1], ":") &&
      IsStockExchange(tok.fold)) {
    return i + 1;
  }
  // News agencies: "(AFP)" in a dateline credits the story; "told Reuters Hamdan Al Suwaidi"
  // ends the agency's name at its one word.
  if (IsNewsAgency(tok.fold)) {
    if (i > 0 && IsPunct(t_[i - 1], "(")) return i + 1;
    AddMention(i, i, i + 1, NodeKind::kOrganization, true);
    return i + 1;
  }
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
  // "Le Valenciennois Ferrovia Systèmes": a city's inhabitant noun before a name is no part of it.
  if (!lex_.CityOfAdjective(tok.fold).empty() && IsNameWord(i + 1)) return i + 1;
  if (const std::size_t end = EllipticPlace(i, limit); end > 0) return end;
  // Places first: the longest gazetteer match.
  std::size_t run_end = std::min(PlainRun(i), limit);
  if (run_end == i) return i + 1;
  const int place_len = lex_.MatchPlace(Folds(i, t_.size()), Locative(i));
  // Person: known first name followed by a capitalised word.
  std::string first = tok.fold;
  if (const std::size_t dash = first.find('-');
      dash != std::string::npos && !lex_.IsFirstName(first)) {
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
  // Legal form closes the name: "Lémanis Pharma SA", "Great Lakes Motor Co.", "Aéro Laurentides
  // inc.".
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

}  // namespace presskg::ingest::internal

namespace presskg::ingest {

std::vector<MentionSpan> FindMentions(const std::vector<Token>& tokens, std::string_view sentence,
                                      std::string_view lang) {
  std::vector<MentionSpan> mentions = internal::MentionFinder(tokens, sentence, lang).Run();
  RetypePersonsInSentence(tokens, &mentions);
  return mentions;
}

}  // namespace presskg::ingest
