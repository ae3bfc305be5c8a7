#include "ingest/extract/token.h"

#include <unicode/uchar.h>

#include <array>

#include "ingest/text/utf8_util.h"

namespace presskg::ingest {
namespace {

// Base letters of U+00C0..U+00FF, lower case; "" where there is no letter.
constexpr std::array<std::string_view, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters of Latin Extended-A, U+0100..U+017F, by ranges.
struct Range {
  char32_t first;
  char32_t last;
  std::string_view base;
};
constexpr Range kExtendedA[] = {
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};


// French elided words (folded, without the apostrophe).
constexpr std::string_view kElisions[] = {"l", "d", "j", "m", "n", "s", "t", "c",
                                          "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
// Suffixes split off hyphenated words: "Sheffield-based" -> "Sheffield" "-" "based".
constexpr std::string_view kSplitSuffixes[] = {"based", "headquartered", "owned", "listed",
                                               "registered", "born"};

// ASCII is answered without ICU (the same answers, the common case).
bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) != 0;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsMark(char32_t c) { return c >= 0x80 && u_getCombiningClass(static_cast<UChar32>(c)) != 0; }
bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || IsUnicodeSpace(c); }

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::string_view lang) : text_(text), french_(lang == "fr") {
    tokens_.reserve(text.size() / 5 + 4);
  }

  std::vector<Token> Run() {
    std::size_t i = 0;
    bool space = true;
    while (i < text_.size()) {
      std::size_t len = 0;
      const char32_t c = At(i, &len);
      if (IsSpace(c)) {
        space = true;
        i += len;
        continue;
      }
      std::size_t end = i;
      if (IsDigit(c)) {
        end = ScanNumber(i);
        Emit(TokenType::kNumber, i, end, space);
      } else if (IsLetter(c)) {
        end = ScanInitials(i);
        if (end > i) {
          Emit(TokenType::kWord, i, end, space);
        } else {
          end = ScanWord(i, space);
        }
      } else {
        end = i + len;
        Emit(TokenType::kPunct, i, end, space);
      }
      space = false;
      i = end;
    }
    return std::move(tokens_);
  }

 private:
  char32_t At(std::size_t i, std::size_t* len) const {
    if (i >= text_.size()) {
      *len = 0;
      return 0;
    }
    const auto byte = static_cast<unsigned char>(text_[i]);
    if (byte < 0x80) {
      *len = 1;
      return byte;
    }
    return DecodeUtf8At(text_, i, len);
  }
  char32_t At(std::size_t i) const {
    std::size_t len = 0;
    return At(i, &len);
  }

  // "J.M", "P.-Y.", "A." (an upper-case letter followed by a period), or returns `i`.
  std::size_t ScanInitials(std::size_t i) const {
    std::size_t pos = i;
    int letters = 0;
    while (true) {
      std::size_t len = 0;
      const char32_t c = At(pos, &len);
      if (len == 0 || !IsLetter(c) || !IsUpper(c)) break;
      const std::size_t after = pos + len;
      // The letter must stand alone: followed by '.', or be the last of "J.M".
      const char32_t next = At(after);
      if (next == '.') {
        ++letters;
        pos = after + 1;
        if (At(pos) == '-') ++pos;
        continue;
      }
      if (letters > 0 && !IsLetter(next) && !IsDigit(next)) {
        ++letters;
        pos = after;
      }
      break;
    }
    if (letters == 0) return i;
    if (text_[pos - 1] == '-') --pos;
    return pos;
  }

  std::size_t ScanNumber(std::size_t i) const {
    std::size_t pos = i;
    while (IsDigit(At(pos))) ++pos;
    const std::size_t first_group = pos - i;
    bool decimal = false;
    while (true) {
      const char32_t c = At(pos);
      if ((c == '.' || c == ',') && IsDigit(At(pos + 1))) {
        std::size_t q = pos + 1;
        while (IsDigit(At(q))) ++q;
        pos = q;
        decimal = true;
        continue;
      }
      // "1 320", "130 000": a group of exactly three digits after a space.
      if (c == ' ' && !decimal && first_group <= 3 && IsDigit(At(pos + 1)) &&
          IsDigit(At(pos + 2)) && IsDigit(At(pos + 3)) && !IsDigit(At(pos + 4)) &&
          !IsLetter(At(pos + 4))) {
        pos += 4;
        continue;
      }
      break;
    }
    return pos;
  }

  std::size_t ScanWord(std::size_t i, bool space) {
    std::size_t pos = i;
    std::size_t word_begin = i;
    while (pos < text_.size()) {
      std::size_t len = 0;
      const char32_t c = At(pos, &len);
      if (IsLetter(c) || IsDigit(c) || IsMark(c)) {
        pos += len;
        continue;
      }
      if (c == '-' && (IsLetter(At(pos + 1)) || IsDigit(At(pos + 1)))) {
        pos += 1;
        continue;
      }
      if (c == '\'') {
        const std::string prefix = FoldWord(text_.substr(word_begin, pos - word_begin));
        bool elision = false;
        if (french_ || prefix == "l" || prefix == "d") {
          for (std::string_view e : kElisions) elision = elision || prefix == e;
        }
        if (elision && IsLetter(At(pos + 1))) {
          Emit(TokenType::kWord, word_begin, pos + 1, space);
          space = false;
          word_begin = pos + 1;
          pos += 1;
          continue;
        }
        if (At(pos + 1) == 's' && !IsLetter(At(pos + 2))) break;  // possessive: own token
        if (IsLetter(At(pos + 1))) {
          pos += 1;
          continue;
        }
      }
      break;
    }
    EmitWord(word_begin, pos, space);
    if (pos < text_.size() && text_[pos] == '\'' && At(pos + 1) == 's' && !IsLetter(At(pos + 2))) {
      Emit(TokenType::kWord, pos, pos + 2, false);
      return pos + 2;
    }
    return pos;
  }

  void EmitWord(std::size_t begin, std::size_t end, bool space) {
    const std::string_view word = text_.substr(begin, end - begin);
    const std::size_t dash = word.rfind('-');
    if (dash != std::string_view::npos && dash > 0) {
      const std::string suffix = FoldWord(word.substr(dash + 1));
      for (std::string_view s : kSplitSuffixes) {
        if (suffix == s) {
          Emit(TokenType::kWord, begin, begin + dash, space);
          Emit(TokenType::kPunct, begin + dash, begin + dash + 1, false);
          Emit(TokenType::kWord, begin + dash + 1, end, false);
          return;
        }
      }
    }
    Emit(TokenType::kWord, begin, end, space);
  }

  void Emit(TokenType type, std::size_t begin, std::size_t end, bool space) {
    Token& token = tokens_.emplace_back();  // built in place: no Token is moved
    token.type = type;
    token.text.assign(text_.substr(begin, end - begin));
    token.fold = FoldWord(token.text);
    token.begin = begin;
    token.end = end;
    token.space_before = space;
    int letters = 0;
    int upper = 0;
    bool first = true;
    for (std::size_t p = begin; p < end;) {
      const auto byte = static_cast<unsigned char>(text_[p]);
      char32_t c = byte;
      if (byte < 0x80) {
        ++p;
      } else {
        std::size_t len = 0;
        c = At(p, &len);
        p += len;
      }
      if (!IsLetter(c)) continue;
      ++letters;
      const bool is_upper = IsUpper(c);
      if (is_upper) ++upper;
      if (first) token.capitalized = is_upper;
      first = false;
    }
    token.all_caps = letters >= 2 && upper == letters;
  }

  std::string_view text_;
  bool french_;
  std::vector<Token> tokens_;
};

}  // namespace

std::string FoldWord(std::string_view text) {
  std::string out;
  // ASCII words (most of them) are lower-cased in one pass.
  std::size_t ascii = 0;
  while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80) ++ascii;
  out.resize(ascii);
  for (std::size_t i = 0; i < ascii; ++i) {
    const char b = text[i];
    out[i] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  }
  if (ascii == text.size()) return out;
  out.reserve(text.size());
  for (std::size_t i = ascii; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t c = DecodeUtf8At(text, i, &len);
    i += len;
    if (c >= 0xC0 && c <= 0xFF) {
      out += kLatin1[c - 0xC0];
      continue;
    }
    bool mapped = false;
    for (const Range& r : kExtendedA) {
      if (c >= r.first && c <= r.last) {
        out += r.base;
        mapped = true;
        break;
      }
    }
    if (mapped || IsMark(c)) continue;
    AppendUtf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), &out);
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view sentence, std::string_view lang) {
  return Tokenizer(sentence, lang).Run();
}

}  // namespace presskg::ingest
