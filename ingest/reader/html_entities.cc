#include "ingest/reader/html_entities.h"

#include <algorithm>
#include <cstdint>

namespace presskg::ingest {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// Sorted by name (binary search). The ASCII, Latin-1 and typographic entities of HTML.
constexpr NamedEntity kEntities[] = {
    {"AElig", 0xC6},    {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Agrave", 0xC0},
    {"Aring", 0xC5},    {"Atilde", 0xC3},   {"Auml", 0xC4},     {"Ccedil", 0xC7},
    {"Dagger", 0x2021}, {"ETH", 0xD0},      {"Eacute", 0xC9},   {"Ecirc", 0xCA},
    {"Egrave", 0xC8},   {"Euml", 0xCB},     {"Iacute", 0xCD},   {"Icirc", 0xCE},
    {"Igrave", 0xCC},   {"Iuml", 0xCF},     {"Ntilde", 0xD1},   {"OElig", 0x152},
    {"Oacute", 0xD3},   {"Ocirc", 0xD4},    {"Ograve", 0xD2},   {"Oslash", 0xD8},
    {"Otilde", 0xD5},   {"Ouml", 0xD6},     {"Prime", 0x2033},  {"Scaron", 0x160},
    {"THORN", 0xDE},    {"Uacute", 0xDA},   {"Ucirc", 0xDB},    {"Ugrave", 0xD9},
    {"Uuml", 0xDC},     {"Yacute", 0xDD},   {"Yuml", 0x178},    {"aacute", 0xE1},
    {"acirc", 0xE2},    {"acute", 0xB4},    {"aelig", 0xE6},    {"agrave", 0xE0},
    {"amp", '&'},       {"apos", '\''},     {"aring", 0xE5},    {"atilde", 0xE3},
    {"auml", 0xE4},     {"bdquo", 0x201E},  {"brvbar", 0xA6},   {"bull", 0x2022},
    {"ccedil", 0xE7},   {"cedil", 0xB8},    {"cent", 0xA2},     {"circ", 0x2C6},
    {"copy", 0xA9},     {"curren", 0xA4},   {"dagger", 0x2020}, {"deg", 0xB0},
    {"divide", 0xF7},   {"eacute", 0xE9},   {"ecirc", 0xEA},    {"egrave", 0xE8},
    {"emsp", 0x2003},   {"ensp", 0x2002},   {"eth", 0xF0},      {"euml", 0xEB},
    {"euro", 0x20AC},   {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"gt", '>'},        {"hellip", 0x2026}, {"hyphen", 0x2010}, {"iacute", 0xED},
    {"icirc", 0xEE},    {"iexcl", 0xA1},    {"igrave", 0xEC},   {"iquest", 0xBF},
    {"iuml", 0xEF},     {"laquo", 0xAB},    {"ldquo", 0x201C},  {"lrm", 0x200E},
    {"lsaquo", 0x2039}, {"lsquo", 0x2018},  {"lt", '<'},        {"macr", 0xAF},
    {"mdash", 0x2014},  {"micro", 0xB5},    {"middot", 0xB7},   {"minus", 0x2212},
    {"nbsp", 0xA0},     {"ndash", 0x2013},  {"not", 0xAC},      {"ntilde", 0xF1},
    {"oacute", 0xF3},   {"ocirc", 0xF4},    {"oelig", 0x153},   {"ograve", 0xF2},
    {"ordf", 0xAA},     {"ordm", 0xBA},     {"oslash", 0xF8},   {"otilde", 0xF5},
    {"ouml", 0xF6},     {"para", 0xB6},     {"permil", 0x2030}, {"plusmn", 0xB1},
    {"pound", 0xA3},    {"prime", 0x2032},  {"quot", '"'},      {"raquo", 0xBB},
    {"rdquo", 0x201D},  {"reg", 0xAE},      {"rlm", 0x200F},    {"rsaquo", 0x203A},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"scaron", 0x161},  {"sect", 0xA7},
    {"shy", 0xAD},      {"sup1", 0xB9},     {"sup2", 0xB2},     {"sup3", 0xB3},
    {"szlig", 0xDF},    {"thinsp", 0x2009}, {"thorn", 0xFE},    {"tilde", 0x2DC},
    {"times", 0xD7},    {"trade", 0x2122},  {"uacute", 0xFA},   {"ucirc", 0xFB},
    {"ugrave", 0xF9},   {"uml", 0xA8},      {"uuml", 0xFC},     {"yacute", 0xFD},
    {"yen", 0xA5},      {"yuml", 0xFF},     {"zwj", 0x200D},    {"zwnj", 0x200C},
};

// Windows-1252 meanings of numeric references 0x80-0x9F (0 = keep the control code's U+FFFD).
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021, 0x2C6,  0x2030, 0x160,
    0x2039, 0x152,  0,      0x17D,  0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0,      0x17E,  0x178};

// Entity names that HTML also accepts without the final ';'.
bool IsLegacyName(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp";
}

const NamedEntity* FindEntity(std::string_view name) {
  const auto* end = std::end(kEntities);
  const auto* it =
      std::lower_bound(std::begin(kEntities), end, name,
                       [](const NamedEntity& e, std::string_view n) { return e.name < n; });
  return it != end && it->name == name ? it : nullptr;
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Decodes the reference at `text[pos]` == '&'; returns the bytes consumed (0 = not a reference).
std::size_t DecodeReference(std::string_view text, std::size_t pos, std::string* out) {
  std::size_t i = pos + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_begin = i;
    uint32_t value = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) break;
      value = std::min<uint32_t>(value * (hex ? 16 : 10) + static_cast<uint32_t>(digit), 0x110000);
    }
    if (i == digits_begin) return 0;
    if (i < text.size() && text[i] == ';') ++i;
    char32_t c = value;
    if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80] != 0) {
      c = kWindows1252[value - 0x80];
    } else if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      c = 0xFFFD;
    }
    AppendUtf8(c, out);
    return i - pos;
  }
  const std::size_t name_begin = i;
  while (i < text.size() && i - name_begin < 32 && IsAlnum(text[i])) ++i;
  const std::string_view name = text.substr(name_begin, i - name_begin);
  const bool semicolon = i < text.size() && text[i] == ';';
  if (name.empty() || (!semicolon && !IsLegacyName(name))) return 0;
  const NamedEntity* entity = FindEntity(name);
  if (entity == nullptr) return 0;
  AppendUtf8(entity->code_point, out);
  return i + (semicolon ? 1 : 0) - pos;
}

}  // namespace


void AppendDecodedHtml(std::string_view text, std::string* out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) {
      out->append(text.substr(pos));
      return;
    }
    out->append(text.substr(pos, amp - pos));
    const std::size_t consumed = DecodeReference(text, amp, out);
    if (consumed == 0) {
      out->push_back('&');
      pos = amp + 1;
    } else {
      pos = amp + consumed;
    }
  }
}

}  // namespace presskg::ingest
