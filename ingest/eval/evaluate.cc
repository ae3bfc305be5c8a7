#include "ingest/eval/evaluate.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/relation_schema.h"
#include "ingest/extract/extractor.h"
#include "ingest/reader/text_reader.h"
#include "ingest/resolve/name_key.h"

namespace presskg::ingest {
namespace {

constexpr std::string_view kThisDocumentGold = "(this document)";

// An extracted stated fact with every name of its endpoints.
struct Extracted {
  std::vector<std::string> subject;
  std::string relation;
  std::vector<std::string> object;  // empty for literals and for the document
  bool document_object = false;
  bool literal = false;
  double value = 0;
  bool symmetric = false;
  std::string Describe() const {
    std::string out = subject.empty() ? "?" : subject.front();
    out += "  " + relation + "  ";
    if (literal) {
      std::ostringstream v;
      v << static_cast<long long>(value);
      out += v.str();
    } else {
      out += document_object ? std::string(kThisDocumentGold) : (object.empty() ? "?" : object.front());
    }
    return out;
  }
};

std::vector<std::string> Names(const graph::DocumentGraph& g, graph::EntityIndex index) {
  std::vector<std::string> names;
  if (index >= g.entities.size()) return names;
  const graph::EntityInput& e = g.entities[index];
  names.push_back(e.name);
  names.insert(names.end(), e.aliases.begin(), e.aliases.end());
  return names;
}

std::vector<Extracted> Flatten(const graph::DocumentGraph& g) {
  const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
  std::vector<Extracted> out;
  for (const graph::FactInput& f : g.facts) {
    if (f.evidence.status != graph::FactStatus::kStated) continue;
    const graph::RelationType* type = schema.Get(f.relation);
    if (type == nullptr || type->name == "mentions") continue;
    Extracted e;
    e.relation = type->name;
    e.symmetric = type->symmetric;
    e.subject = Names(g, f.subject);
    if (f.object == graph::kThisDocument) {
      e.document_object = true;
    } else {
      e.object = Names(g, f.object);
    }
    out.push_back(std::move(e));
  }
  for (const graph::LiteralInput& l : g.literals) {
    if (l.evidence.status != graph::FactStatus::kStated) continue;
    Extracted e;
    e.relation = l.type;
    e.literal = true;
    e.value = static_cast<double>(l.value);
    e.subject = Names(g, l.subject);
    out.push_back(std::move(e));
  }
  return out;
}

bool NamesMatch(const std::vector<std::string>& extracted, const std::vector<std::string>& gold) {
  for (const std::string& x : extracted) {
    const std::string kx = NameKey(x);
    const std::string fx = FoldedName(x);
    for (const std::string& g : gold) {
      if (kx == NameKey(g) || fx == FoldedName(g)) return true;
    }
  }
  return false;
}

bool ValueMatches(double value, const std::vector<double>& gold) {
  for (double g : gold) {
    if (std::fabs(value - g) <= std::max(0.5, std::fabs(g) * 1e-6)) return true;
  }
  return false;
}

bool Matches(const Extracted& x, const GoldFact& g) {
  if (x.relation != g.relation) return false;
  if (x.literal) return NamesMatch(x.subject, g.subject) && ValueMatches(x.value, g.values);
  const bool gold_document = !g.object.empty() && g.object.front() == kThisDocumentGold;
  if (x.document_object || gold_document) {
    return x.document_object && gold_document && NamesMatch(x.subject, g.subject);
  }
  if (NamesMatch(x.subject, g.subject) && NamesMatch(x.object, g.object)) return true;
  return x.symmetric && NamesMatch(x.subject, g.object) && NamesMatch(x.object, g.subject);
}

std::string DescribeGold(const GoldFact& g) {
  return (g.subject.empty() ? "?" : g.subject.front()) + "  " + g.relation + "  " +
         (g.object.empty() ? "?" : g.object.front());
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Pct(double v) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(3);
  s << v;
  return s.str();
}

std::string Line(const std::string& label, const EvalCounts& c) {
  std::ostringstream s;
  s << "  " << label;
  for (std::size_t i = label.size(); i < 24; ++i) s << ' ';
  s << "P " << Pct(c.Precision()) << "  R " << Pct(c.Recall()) << "  F1 " << Pct(c.F1())
    << "  (tp " << c.true_positives << ", fp " << c.false_positives << ", fn "
    << c.false_negatives << ")\n";
  return s.str();
}

}  // namespace

double EvalCounts::Precision() const {
  const int n = true_positives + false_positives;
  return n == 0 ? 1.0 : static_cast<double>(true_positives) / n;
}
double EvalCounts::Recall() const {
  const int n = true_positives + false_negatives;
  return n == 0 ? 1.0 : static_cast<double>(true_positives) / n;
}
double EvalCounts::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}
EvalCounts& EvalCounts::operator+=(const EvalCounts& o) {
  true_positives += o.true_positives;
  false_positives += o.false_positives;
  false_negatives += o.false_negatives;
  return *this;
}

void EvaluateDocument(const std::string& name, const graph::DocumentGraph& graph,
                      const GoldFile& gold, EvalReport* report) {
  DocumentEval doc;
  doc.name = name;
  doc.lang = graph.document.lang;
  const std::vector<Extracted> extracted = Flatten(graph);
  std::vector<bool> gold_found(gold.facts.size(), false);
  for (const Extracted& x : extracted) {
    bool matched = false;
    bool duplicate = false;
    for (std::size_t g = 0; g < gold.facts.size(); ++g) {
      if (!Matches(x, gold.facts[g])) continue;
      if (gold_found[g]) {
        duplicate = true;
        continue;
      }
      gold_found[g] = true;
      matched = true;
      EvalCounts one;
      one.true_positives = 1;
      doc.counts += one;
      report->by_relation[x.relation] += one;
      report->by_level[gold.facts[g].level] += one;
      break;
    }
    if (matched || duplicate) continue;
    EvalCounts one;
    one.false_positives = 1;
    doc.counts += one;
    report->by_relation[x.relation] += one;
    doc.false_positives.push_back(x.Describe());
    for (const GoldFact& d : gold.distractors) {
      if (Matches(x, d)) doc.distractor_hits.push_back(x.Describe());
    }
  }
  for (std::size_t g = 0; g < gold.facts.size(); ++g) {
    if (gold_found[g]) continue;
    EvalCounts one;
    one.false_negatives = 1;
    doc.counts += one;
    report->by_relation[gold.facts[g].relation] += one;
    report->by_level[gold.facts[g].level] += one;
    (gold.facts[g].level == "must" ? doc.missed_must : doc.missed_should)
        .push_back(DescribeGold(gold.facts[g]));
  }
  report->by_lang[doc.lang] += doc.counts;
  report->total += doc.counts;
  report->documents.push_back(std::move(doc));
}

Result<EvalReport> EvaluateCorpus(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string n = entry.path().filename().string();
    if (n.ends_with(".fr.txt") || n.ends_with(".en.txt")) files.push_back(entry.path());
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  if (files.empty()) return Status::NotFound(dir + ": no NAME.fr.txt / NAME.en.txt document");
  std::sort(files.begin(), files.end());
  EvalReport report;
  for (const fs::path& path : files) {
    const std::string n = path.filename().string();
    const fs::path gold_path = path.parent_path() / (n.substr(0, n.size() - 7) + ".gold.tsv");
    if (!fs::exists(gold_path)) continue;
    Result<RawDocument> doc = ParseTextDocument(n, ReadFile(path));
    if (!doc.ok()) return doc.status();
    Result<GoldFile> gold = ParseGold(ReadFile(gold_path));
    if (!gold.ok()) return Status::InvalidArgument(gold_path.string() + ": " + gold.status().message());
    Result<graph::DocumentGraph> graph = ExtractDocument(*doc);
    if (!graph.ok()) return graph.status();
    EvaluateDocument(n, *graph, *gold, &report);
  }
  return report;
}

std::string FormatEvalReport(const EvalReport& report, bool verbose) {
  std::ostringstream out;
  out << "overall\n" << Line("all", report.total);
  out << "by language\n";
  for (const auto& [lang, c] : report.by_lang) out << Line(lang.empty() ? "?" : lang, c);
  out << "by level (recall)\n";
  for (const auto& [level, c] : report.by_level) out << Line(level, c);
  out << "by relation\n";
  for (const auto& [relation, c] : report.by_relation) out << Line(relation, c);
  if (verbose) {
    for (const DocumentEval& d : report.documents) {
      out << "\n" << d.name << Line("", d.counts);
      for (const std::string& m : d.missed_must) out << "    miss (must)   " << m << "\n";
      for (const std::string& m : d.missed_should) out << "    miss (should) " << m << "\n";
      for (const std::string& f : d.false_positives) out << "    false pos.    " << f << "\n";
      for (const std::string& f : d.distractor_hits) out << "    DISTRACTOR    " << f << "\n";
    }
  }
  return out.str();
}

}  // namespace presskg::ingest
