// Coreference: anaphors ("la société", "its", "the two companies") resolved to document entities.

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "ingest/extract/extractor_internal.h"
#include "ingest/extract/lexicon.h"

namespace presskg::ingest::internal {

int DocumentExtractor::MostRecentOrg() {
  for (std::size_t k = subject_history_.size(); k-- > 0;) {
    if (entities_.at(subject_history_[k]).kind == NodeKind::kOrganization) {
      return subject_history_[k];
    }
  }
  return -1;
}

int DocumentExtractor::MostRecentOrgExcept(int entity) {
  for (std::size_t k = subject_history_.size(); k-- > 0;) {
    const int e = subject_history_[k];
    if (e != entity && entities_.at(e).kind == NodeKind::kOrganization) return e;
  }
  return -1;
}

namespace {

// "tunisienne", "tunisiens" -> "tunisien": one form per adjective, gender and number apart.
std::string DemonymStem(std::string_view fold) {
  std::string s(fold);
  if (s.size() > 4 && s.back() == 's') s.pop_back();
  if (s.size() > 5 && s.ends_with("nne")) s.resize(s.size() - 2);
  if (s.size() > 4 && s.back() == 'e' && !fold.ends_with("belge") && !fold.ends_with("suisse") &&
      !fold.ends_with("russe") && !fold.ends_with("malgache") && !fold.ends_with("tcheque")) {
    s.pop_back();
  }
  return s;
}

}  // namespace

std::string DocumentExtractor::AnaphorDemonym(const std::vector<Token>& tokens,
                                              const Item& it) const {
  const Lexicon& lex = Lexicon::Get();
  // Before the noun ("the Polish start-up") or right after it ("le groupe tunisien").
  for (std::size_t k = it.tok_begin; k < it.tok_end && k < tokens.size(); ++k) {
    if (lex.IsDemonym(tokens[k].fold)) return DemonymStem(tokens[k].fold);
  }
  if (it.tok_end < tokens.size() && lex.IsDemonym(tokens[it.tok_end].fold)) {
    return DemonymStem(tokens[it.tok_end].fold);
  }
  if (it.tok_begin >= 1 && lex.IsDemonym(tokens[it.tok_begin - 1].fold)) {
    return DemonymStem(tokens[it.tok_begin - 1].fold);
  }
  return "";
}

void DocumentExtractor::NoteDemonyms(const std::vector<Token>& tokens, const Item& it) {
  const Lexicon& lex = Lexicon::Get();
  // "le tunisien Groupe Ben Slama", "Portuguese group Ferraz": up to three words before the name.
  for (std::size_t back = 1; back <= 3 && back <= it.tok_begin; ++back) {
    const Token& t = tokens[it.tok_begin - back];
    if (t.type != TokenType::kWord) break;
    if (lex.IsDemonym(t.fold)) {
      org_demonyms_.emplace_back(it.entity, DemonymStem(t.fold));
      return;
    }
  }
}

int DocumentExtractor::OrgOfDemonym(const std::string& stem) const {
  if (stem.empty()) return -1;
  int found = -1;
  for (const auto& [entity, s] : org_demonyms_) {
    if (s != stem) continue;
    if (found >= 0 && found != entity) return -1;  // two organisations share it: ambiguous
    found = entity;
  }
  return found;
}

bool DocumentExtractor::OpensParagraph(std::size_t si) const {
  if (si == 0) return false;
  const std::size_t from = sentences_[si - 1].span.end;
  const std::size_t to = sentences_[si].span.begin;
  return to > from && std::string_view(doc_.text).substr(from, to - from).find('\n') !=
                          std::string_view::npos;
}

int DocumentExtractor::MainSubject(bool group) {
  // Two points per subject position, one per other mention; the first named wins ties.
  std::unordered_map<int, int> score;
  for (int e : subject_history_) score[e] += 2;
  for (const auto& [e, n] : org_mentions_) score[e] += n;
  int best = -1;
  for (int e : org_order_) {
    if (entities_.at(e).kind != NodeKind::kOrganization || IsInstitution(e)) continue;
    if (group && subsidiaries_.count(e) > 0) continue;
    if (best < 0 || score[e] > score[best]) best = e;
  }
  return best;
}

int DocumentExtractor::ResolveAnaphor(const Item& it, std::size_t si) {
  const std::string& f = it.fold;
  const bool recent_speaker = last_speaker_ >= 0 && last_speaker_sentence_ + 1 >= si;
  if (f == "a-t-il" || f == "a-t-elle" || f == "he" || f == "she") {
    return last_speaker_ >= 0 ? last_speaker_ : last_person_;
  }
  if ((f == "il" || f == "elle") && recent_speaker) return last_speaker_;
  if ((f == "filiale" || f == "subsidiary") && last_subsidiary_ >= 0) return last_subsidiary_;
  if (auto b = bindings_.find(f); b != bindings_.end()) return b->second;
  if ((f == "ensemble" || f == "entite") && last_merger_ >= 0) return last_merger_;
  const bool company_noun = f == "societe" || f == "company" || f == "firm" || f == "entreprise";
  const bool company = company_noun || f == "it" || f == "il" || f == "elle";
  // "le groupe", "the group": a company that is not a subsidiary named since; a name sure to
  // be an organisation first, then one only guessed to be.
  const bool group = f == "groupe" || f == "group";
  // "L'entreprise emploie 900 salariés" opening a paragraph: the organisation the text is about
  // (the most frequent subject so far), not the last one named in the paragraph before.
  if ((company_noun || group) && OpensParagraph(si)) {
    const int topic = MainSubject(group);
    if (topic >= 0) return topic;
  }
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

void DocumentExtractor::BindUnitApposition(std::vector<Item>& items, std::size_t k,
                                           std::size_t si) {
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

void DocumentExtractor::MakerAnaphorSector(const Item& it, std::size_t si) {
  const std::string& f = it.fold;
  if (it.entity < 0 || f.size() <= 5 || !f.ends_with("maker")) return;
  if (entities_.at(it.entity).kind != NodeKind::kOrganization) return;
  const int sector = entities_.AddSector(f, {f.substr(0, f.size() - 5) + "s"}, si);
  const StatusReading reading = StatusOf(si).Read(it.tok_begin, it.tok_end);
  AddFact(it.entity, "operates_in", sector, {},
          MakeEvidence(si, lang_ + ".operates_in.maker_anaphor", reading.status, 0.6F));
}

bool DocumentExtractor::IsInstitution(int entity) {
  auto [it, inserted] = institution_.emplace(entity, false);
  if (inserted) it->second = ComputeInstitution(entities_.at(entity).name);
  return it->second;
}

bool DocumentExtractor::ComputeInstitution(const std::string& name) {
  const std::vector<Token> t = Tokenize(name, "fr");
  return !t.empty() && Lexicon::Get().IsInstitutionCue(t.front().fold) &&
         t.front().fold != "banque" && t.front().fold != "bank" && t.front().fold != "credit" &&
         t.front().fold != "caisse" && t.front().fold != "cooperative";
}

void DocumentExtractor::ResolveItems(std::vector<Item>* items, std::size_t si) {
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
               (*items)[k - 1].IsPunct(",") && (*items)[k - 2].IsEntity() &&
               (*items)[k - 2].kind == NodeKind::kOrganization) {
      // "Nuvexa Maroc, la filiale marocaine du groupe": an apposition names its head.
      it.entity = (*items)[k - 2].entity;
    } else if (it.anaphor) {
      // "le groupe tunisien", "the Polish start-up": the organisation named with that
      // nationality or city adjective.
      const int by_demonym = it.possessive ? -1 : OrgOfDemonym(AnaphorDemonym(tokens, it));
      it.entity = by_demonym >= 0 ? by_demonym : ResolveAnaphor(it, si);
      BindUnitApposition(*items, k, si);
      static constexpr std::string_view kSpecific[] = {
          "detaillant", "retailer", "operateur",   "operator",     "laboratoire",
          "lab",        "fintech",  "assureur",    "constructeur", "automaker",
          "carmaker",   "chain",    "coentreprise"};
      if (it.entity >= 0 && In(it.fold, kSpecific)) bindings_.emplace(it.fold, it.entity);
      MakerAnaphorSector(it, si);
      if (it.entity >= 0) it.kind = entities_.at(it.entity).kind;
    }
    if (it.entity < 0) continue;
    if (it.kind == NodeKind::kPerson) last_person_ = it.entity;
    if (it.kind == NodeKind::kOrganization && !it.anaphor) {
      NoteDemonyms(tokens, it);
      last_org_ = it.entity;
      if (org_mentions_[it.entity]++ == 0) org_order_.push_back(it.entity);
    }
    if (it.subject_like && it.kind == NodeKind::kOrganization && !it.possessive) {
      subject_history_.push_back(it.entity);
    }
  }
}

bool DocumentExtractor::BasedElsewhere(int org, int place) const {
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

void DocumentExtractor::NoteMergerResult(const std::vector<Item>& items) {
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

void DocumentExtractor::PartnershipAnaphor(std::size_t si) {
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

}  // namespace presskg::ingest::internal
