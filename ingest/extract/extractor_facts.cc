// Facts and literals with evidence, deduplicated; properties completed from sentence values.

#include <cmath>

#include "ingest/extract/extractor_internal.h"

namespace presskg::ingest::internal {

namespace {

constexpr std::string_view kAgreementNouns[] = {
    "accord",      "convention",       "protocole", "contrat",  "partenariat",
    "mou",         "memorandum",       "agreement", "contract", "deal",
    "partnership", "convention-cadre", "licence",   "license"};

}  // namespace

std::string FormatNumber(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

graph::Evidence DocumentExtractor::MakeEvidence(std::size_t si, const std::string& rule,
                                                FactStatus status, float confidence) const {
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

void DocumentExtractor::AddFact(int subject, std::string_view relation, int object,
                                std::map<std::string, std::string> props, graph::Evidence ev) {
  const graph::RelationType* type = schema_.Find(relation);
  if (type == nullptr || subject == object) return;
  auto key = std::make_tuple(subject, std::string(relation), object, static_cast<int>(ev.status));
  if (type->symmetric && object != static_cast<int>(graph::kThisDocument) && subject > object) {
    key = std::make_tuple(object, std::string(relation), subject, static_cast<int>(ev.status));
  }
  // A fact the same pair already states more precisely adds nothing: "X supplies parts to
  // customers including Y" (Y is a client because X supplies it); "whose head office is located
  // in Laval" (the headquarters is the location).
  static constexpr std::pair<std::string_view, std::string_view> kImpliedBy[] = {
      {"has_client", "supplier_of"}, {"located_in", "headquartered_in"}};
  for (const auto& [implied, precise] : kImpliedBy) {
    if (relation == implied &&
        fact_keys_.count(std::make_tuple(subject, std::string(precise), object,
                                         static_cast<int>(ev.status))) > 0) {
      return;
    }
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

void DocumentExtractor::AddLiteral(int subject, const std::string& type, double value,
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

std::string DocumentExtractor::ItemRangeText(const SentenceData& s, const std::vector<Item>& items,
                                             std::pair<std::size_t, std::size_t> range) const {
  if (range.first >= range.second || range.second > items.size()) return "";
  const std::size_t b = s.tokens[items[range.first].tok_begin].begin;
  const std::size_t e = s.tokens[items[range.second - 1].tok_end - 1].end;
  return s.norm->text().substr(b, e - b);
}

void DocumentExtractor::CompleteProperties(const Rule& rule, const std::vector<Item>& items,
                                           const Match& m, const SentenceValues& values,
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
    if (year != nullptr && props->count("year") == 0) (*props)["year"] = FormatNumber(year->amount);
    const Value* jobs = values.JobCount();
    if (jobs != nullptr && props->count("jobs") == 0) (*props)["jobs"] = FormatNumber(jobs->amount);
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

void DocumentExtractor::FlushLiterals(std::size_t si) {
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

}  // namespace presskg::ingest::internal
