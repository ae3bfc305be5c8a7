#include "ingest/extract/values.h"

#include <cmath>
#include <string>

#include "ingest/text/flat_string_map.h"

namespace presskg::ingest {
namespace {

struct Scale {
  std::string_view fold;
  double factor;
};
// Scale words after a number ("1,2 milliard", "4.5bn", "17 M€", "30 MDH" is handled apart).
constexpr Scale kScales[] = {
    {"millions", 1e6}, {"million", 1e6},  {"mn", 1e6},         {"m", 1e6},        {"mio", 1e6},
    {"milliards", 1e9}, {"milliard", 1e9}, {"md", 1e9},        {"mds", 1e9},      {"mrd", 1e9},
    {"mrds", 1e9},     {"bn", 1e9},       {"billion", 1e9},    {"billions", 1e9}, {"b", 1e9},
    {"mille", 1e3},    {"k", 1e3},        {"thousand", 1e3},   {"trillion", 1e12},
    {"crore", 1e7},    {"crores", 1e7},   {"lakh", 1e5},       {"lakhs", 1e5}};

struct Currency {
  std::string_view fold;
  std::string_view code;  // "$" = the document's dollar
  double factor;          // "mdh" = million dirhams
};
constexpr Currency kCurrencies[] = {
    {"mdh", "MAD", 1e6}, {"dh", "MAD", 1},      {"dhs", "MAD", 1},    {"dirhams", "MAD", 1},
    {"dirham", "MAD", 1}, {"mad", "MAD", 1},    {"eur", "EUR", 1},    {"euros", "EUR", 1},
    {"euro", "EUR", 1},   {"€", "EUR", 1},      {"usd", "USD", 1},    {"$", "$", 1},
    {"dollars", "$", 1},  {"dollar", "$", 1},   {"us$", "USD", 1},    {"gbp", "GBP", 1},
    {"£", "GBP", 1},      {"pounds", "GBP", 1}, {"livres", "GBP", 1}, {"chf", "CHF", 1},
    {"francs", "CHF", 1}, {"franc", "CHF", 1},  {"cad", "CAD", 1},    {"xof", "XOF", 1},
    {"fcfa", "XOF", 1},   {"mmad", "MAD", 1e6}, {"meur", "EUR", 1e6}, {"musd", "USD", 1e6},
    {"reais", "BRL", 1},  {"brl", "BRL", 1},    {"r$", "BRL", 1},     {"rupees", "INR", 1},
    {"roupies", "INR", 1}, {"inr", "INR", 1},   {"rs", "INR", 1},     {"yen", "JPY", 1},
    {"jpy", "JPY", 1},    {"yuan", "CNY", 1},   {"cny", "CNY", 1},    {"rmb", "CNY", 1},
    {"aed", "AED", 1},    {"sek", "SEK", 1},    {"nok", "NOK", 1},    {"dkk", "DKK", 1},
    {"zar", "ZAR", 1},    {"rand", "ZAR", 1},   {"ngn", "NGN", 1},    {"naira", "NGN", 1},
    {"kes", "KES", 1},    {"xaf", "XAF", 1},    {"mga", "MGA", 1},    {"ariary", "MGA", 1},
    {"tnd", "TND", 1},    {"dzd", "DZD", 1},    {"egp", "EGP", 1},    {"cfa", "XOF", 1}};

// Looked up for nearly every token: a hash of kCurrencies by fold (the first row of a fold).
const Currency* FindCurrency(std::string_view fold) {
  static const FlatStringMap<const Currency*>* const by_fold = [] {
    auto* map = new FlatStringMap<const Currency*>();
    for (const Currency& c : kCurrencies) map->Insert(c.fold, &c);
    return map;
  }();
  const Currency* const* found = by_fold->Find(fold);
  return found == nullptr ? nullptr : *found;
}

const Scale* FindScale(std::string_view fold) {
  for (const Scale& s : kScales) {
    if (s.fold == fold) return &s;
  }
  return nullptr;
}

bool IsFold(const std::vector<Token>& tokens, std::size_t i, std::string_view fold) {
  return i < tokens.size() && tokens[i].fold == fold;
}

std::string Code(const Currency& c, const std::vector<Token>& tokens, std::size_t next,
                 std::size_t* end, std::string_view dollar) {
  std::string code(c.code == "$" ? dollar : c.code);
  // "francs CFA", "CFA francs": West African francs.
  if (code == "CHF" && (IsFold(tokens, next, "cfa") || (next >= 2 && IsFold(tokens, next - 2, "cfa")))) {
    if (IsFold(tokens, next, "cfa")) *end = next + 1;
    code = "XOF";
  }
  if (c.fold == "$" && next >= 2 && (tokens[next - 2].text == "C" || tokens[next - 2].text == "CA")) {
    code = "CAD";
  }
  return code;
}

}  // namespace

std::optional<double> ParseNumber(std::string_view text, std::string_view lang) {
  std::string digits;
  const bool french = lang == "fr";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == ' ') {
      continue;
    } else if (c == ',' || c == '.') {
      std::size_t run = 0;
      while (i + 1 + run < text.size() && text[i + 1 + run] >= '0' && text[i + 1 + run] <= '9') {
        ++run;
      }
      const bool decimal_mark = french ? c == ',' : c == '.';
      // A separator followed by exactly three digits and written as the thousands mark of the
      // other language is still a thousands separator ("1.320" in French is rare but exists).
      if (decimal_mark || run != 3) {
        digits.push_back('.');
      }
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty()) return std::nullopt;
  try {
    return std::stod(digits);
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<Value> ReadValue(const std::vector<Token>& tokens, std::size_t i,
                               std::string_view lang, std::string_view dollar) {
  if (i >= tokens.size()) return std::nullopt;
  Value value;
  value.begin = i;
  std::size_t pos = i;
  // Currency before the number: "MAD 30 million", "$4.5bn", "EUR 120m", "C$ 12 million".
  const Currency* prefix = nullptr;
  std::size_t prefix_pos = i;
  if (tokens[pos].type != TokenType::kNumber) {
    if ((tokens[pos].text == "C" || tokens[pos].text == "US") && IsFold(tokens, pos + 1, "$")) ++pos;
    prefix = FindCurrency(tokens[pos].fold);
    if (prefix == nullptr || prefix->factor != 1) return std::nullopt;
    prefix_pos = pos;
    ++pos;
    if (pos >= tokens.size() || tokens[pos].type != TokenType::kNumber) return std::nullopt;
  }
  const std::optional<double> number = ParseNumber(tokens[pos].text, lang);
  if (!number) return std::nullopt;
  const std::string& written = tokens[pos].text;
  double amount = *number;
  ++pos;
  // Scale: "millions", "bn", "M" (of "M€"), "Md", "Mrds".
  double scale = 1;
  if (pos < tokens.size()) {
    if (const Scale* s = FindScale(tokens[pos].fold)) {
      // "m" and "b" only when glued to the number or followed by a currency ("17 M€").
      const bool short_form = s->fold == "m" || s->fold == "b" || s->fold == "k";
      const bool glued = !tokens[pos].space_before;
      const bool currency_next = pos + 1 < tokens.size() && FindCurrency(tokens[pos + 1].fold);
      if (!short_form || glued || currency_next || prefix != nullptr) {
        scale = s->factor;
        ++pos;
      }
    }
  }
  // Currency after the number: "30 MDH", "13 Mrds DH", "M€", "millions d'euros", "M$".
  const Currency* suffix = nullptr;
  std::size_t end = pos;
  if (prefix == nullptr && pos < tokens.size()) {
    suffix = FindCurrency(tokens[pos].fold);
    if (suffix != nullptr) {
      end = pos + 1;
    } else if (tokens[pos].fold == "cfa" && pos + 1 < tokens.size() &&
               (tokens[pos + 1].fold == "francs" || tokens[pos + 1].fold == "franc")) {
      suffix = FindCurrency(tokens[pos + 1].fold);
      end = pos + 2;
    } else if ((tokens[pos].fold == "de" || tokens[pos].fold == "d'") && scale > 1 &&
               pos + 1 < tokens.size()) {
      suffix = FindCurrency(tokens[pos + 1].fold);
      if (suffix != nullptr) end = pos + 2;
    }
  }
  if (prefix != nullptr || suffix != nullptr) {
    const Currency& c = prefix != nullptr ? *prefix : *suffix;
    value.kind = Value::Kind::kMoney;
    value.amount = amount * scale * c.factor;
    value.end = prefix != nullptr ? pos : end;
    value.currency = Code(c, tokens, value.end, &value.end, dollar);
    if (prefix != nullptr && prefix_pos > i) value.currency = "CAD";
    return value;
  }
  // Percentages: "51 %", "35%", "12 pour cent", "20 percent".
  if (pos < tokens.size() && scale == 1) {
    if (tokens[pos].fold == "%" || tokens[pos].fold == "percent") {
      value.kind = Value::Kind::kPercent;
      value.amount = amount;
      value.end = pos + 1;
      return value;
    }
    if ((tokens[pos].fold == "pour" || tokens[pos].fold == "per") && IsFold(tokens, pos + 1, "cent")) {
      value.kind = Value::Kind::kPercent;
      value.amount = amount;
      value.end = pos + 2;
      return value;
    }
  }
  value.end = pos;
  value.amount = amount * scale;
  const bool plain_year = scale == 1 && written.size() == 4 && amount >= 1800 && amount <= 2100 &&
                          std::floor(amount) == amount;
  value.kind = plain_year ? Value::Kind::kYear : Value::Kind::kCount;
  return value;
}

}  // namespace presskg::ingest
