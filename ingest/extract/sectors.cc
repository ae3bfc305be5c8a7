#include "ingest/extract/sectors.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <string_view>
#include <utility>

#include "ingest/extract/lexicon.h"
#include "ingest/extract/pattern.h"
#include "ingest/extract/word_in.h"

namespace presskg::ingest {
namespace {

using graph::NodeKind;

// Tables (folded). Verbs and participles that introduce a sector phrase.
constexpr std::string_view kSectorVerbs[] = {
    "opere", "operent", "active", "actif", "actifs", "specialisee", "specialise", "specialises",
    "specialisees", "operates", "operate", "specializes", "specialises", "specialized",
    "specialised", "specializing", "specialising", "specialist", "specialiste"};
// Adverbs allowed between the verb and its preposition: "opère entre autres dans".
constexpr std::string_view kSectorAdverbs[] = {"entre", "autres", "notamment", "principalement",
                                               "among", "other", "things", "mainly", "notably",
                                               "essentiellement", "surtout", "aussi", "also"};
// English head nouns of a descriptor: "harness maker Cablinor", "an engineering firm".
constexpr std::string_view kEnglishHeads[] = {
    "maker",    "makers",    "firm",         "company",   "consultancy", "contractor",
    "producer", "producers", "manufacturer", "developer", "specialist",  "chain",
    "provider", "start-up",  "startup",      "app",       "group",       "grocer",
    "operator", "investor",  "insurer",      "insurers",  "reinsurer"};
// French head nouns used alone or with adjectives: "le câblier Cablinor".
constexpr std::string_view kFrenchHeads[] = {
    "cablier", "faconnier", "biotech",  "sous-traitant", "sous-traitants", "equipementier",
    "editeur", "enseigne",  "assureur", "assureurs",     "reassureur"};
// French heads that take their sector from a "de" complement: "producteurs d'électricité".
constexpr std::string_view kFrenchDeHeads[] = {"producteur", "producteurs", "fabricant",
                                               "fabricants", "chaine", "specialiste", "societe",
                                               "developpeur", "fournisseur", "exploitant"};
// Production verbs whose direct object names the activity: "fabrique des pièces de
// structure", "manufactures carbon-fiber panels".
constexpr std::string_view kProductionVerbs[] = {
    "fabrique",     "fabriquent",  "produit",  "produisent", "concoit",
    "manufactures", "manufacture", "produces", "produce",    "designs"};
// Verbs of running outlets, and the outlets whose kind names the business: "exploite les
// supermarchés Marché Boréal", "operates the Marché Boréal supermarkets".
constexpr std::string_view kRunVerbs[] = {"exploite", "exploitent", "operates",
                                          "operate",  "runs",       "run"};
constexpr std::string_view kOutletNouns[] = {
    "supermarches", "hypermarches", "hotels",       "restaurants",  "pharmacies", "cliniques",
    "casinos",      "cinemas",      "supermarkets", "hypermarkets", "clinics"};
// Agent nouns whose activity has another name: "les assureurs X et Y" work in "assurance".
constexpr std::pair<std::string_view, std::string_view> kAgentActivities[] = {
    {"assureur", "assurance"}, {"assureurs", "assurance"}, {"reassureur", "reassurance"},
    {"insurer", "insurance"},  {"insurers", "insurance"},  {"reinsurer", "reinsurance"}};
constexpr std::string_view kEnglishOfHeads[] = {"maker", "developer", "operator", "provider",
                                                "manufacturer", "producer", "specialist"};
// Adjectives that say nothing of the sector.
constexpr std::string_view kVague[] = {
    "leading",   "largest",  "major",   "rival",    "struggling",   "local",  "global",  "other",
    "new",       "big",      "small",   "biggest",  "family-owned", "listed", "premier", "grand",
    "equipment", "existing", "current", "longtime", "historic",     "family", "holding", "include",
    "includes",  "are",      "is",      "was",      "were",         "has",    "have",    "its",
    "their",     "said",     "petit",   "nouveau",  "nouvelle",     "the",    "a",       "an"};
// Words that end a sector phrase.
constexpr std::string_view kPhraseStops[] = {
    "base", "basee", "based", "etabli", "etablie", "headquartered", "located", "installe",
    "installee", "dont", "qui", "which", "that", "for", "pour", "with", "avec", "in", "en",
    "depuis", "since", "implante", "implantee", "cote", "cotee", "listed"};

// The activity an agent noun names ("assureurs" -> "assurance"); empty if none.
std::string_view AgentActivity(std::string_view word) {
  for (const auto& [agent, activity] : kAgentActivities) {
    if (agent == word) return activity;
  }
  return {};
}

class SectorFinder {
 public:
  explicit SectorFinder(const SectorContext& ctx) : c_(ctx), lex_(Lexicon::Get()) {}

  std::vector<SectorFact> Run() {
    const std::vector<Item>& items = c_.items;
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].type == Item::Type::kWord && In(items[k].fold, kSectorVerbs)) Verb(k);
      if (items[k].type == Item::Type::kWord && In(items[k].fold, kProductionVerbs)) Product(k);
      if (items[k].type == Item::Type::kWord && In(items[k].fold, kRunVerbs)) Outlets(k);
      if (items[k].IsEntity() && !items[k].anaphor && items[k].kind == NodeKind::kOrganization) {
        Descriptor(k);
        Apposition(k);
      }
    }
    return std::move(out_);
  }

 private:
  bool Word(std::size_t k) const {
    return k < c_.items.size() && c_.items[k].type == Item::Type::kWord;
  }
  bool Det(std::size_t k) const {
    if (!Word(k)) return false;
    const std::string& f = c_.items[k].fold;
    return f == "le" || f == "la" || f == "les" || f == "l'" || f == "un" || f == "une" ||
           f == "the" || f == "a" || f == "an";
  }
  bool De(std::size_t k) const {
    if (!Word(k)) return false;
    const std::string& f = c_.items[k].fold;
    return f == "de" || f == "d'" || f == "du" || f == "des" || f == "of";
  }

  std::string Text(std::size_t b, std::size_t e) const {
    if (b >= e) return "";
    std::string out;
    for (std::size_t k = b; k < e; ++k) {
      const Item& it = c_.items[k];
      if (!out.empty() && out.back() != '\'' && it.text != "-" && (k == 0 || c_.items[k - 1].text != "-")) {
        out += ' ';
      }
      out += it.text;
    }
    return out;
  }

  // A noun phrase of lower-case words from k ("développement des moteurs"); returns its end.
  std::size_t Phrase(std::size_t k) const {
    std::size_t e = k;
    while (e < c_.items.size() && e < k + 6) {
      const Item& it = c_.items[e];
      if (it.type == Item::Type::kPunct && it.fold == "-") {
        ++e;
        continue;
      }
      if (it.type != Item::Type::kWord || In(it.fold, kPhraseStops)) break;
      if (De(e)) {
        std::size_t n = e + 1;
        if (Det(n)) ++n;
        if (!Word(n) || lex_.IsFunctionWord(c_.items[n].fold) || In(c_.items[n].fold, kPhraseStops)) break;
        e = n;
        continue;
      }
      if (lex_.IsFunctionWord(it.fold) || lex_.IsDemonym(it.fold)) break;
      if (it.text.size() > 0 && c_.items[e].type == Item::Type::kWord && it.fold != it.text &&
          !(it.text[0] >= 'a' && it.text[0] <= 'z') && e > k && it.fold.size() > 0 &&
          std::isupper(static_cast<unsigned char>(it.text[0]))) {
        break;
      }
      ++e;
    }
    return e;
  }

  void Add(std::size_t subject, std::string name, std::string alias, std::string_view rule,
           std::size_t from_item, std::size_t to_item) {
    if (name.empty()) return;
    SectorFact f;
    f.subject_item = subject;
    f.name = std::move(name);
    // "satellite maker" also names "satellites", "tower company" "towers".
    if (!alias.empty() && alias.find(' ') == std::string::npos && !alias.ends_with("s")) {
      f.plural_alias = alias + "s";
    }
    f.alias = std::move(alias);
    f.rule = std::string(rule);
    f.tok_from = c_.items[std::min(from_item, c_.items.size() - 1)].tok_begin;
    f.tok_to = to_item < c_.items.size() ? c_.items[to_item].tok_begin : c_.tokens.size();
    out_.push_back(std::move(f));
  }

  // "opère entre autres dans le développement des moteurs, de batteries électriques ..."
  void Verb(std::size_t v) {
    SlotPolicy policy;
    policy.subject_kinds = {NodeKind::kOrganization};
    const std::string& verb = c_.items[v].fold;
    policy.attributive = !(verb == "opere" || verb == "operent" || verb == "operates" ||
                           verb == "operate");
    const int subject = LeftSubject(c_.items, v, policy);
    if (subject < 0) return;
    std::size_t k = v + 1;
    while (Word(k) && (In(c_.items[k].fold, kSectorAdverbs) || lex_.IsDemonym(c_.items[k].fold))) ++k;
    if (!Word(k)) return;
    const std::string& prep = c_.items[k].fold;
    const bool specialist = c_.items[v].fold == "specialist" || c_.items[v].fold == "specialiste";
    if (!(prep == "dans" || prep == "in" ||
          (specialist && (prep == "de" || prep == "du" || prep == "des" || prep == "d'")))) {
      return;
    }
    ++k;
    // A list of phrases separated by ",", "et", "and", "&".
    for (int n = 0; n < 6 && k < c_.items.size(); ++n) {
      while (Det(k) || De(k)) ++k;
      const std::size_t e = Phrase(k);
      if (e == k) break;
      Add(static_cast<std::size_t>(subject), Text(k, e), "", "verb", v, e);
      k = e;
      if (k < c_.items.size() && c_.items[k].IsPunct(",")) {
        ++k;
        // French lists repeat the article: "de batteries électriques, des systèmes".
        if (c_.lang == "fr" && !Det(k) && !De(k)) break;
      }
      if (Word(k) && (c_.items[k].fold == "et" || c_.items[k].fold == "and")) {
        ++k;
      } else if (k < c_.items.size() && c_.items[k].IsPunct("&")) {
        ++k;
      } else if (k == 0 || !c_.items[k - 1].IsPunct(",")) {
        break;
      }
    }
  }

  // "Le groupe fabrique des pièces de structure et des sous-ensembles de nacelles",
  // "The group manufactures structural parts and nacelle subassemblies".
  void Product(std::size_t v) {
    SlotPolicy policy;
    policy.subject_kinds = {NodeKind::kOrganization};
    const int subject = LeftSubject(c_.items, v, policy);
    if (subject < 0) return;
    const bool french = c_.lang == "fr";
    std::size_t k = v + 1;
    for (int n = 0; n < 4 && k < c_.items.size(); ++n) {
      if (french) {
        if (!De(k) || c_.items[k].fold == "du" || c_.items[k].fold == "of") break;
        ++k;
      } else if (Det(k)) {
        break;
      }
      const std::size_t e = Phrase(k);
      if (e == k) break;
      Add(static_cast<std::size_t>(subject), Text(k, e), "", "product", v, e);
      k = e;
      if (k < c_.items.size() && c_.items[k].IsPunct(",")) ++k;
      if (!Word(k) || !(c_.items[k].fold == "et" || c_.items[k].fold == "and")) break;
      ++k;
    }
  }

  // "Groupe Boréal, qui exploite les supermarchés Marché Boréal", "which operates the Marché
  // Boréal supermarkets", "runs 40 hotels".
  void Outlets(std::size_t v) {
    std::size_t k = v + 1;
    if (Det(k)) ++k;
    if (k < c_.items.size() && c_.items[k].type == Item::Type::kValue) ++k;
    if (k < c_.items.size() && c_.items[k].IsEntity() && !c_.items[k].anaphor) ++k;
    if (!Word(k) || !In(c_.items[k].fold, kOutletNouns)) return;
    SlotPolicy policy;
    policy.subject_kinds = {NodeKind::kOrganization};
    const int subject = LeftSubject(c_.items, v, policy);
    if (subject < 0) return;
    Add(static_cast<std::size_t>(subject), c_.items[k].text, "", "outlets", v, k + 1);
  }

  // "harness maker Cablinor", "le câblier Cablinor", "la chaîne d'épiceries fines Maison
  // Laurentienne", "Les sous-traitants aéronautiques Mécafor et Aérotech Sud".
  void Descriptor(std::size_t k) {
    if (k == 0) return;
    std::size_t b = k;
    while (b > 0 && b + 6 > k) {
      const Item& it = c_.items[b - 1];
      if (it.type == Item::Type::kWord && !Det(b - 1) &&
          (!lex_.IsFunctionWord(it.fold) || De(b - 1))) {
        --b;
        continue;
      }
      if (it.IsPunct("-") && b >= 2) {
        --b;
        continue;
      }
      if (it.type == Item::Type::kEntity && it.kind == NodeKind::kPlace && b < c_.items.size() &&
          c_.items[b].IsPunct("-")) {
        --b;
        continue;
      }
      break;
    }
    if (b == k) return;
    const bool french = c_.lang == "fr";
    std::string name;
    std::string alias;
    if (french) {
      // The head follows a determiner: the first one of the words walked back over ("aucun
      // projet de rachat du câblier Cablinor": "câblier").
      auto contracted = [&](std::size_t at) {
        return Word(at) && (c_.items[at].fold == "du" || c_.items[at].fold == "au" ||
                            c_.items[at].fold == "des" || c_.items[at].fold == "aux");
      };
      auto is_head = [&](std::size_t at) {
        return In(c_.items[at].fold, kFrenchDeHeads) || In(c_.items[at].fold, kFrenchHeads);
      };
      while (b < k && !(b > 0 && (Det(b - 1) || contracted(b - 1)) && is_head(b))) ++b;
      if (b == k) return;
      const std::string& head = c_.items[b].fold;
      if (In(head, kFrenchDeHeads)) {
        std::size_t p = b + 1;
        if (!De(p)) return;
        ++p;
        if (Det(p)) ++p;
        const std::size_t e = std::min(Phrase(p), k);
        name = Text(p, e);
      } else if (In(head, kFrenchHeads) && head != "equipementier") {
        std::size_t e = b + 1;
        while (e < k && !lex_.IsDemonym(c_.items[e].fold) && c_.items[e].type == Item::Type::kWord) ++e;
        name = Text(b, e);
        if (!AgentActivity(head).empty() && e == b + 1) {
          alias = name;
          name = std::string(AgentActivity(head));
        }
      } else {
        return;
      }
    } else {
      // Head right before the name; modifiers before it.
      const std::string& head = c_.items[k - 1].fold;
      const bool compound = head.size() > 5 && head.ends_with("maker");
      if (!compound && !In(head, kEnglishHeads)) return;
      if (!AgentActivity(head).empty()) {
        Add(k, std::string(AgentActivity(head)), c_.items[k - 1].text, "descriptor", b, k + 1);
        return;
      }
      std::size_t m = k - 1;
      while (m > b && m + 3 > k && !lex_.IsDemonym(c_.items[m - 1].fold) &&
             !In(c_.items[m - 1].fold, kVague) && c_.items[m - 1].type == Item::Type::kWord &&
             !De(m - 1)) {
        --m;
      }
      if (m == k - 1 && !compound) return;
      name = Text(m, k);
      alias = compound ? head.substr(0, head.size() - 5) + "s" : Text(m, k - 1);
    }
    Add(k, name, alias, "descriptor", b, k + 1);
    const std::string& head_word = french ? c_.items[b].fold : c_.items[k - 1].fold;
    // "producers Wallenergie and Brabant Solar": the descriptor covers the coordinated names.
    if (k + 2 < c_.items.size() && Word(k + 1) &&
        (c_.items[k + 1].fold == "et" || c_.items[k + 1].fold == "and") && c_.items[k + 2].IsEntity() &&
        c_.items[k + 2].kind == NodeKind::kOrganization && head_word.ends_with("s")) {
      Add(k + 2, name, alias, "descriptor", b, k + 3);
    }
  }

  // "Calvern Group, an aerospace equipment maker headquartered in Toulouse", "Nuvexa
  // Engineering, société d'ingénierie canadienne", "APA, a maker of carbon-fiber panels".
  void Apposition(std::size_t k) {
    std::size_t p = k + 1;
    if (!(p < c_.items.size() && c_.items[p].IsPunct(","))) return;
    ++p;
    if (Det(p)) ++p;
    while (p < c_.items.size() && (lex_.IsDemonym(c_.items[p].fold) || In(c_.items[p].fold, kVague))) ++p;
    // "a Cambridge, Mass.-based developer": a city and its state before "-based".
    if (p + 4 < c_.items.size() && c_.items[p].IsEntity() && c_.items[p].kind == NodeKind::kPlace &&
        c_.items[p + 1].IsPunct(",") && c_.items[p + 2].IsEntity() &&
        c_.items[p + 2].kind == NodeKind::kPlace && c_.items[p + 3].IsPunct("-")) {
      p += 2;
    }
    if (p + 2 < c_.items.size() && c_.items[p].IsEntity() && c_.items[p].kind == NodeKind::kPlace &&
        c_.items[p + 1].IsPunct("-")) {
      p += 3;
    }
    if (!Word(p)) return;
    const bool french = c_.lang == "fr";
    if (french) {
      const std::string& head = c_.items[p].fold;
      std::size_t after = p + 1;
      while (Word(after) && lex_.IsDemonym(c_.items[after].fold)) ++after;
      if (In(head, kFrenchDeHeads) && De(after)) {
        std::size_t q = after + 1;
        if (Det(q)) ++q;
        const std::size_t e = Phrase(q);
        Add(k, Text(q, e), "", "apposition", p, e);
      } else if (head == "equipementier" || In(head, kFrenchHeads)) {
        std::size_t e = p + 1;
        while (Word(e) && !lex_.IsFunctionWord(c_.items[e].fold) && !lex_.IsDemonym(c_.items[e].fold) &&
               !In(c_.items[e].fold, kPhraseStops)) {
          ++e;
        }
        Add(k, Text(p, e), "", "apposition", p, e);
      }
      return;
    }
    // English: modifiers then a head noun, or "maker of X".
    std::size_t e = p;
    while (Word(e) && e < p + 5 && !lex_.IsFunctionWord(c_.items[e].fold) &&
           !In(c_.items[e].fold, kPhraseStops)) {
      ++e;
    }
    if (e == p) return;
    const std::string& head = c_.items[e - 1].fold;
    if (In(head, kEnglishOfHeads) && e == p + 1 && Word(e) && c_.items[e].fold == "of") {
      const std::size_t q = e + 1;
      const std::size_t end = Phrase(q);
      Add(k, Text(q, end), "", "apposition", p, end);
      return;
    }
    const bool compound = head.size() > 5 && head.ends_with("maker");
    if (!compound && !In(head, kEnglishHeads)) return;
    if (e == p + 1 && !compound) return;
    Add(k, Text(p, e), compound ? "" : Text(p, e - 1), "apposition", p, e);
  }

  const SectorContext& c_;
  const Lexicon& lex_;
  std::vector<SectorFact> out_;
};

}  // namespace

std::vector<SectorFact> FindSectors(const SectorContext& ctx) { return SectorFinder(ctx).Run(); }

}  // namespace presskg::ingest
