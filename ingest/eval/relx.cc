#include "ingest/eval/relx.h"

#include <algorithm>
#include <cctype>
#include <iomanip>
#include <sstream>

#include "graph/relation_schema.h"
#include "ingest/extract/extractor.h"
#include "ingest/resolve/name_key.h"

namespace presskg::ingest {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    out.push_back(line);
    i = j + 1;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// Removes the markers, keeps what they enclose, and collapses the spaces they leave.
bool StripMarkers(std::string_view marked, RelxSentence* out) {
  std::string text;
  std::size_t i = 0;
  std::string* current = nullptr;
  while (i < marked.size()) {
    if (marked[i] == '<') {
      const std::size_t close = marked.find('>', i);
      if (close == std::string_view::npos) return false;
      const std::string_view tag = marked.substr(i + 1, close - i - 1);
      if (tag == "e1") current = &out->e1;
      else if (tag == "e2") current = &out->e2;
      else if (tag == "/e1" || tag == "/e2") current = nullptr;
      else return false;
      i = close + 1;
      continue;
    }
    text.push_back(marked[i]);
    if (current != nullptr) current->push_back(marked[i]);
    ++i;
  }
  out->e1 = Trim(out->e1);
  out->e2 = Trim(out->e2);
  // Collapse runs of spaces; no space before a closing parenthesis or a final period.
  std::string clean;
  for (char c : text) {
    if (c == ' ' && (clean.empty() || clean.back() == ' ' || clean.back() == '(')) continue;
    if ((c == ')' || c == '.' || c == ',') && !clean.empty() && clean.back() == ' ') {
      clean.pop_back();
    }
    clean.push_back(c);
  }
  out->text = Trim(clean);
  return true;
}

std::vector<std::string> FoldedWords(const std::string& name) {
  std::vector<std::string> words;
  const std::string folded = FoldedName(name);  // the views below point into it
  for (std::string_view w : Split(folded, ' ')) {
    if (!w.empty()) words.emplace_back(w);
  }
  return words;
}

// True when `inner` occurs as a run of whole words inside `outer`.
bool RunsInside(const std::vector<std::string>& inner, const std::vector<std::string>& outer) {
  if (inner.empty() || inner.size() > outer.size()) return false;
  for (std::size_t k = 0; k + inner.size() <= outer.size(); ++k) {
    if (std::equal(inner.begin(), inner.end(), outer.begin() + static_cast<std::ptrdiff_t>(k))) {
      return true;
    }
  }
  return false;
}

bool NameMatches(const graph::EntityInput& entity, const std::string& marked) {
  const std::string key = NameKey(marked);
  const std::vector<std::string> marked_words = FoldedWords(marked);
  std::vector<std::string> names{entity.name};
  names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
  for (const std::string& n : names) {
    if (!key.empty() && NameKey(n) == key) return true;
    const std::vector<std::string> words = FoldedWords(n);
    if (RunsInside(words, marked_words) || RunsInside(marked_words, words)) return true;
  }
  return false;
}

bool Endpoint(const graph::DocumentGraph& g, graph::EntityIndex index, const std::string& marked) {
  return index < g.entities.size() && NameMatches(g.entities[index], marked);
}

// The four-digit years written in `text`.
std::vector<double> Years(const std::string& text) {
  std::vector<double> out;
  auto digit = [&](std::size_t k) {
    return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])) != 0;
  };
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((i > 0 && digit(i - 1)) || digit(i + 4)) continue;
    if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3)) {
      out.push_back(std::stod(text.substr(i, 4)));
    }
  }
  return out;
}

std::string Describe(const RelxSentence& s, const std::string& what) {
  return s.id + "  " + what + "  " + s.e1 + " | " + s.e2;
}

}  // namespace

Result<std::vector<RelxSentence>> ParseRelx(std::string_view text) {
  std::vector<RelxSentence> out;
  const std::vector<std::string_view> lines = Lines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    if (line.empty()) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.size() < tab + 3 || line[tab + 1] != '"' ||
        line.back() != '"') {
      return Status::InvalidArgument("RELX line " + std::to_string(n + 1) +
                                     ": expected id<TAB>\"sentence\"");
    }
    RelxSentence s;
    s.id = std::string(line.substr(0, tab));
    if (!StripMarkers(line.substr(tab + 2, line.size() - tab - 3), &s)) {
      return Status::InvalidArgument("RELX line " + std::to_string(n + 1) + ": bad entity markers");
    }
    std::size_t l = n + 1;
    while (l < lines.size() && lines[l].empty()) ++l;
    if (l == lines.size()) {
      return Status::InvalidArgument("RELX line " + std::to_string(n + 1) + ": no label");
    }
    std::string_view label = lines[l];
    if (label.ends_with("(e1,e2)")) {
      label.remove_suffix(7);
    } else if (label.ends_with("(e2,e1)")) {
      label.remove_suffix(7);
      s.reversed = true;
    }
    s.label = std::string(label);
    // A few rows mark an empty entity ("the <e1> </e1> Prize"): nothing to score.
    if (!s.e1.empty() && !s.e2.empty()) out.push_back(std::move(s));
    n = l;
  }
  return out;
}

Result<std::vector<RelxMapping>> ParseRelxMapping(std::string_view text) {
  std::vector<RelxMapping> out;
  const std::vector<std::string_view> lines = Lines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].empty() || lines[n].front() == '#') continue;
    const std::vector<std::string_view> cols = Split(lines[n], '\t');
    if (cols.front() == "label") continue;  // header
    if (cols.size() < 3 || (cols[2] != "first" && cols[2] != "second") || cols[1].empty()) {
      return Status::InvalidArgument("label map line " + std::to_string(n + 1) +
                                     ": expected label<TAB>relations<TAB>first|second");
    }
    RelxMapping m;
    m.label = std::string(cols[0]);
    for (std::string_view r : Split(cols[1], '|')) m.relations.emplace_back(r);
    m.second_is_subject = cols[2] == "second";
    out.push_back(std::move(m));
  }
  return out;
}

double RelxReport::Precision() const {
  const int n = mapped.found + no_relation_facts;
  return n == 0 ? 1.0 : static_cast<double>(mapped.found) / n;
}

RelxReport EvaluateRelx(const std::vector<RelxSentence>& sentences,
                        const std::vector<RelxMapping>& mapping, const std::string& lang) {
  const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
  RelxReport report;
  report.lang = lang;
  for (const RelxSentence& s : sentences) {
    const RelxMapping* map = nullptr;
    for (const RelxMapping& m : mapping) {
      if (m.label == s.label) map = &m;
    }
    const bool negative = s.label == "no_relation";
    if (map == nullptr && !negative) continue;
    RawDocument doc;
    doc.name = "relx-" + s.id + "." + lang;
    doc.lang = lang;
    doc.text = s.text;
    Result<graph::DocumentGraph> g = ExtractDocument(doc);
    if (!g.ok()) continue;
    if (negative) {
      ++report.no_relation;
      for (const graph::FactInput& f : g->facts) {
        const graph::RelationType* type = schema.Get(f.relation);
        if (f.evidence.status != graph::FactStatus::kStated || type == nullptr ||
            type->name == "mentions" || f.object == graph::kThisDocument) {
          continue;
        }
        if ((Endpoint(*g, f.subject, s.e1) && Endpoint(*g, f.object, s.e2)) ||
            (Endpoint(*g, f.subject, s.e2) && Endpoint(*g, f.object, s.e1))) {
          ++report.no_relation_facts;
          report.false_positives.push_back(Describe(s, type->name));
          break;
        }
      }
      continue;
    }
    // The label's first argument is e1 unless the label says (e2,e1).
    const std::string& first = s.reversed ? s.e2 : s.e1;
    const std::string& second = s.reversed ? s.e1 : s.e2;
    const std::string& subject = map->second_is_subject ? second : first;
    const std::string& object = map->second_is_subject ? first : second;
    auto accepted = [&](const std::string& relation) {
      return std::find(map->relations.begin(), map->relations.end(), relation) !=
             map->relations.end();
    };
    bool found = false;
    for (const graph::FactInput& f : g->facts) {
      const graph::RelationType* type = schema.Get(f.relation);
      if (found || f.evidence.status != graph::FactStatus::kStated || type == nullptr ||
          !accepted(type->name)) {
        continue;
      }
      found = Endpoint(*g, f.subject, subject) && Endpoint(*g, f.object, object);
    }
    const std::vector<double> years = Years(object);
    for (const graph::LiteralInput& l : g->literals) {
      if (found || l.evidence.status != graph::FactStatus::kStated || !accepted(l.type)) continue;
      found = Endpoint(*g, l.subject, subject) &&
              std::find(years.begin(), years.end(), static_cast<double>(l.value)) != years.end();
    }
    RelxLabelScore& score = report.by_label[s.label];
    ++score.sentences;
    ++report.mapped.sentences;
    if (found) {
      ++score.found;
      ++report.mapped.found;
    } else {
      report.misses.push_back(Describe(s, s.label));
    }
  }
  return report;
}

std::string FormatRelxReport(const RelxReport& r, bool verbose) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3);
  out << "RELX " << r.lang << "\n";
  for (const auto& [label, score] : r.by_label) {
    out << "  " << std::left << std::setw(40) << label << "R " << score.Recall() << "  ("
        << score.found << "/" << score.sentences << ")\n";
  }
  out << "  " << std::setw(40) << "all mapped labels" << "R " << r.mapped.Recall() << "  ("
      << r.mapped.found << "/" << r.mapped.sentences << ")\n";
  out << "  " << std::setw(40) << "no_relation with a fact" << r.no_relation_facts << "/"
      << r.no_relation << "\n";
  out << "  " << std::setw(40) << "precision" << "P " << r.Precision() << "\n";
  if (verbose) {
    for (const std::string& m : r.misses) out << "    miss        " << m << "\n";
    for (const std::string& f : r.false_positives) out << "    false pos.  " << f << "\n";
  }
  return out.str();
}

}  // namespace presskg::ingest
