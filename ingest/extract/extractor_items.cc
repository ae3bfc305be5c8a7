// Sentence items: words, values, entity mentions and anaphoric noun phrases as the rules see them.

#include "ingest/extract/extractor_internal.h"
#include "ingest/extract/lexicon.h"
#include "ingest/extract/token.h"
#include "ingest/extract/values.h"

namespace presskg::ingest::internal {

namespace {

constexpr std::string_view kAnaphorHeads[] = {
    "societe",     "groupe",       "entreprise",   "filiale",  "operateur", "detaillant",
    "laboratoire", "fintech",      "start-up",     "banque",   "ensemble",  "entite",
    "assureur",    "constructeur", "coentreprise", "unite",    "chaine",    "enseigne",
    "company",     "group",        "firm",         "operator", "retailer",  "subsidiary",
    "bank",        "automaker",    "carmaker",     "chain",    "lab",       "laboratory",
    "business",    "unit"};
// Plural heads of "les deux X" / "the two X" naming a pair of organisations.
constexpr std::string_view kPairHeads[] = {
    "assureurs", "groupes", "societes",  "entreprises", "partenaires", "banques", "operateurs",
    "insurers",  "groups",  "companies", "firms",       "partners",    "banks",   "operators"};

const WordList& AnaphorHeads() {
  static const WordList* const list = new WordList(kAnaphorHeads);
  return *list;
}

}  // namespace

bool DocumentExtractor::IsNegationParticle(const Token& t) const {
  const std::string_view f = t.fold;
  return f == "ne" || f == "n'" || f == "pas" || f == "not" || f == "jamais" || f == "never";
}

std::size_t DocumentExtractor::AnaphorAt(const SentenceData& s, std::size_t i,
                                         std::size_t next_mention, std::size_t* place_begin,
                                         std::size_t* place_end) const {
  const std::vector<Token>& t = s.tokens;
  const std::string_view d = t[i].fold;
  const bool det = d == "le" || d == "la" || d == "l'" || d == "the";
  const bool contracted = d == "du" || d == "au";
  // "les deux assureurs", "the two companies": the latest coordinated pair (ResolveItems).
  if ((d == "les" || d == "the") && i + 2 < t.size() &&
      (t[i + 1].fold == "deux" || t[i + 1].fold == "two") && In(t[i + 2].fold, kPairHeads)) {
    return 3;
  }
  if (!det && !contracted) return 0;
  std::size_t j = i + 1;
  *place_begin = *place_end = 0;
  // "the Paris-based firm", "The Valencia-headquartered group".
  if (j == next_mention) {
    for (const MentionSpan& m : s.mentions) {
      if (m.begin == j && m.kind == NodeKind::kPlace && m.end + 1 < t.size() &&
          t[m.end].text == "-" &&
          (t[m.end + 1].fold == "based" || t[m.end + 1].fold == "headquartered")) {
        *place_begin = m.begin;
        *place_end = m.end;
        j = m.end + 2;
      }
    }
    if (*place_end == 0) return 0;
  } else if (j + 2 < t.size() && t[j].capitalized && t[j].type == TokenType::kWord &&
             t[j + 1].text == "-" &&
             (t[j + 2].fold == "based" || t[j + 2].fold == "headquartered")) {
    // "the Bengaluru-based firm" with a city the gazetteer does not hold.
    *place_begin = j;
    *place_end = j + 1;
    j += 3;
  }
  const Lexicon& lex = Lexicon::Get();
  for (int n = 0; n < 3 && j < t.size(); ++n, ++j) {
    if (t[j].type != TokenType::kWord) return 0;
    if (AnaphorHeads().Contains(t[j].fold)) {
      // Not a descriptor of a following name: "le groupe allemand Hartwig Elektrik".
      std::size_t k = j + 1;
      while (k < t.size() && k < j + 3 && t[k].type == TokenType::kWord && !t[k].capitalized &&
             (lex.IsDemonym(t[k].fold) || !lex.IsFunctionWord(t[k].fold))) {
        ++k;
      }
      for (const MentionSpan& m : s.mentions) {
        if (m.begin == k || m.begin == j + 1) return 0;
      }
      // Nor a head with a complement before the name: "la chaîne d'épiceries fines Maison
      // Laurentienne", "the chain of grocery stores Fresh Mart".
      if (j + 1 < t.size() &&
          (t[j + 1].fold == "de" || t[j + 1].fold == "d'" || t[j + 1].fold == "of")) {
        std::size_t q = j + 2;
        while (q < t.size() && q < j + 6 && t[q].type == TokenType::kWord && !t[q].capitalized) {
          ++q;
        }
        for (const MentionSpan& m : s.mentions) {
          if (m.begin == q) return 0;
        }
      }
      if (j + 1 < t.size() && t[j + 1].capitalized && t[j + 1].type == TokenType::kWord &&
          !lex.IsDemonym(t[j + 1].fold)) {
        return 0;
      }
      return j + 1 - i;
    }
    if (t[j].capitalized && !lex.IsDemonym(t[j].fold)) return 0;
    if (lex.IsFunctionWord(t[j].fold) && t[j].fold != "new") return 0;
  }
  return 0;
}

std::vector<Item> DocumentExtractor::BuildItems(std::size_t si) {
  SentenceData& s = sentences_[si];
  std::vector<Item> items;
  const std::vector<Token>& t = s.tokens;
  items.reserve(t.size());
  std::size_t m = 0;
  std::size_t i = 0;
  while (i < t.size()) {
    while (m < s.mentions.size() && s.mentions[m].begin < i) ++m;
    if (m < s.mentions.size() && s.mentions[m].begin == i) {
      const MentionSpan& span = s.mentions[m];
      int e = ShortFormOfCompany(span);
      if (e < 0) e = entities_.Resolve(span, si, confirmed_);
      if (e >= 0 && !pending_head_.empty() && span.kind == NodeKind::kOrganization) {
        bindings_[pending_head_] = e;
      }
      pending_head_.clear();
      if (e >= 0) {
        Item it;
        it.type = Item::Type::kEntity;
        it.entity = e;
        it.kind = entities_.at(e).kind;
        it.uncertain = !entities_.at(e).certain;
        it.text = span.name;
        it.fold = FoldWord(span.name);
        it.tok_begin = i;
        it.tok_end = span.end;
        it.possessive = span.end < t.size() && t[span.end].fold == "'s";
        items.push_back(std::move(it));
        i = span.end;
        continue;
      }
    }
    const std::size_t next_mention = m < s.mentions.size() ? s.mentions[m].begin : t.size();
    std::size_t place_begin = 0;
    std::size_t place_end = 0;
    const std::size_t ana = AnaphorAt(s, i, next_mention, &place_begin, &place_end);
    if (ana > 0) {
      const std::string_view d = t[i].fold;
      const bool contracted = d == "du" || d == "au";
      if (contracted) {
        items.push_back(WordItem(t[i], i));
      }
      Item it;
      it.type = Item::Type::kEntity;
      it.anaphor = true;
      it.tok_begin = contracted ? i + 1 : i;
      it.tok_end = i + ana;
      it.fold = t[i + ana - 1].fold;
      // "the combined company", "le nouvel ensemble": the entity a merger created.
      for (std::size_t q = i + 1; q + 1 < i + ana; ++q) {
        if (t[q].fold == "combined" || t[q].fold == "merged" || t[q].fold == "nouvel" ||
            t[q].fold == "nouvelle") {
          it.fold = "ensemble";
        }
      }
      // "the combined company, now called Lone Star Mesa Energy": later "the company" is it.
      {
        std::size_t q = i + ana;
        if (q + 1 < t.size() && t[q].text == ",") {
          ++q;
          if (t[q].fold == "now" || t[q].fold == "desormais") ++q;
          if (q + 1 < t.size() &&
              (t[q].fold == "called" || t[q].fold == "named" || t[q].fold == "baptisee" ||
               t[q].fold == "baptise" || t[q].fold == "renamed" || t[q].fold == "appelee") &&
              q + 1 == next_mention) {
            pending_head_ = t[i + ana - 1].fold;
          }
        }
      }
      it.text = t[i + ana - 1].text;
      it.possessive = i + ana < t.size() && t[i + ana].fold == "'s";
      if (place_end > place_begin) {
        // The place is inside the anaphor's tokens: resolve it here.
        MentionSpan place;
        place.begin = place_begin;
        place.end = place_end;
        place.kind = NodeKind::kPlace;
        place.name = s.norm->text().substr(t[place_begin].begin,
                                           t[place_end - 1].end - t[place_begin].begin);
        for (const MentionSpan& span : s.mentions) {
          if (span.begin == place_begin && span.kind == NodeKind::kPlace) place = span;
        }
        const int place_entity = entities_.Resolve(place, si, confirmed_);
        pending_place_.push_back({items.size(), place_begin, place_end,
                                  t[place_end + 1].fold == "headquartered", place_entity});
      }
      items.push_back(std::move(it));
      i += ana;
      continue;
    }
    // A head noun naming the next name ("le câblier Cablinor", "German group Hartwig") or
    // the name given to it ("une coentreprise, baptisée Wallonie Fibre") binds later anaphors.
    if (AnaphorHeads().Contains(t[i].fold)) {
      std::size_t k = i + 1;
      const Lexicon& lex = Lexicon::Get();
      while (k < t.size() && k < i + 3 && t[k].type == TokenType::kWord && !t[k].capitalized &&
             !lex.IsFunctionWord(t[k].fold)) {
        ++k;
      }
      if (k + 1 < t.size() && t[k].text == "," &&
          (t[k + 1].fold == "baptisee" || t[k + 1].fold == "baptise" || t[k + 1].fold == "nommee" ||
           t[k + 1].fold == "denommee" || t[k + 1].fold == "called" || t[k + 1].fold == "named")) {
        k += 2;
      }
      if (k == next_mention) pending_head_ = t[i].fold;
    }
    const std::string_view f = t[i].fold;
    const bool pronoun = f == "il" || f == "elle" || f == "it" || f == "he" || f == "she" ||
                         f == "a-t-il" || f == "a-t-elle";
    const bool possessive = f == "its" || f == "son" || f == "sa" || f == "ses" || f == "leur" ||
                            f == "leurs" || f == "nos" || f == "notre" || f == "our";
    if ((pronoun && !(f == "il" && i + 1 < t.size() && t[i + 1].fold == "y")) || possessive) {
      Item it;
      it.type = Item::Type::kEntity;
      it.anaphor = true;
      it.possessive = possessive;
      it.fold = f;
      it.text = t[i].text;
      it.tok_begin = i;
      it.tok_end = i + 1;
      items.push_back(std::move(it));
      ++i;
      continue;
    }
    if (std::optional<Value> v = ReadValue(t, i, lang_, dollar_)) {
      Item it;
      it.type = Item::Type::kValue;
      it.value = *v;
      it.tok_begin = v->begin;
      it.tok_end = v->end;
      it.fold = t[i].fold;
      items.push_back(std::move(it));
      i = v->end;
      continue;
    }
    if (IsNegationParticle(t[i])) {
      ++i;
      continue;
    }
    items.push_back(WordItem(t[i], i));
    ++i;
  }
  return items;
}

int DocumentExtractor::ShortFormOfCompany(const MentionSpan& span) const {
  if (span.kind != NodeKind::kPlace) return -1;
  const Lexicon& lex = Lexicon::Get();
  const auto& all = entities_.entities();
  for (std::size_t e = 0; e < all.size(); ++e) {
    const std::string& name = all[e].name;
    if (all[e].kind != NodeKind::kOrganization || name.size() <= span.name.size() + 1 ||
        name.compare(0, span.name.size(), span.name) != 0 || name[span.name.size()] != ' ') {
      continue;
    }
    if (lex.IsLegalForm(std::string_view(name).substr(span.name.size() + 1))) {
      return static_cast<int>(e);
    }
  }
  return -1;
}

Item DocumentExtractor::WordItem(const Token& tok, std::size_t i) {
  Item it;
  it.type = tok.type == TokenType::kPunct ? Item::Type::kPunct : Item::Type::kWord;
  it.fold = tok.fold;
  it.text = tok.text;
  it.tok_begin = i;
  it.tok_end = i + 1;
  return it;
}

}  // namespace presskg::ingest::internal
