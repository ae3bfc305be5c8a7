// Rule matches to facts: slot kinds checked against the relation schema, status read.

#include <algorithm>

#include "ingest/extract/extractor_internal.h"
#include "ingest/resolve/name_key.h"

namespace presskg::ingest::internal {

namespace {

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

}  // namespace

bool DocumentExtractor::IsCity(int entity) {
  const auto& e = entities_.at(entity);
  if (e.kind != NodeKind::kPlace) return false;
  const std::vector<std::string> keys = MatchKeys(e.name, NodeKind::kPlace);
  return !keys.empty() && keys.front().starts_with("city:");
}

const StatusScanner& DocumentExtractor::StatusOf(std::size_t si) {
  SentenceData& s = sentences_[si];
  if (!s.status) s.status.emplace(s.tokens, lang_);
  return *s.status;
}

std::pair<std::size_t, std::size_t> DocumentExtractor::StatusRange(const Rule& rule,
                                                                   const SentenceData& s,
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
    if (tok.type == TokenType::kPunct && (tok.text == "," || tok.text == ";" || tok.text == ":"))
      break;
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
          next == "was" || next == "est" || next == "sont" || next == "sera" || next == "seront") {
        break;
      }
    }
    ++to;
  }
  return {from, to};
}

void DocumentExtractor::ApplyRules(std::size_t si, const std::vector<Item>& items) {
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

void DocumentExtractor::EmitRelation(const Rule& rule, std::size_t si,
                                     const std::vector<Item>& items, const Match& m,
                                     std::map<std::string, std::string> props, FactStatus status,
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
    // A guessed organisation in a slot that takes places only is a place ("in Tanger Med"); in
    // one that takes organisations too ("investing in Teranga Pay") it stays what it was.
    if (it.entity >= 0 && it.uncertain && it.kind == NodeKind::kOrganization) {
      const std::vector<NodeKind>& kinds = rule.reverse ? type->subject_kinds : type->object_kinds;
      const bool takes_org =
          std::find(kinds.begin(), kinds.end(), NodeKind::kOrganization) != kinds.end();
      const bool takes_place = std::find(kinds.begin(), kinds.end(), NodeKind::kPlace) != kinds.end();
      if (takes_place && !takes_org &&
          std::find(m.objects.begin(), m.objects.end(), idx) != m.objects.end()) {
        entities_.at(it.entity).kind = NodeKind::kPlace;
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
      if (rule.city && !IsCity(o_idx)) continue;
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

void DocumentExtractor::EmitLiteral(const Rule& rule, std::size_t si,
                                    const std::vector<Item>& items, const Match& m,
                                    const SentenceValues& values, FactStatus status,
                                    float confidence) {
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
    props["text"] =
        s.norm->text().substr(s.tokens[source->begin].begin,
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
    pending_literals_.push_back(
        {e, r, value, props, MakeEvidence(si, rule.id, status, confidence)});
  }
}

}  // namespace presskg::ingest::internal
