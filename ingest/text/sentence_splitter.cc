#include "ingest/text/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <string>

#include "ingest/text/abbreviations.h"
#include "ingest/text/utf8_util.h"

namespace presskg::ingest {
namespace {

// Quotations nested deeper than this are not tracked (keeps the quote scan linear).
constexpr std::size_t kMaxQuoteDepth = 8;
// Tokens are looked at only this far from a boundary (abbreviations are short; keeps it linear).
constexpr std::size_t kMaxTokenBytes = 48;

bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }

bool IsBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A short line without closing punctuation followed by a line opening with a capital letter: a
// heading or a sign-off, never a wrapped sentence ("About Lumbrik Software" then "Established
// in 2009, ...").
bool IsHeadingLine(std::string_view text, std::size_t line_begin, std::size_t line_end) {
  std::size_t end = line_end;
  while (end > line_begin && IsBlankByte(text[end - 1])) --end;
  if (end == line_begin || end - line_begin > 60 || line_end >= text.size()) return false;
  const char last = text[end - 1];
  if (std::string_view(".!?:;,\"'-").find(last) != std::string_view::npos) return false;
  if (end >= line_begin + 2 && (text.substr(end - 2, 2) == "\xC2\xBB" ||  // »
                                text.substr(end - 2, 2) == "\xC2\xA0")) {
    return false;
  }
  std::size_t next = line_end + 1;
  while (next < text.size() && IsBlankByte(text[next])) ++next;
  if (next >= text.size() || text[next] == '\n') return false;
  std::size_t length = 0;
  return IsUpper(DecodeUtf8At(text, next, &length));
}

// Paragraphs: maximal runs of lines that are not blank, as byte spans of `text`.
std::vector<TextSpan> SplitParagraphs(std::string_view text) {
  std::vector<TextSpan> paragraphs;
  std::size_t line_begin = 0;
  bool in_paragraph = false;
  TextSpan current;
  while (line_begin <= text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const bool blank =
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(line_begin),
                    text.begin() + static_cast<std::ptrdiff_t>(line_end), IsBlankByte);
    if (!blank) {
      if (!in_paragraph) current.begin = line_begin;
      current.end = line_end;
      in_paragraph = true;
      // A heading line ("About Lumbrik Software", "À propos de X") ends its paragraph.
      if (IsHeadingLine(text, line_begin, line_end)) {
        paragraphs.push_back(current);
        in_paragraph = false;
      }
    } else if (in_paragraph) {
      paragraphs.push_back(current);
      in_paragraph = false;
    }
    line_begin = line_end + 1;
  }
  if (in_paragraph) paragraphs.push_back(current);
  return paragraphs;
}

// One sentence iterator per thread and language: creating one is expensive.
icu::BreakIterator* SentenceIterator(std::string_view lang) {
  thread_local std::unique_ptr<icu::BreakIterator> french;
  thread_local std::unique_ptr<icu::BreakIterator> english;
  const bool is_french = lang == "fr";
  std::unique_ptr<icu::BreakIterator>& slot = is_french ? french : english;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale(is_french ? "fr" : "en"), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

// ICU's sentence boundaries strictly inside `paragraph` (offsets relative to it).
std::vector<std::size_t> IcuBoundaries(std::string_view paragraph, std::string_view lang) {
  std::vector<std::size_t> boundaries;
  icu::BreakIterator* it = SentenceIterator(lang);
  if (it == nullptr) return boundaries;
  // Single line breaks inside a paragraph are wrapping, not sentence ends; same byte length.
  std::string flat(paragraph);
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, flat.data(), static_cast<int64_t>(flat.size()), &status);
  if (U_FAILURE(status)) return boundaries;
  it->setText(text, status);  // the iterator keeps a shallow clone; `flat` must outlive the loop
  utext_close(text);
  if (U_FAILURE(status)) return boundaries;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    if (static_cast<std::size_t>(b) < paragraph.size()) boundaries.push_back(b);
  }
  it->setText(icu::UnicodeString());  // drop the reference to `flat`
  return boundaries;
}

// "K", "P.-Y", "J.-M": single capital letters joined by '.' / '-', with a hyphen when several.
bool IsInitials(std::string_view stem) {
  std::size_t letters = 0;
  bool hyphen = false;
  for (std::size_t i = 0; i < stem.size();) {
    std::size_t length = 0;
    const char32_t c = DecodeUtf8At(stem, i, &length);
    if (!IsUpper(c)) return false;
    ++letters;
    i += length;
    std::size_t separators = 0;
    while (i < stem.size() && (stem[i] == '.' || stem[i] == '-')) {
      hyphen = hyphen || stem[i] == '-';
      ++i;
      ++separators;
    }
    if (separators == 0 && i < stem.size()) return false;
  }
  return letters == 1 || (letters > 1 && hyphen);
}

// "S.A", "U.S", "J.M": single letters joined by periods.
bool IsDottedAcronym(std::string_view stem) {
  if (stem.size() < 3) return false;
  for (std::size_t i = 0; i < stem.size(); ++i) {
    const bool want_letter = i % 2 == 0;
    const char c = stem[i];
    if (want_letter ? !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) : c != '.') return false;
  }
  return stem.size() % 2 == 1;
}

bool IsOpeningQuote(char32_t c) { return c == U'«' || c == U'“' || c == U'„' || c == U'"'; }

// The white-space-delimited token ending at `end` (exclusive), without opening punctuation.
std::string_view TokenBefore(std::string_view text, std::size_t end) {
  std::size_t begin = end;
  std::size_t length = 0;
  while (begin > 0 && end - begin < kMaxTokenBytes &&
         !IsUnicodeSpace(DecodeUtf8Before(text, begin, &length))) {
    begin -= length;
  }
  while (begin < end && (text[begin] == '(' || text[begin] == '[' || text[begin] == '"')) ++begin;
  return text.substr(begin, end - begin);
}

// The token starting at `begin`, without trailing punctuation.
std::string_view TokenAfter(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  std::size_t length = 0;
  while (end < text.size() && end - begin < kMaxTokenBytes &&
         !IsUnicodeSpace(DecodeUtf8At(text, end, &length))) {
    end += length;
  }
  while (end > begin &&
         std::string_view(",;:.!?)]").find(text[end - 1]) != std::string_view::npos) {
    --end;
  }
  return text.substr(begin, end - begin);
}

// True when ICU's boundary before `next` (after the trimmed text ending at `left_end`) follows an
// abbreviation or initials rather than the end of a sentence.
bool IsFalseBoundary(std::string_view text, std::size_t left_end, std::size_t next,
                     std::string_view lang) {
  const std::string_view token = TokenBefore(text, left_end);
  if (token.size() < 2 || token.back() != '.' || next >= text.size()) return false;
  const std::string_view stem = token.substr(0, token.size() - 1);
  if (IsInitials(stem)) return true;
  std::size_t length = 0;
  const char32_t first = DecodeUtf8At(text, next, &length);
  const bool digit_follows = first >= '0' && first <= '9';
  // Looked at only when an answer depends on it (most boundaries follow no abbreviation).
  const auto starter_follows = [&] {
    return IsOpeningQuote(first) || IsSentenceStarter(TokenAfter(text, next), lang);
  };
  if (const Abbreviation* abbreviation = FindAbbreviation(token, lang)) {
    switch (abbreviation->kind) {
      case AbbreviationKind::kAlways:
        return true;
      case AbbreviationKind::kBeforeDigit:
        return digit_follows;
      case AbbreviationKind::kUnlessStarter:
        return !starter_follows();
    }
  }
  return IsDottedAcronym(stem) && !starter_follows();
}

struct QuoteRegion {
  std::size_t open = 0;       // byte offset of the opening mark
  std::size_t close_end = 0;  // byte offset just after the closing mark
};

// Balanced quotations of `text`: « », “ ”, and straight double quotes paired in order.
std::vector<QuoteRegion> FindQuotes(std::string_view text) {
  std::vector<QuoteRegion> regions;
  struct Open {
    std::size_t pos;
    char32_t close;
  };
  std::vector<Open> stack;
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    // ASCII other than '"' neither opens nor closes a quotation: skipped without decoding.
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && byte != '"') {
      length = 1;
      continue;
    }
    const char32_t c = DecodeUtf8At(text, i, &length);
    const bool closes_top = !stack.empty() && stack.back().close == c;
    if (closes_top) {
      regions.push_back({stack.back().pos, i + length});
      stack.pop_back();
    } else if (c == U'»' || c == U'”') {
      // A closing mark that does not match the innermost opening one: close up to its match.
      auto match =
          std::find_if(stack.rbegin(), stack.rend(), [c](const Open& o) { return o.close == c; });
      if (match != stack.rend()) {
        regions.push_back({match->pos, i + length});
        stack.erase(std::prev(match.base()), stack.end());
      }
    } else if ((c == U'«' || c == U'“' || c == U'„' || c == U'"') &&
               stack.size() < kMaxQuoteDepth) {
      stack.push_back({i, c == U'«' ? U'»' : (c == U'"' ? U'"' : U'”')});
    }
  }
  return regions;
}

bool IsTerminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == U'…'; }

// True when the quotation is part of a longer sentence: text before it in the sentence
// ("a déclaré : « ...") or a continuation after it ("», a-t-il dit", "” said").
void MarkQuoteContinuations(std::string_view text, const std::vector<QuoteRegion>& quotes,
                            const std::vector<std::size_t>& boundaries, std::vector<bool>* merged) {
  for (const QuoteRegion& quote : quotes) {
    std::size_t length = 0;
    std::size_t before = quote.open;
    while (before > 0 && IsUnicodeSpace(DecodeUtf8Before(text, before, &length))) before -= length;
    const bool opened_mid = before > 0 && !IsTerminal(DecodeUtf8Before(text, before, &length));
    std::size_t after = quote.close_end;
    while (after < text.size() && IsUnicodeSpace(DecodeUtf8At(text, after, &length))) {
      after += length;
    }
    bool continues = false;
    if (after < text.size()) {
      const char32_t next = DecodeUtf8At(text, after, &length);
      continues = u_islower(static_cast<UChar32>(next)) ||
                  std::u32string_view(U",;:)–—-").find(next) != std::u32string_view::npos;
    }
    if (!opened_mid && !continues) continue;
    const std::size_t last = continues ? after : quote.close_end - 1;
    auto it = std::upper_bound(boundaries.begin(), boundaries.end(), quote.open);
    for (; it != boundaries.end() && *it <= last; ++it) {
      (*merged)[static_cast<std::size_t>(it - boundaries.begin())] = true;
    }
  }
}

// ICU ends a sentence before a closing mark set off by a space ("investir ! » Il"): moves such
// boundaries past the mark and the space after it, keeping them sorted and distinct.
std::vector<std::size_t> MoveBoundariesPastClosingQuotes(
    std::string_view text, const std::vector<QuoteRegion>& quotes,
    const std::vector<std::size_t>& boundaries) {
  // Quotes are found in order of their closing marks, so both vectors are sorted.
  std::vector<std::size_t> closing_starts;
  std::vector<std::size_t> closing_ends;
  for (const QuoteRegion& quote : quotes) {
    std::size_t length = 0;
    DecodeUtf8Before(text, quote.close_end, &length);
    closing_starts.push_back(quote.close_end - length);
    closing_ends.push_back(quote.close_end);
  }
  std::vector<std::size_t> moved;
  moved.reserve(boundaries.size());
  for (std::size_t b : boundaries) {
    const auto it = std::lower_bound(closing_starts.begin(), closing_starts.end(), b);
    if (it != closing_starts.end() && *it == b) {
      b = closing_ends[static_cast<std::size_t>(it - closing_starts.begin())];
      std::size_t length = 0;
      while (b < text.size() && IsUnicodeSpace(DecodeUtf8At(text, b, &length))) b += length;
    }
    if (b < text.size() && (moved.empty() || moved.back() < b)) moved.push_back(b);
  }
  return moved;
}

void SplitParagraph(std::string_view text, TextSpan paragraph, std::string_view lang,
                    std::vector<TextSpan>* out) {
  const std::string_view para = text.substr(paragraph.begin, paragraph.size());
  const std::vector<QuoteRegion> quotes = FindQuotes(para);
  const std::vector<std::size_t> boundaries =
      MoveBoundariesPastClosingQuotes(para, quotes, IcuBoundaries(para, lang));
  std::vector<bool> merged(boundaries.size(), false);
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    const TextSpan left = TrimSpan(para, {0, boundaries[i]});
    const TextSpan right = TrimSpan(para, {boundaries[i], para.size()});
    merged[i] = IsFalseBoundary(para, left.end, right.begin, lang);
  }
  MarkQuoteContinuations(para, quotes, boundaries, &merged);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= boundaries.size(); ++i) {
    if (i < boundaries.size() && merged[i]) continue;
    const std::size_t end = i < boundaries.size() ? boundaries[i] : para.size();
    const TextSpan span = TrimSpan(para, {start, end});
    if (span.begin < span.end) {
      out->push_back({paragraph.begin + span.begin, paragraph.begin + span.end});
    }
    start = end;
  }
}

}  // namespace

std::vector<TextSpan> SplitSentences(std::string_view text, std::string_view lang) {
  std::vector<TextSpan> sentences;
  for (const TextSpan& paragraph : SplitParagraphs(text)) {
    SplitParagraph(text, paragraph, lang, &sentences);
  }
  return sentences;
}

}  // namespace presskg::ingest
