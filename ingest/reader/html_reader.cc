#include "ingest/reader/html_reader.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>
#include <span>
#include <string>

#include "graph/text_util.h"
#include "ingest/reader/document_bytes.h"
#include "ingest/reader/html_entities.h"
#include "ingest/reader/html_text_builder.h"
#include "ingest/reader/html_tokenizer.h"

namespace presskg::ingest {
namespace {

// Containers whose text is page furniture, not the press release.
constexpr std::array<std::string_view, 12> kDroppedElements = {
    "nav", "header", "footer", "aside",  "form",   "template",
    "svg", "math",   "select", "button", "dialog", "object"};

// Elements that start and end a paragraph of text.
constexpr std::string_view kBlockElements[] = {
    "address", "article", "aside", "blockquote", "body",    "caption",  "center",     "dd",
    "details", "dialog",  "div",   "dl",         "dt",      "fieldset", "figcaption", "figure",
    "footer",  "form",    "h1",    "h2",         "h3",      "h4",       "h5",         "h6",
    "header",  "hgroup",  "hr",    "html",       "legend",  "li",       "main",       "nav",
    "ol",      "p",       "pre",   "section",    "summary", "table",    "tbody",      "tfoot",
    "thead",   "tr",      "ul"};

// Meta tag keys (name, property or itemprop; lower case) holding the publication date, best first.
constexpr std::string_view kDateKeys[] = {"article:published_time",
                                          "datepublished",
                                          "date",
                                          "dc.date",
                                          "dc.date.issued",
                                          "dcterms.date",
                                          "dcterms.issued",
                                          "dcterms.created",
                                          "pubdate",
                                          "publishdate",
                                          "publish-date",
                                          "og:published_time",
                                          "sailthru.date",
                                          "parsely-pub-date"};

// Bytes searched for a charset declaration when a page is not UTF-8.
constexpr std::size_t kCharsetSniffBytes = 4096;

bool Contains(std::span<const std::string_view> list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  HtmlTextBuilder builder;
  builder.AppendText(text);
  return builder.text();
}

// What one pass over the page found.
struct Page {
  HtmlTextBuilder all;   // text outside dropped containers
  HtmlTextBuilder main;  // the part of `all` inside <main> / <article>
  std::string title;
  std::string og_title;
  std::string h1;
  std::string date;
  int date_rank = INT_MAX;
  std::string time_datetime;
  std::string lang;
  std::string locale;
  std::string url;
};

void ReadMeta(const HtmlToken& tag, Page* page) {
  const std::string* content = tag.Attribute("content");
  if (content == nullptr) return;
  for (std::string_view key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
    const std::string* raw_key = tag.Attribute(key_attribute);
    if (raw_key == nullptr) continue;
    const std::string key = Lower(Trim(*raw_key));
    if (key == "og:title" && page->og_title.empty()) page->og_title = CollapseSpaces(*content);
    if (key == "og:locale" && page->locale.empty()) page->locale = *content;
    if (key == "content-language" && page->locale.empty()) page->locale = *content;
    if (key == "og:url" && page->url.empty()) page->url = std::string(Trim(*content));
    for (int rank = 0; rank < static_cast<int>(std::size(kDateKeys)); ++rank) {
      if (key == kDateKeys[rank] && rank < page->date_rank && !Trim(*content).empty()) {
        page->date = std::string(Trim(*content));
        page->date_rank = rank;
      }
    }
  }
}

// One pass over the tokens. With `drop_furniture` false, only raw-text elements are dropped
// (the fallback for pages whose furniture tags are never closed).
void ScanPage(std::string_view html, bool drop_furniture, Page* page) {
  HtmlTokenizer tokenizer(html);
  HtmlToken token;
  std::array<int, kDroppedElements.size()> dropped_depth{};
  int dropped = 0;
  int main_depth = 0;
  int h1_depth = 0;
  bool h1_done = false;  // only the first <h1> with text is kept
  bool seen_html = false;
  std::string decoded;
  while (tokenizer.Next(&token)) {
    if (token.kind == HtmlTokenKind::kText) {
      decoded.clear();
      if (token.name == "title") {
        if (page->title.empty() && dropped == 0) {  // not an <svg><title> in a dropped header
          AppendDecodedHtml(token.text, &decoded);
          page->title = CollapseSpaces(decoded);
        }
        continue;
      }
      if (!token.name.empty() || dropped > 0) continue;  // script, style, noscript, ...
      AppendDecodedHtml(token.text, &decoded);
      page->all.AppendText(decoded);
      if (main_depth > 0) page->main.AppendText(decoded);
      if (h1_depth > 0 && !h1_done) page->h1 += decoded;
      continue;
    }
    if (token.kind == HtmlTokenKind::kComment) continue;
    const bool start = token.kind == HtmlTokenKind::kStartTag;
    const std::string& name = token.name;
    if (start && name == "html" && !seen_html) {
      seen_html = true;
      const std::string* lang = token.Attribute("lang");
      if (lang == nullptr) lang = token.Attribute("xml:lang");
      if (lang != nullptr) page->lang = *lang;
    } else if (start && name == "meta") {
      ReadMeta(token, page);
    } else if (start && name == "link" && page->url.empty()) {
      const std::string* rel = token.Attribute("rel");
      const std::string* href = token.Attribute("href");
      if (rel != nullptr && href != nullptr && Lower(*rel) == "canonical") page->url = *href;
    } else if (start && name == "time" && page->time_datetime.empty()) {
      if (const std::string* datetime = token.Attribute("datetime")) {
        page->time_datetime = std::string(Trim(*datetime));
      }
    }
    if (start && token.self_closing && name != "br") continue;
    if (drop_furniture) {
      const auto it = std::find(kDroppedElements.begin(), kDroppedElements.end(), name);
      if (it != kDroppedElements.end()) {
        int& depth = dropped_depth[static_cast<std::size_t>(it - kDroppedElements.begin())];
        if (start) {
          ++depth;
          ++dropped;
        } else if (depth > 0) {
          --depth;
          --dropped;
        }
      }
    }
    if (name == "main" || name == "article") {
      main_depth = std::max(0, main_depth + (start ? 1 : -1));
    }
    if (name == "h1") {
      h1_depth = std::max(0, h1_depth + (start ? 1 : -1));
      h1_done = h1_done || (!start && !Trim(page->h1).empty());
    }
    if (name == "br") {
      page->all.Break(1);
      page->main.Break(1);
    } else if (name == "td" || name == "th") {
      page->all.AppendText(" ");
      page->main.AppendText(" ");
    } else if (Contains(kBlockElements, name)) {
      page->all.Break(2);
      page->main.Break(2);
    }
  }
}

// `bytes` as UTF-8: unchanged when valid, converted when the page declares another charset.
Result<std::string> ToUtf8(std::string_view name, std::string_view bytes) {
  std::size_t bad_offset = 0;
  if (IsValidUtf8(bytes, &bad_offset)) return std::string(bytes);
  const std::string invalid =
      std::string(name) + ": invalid UTF-8 at byte offset " + std::to_string(bad_offset);
  const std::string head = Lower(bytes.substr(0, kCharsetSniffBytes));
  const std::size_t at = head.find("charset=");
  if (at == std::string::npos) return Status::InvalidArgument(invalid);
  std::size_t begin = at + 8;
  while (begin < head.size() && (head[begin] == '"' || head[begin] == '\'' || head[begin] == ' ')) {
    ++begin;
  }
  std::size_t end = begin;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                               head[end] == '-' || head[end] == '_' || head[end] == ':')) {
    ++end;
  }
  const std::string charset = head.substr(begin, end - begin);
  if (charset.empty() || charset == "utf-8" || charset == "utf8") {
    return Status::InvalidArgument(invalid);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(charset.c_str(), &status),
                                                               ucnv_close);
  if (U_FAILURE(status) || converter == nullptr) {
    return Status::InvalidArgument(invalid + " (declared charset '" + charset + "' is unknown)");
  }
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                             status);
  if (U_FAILURE(status)) {
    return Status::InvalidArgument(invalid + " (cannot convert from '" + charset + "')");
  }
  std::string utf8;
  unicode.toUTF8String(utf8);
  return utf8;
}

}  // namespace

Result<RawDocument> ParseHtmlDocument(std::string_view name, std::string_view bytes) {
  PRESSKG_RETURN_IF_ERROR(CheckDocumentBytes(name, bytes, /*require_utf8=*/false));
  PRESSKG_ASSIGN_OR_RETURN(const std::string html, ToUtf8(name, StripUtf8Bom(bytes)));
  auto page = std::make_unique<Page>();
  ScanPage(html, /*drop_furniture=*/true, page.get());
  if (Trim(page->all.text()).empty()) {
    page = std::make_unique<Page>();
    ScanPage(html, /*drop_furniture=*/false, page.get());
  }
  const std::string& all = page->all.text();
  const std::string& main = page->main.text();
  RawDocument document;
  document.name = std::string(name);
  document.text = !main.empty() && main.size() * 2 >= all.size() ? main : all;
  if (Trim(document.text).empty()) {
    return Status::InvalidArgument(std::string(name) + ": no body text in the HTML page");
  }
  document.title = !page->og_title.empty() ? page->og_title
                   : !page->title.empty()  ? page->title
                                           : CollapseSpaces(page->h1);
  document.date = !page->date.empty() ? page->date : page->time_datetime;
  document.url = page->url;
  const std::string& declared = !page->lang.empty() ? page->lang : page->locale;
  document.lang = NormalizeLanguageTag(declared);
  if (declared.empty()) FillLanguage(&document);
  return document;
}

}  // namespace presskg::ingest
