// Pattern compilation: rule pattern strings to elements, and their words to vocabulary ids.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/extract/pattern.h"
#include "ingest/extract/token.h"

namespace presskg::ingest {
namespace {

using Kind = PatternElement::Kind;

}  // namespace

Pattern CompilePattern(std::string_view text, std::string* error) {
  Pattern pattern;
  pattern.source = std::string(text);
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j == i) break;
    std::string_view atom = text.substr(i, j - i);
    i = j;
    PatternElement el;
    if (atom.size() > 1 && atom.back() == '?') {
      el.optional = true;
      atom.remove_suffix(1);
    }
    if (atom == "S")
      el.kind = Kind::kSubject;
    else if (atom == "S+")
      el.kind = Kind::kSubjects;
    else if (atom == "S<")
      el.kind = Kind::kSubjectLeft;
    else if (atom == "S>")
      el.kind = Kind::kSubjectRight;
    else if (atom == "O")
      el.kind = Kind::kObject;
    else if (atom == "O+")
      el.kind = Kind::kObjects;
    else if (atom == "E")
      el.kind = Kind::kAnyEntity;
    else if (atom == "DET")
      el.kind = Kind::kDet;
    else if (atom == "DE")
      el.kind = Kind::kDe;
    else if (atom == "~")
      el.kind = Kind::kModifiers;
    else if (atom == "*")
      el.kind = Kind::kGap;
    else if (atom == "$M")
      el.kind = Kind::kMoney;
    else if (atom == "$P")
      el.kind = Kind::kPercent;
    else if (atom == "$N")
      el.kind = Kind::kCount;
    else if (atom == "$Y")
      el.kind = Kind::kYear;
    else if (atom == "ROLE")
      el.kind = Kind::kRole;
    else if (atom == "^")
      el.kind = Kind::kStart;
    else if (atom.size() > 2 && atom.front() == '{' && atom.back() == '}') {
      el.kind = Kind::kCapture;
      el.name = std::string(atom.substr(1, atom.size() - 2));
    } else {
      el.kind = Kind::kWords;
      if (atom.size() > 1 && atom.front() == '!') {
        el.kind = Kind::kNot;
        atom.remove_prefix(1);
      }
      std::size_t a = 0;
      while (a <= atom.size()) {
        std::size_t b = atom.find('|', a);
        if (b == std::string_view::npos) b = atom.size();
        std::string_view alt = atom.substr(a, b - a);
        bool prefix = alt.size() > 1 && alt.back() == '*';
        if (prefix) alt.remove_suffix(1);
        std::vector<std::string> words;
        if (alt == "'s" || alt == "-" || alt == "," || alt == "." || alt == "\"") {
          words.emplace_back(alt);
        } else {
          std::string spaced(alt);
          for (char& ch : spaced) {
            if (ch == '_') ch = ' ';
          }
          for (const Token& t : Tokenize(spaced, "fr")) words.push_back(t.fold);
        }
        if (words.empty()) {
          if (error != nullptr) *error = "empty word in pattern: " + std::string(text);
        } else {
          el.phrases.push_back(std::move(words));
          el.prefix.push_back(prefix);
          el.any_prefix = el.any_prefix || prefix;
        }
        a = b + 1;
      }
    }
    pattern.elements.push_back(std::move(el));
  }
  return pattern;
}

void InternWords(Pattern* pattern, Vocabulary* vocabulary) {
  for (PatternElement& el : pattern->elements) {
    el.ids.clear();
    for (const std::vector<std::string>& phrase : el.phrases) {
      std::vector<WordId>& ids = el.ids.emplace_back();
      for (const std::string& word : phrase) ids.push_back(vocabulary->Intern(word));
    }
    el.first_ids.clear();
    if (el.ids.empty()) continue;  // not a word element
    el.first_ids.assign(vocabulary->size(), false);
    for (const std::vector<WordId>& ids : el.ids) {
      if (!ids.empty()) el.first_ids[ids.front()] = true;
    }
  }
}
}  // namespace presskg::ingest
