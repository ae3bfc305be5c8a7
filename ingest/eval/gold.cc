#include "ingest/eval/gold.h"

#include <nlohmann/json.hpp>

#include "ingest/extract/values.h"

namespace presskg::ingest {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= line.size()) {
    std::size_t j = line.find('\t', i);
    if (j == std::string_view::npos) j = line.size();
    out.emplace_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> Variants(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= cell.size()) {
    std::size_t j = cell.find(" | ", i);
    if (j == std::string_view::npos) j = cell.size();
    std::string v = Trim(cell.substr(i, j - i));
    if (!v.empty()) out.push_back(std::move(v));
    i = j + 3;
  }
  return out;
}

// The number a literal cell states: "120", "1,8 Md€", "$1.9bn"; a "value" property wins.
std::vector<double> LiteralValues(const GoldFact& fact) {
  std::vector<double> values;
  if (!fact.properties.empty()) {
    try {
      const nlohmann::json j = nlohmann::json::parse(fact.properties);
      if (j.contains("value") && j["value"].is_number()) values.push_back(j["value"].get<double>());
    } catch (const std::exception&) {
    }
  }
  if (!values.empty()) return values;
  for (const std::string& v : fact.object) {
    if (auto n = ParseNumber(v, "en")) values.push_back(*n);
  }
  return values;
}

GoldFact MakeFact(const std::vector<std::string>& cols, std::string level, int line) {
  GoldFact f;
  f.level = std::move(level);
  f.subject = Variants(cols[0]);
  f.relation = Trim(cols[1]);
  f.object = Variants(cols[2]);
  f.line = line;
  return f;
}

}  // namespace

bool IsLiteralRelation(std::string_view relation) {
  return relation == "employees" || relation == "revenue" || relation == "founded" ||
         relation == "jobs_created" || relation == "investment";
}

Result<GoldFile> ParseGold(std::string_view text) {
  GoldFile gold;
  int line_no = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    i = j + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '#') {
      constexpr std::string_view kPrefix = "# distractor:";
      if (!line.starts_with(kPrefix)) continue;
      std::vector<std::string> cols = SplitTabs(Trim(line.substr(kPrefix.size())));
      if (cols.size() < 3) {
        return Status::InvalidArgument("gold line " + std::to_string(line_no) +
                                       ": distractor needs subject, relation and object");
      }
      GoldFact f = MakeFact(cols, "distractor", line_no);
      if (IsLiteralRelation(f.relation)) f.values = LiteralValues(f);
      gold.distractors.push_back(std::move(f));
      continue;
    }
    std::vector<std::string> cols = SplitTabs(line);
    if (cols.size() < 4) {
      return Status::InvalidArgument("gold line " + std::to_string(line_no) +
                                     ": expected level, subject, relation, object");
    }
    GoldFact f = MakeFact({cols[1], cols[2], cols[3]}, Trim(cols[0]), line_no);
    if (cols.size() > 4) f.properties = Trim(cols[4]);
    if (IsLiteralRelation(f.relation)) f.values = LiteralValues(f);
    gold.facts.push_back(std::move(f));
  }
  return gold;
}

}  // namespace presskg::ingest
