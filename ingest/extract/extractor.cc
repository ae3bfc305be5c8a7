#include "ingest/extract/extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <unordered_set>

#include "graph/relation_schema.h"
#include "ingest/extract/entity_table.h"
#include "ingest/extract/lexicon.h"
#include "ingest/extract/mentions.h"
#include "ingest/extract/pattern.h"
#include "ingest/extract/rule_table.h"
#include "ingest/extract/sectors.h"
#include "ingest/extract/sentence_values.h"
#include "ingest/extract/status.h"
#include "ingest/extract/token.h"
#include "ingest/extract/values.h"
#include "ingest/resolve/entity_keys.h"
#include "ingest/resolve/name_key.h"
#include "ingest/text/flat_string_map.h"
#include "ingest/text/language_id.h"
#include "ingest/text/normalized_text.h"
#include "ingest/text/sentence_splitter.h"

namespace presskg::ingest {
namespace {

using graph::FactStatus;
using graph::NodeKind;

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
constexpr std::string_view kSpeechVerbs[] = {
    "declare", "indique", "souligne", "ajoute", "explique", "precise", "affirme", "salue",
    "estime", "commente", "insiste", "assure", "confie", "rappele", "note", "observe", "poursuit",
    "conclut", "temoigne", "annonce", "said", "says", "added", "stressed", "explained", "noted",
    "commented", "told", "insisted", "argued", "remarked", "declared", "indicated", "welcomed",
    "hailed", "emphasised", "emphasized", "underlined", "souligne", "declarait", "a-t-il",
    "a-t-elle"};
constexpr std::string_view kAgreementNouns[] = {
    "accord", "convention", "protocole", "contrat", "partenariat", "mou", "memorandum",
    "agreement", "contract", "deal", "partnership", "convention-cadre", "licence", "license"};

bool In(std::string_view w, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// A word list looked up once per token or item, as a hash set.
class WordList {
 public:
  explicit WordList(std::span<const std::string_view> words) {
    for (std::string_view w : words) set_.Insert(w, true);
  }
  bool Contains(std::string_view word) const { return set_.Contains(word); }

 private:
  FlatStringMap<bool> set_;
};

const WordList& AnaphorHeads() {
  static const WordList* const list = new WordList(kAnaphorHeads);
  return *list;
}

const WordList& SpeechVerbs() {
  static const WordList* const list = new WordList(kSpeechVerbs);
  return *list;
}

std::string FormatNumber(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// The kinds a rule's slots accept, from the relation schema.
SlotPolicy PolicyFor(const Rule& rule) {
  SlotPolicy p;
  p.attributive = rule.attributive;
  if (const graph::RelationType* type = graph::RelationSchema::Builtin().Find(rule.relation)) {
    p.subject_kinds = rule.reverse ? type->object_kinds : type->subject_kinds;
    p.object_kinds = rule.reverse ? type->subject_kinds : type->object_kinds;
    if (rule.places) {
      p.subject_kinds = p.object_kinds = {NodeKind::kPlace};
      p.coerce_places = false;
    } else if (rule.relation == "located_in" || rule.relation == "headquartered_in") {
      p.subject_kinds = {NodeKind::kOrganization};
    }
  } else {
    p.subject_kinds = {NodeKind::kOrganization};
  }
  return p;
}

// PolicyFor of every rule of BuiltinRules(), in the same order; built once.
const std::vector<SlotPolicy>& RulePolicies() {
  static const std::vector<SlotPolicy>* const policies = [] {
    auto* out = new std::vector<SlotPolicy>();
    for (const Rule& rule : BuiltinRules()) out->push_back(PolicyFor(rule));
    return out;
  }();
  return *policies;
}

struct SentenceData {
  TextSpan span;  // bytes of the document body
  std::uint32_t cp_begin = 0;  // `span` in code points
  std::uint32_t cp_end = 0;
  std::unique_ptr<NormalizedText> norm;
  std::vector<Token> tokens;
  std::vector<MentionSpan> mentions;
  std::optional<StatusScanner> status;  // built on first use (StatusOf)
};

class DocumentExtractor {
 public:
  explicit DocumentExtractor(const RawDocument& doc)
      : doc_(doc), schema_(graph::RelationSchema::Builtin()), cp_(doc.text) {
    lang_ = doc.lang == "fr" || doc.lang == "en" ? doc.lang : DetectLanguage(doc.text);
    if (lang_.empty()) lang_ = "en";
  }

  graph::DocumentGraph Run() {
    Prepare();
    for (std::size_t s = 0; s < sentences_.size(); ++s) ProcessSentence(s);
    return Finish();
  }

 private:
  // ---- preparation --------------------------------------------------------------------------
  void Prepare() {
    for (const TextSpan& span : SplitSentences(doc_.text, lang_)) {
      SentenceData s;
      s.span = span;
      s.cp_begin = static_cast<std::uint32_t>(cp_.ToCodePoint(span.begin));
      s.cp_end = static_cast<std::uint32_t>(cp_.ToCodePoint(span.end));
      s.norm = std::make_unique<NormalizedText>(
          std::string_view(doc_.text).substr(span.begin, span.size()));
      s.tokens = Tokenize(s.norm->text(), lang_);
      sentences_.push_back(std::move(s));
    }
    // Dollars are Canadian in Canadian documents (Quebec French, Canadian datelines).
    dollar_ = "USD";
    if (!sentences_.empty()) {
      const std::vector<Token>& first = sentences_.front().tokens;
      for (std::size_t i = 0; i < first.size() && i < 3; ++i) {
        const std::string& f = first[i].fold;
        if (f == "montreal" || f == "quebec" || f == "toronto" || f == "mirabel" || f == "laval" ||
            f == "ottawa" || f == "vancouver" || f == "calgary" || f == "sherbrooke") {
          dollar_ = "CAD";
        }
      }
    }
    for (SentenceData& s : sentences_) {
      s.mentions = FindMentions(s.tokens, s.norm->text(), lang_);
      for (const MentionSpan& m : s.mentions) {
        if (!m.sentence_initial) confirmed_.insert(FoldWord(m.name));
      }
    }
  }

  // ---- items --------------------------------------------------------------------------------
  bool IsNegationParticle(const Token& t) const {
    const std::string_view f = t.fold;
    return f == "ne" || f == "n'" || f == "pas" || f == "not" || f == "jamais" || f == "never";
  }

  // Length in tokens of an anaphoric noun phrase at i ("la société", "the Paris-based firm",
  // "le nouvel ensemble"), 0 if none; `*head_begin` receives where the phrase starts.
  std::size_t AnaphorAt(const SentenceData& s, std::size_t i, std::size_t next_mention,
                        std::size_t* place_begin, std::size_t* place_end) const {
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
            t[m.end].text == "-" && (t[m.end + 1].fold == "based" || t[m.end + 1].fold == "headquartered")) {
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

  std::vector<Item> BuildItems(std::size_t si) {
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
          if (q + 1 < t.size() && t[q].text == "," ) {
            ++q;
            if (t[q].fold == "now" || t[q].fold == "desormais") ++q;
            if (q + 1 < t.size() && (t[q].fold == "called" || t[q].fold == "named" ||
                                     t[q].fold == "baptisee" || t[q].fold == "baptise" ||
                                     t[q].fold == "renamed" || t[q].fold == "appelee") &&
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
      const bool possessive = f == "its" || f == "son" || f == "sa" || f == "ses" ||
                              f == "leur" || f == "leurs" || f == "nos" || f == "notre" ||
                              f == "our";
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

  // "Caithness Offshore Quay" after "Caithness Offshore Quay Ltd": a place-looking name that is
  // a company's name without its legal form is that company; -1 otherwise.
  int ShortFormOfCompany(const MentionSpan& span) const {
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

  static Item WordItem(const Token& tok, std::size_t i) {
    Item it;
    it.type = tok.type == TokenType::kPunct ? Item::Type::kPunct : Item::Type::kWord;
    it.fold = tok.fold;
    it.text = tok.text;
    it.tok_begin = i;
    it.tok_end = i + 1;
    return it;
  }

  // ---- coreference --------------------------------------------------------------------------
  int MostRecentOrg() {
    for (std::size_t k = subject_history_.size(); k-- > 0;) {
      if (entities_.at(subject_history_[k]).kind == NodeKind::kOrganization) {
        return subject_history_[k];
      }
    }
    return -1;
  }

  // The most recent subject organisation other than `entity`; -1 if none.
  int MostRecentOrgExcept(int entity) {
    for (std::size_t k = subject_history_.size(); k-- > 0;) {
      const int e = subject_history_[k];
      if (e != entity && entities_.at(e).kind == NodeKind::kOrganization) return e;
    }
    return -1;
  }

  int ResolveAnaphor(const Item& it, std::size_t si) {
    const std::string& f = it.fold;
    const bool recent_speaker = last_speaker_ >= 0 && last_speaker_sentence_ + 1 >= si;
    if (f == "a-t-il" || f == "a-t-elle" || f == "he" || f == "she") {
      return last_speaker_ >= 0 ? last_speaker_ : last_person_;
    }
    if ((f == "il" || f == "elle") && recent_speaker) return last_speaker_;
    if ((f == "filiale" || f == "subsidiary") && last_subsidiary_ >= 0) return last_subsidiary_;
    if (auto b = bindings_.find(f); b != bindings_.end()) return b->second;
    if ((f == "ensemble" || f == "entite") && last_merger_ >= 0) return last_merger_;
    const bool company = f == "societe" || f == "company" || f == "firm" || f == "entreprise" ||
                         f == "it" || f == "il" || f == "elle";
    // "le groupe", "the group": a company that is not a subsidiary named since; a name sure to
    // be an organisation first, then one only guessed to be.
    const bool group = f == "groupe" || f == "group";
    for (int pass = group ? 0 : 1; pass < 2; ++pass) {
      for (std::size_t k = subject_history_.size(); k-- > 0;) {
        const int e = subject_history_[k];
        if (entities_.at(e).kind != NodeKind::kOrganization) continue;
        if ((company || group) && IsInstitution(e)) continue;
        if (group && subsidiaries_.count(e) > 0) continue;
        if (pass == 0 && !entities_.at(e).certain) continue;
        return e;
      }
    }
    return last_org_;
  }

  // "The Moroccan unit, Kavira Morocco, ...", "La filiale marocaine, Kavira Maroc, ...": the
  // anaphor at `k` names a new subsidiary of the organisation it refers to. Emits that
  // subsidiary_of fact and rebinds the anaphor to the named subsidiary.
  void BindUnitApposition(std::vector<Item>& items, std::size_t k, std::size_t si) {
    Item& it = items[k];
    const std::string& f = it.fold;
    if (!(f == "filiale" || f == "subsidiary" || f == "unit" || f == "unite")) return;
    if (k + 2 >= items.size() || !items[k + 1].IsPunct(",")) return;
    const Item& named = items[k + 2];
    if (!named.IsEntity() || named.anaphor || named.entity < 0 ||
        named.kind != NodeKind::kOrganization) {
      return;
    }
    const bool via_subsidiary = (f == "filiale" || f == "subsidiary") && last_subsidiary_ >= 0;
    int parent = via_subsidiary ? MostRecentOrgExcept(named.entity) : it.entity;
    if (parent == named.entity) parent = MostRecentOrgExcept(named.entity);
    if (parent < 0 || entities_.at(parent).kind != NodeKind::kOrganization) return;
    const StatusReading reading = StatusOf(si).Read(it.tok_begin, named.tok_end);
    if (reading.former) return;
    AddFact(named.entity, "subsidiary_of", parent, {},
            MakeEvidence(si, lang_ + ".subsidiary_of.unit_apposition", reading.status, 0.7F));
    if (reading.status == FactStatus::kStated) {
      last_subsidiary_ = named.entity;
      subsidiaries_.insert(named.entity);
    }
    it.entity = named.entity;
  }

  // "the automaker said": a "-maker" anaphor head names the antecedent's trade
  // ("the automaker" -> operates_in automaker), as "harness maker Cablinor" does.
  void MakerAnaphorSector(const Item& it, std::size_t si) {
    const std::string& f = it.fold;
    if (it.entity < 0 || f.size() <= 5 || !f.ends_with("maker")) return;
    if (entities_.at(it.entity).kind != NodeKind::kOrganization) return;
    const int sector = entities_.AddSector(f, {f.substr(0, f.size() - 5) + "s"}, si);
    const StatusReading reading = StatusOf(si).Read(it.tok_begin, it.tok_end);
    AddFact(it.entity, "operates_in", sector, {},
            MakeEvidence(si, lang_ + ".operates_in.maker_anaphor", reading.status, 0.6F));
  }

  bool IsInstitution(int entity) {
    auto [it, inserted] = institution_.emplace(entity, false);
    if (inserted) it->second = ComputeInstitution(entities_.at(entity).name);
    return it->second;
  }
  static bool ComputeInstitution(const std::string& name) {
    const std::vector<Token> t = Tokenize(name, "fr");
    return !t.empty() && Lexicon::Get().IsInstitutionCue(t.front().fold) &&
           t.front().fold != "banque" && t.front().fold != "bank" && t.front().fold != "credit" &&
           t.front().fold != "caisse" && t.front().fold != "cooperative";
  }

  void ResolveItems(std::vector<Item>* items, std::size_t si) {
    pair_items_.clear();
    const std::vector<Token>& tokens = sentences_[si].tokens;
    for (std::size_t k = 0; k < items->size(); ++k) {
      Item& it = (*items)[k];
      if (it.type != Item::Type::kEntity) continue;
      it.subject_like = IsSubjectLike(*items, k);
      // "Les assureurs X et Y": a pair a later "les deux assureurs" names.
      if (!it.anaphor && it.entity >= 0 && it.kind == NodeKind::kOrganization && k >= 2 &&
          ((*items)[k - 1].IsWord("et") || (*items)[k - 1].IsWord("and")) &&
          (*items)[k - 2].IsEntity() && !(*items)[k - 2].anaphor &&
          (*items)[k - 2].kind == NodeKind::kOrganization && (*items)[k - 2].entity >= 0) {
        last_pair_ = {(*items)[k - 2].entity, it.entity};
      }
      const bool pair_anaphor =
          it.anaphor && it.tok_begin + 1 < tokens.size() &&
          (tokens[it.tok_begin + 1].fold == "deux" || tokens[it.tok_begin + 1].fold == "two");
      if (pair_anaphor) {
        it.entity = last_pair_.first;
        if (it.entity >= 0) {
          it.kind = NodeKind::kOrganization;
          pair_items_[k] = last_pair_.second;
        }
        continue;
      }
      if (it.anaphor && (it.fold == "nos" || it.fold == "notre" || it.fold == "our")) {
        // "nos clients" inside a quote: the organisation named outside the quote.
        int quotes = 0;
        it.entity = -1;
        for (const Item& other : *items) {
          if (other.IsPunct("\"")) ++quotes;
          if (quotes % 2 == 0 && other.IsEntity() && !other.anaphor &&
              other.kind == NodeKind::kOrganization) {
            it.entity = other.entity;
          }
        }
        if (it.entity >= 0) it.kind = NodeKind::kOrganization;
      } else if (it.anaphor && it.possessive && it.fold != "'s" &&
          (it.fold == "son" || it.fold == "sa" || it.fold == "ses" || it.fold == "its" ||
           it.fold == "leur" || it.fold == "leurs")) {
        // "la Région Occitanie et son agence": a name earlier in the sentence comes first.
        int local = -1;
        int local_subject = -1;
        for (std::size_t q = 0; q < k; ++q) {
          const Item& prev = (*items)[q];
          if (!prev.IsEntity() || prev.kind != NodeKind::kOrganization || prev.possessive) continue;
          local = prev.entity;
          // The first subject: "X said it ... merging Y with its subsidiary Z" (X's subsidiary).
          if (prev.subject_like && local_subject < 0) local_subject = prev.entity;
        }
        // ", and its solar panels": a new clause, not the last name.
        const bool clause = k >= 2 && (*items)[k - 2].IsPunct(",");
        it.entity = local_subject >= 0 ? local_subject : (clause ? -1 : local);
        // "Arbor Capital, its largest shareholder,": an apposition never owns itself.
        const int head = k >= 2 && (*items)[k - 1].IsPunct(",") && (*items)[k - 2].IsEntity()
                             ? (*items)[k - 2].entity
                             : -1;
        if (head >= 0 && it.entity == head) it.entity = -1;
        if (it.entity < 0) it.entity = ResolveAnaphor(it, si);
        if (head >= 0 && it.entity == head) it.entity = MostRecentOrgExcept(head);
        if (it.entity >= 0) it.kind = entities_.at(it.entity).kind;
      } else if (it.anaphor && !it.possessive && !it.subject_like && k >= 2 &&
                 (*items)[k - 1].IsPunct(",") &&
                 (*items)[k - 2].IsEntity() &&
                 (*items)[k - 2].kind == NodeKind::kOrganization) {
        // "Nuvexa Maroc, la filiale marocaine du groupe": an apposition names its head.
        it.entity = (*items)[k - 2].entity;
      } else if (it.anaphor) {
        it.entity = ResolveAnaphor(it, si);
        BindUnitApposition(*items, k, si);
        static constexpr std::string_view kSpecific[] = {
            "detaillant", "retailer", "operateur", "operator", "laboratoire", "lab", "fintech",
            "assureur", "constructeur", "automaker", "carmaker", "chain", "coentreprise"};
        if (it.entity >= 0 && In(it.fold, kSpecific)) bindings_.emplace(it.fold, it.entity);
        MakerAnaphorSector(it, si);
        if (it.entity >= 0) it.kind = entities_.at(it.entity).kind;
      }
      if (it.entity < 0) continue;
      if (it.kind == NodeKind::kPerson) last_person_ = it.entity;
      if (it.kind == NodeKind::kOrganization && !it.anaphor) last_org_ = it.entity;
      if (it.subject_like && it.kind == NodeKind::kOrganization && !it.possessive) {
        subject_history_.push_back(it.entity);
      }
    }
  }

  // ---- facts --------------------------------------------------------------------------------
  graph::Evidence MakeEvidence(std::size_t si, const std::string& rule, FactStatus status,
                               float confidence) const {
    const SentenceData& s = sentences_[si];
    graph::Evidence ev;
    ev.sentence = doc_.text.substr(s.span.begin, s.span.size());
    ev.start = s.cp_begin;
    ev.end = s.cp_end;
    ev.lang = lang_;
    ev.rule = rule;
    ev.confidence = confidence;
    ev.status = status;
    ev.date = doc_.date;
    return ev;
  }

  void AddFact(int subject, std::string_view relation, int object,
               std::map<std::string, std::string> props, graph::Evidence ev) {
    const graph::RelationType* type = schema_.Find(relation);
    if (type == nullptr || subject == object) return;
    auto key = std::make_tuple(subject, std::string(relation), object, static_cast<int>(ev.status));
    if (type->symmetric && object != static_cast<int>(graph::kThisDocument) && subject > object) {
      key = std::make_tuple(object, std::string(relation), subject, static_cast<int>(ev.status));
    }
    if (!fact_keys_.insert(key).second) return;
    if (relation == "signed_agreement_with" && ev.status == FactStatus::kStated) {
      last_agreement_ = {subject, object};
    }
    graph::FactInput fact;
    fact.subject = subject == -2 ? graph::kThisDocument : static_cast<graph::EntityIndex>(subject);
    fact.relation = type->id;
    fact.object = object == -2 ? graph::kThisDocument : static_cast<graph::EntityIndex>(object);
    fact.properties = std::move(props);
    fact.evidence = std::move(ev);
    out_.facts.push_back(std::move(fact));
  }

  void AddLiteral(int subject, const std::string& type, double value,
                  std::map<std::string, std::string> props, graph::Evidence ev) {
    auto key = std::make_tuple(subject, type, FormatNumber(value), static_cast<int>(ev.status));
    if (!literal_keys_.insert(key).second) return;
    graph::LiteralInput lit;
    lit.subject = static_cast<graph::EntityIndex>(subject);
    lit.type = type;
    lit.value = static_cast<std::int64_t>(std::llround(value));
    lit.properties = std::move(props);
    lit.evidence = std::move(ev);
    out_.literals.push_back(std::move(lit));
  }

  std::string ItemRangeText(const SentenceData& s, const std::vector<Item>& items,
                            std::pair<std::size_t, std::size_t> range) const {
    if (range.first >= range.second || range.second > items.size()) return "";
    const std::size_t b = s.tokens[items[range.first].tok_begin].begin;
    const std::size_t e = s.tokens[items[range.second - 1].tok_end - 1].end;
    return s.norm->text().substr(b, e - b);
  }

  // Sentence-level values that complete a fact: "pour 17 M€", "d'ici 2027", "500 emplois".
  void CompleteProperties(const Rule& rule, const std::vector<Item>& items, const Match& m,
                          const SentenceValues& values,
                          std::map<std::string, std::string>* props) const {
    const std::string& r = rule.relation;
    if ((r == "acquired" || r == "invests_in") && props->count("amount") == 0) {
      if (const Value* money = values.MoneyForFrom(m.end)) {
        (*props)["amount"] = FormatNumber(money->amount);
        (*props)["currency"] = money->currency;
      }
    }
    if (r == "invests_in") {
      const Value* year = values.HorizonYear();
      if (year != nullptr && props->count("year") == 0)
        (*props)["year"] = FormatNumber(year->amount);
      const Value* jobs = values.JobCount();
      if (jobs != nullptr && props->count("jobs") == 0)
        (*props)["jobs"] = FormatNumber(jobs->amount);
    }
    if (r == "signed_agreement_with" && props->count("agreement_type") == 0) {
      for (std::size_t k = m.begin; k < m.end && k < items.size(); ++k) {
        if (In(items[k].fold, kAgreementNouns)) {
          (*props)["agreement_type"] = items[k].text;
          break;
        }
      }
    }
  }

  // The status cues of sentence `si`, read once.
  const StatusScanner& StatusOf(std::size_t si) {
    SentenceData& s = sentences_[si];
    if (!s.status) s.status.emplace(s.tokens, lang_);
    return *s.status;
  }

  // Token range the status of a match is read from.
  std::pair<std::size_t, std::size_t> StatusRange(const Rule& rule, const SentenceData& s,
                                                  const std::vector<Item>& items,
                                                  const Match& m) const {
    const std::size_t match_begin = m.has_trigger ? std::min(m.begin, m.trigger) : m.begin;
    std::size_t from = items[std::min(match_begin, items.size() - 1)].tok_begin;
    std::size_t to = m.end < items.size() ? items[m.end].tok_begin : s.tokens.size();
    if (rule.attributive) {
      if (m.has_trigger) from = std::min(from, items[m.trigger].tok_begin);
      return {from, to};
    }
    std::size_t subject_from = from;
    for (std::size_t subj : m.subjects) {
      subject_from = std::min(subject_from, items[subj].tok_begin);
    }
    // Left: back to the clause start.
    std::size_t k = items[std::min(match_begin, items.size() - 1)].tok_begin;
    while (k > 0) {
      const Token& tok = s.tokens[k - 1];
      if (tok.type == TokenType::kPunct && (tok.text == "," || tok.text == ";" || tok.text == ":")) break;
      --k;
    }
    from = std::min(from, k);
    // "X, which was founded by former engineers, employs": a relative clause between the
    // subject and the predicate states nothing about the predicate.
    bool relative = false;
    for (std::size_t q = subject_from; q + 1 < k && !relative; ++q) {
      const std::string& next = s.tokens[q + 1].fold;
      relative = s.tokens[q].text == "," &&
                 (next == "which" || next == "who" || next == "qui" || next == "dont");
    }
    if (!relative) from = std::min(from, subject_from);
    // Right: to the end of the clause, or to a second predicate ("and is in talks").
    while (to < s.tokens.size()) {
      const Token& tok = s.tokens[to];
      if (tok.type == TokenType::kPunct && (tok.text == "," || tok.text == ";")) break;
      if ((tok.fold == "and" || tok.fold == "et") && to + 1 < s.tokens.size() &&
          to > items[std::min(m.end, items.size()) - 1].tok_begin) {
        const std::string& next = s.tokens[to + 1].fold;
        if (next == "is" || next == "are" || next == "has" || next == "have" || next == "will" ||
            next == "was" || next == "est" || next == "sont" || next == "sera" ||
            next == "seront") {
          break;
        }
      }
      ++to;
    }
    return {from, to};
  }

  void ApplyRules(std::size_t si, const std::vector<Item>& items) {
    const SentenceData& s = sentences_[si];
    std::vector<WordId> words;
    words.reserve(items.size());
    for (const Item& it : items) words.push_back(it.word);
    const std::vector<Rule>& rules = BuiltinRules();
    std::optional<SentenceValues> values;  // built for the first match
    for (const std::size_t r : CandidateRules(lang_, words)) {
      const Rule& rule = rules[r];
      for (const Match& m : FindMatches(rule.pattern, items, RulePolicies()[r])) {
        if (!values) values.emplace(items);
        const auto [from, to] = StatusRange(rule, s, items, m);
        const StatusReading reading = StatusOf(si).Read(from, to);
        if (reading.former) continue;
        float confidence = rule.attributive ? 0.9F : 0.8F;
        std::map<std::string, std::string> props;
        if (!m.percent.empty()) props["share_pct"] = FormatNumber(m.percent.back()->amount);
        if (!m.money.empty()) {
          props["amount"] = FormatNumber(m.money.back()->amount);
          props["currency"] = m.money.back()->currency;
        }
        if (!m.year.empty()) props["year"] = FormatNumber(m.year.back()->amount);
        if (!m.count.empty()) props["jobs"] = FormatNumber(m.count.back()->amount);
        for (const auto& [name, range] : m.captures) props[name] = ItemRangeText(s, items, range);
        if (m.role.second > m.role.first) props["role"] = ItemRangeText(s, items, m.role);
        if (schema_.Find(rule.relation) != nullptr) {
          CompleteProperties(rule, items, m, *values, &props);
          EmitRelation(rule, si, items, m, std::move(props), reading.status, confidence);
        } else {
          EmitLiteral(rule, si, items, m, *values, reading.status, confidence);
        }
      }
    }
  }

  void EmitRelation(const Rule& rule, std::size_t si, const std::vector<Item>& items,
                    const Match& m, std::map<std::string, std::string> props, FactStatus status,
                    float confidence) {
    const std::string& r = rule.relation;
    std::map<std::string, std::string> kept;
    const graph::RelationType* type = schema_.Find(r);
    for (const auto& [k, v] : props) {
      if (std::find(type->properties.begin(), type->properties.end(), k) != type->properties.end()) {
        kept[k] = v;
      }
    }
    auto entity = [&](std::size_t idx) {
      const Item& it = items[idx];
      if (it.entity >= 0 && it.uncertain && it.kind == NodeKind::kOrganization) {
        for (NodeKind k : rule.reverse ? type->subject_kinds : type->object_kinds) {
          if (k == NodeKind::kPlace && std::find(m.objects.begin(), m.objects.end(), idx) != m.objects.end()) {
            entities_.at(it.entity).kind = NodeKind::kPlace;
          }
        }
      }
      return it.entity;
    };
    // "its head office in Laval" is a headquarters, not a site.
    if (rule.id.find("own_site") != std::string::npos) {
      for (std::size_t k = m.begin; k < m.end && k < items.size(); ++k) {
        if (items[k].IsWord("head") || items[k].IsWord("siege")) return;
      }
      // "nos usines en Europe" inside a quote: too vague for a site.
      for (std::size_t sub : m.subjects) {
        const std::string& f = items[sub].fold;
        if (f == "nos" || f == "notre" || f == "our") return;
      }
    }
    if (rule.topic && (m.objects.empty() || m.subjects.empty())) {
      // The slot the pattern lacks is the organisation the text is about: "The radio equipment
      // will be supplied by X", "said chief executive Y" (no O); "L'accord prévoit un
      // investissement de 60 MDH ... à Fès Shore" (no S).
      const bool lacks_object = m.objects.empty();
      for (std::size_t named : lacks_object ? m.subjects : m.objects) {
        const int n_idx = entity(named);
        if (n_idx < 0) continue;
        const int topic = MostRecentOrgExcept(n_idx);
        if (topic < 0 || IsInstitution(topic)) continue;
        AddFact(lacks_object ? n_idx : topic, r, lacks_object ? topic : n_idx, kept,
                MakeEvidence(si, rule.id, status, confidence * 0.8F));
      }
      return;
    }
    if (rule.pairwise) {
      for (std::size_t a = 0; a < m.subjects.size(); ++a) {
        for (std::size_t b = a + 1; b < m.subjects.size(); ++b) {
          AddFact(entity(m.subjects[a]), r, entity(m.subjects[b]), kept,
                  MakeEvidence(si, rule.id, status, confidence));
        }
      }
      return;
    }
    for (std::size_t sub : m.subjects) {
      for (std::size_t obj : m.objects) {
        int s_idx = entity(sub);
        int o_idx = entity(obj);
        if (rule.reverse) std::swap(s_idx, o_idx);
        if (s_idx < 0 || o_idx < 0) continue;
        AddFact(s_idx, r, o_idx, kept, MakeEvidence(si, rule.id, status, confidence));
        // "Les deux assureurs ont noué un partenariat": the second of the pair too.
        if (auto p = pair_items_.find(rule.reverse ? obj : sub); p != pair_items_.end()) {
          if (rule.reverse) {
            AddFact(s_idx, r, p->second, kept, MakeEvidence(si, rule.id, status, confidence));
          } else {
            AddFact(p->second, r, o_idx, kept, MakeEvidence(si, rule.id, status, confidence));
          }
        }
        if (r == "subsidiary_of" && status == FactStatus::kStated) {
          last_subsidiary_ = s_idx;
          subsidiaries_.insert(s_idx);
        }
        if (r == "merged_with" && status == FactStatus::kStated) last_merger_ = s_idx;
      }
    }
  }

  void EmitLiteral(const Rule& rule, std::size_t si, const std::vector<Item>& items, const Match& m,
                   const SentenceValues& values, FactStatus status, float confidence) {
    const std::string& r = rule.relation;
    std::map<std::string, std::string> props;
    double value = 0;
    const Value* source = nullptr;
    if (r == "employees" || r == "jobs_created") {
      if (m.count.empty()) return;
      source = m.count.back();
      if (r == "jobs_created") {
        // Jobs tied to a site belong to the investment: "y créer", "there".
        for (std::size_t k = m.begin >= 2 ? m.begin - 2 : 0; k < m.end + 2 && k < items.size(); ++k) {
          if (items[k].IsWord("there") || items[k].IsWord("y")) return;
        }
        if (const Value* year = values.YearFrom(m.end)) {
          props["horizon_year"] = FormatNumber(year->amount);
        }
      }
    } else if (r == "founded") {
      if (m.year.empty()) return;
      source = m.year.back();
    } else {
      if (m.money.empty()) return;
      source = m.money.back();
      props["currency"] = source->currency;
      const SentenceData& s = sentences_[si];
      props["text"] = s.norm->text().substr(s.tokens[source->begin].begin,
                                            s.tokens[source->end - 1].end - s.tokens[source->begin].begin);
      if (r == "revenue" && values.LastYear() != nullptr) {
        props["year"] = FormatNumber(values.LastYear()->amount);
      }
      if (r == "investment") {
        // Only when no target is named (then it is invests_in).
        if (values.PlaceFrom(m.end)) return;
        for (std::size_t k = m.begin; k < m.end; ++k) {
          if (items[k].IsWord("y")) return;
        }
      }
    }
    value = source->amount;
    for (std::size_t sub : m.subjects) {
      const int e = items[sub].entity;
      if (e < 0 || entities_.at(e).kind != NodeKind::kOrganization) continue;
      pending_literals_.push_back({e, r, value, props, MakeEvidence(si, rule.id, status, confidence)});
    }
  }

  // ---- quotes -------------------------------------------------------------------------------
  void ApplyQuotes(std::size_t si, const std::vector<Item>& items) {
    const SentenceData& s = sentences_[si];
    std::string quote;
    {
      const std::string& text = s.norm->text();
      const std::size_t a = text.find('"');
      const std::size_t b = a == std::string::npos ? a : text.find('"', a + 1);
      if (b != std::string::npos) quote = text.substr(a + 1, b - a - 1);
    }
    auto person_at = [&](std::size_t k) -> int {
      const Item& it = items[k];
      if (it.type == Item::Type::kEntity && it.entity >= 0 && it.kind == NodeKind::kPerson) {
        return it.entity;
      }
      return -1;
    };
    int speaker = -1;
    for (std::size_t v = 0; v < items.size() && speaker < 0; ++v) {
      const Item& it = items[v];
      const bool verb = (it.type == Item::Type::kWord && SpeechVerbs().Contains(it.fold)) ||
                        (it.anaphor && (it.fold == "a-t-il" || it.fold == "a-t-elle"));
      const bool intro = (it.IsWord("pour") || it.IsWord("for") || it.IsWord("selon") ||
                          it.IsWord("according")) && !quote.empty();
      if (!verb && !intro) continue;
      if (it.anaphor && it.entity >= 0 && it.kind == NodeKind::kPerson) {
        speaker = it.entity;
        break;
      }
      // After the verb: "a déclaré Karim Bennani", "said Nordis Telecom's chief executive, Omar Chraibi".
      for (std::size_t k = v + 1; k < items.size() && k < v + 14; ++k) {
        if (items[k].IsPunct("\"") || items[k].IsPunct(";") || items[k].IsWord("que") ||
            items[k].IsWord("qu'") || items[k].IsWord("that")) {
          break;
        }
        if (person_at(k) >= 0) {
          speaker = person_at(k);
          break;
        }
        if (intro && k > v + 3) break;
      }
      if (speaker >= 0 || intro) continue;
      // Before the verb: "R Mezzour a déclaré", "Redhawk Chairman and CEO Maria Delgado said".
      for (std::size_t k = v; k > 0 && k + 16 > v; --k) {
        if (items[k - 1].IsPunct("\"") || items[k - 1].IsPunct(";")) break;
        if (person_at(k - 1) >= 0) {
          speaker = person_at(k - 1);
          break;
        }
      }
    }
    if (speaker < 0) return;
    last_speaker_ = speaker;
    last_speaker_sentence_ = si;
    std::map<std::string, std::string> props;
    props["quote"] = quote.empty() ? s.norm->text() : quote;
    AddFact(speaker, "quoted_in", -2, props,
            MakeEvidence(si, lang_ + ".quoted_in.speech_verb", FactStatus::kStated, 0.9F));
  }

  // ---- sentence -----------------------------------------------------------------------------
  void ProcessSentence(std::size_t si) {
    pending_place_.clear();
    std::vector<Item> items = BuildItems(si);
    const Vocabulary& vocabulary = RuleVocabulary();
    for (Item& it : items) it.word = vocabulary.Find(it.fold);
    ResolveItems(&items, si);
    ApplyRules(si, items);
    NoteMergerResult(items);
    ApplyQuotes(si, items);
    // "The Houston-based company": the antecedent is located in / headquartered in the place.
    for (const PendingPlace& p : pending_place_) {
      const Item& ana = items[p.item];
      if (ana.entity < 0) continue;
      if (p.entity >= 0 && entities_.at(p.entity).kind == NodeKind::kPlace) {
        // "the Paris-based firm" is not the company already said to be based elsewhere.
        if (BasedElsewhere(ana.entity, p.entity)) continue;
        AddFact(ana.entity, p.headquartered ? "headquartered_in" : "located_in", p.entity, {},
                MakeEvidence(si,
                             lang_ + (p.headquartered ? ".headquartered_in" : ".located_in") +
                                 ".hyphen_anaphor",
                             FactStatus::kStated, 0.7F));
        continue;
      }
      for (const Item& it : items) {
        if (it.tok_begin == p.begin && it.IsEntity() && it.kind == NodeKind::kPlace) {
          AddFact(ana.entity, p.headquartered ? "headquartered_in" : "located_in", it.entity, {},
                  MakeEvidence(si, lang_ + (p.headquartered ? ".headquartered_in" : ".located_in") +
                                   ".hyphen_anaphor",
                               FactStatus::kStated, 0.7F));
        }
      }
    }
    PartnershipAnaphor(si);
    SectorContext ctx{sentences_[si].tokens, items, lang_};
    for (const SectorFact& f : FindSectors(ctx)) {
      const int subject = items[f.subject_item].entity;
      if (subject < 0 || entities_.at(subject).kind != NodeKind::kOrganization) continue;
      const int sector = entities_.AddSector(f.name, {f.alias, f.plural_alias}, si);
      const StatusReading reading = StatusOf(si).Read(f.tok_from, f.tok_to);
      if (reading.former) continue;
      AddFact(subject, "operates_in", sector, {},
              MakeEvidence(si, lang_ + ".operates_in." + f.rule, reading.status, 0.7F));
    }
    FlushLiterals(si);
  }

  // True when a stated fact already places `org` ("based in", "-based", "headquartered in")
  // somewhere other than `place`.
  bool BasedElsewhere(int org, int place) const {
    const graph::RelationType* located = schema_.Find("located_in");
    const graph::RelationType* headquartered = schema_.Find("headquartered_in");
    for (const graph::FactInput& f : out_.facts) {
      if (static_cast<int>(f.subject) != org || static_cast<int>(f.object) == place) continue;
      if (f.relation != located->id && f.relation != headquartered->id) continue;
      const std::string& rule = f.evidence.rule;
      if (rule.find("based") != std::string::npos || rule.find("hyphen") != std::string::npos ||
          rule.find("headquartered") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  // "leur fusion, qui donne naissance à MécaSud Aéro", "giving birth to X": the entity a
  // merger creates is what "le nouvel ensemble" / "the combined company" then names.
  void NoteMergerResult(const std::vector<Item>& items) {
    for (std::size_t k = 0; k + 2 < items.size(); ++k) {
      if (!(items[k].IsWord("naissance") || items[k].IsWord("birth"))) continue;
      if (!(items[k + 1].IsWord("a") || items[k + 1].IsWord("au") || items[k + 1].IsWord("to"))) {
        continue;
      }
      const Item& named = items[k + 2];
      if (named.IsEntity() && !named.anaphor && named.entity >= 0 &&
          named.kind == NodeKind::kOrganization) {
        last_merger_ = named.entity;
      }
    }
  }

  // "Ce partenariat", "this partnership" after an agreement between two companies: the parties
  // of the latest stated agreement are partners (not when one is a ministry or an agency).
  void PartnershipAnaphor(std::size_t si) {
    const auto [a, b] = last_agreement_;
    if (a < 0 || b < 0 || IsInstitution(a) || IsInstitution(b)) return;
    if (entities_.at(a).kind != NodeKind::kOrganization ||
        entities_.at(b).kind != NodeKind::kOrganization) {
      return;
    }
    const std::vector<Token>& t = sentences_[si].tokens;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      const std::string_view d = t[i].fold;
      const std::string_view n = t[i + 1].fold;
      const bool demonstrative = d == "ce" || d == "cette" || d == "this";
      if (!demonstrative || !(n == "partenariat" || n == "alliance" || n == "partnership")) {
        continue;
      }
      const StatusReading reading = StatusOf(si).Read(i, std::min(i + 4, t.size()));
      if (reading.former) return;
      AddFact(a, "partner_of", b, {},
              MakeEvidence(si, lang_ + ".partner_of.partnership_anaphor", reading.status, 0.6F));
      return;
    }
  }

  // Jobs created next to an investment in a place belong to that invests_in fact.
  void FlushLiterals(std::size_t si) {
    for (PendingLiteral& lit : pending_literals_) {
      if (lit.type == "jobs_created") {
        bool folded = false;
        for (graph::FactInput& f : out_.facts) {
          if (f.evidence.sentence == lit.evidence.sentence &&
              f.relation == schema_.Find("invests_in")->id &&
              static_cast<int>(f.subject) == lit.subject) {
            f.properties.emplace("jobs", FormatNumber(lit.value));
            folded = true;
          }
        }
        if (folded) continue;
      }
      AddLiteral(lit.subject, lit.type, lit.value, lit.props, lit.evidence);
    }
    pending_literals_.clear();
    (void)si;
  }

  graph::DocumentGraph Finish() {
    for (const auto& e : entities_.entities()) {
      graph::EntityInput in;
      in.kind = e.kind;
      in.name = e.name;
      in.lang = lang_;
      in.aliases.assign(e.aliases.begin(), e.aliases.end());
      // Keys of the name and aliases; a person's surname-only alias adds none.
      FillMatchKeys(&in);
      if (lang_ == "fr") in.label_fr = e.name; else in.label_en = e.name;
      out_.entities.push_back(std::move(in));
    }
    for (std::size_t i = 0; i < entities_.entities().size(); ++i) {
      const auto& e = entities_.entities()[i];
      AddFact(-2, "mentions", static_cast<int>(i), {},
              MakeEvidence(e.first_sentence, "mentions", FactStatus::kStated, 1.0F));
    }
    out_.document.name = doc_.name;
    out_.document.source = doc_.source;
    out_.document.title = doc_.title;
    out_.document.date = doc_.date;
    out_.document.lang = lang_;
    out_.document.url = doc_.url;
    out_.document.text = doc_.text;
    return std::move(out_);
  }

  struct PendingPlace {
    std::size_t item;
    std::size_t begin;
    std::size_t end;
    bool headquartered;
    int entity = -1;  // the place, resolved when the anaphor covers its tokens
  };
  struct PendingLiteral {
    int subject;
    std::string type;
    double value;
    std::map<std::string, std::string> props;
    graph::Evidence evidence;
  };

  const RawDocument& doc_;
  const graph::RelationSchema& schema_;
  CodePointIndex cp_;
  std::string lang_;
  std::string dollar_ = "USD";
  std::vector<SentenceData> sentences_;
  std::unordered_set<std::string> confirmed_;
  EntityTable entities_;
  std::vector<int> subject_history_;
  int last_subsidiary_ = -1;
  int last_speaker_ = -1;
  int last_person_ = -1;
  int last_org_ = -1;
  std::size_t last_speaker_sentence_ = 0;
  std::vector<PendingPlace> pending_place_;
  std::string pending_head_;
  int last_merger_ = -1;
  std::pair<int, int> last_agreement_{-1, -1};  // parties of the latest stated agreement
  std::pair<int, int> last_pair_{-1, -1};       // latest "X et Y" of two organisations
  std::set<int> subsidiaries_;                  // subjects of stated subsidiary_of facts
  std::map<std::size_t, int> pair_items_;       // item of "les deux X" -> second entity
  std::map<std::string, int> bindings_;
  std::map<int, bool> institution_;
  std::vector<PendingLiteral> pending_literals_;
  std::set<std::tuple<int, std::string, int, int>> fact_keys_;
  std::set<std::tuple<int, std::string, std::string, int>> literal_keys_;
  graph::DocumentGraph out_;
};

}  // namespace

Result<graph::DocumentGraph> ExtractDocument(const RawDocument& doc) {
  if (doc.text.empty()) return Status::InvalidArgument(doc.name + ": empty document");
  try {
    return DocumentExtractor(doc).Run();
  } catch (const std::exception& e) {
    return Status::Internal(doc.name + ": extraction failed: " + e.what());
  }
}

}  // namespace presskg::ingest
