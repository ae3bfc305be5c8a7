#include "ingest/extract/rule_table.h"

#include <string_view>

namespace presskg::ingest {
namespace {

constexpr std::string_view kRelationRules =
#include "ingest/data/rules/relations.inc"
    ;

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= line.size()) {
    std::size_t j = line.find('\t', i);
    if (j == std::string_view::npos) j = line.size();
    out.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

struct Tables {
  std::vector<Rule> rules;
  std::vector<std::string> errors;
};

const Tables& Build() {
  static const Tables* const tables = [] {
    auto* t = new Tables();
    std::string relation;
    std::size_t i = 0;
    while (i < kRelationRules.size()) {
      std::size_t j = kRelationRules.find('\n', i);
      if (j == std::string_view::npos) j = kRelationRules.size();
      std::string_view line = kRelationRules.substr(i, j - i);
      i = j + 1;
      if (line.empty() || line.starts_with("//")) continue;
      if (line.front() == '[') {
        relation = std::string(line.substr(1, line.size() - 2));
        continue;
      }
      const std::vector<std::string_view> cols = SplitTabs(line);
      if (cols.size() < 4) {
        t->errors.push_back("too few columns: " + std::string(line));
        continue;
      }
      Rule rule;
      rule.lang = std::string(cols[0]);
      rule.relation = relation;
      rule.id = rule.lang + "." + relation + "." + std::string(cols[1]);
      const std::string_view flags = cols[2];
      rule.attributive = flags.find("attr") != std::string_view::npos;
      rule.reverse = flags.find("rev") != std::string_view::npos;
      rule.pairwise = flags.find("pair") != std::string_view::npos;
      rule.places = flags.find("places") != std::string_view::npos;
      std::string error;
      rule.pattern = CompilePattern(cols[3], &error);
      if (!error.empty()) {
        t->errors.push_back(rule.id + ": " + error);
        continue;
      }
      if (cols.size() > 4) rule.example = std::string(cols[4]);
      for (const PatternElement& el : rule.pattern.elements) {
        if (el.kind != PatternElement::Kind::kWords || el.optional) continue;
        for (const auto& phrase : el.phrases) rule.anchors.push_back(phrase.front());
        bool prefix = false;
        for (bool p : el.prefix) prefix = prefix || p;
        if (prefix) rule.anchors.clear();  // "invest*" cannot be looked up
        break;
      }
      t->rules.push_back(std::move(rule));
    }
    return t;
  }();
  return *tables;
}

}  // namespace

const std::vector<Rule>& BuiltinRules() { return Build().rules; }
const std::vector<std::string>& RuleTableErrors() { return Build().errors; }

}  // namespace presskg::ingest
