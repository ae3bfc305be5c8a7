#include "graph/export/export_text.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <span>

namespace presskg::graph::export_text {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at `text[i]` and its code point, or 0 when invalid.
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t* cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  std::size_t len = 0;
  if ((lead & 0xE0) == 0xC0) {
    len = 2;
  } else if ((lead & 0xF0) == 0xE0) {
    len = 3;
  } else if ((lead & 0xF8) == 0xF0) {
    len = 4;
  } else {
    return 0;
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};  // shortest form only
  static constexpr unsigned char kLeadMask[] = {0, 0, 0x1F, 0x0F, 0x07};
  const char32_t min = kMin[len];
  *cp = lead & kLeadMask[len];
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (byte(i + k) & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

bool XmlAllows(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

// A character and what stands for it in some syntax.
struct Escape {
  char c;
  const char* replacement;
};
constexpr Escape kXmlTextEscapes[] = {
    {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'\r', "&#13;"}};
constexpr Escape kXmlAttributeEscapes[] = {{'&', "&amp;"},  {'<', "&lt;"},  {'>', "&gt;"},
                                           {'"', "&quot;"}, {'\t', "&#9;"}, {'\n', "&#10;"},
                                           {'\r', "&#13;"}};
constexpr Escape kJsonEscapes[] = {
    {'"', "\\\""}, {'\\', "\\\\"}, {'\t', "\\t"}, {'\n', "\\n"}, {'\r', "\\r"}};

// Appends CleanText(text) with each character of `escapes` replaced.
void AppendEscaped(std::string_view text, std::span<const Escape> escapes, std::string* out) {
  for (char c : CleanText(text)) {
    auto it = std::find_if(escapes.begin(), escapes.end(),
                           [c](const Escape& escape) { return escape.c == c; });
    if (it == escapes.end()) {
      out->push_back(c);
    } else {
      *out += it->replacement;
    }
  }
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<int> ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string TwoDigits(int n) {
  return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

}  // namespace

std::string CleanText(std::string_view text) {
  auto printable_ascii = [](char c) { return c >= 0x20 && c < 0x7F; };  // false for bytes >= 0x80
  if (std::all_of(text.begin(), text.end(), printable_ascii)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (XmlAllows(cp)) out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

void AppendXmlText(std::string_view text, std::string* out) {
  AppendEscaped(text, kXmlTextEscapes, out);
}

void AppendXmlAttribute(std::string_view text, std::string* out) {
  AppendEscaped(text, kXmlAttributeEscapes, out);
}

void AppendCsv(std::string_view text, std::string* out) {
  std::string clean = CleanText(text);
  bool quote = clean.find_first_of(",\"\r\n") != std::string::npos ||
               (!clean.empty() && (clean.front() == ' ' || clean.back() == ' '));
  if (!quote) {
    *out += clean;
    return;
  }
  out->push_back('"');
  for (char c : clean) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendJson(std::string_view text, std::string* out) {
  out->push_back('"');
  AppendEscaped(text, kJsonEscapes, out);  // CleanText leaves no other control character
  out->push_back('"');
}

std::string FormatFloat(float value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  if (ec != std::errc()) return "0";
  return std::string(buffer, end);
}

std::optional<std::string> ToXsdDate(std::string_view iso, bool end_of_period) {
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return std::nullopt;
  std::optional<int> year = ParseDigits(iso.substr(0, 4));
  if (!year || *year == 0) return std::nullopt;
  int month = end_of_period ? 12 : 1;
  if (iso.size() >= 7) {
    std::optional<int> parsed = iso[4] == '-' ? ParseDigits(iso.substr(5, 2)) : std::nullopt;
    if (!parsed || *parsed < 1 || *parsed > 12) return std::nullopt;
    month = *parsed;
  }
  int day = end_of_period ? DaysInMonth(*year, month) : 1;
  if (iso.size() == 10) {
    std::optional<int> parsed = iso[7] == '-' ? ParseDigits(iso.substr(8, 2)) : std::nullopt;
    if (!parsed || *parsed < 1 || *parsed > DaysInMonth(*year, month)) return std::nullopt;
    day = *parsed;
  }
  return std::string(iso.substr(0, 4)) + "-" + TwoDigits(month) + "-" + TwoDigits(day);
}

std::map<std::string, std::int64_t> CurrentLiteralValues(const std::vector<LiteralFact>& facts) {
  std::map<std::string, std::int64_t> values;
  std::map<std::string, std::string> dates;
  for (const LiteralFact& fact : facts) {
    auto it = dates.find(fact.type);
    if (it == dates.end() || fact.evidence.date >= it->second) {
      dates[fact.type] = fact.evidence.date;
      values[fact.type] = fact.value;
    }
  }
  return values;
}

std::string LiteralFactsJson(const std::vector<LiteralFact>& facts) {
  if (facts.empty()) return "";
  std::string out = "[";
  for (const LiteralFact& fact : facts) {
    if (out.size() > 1) out += ",";
    out += "{\"type\":";
    AppendJson(fact.type, &out);
    out += ",\"value\":" + std::to_string(fact.value);
    if (!fact.evidence.date.empty()) {
      out += ",\"date\":";
      AppendJson(fact.evidence.date, &out);
    }
    out += ",\"document\":" + std::to_string(fact.evidence.document);
    if (!fact.properties.empty()) out += ",\"properties\":" + PropertiesJson(fact.properties);
    out += "}";
  }
  return out + "]";
}

std::string PropertiesJson(const std::map<std::string, std::string>& properties) {
  if (properties.empty()) return "";
  std::string out = "{";
  for (const auto& [name, value] : properties) {
    if (out.size() > 1) out += ",";
    AppendJson(name, &out);
    out += ":";
    AppendJson(value, &out);
  }
  return out + "}";
}

std::string JoinAliases(const Node& node) {
  std::string out;
  std::set<std::string_view> seen;
  for (const Alias& alias : node.aliases) {
    if (alias.name.empty() || !seen.insert(alias.name).second) continue;
    if (!out.empty()) out += " | ";
    out += alias.name;
  }
  return out;
}

}  // namespace presskg::graph::export_text
