#include "ingest/reader/html_tokenizer.h"

#include "ingest/reader/html_entities.h"

namespace presskg::ingest {
namespace {

// Elements whose content is text up to their end tag, never markup.
constexpr std::string_view kRawTextElements[] = {
    "script", "style", "title", "textarea", "noscript", "xmp", "iframe", "noembed", "noframes"};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// True when `html` at `pos` starts with `prefix`, ignoring ASCII case.
bool StartsWithNoCase(std::string_view html, std::size_t pos, std::string_view prefix) {
  if (html.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(html[pos + i]) != prefix[i]) return false;
  }
  return true;
}

bool IsRawTextElement(std::string_view name) {
  for (std::string_view element : kRawTextElements) {
    if (element == name) return true;
  }
  return false;
}

}  // namespace

const std::string* HtmlToken::Attribute(std::string_view attribute_name) const {
  for (const HtmlAttribute& attribute : attributes) {
    if (attribute.name == attribute_name) return &attribute.value;
  }
  return nullptr;
}

bool HtmlTokenizer::Next(HtmlToken* token) {
  token->name.clear();
  token->attributes.clear();
  token->self_closing = false;
  token->text = {};
  if (!raw_text_element_.empty()) return ReadRawText(token);
  while (pos_ < html_.size()) {
    if (html_[pos_] == '<') {
      const std::size_t tag_begin = pos_;
      if (ReadTag(token)) return true;
      if (pos_ != tag_begin) continue;  // consumed something that is not a token (dropped tag)
      // Not a tag: the '<' is text, emitted together with what follows it.
    }
    const std::size_t begin = pos_;
    const std::size_t next = html_.find('<', pos_ + 1);
    pos_ = next == std::string_view::npos ? html_.size() : next;
    token->kind = HtmlTokenKind::kText;
    token->text = html_.substr(begin, pos_ - begin);
    return true;
  }
  return false;
}

bool HtmlTokenizer::ReadRawText(HtmlToken* token) {
  // Text up to "</name" followed by a space, '/' or '>' (or the end of input).
  const std::size_t begin = pos_;
  std::size_t end = html_.size();
  for (std::size_t lt = html_.find("</", pos_); lt != std::string_view::npos;
       lt = html_.find("</", lt + 2)) {
    const std::size_t after = lt + 2 + raw_text_element_.size();
    if (StartsWithNoCase(html_, lt + 2, raw_text_element_) &&
        (after >= html_.size() || IsHtmlSpace(html_[after]) || html_[after] == '/' ||
         html_[after] == '>')) {
      end = lt;
      break;
    }
  }
  pos_ = end;
  token->kind = HtmlTokenKind::kText;
  token->name = raw_text_element_;
  token->text = html_.substr(begin, end - begin);
  raw_text_element_.clear();
  if (token->text.empty()) return Next(token);  // no text: go straight to the end tag
  return true;
}

bool HtmlTokenizer::ReadUntil(std::string_view terminator, std::size_t body_begin,
                              HtmlToken* token) {
  const std::size_t end = html_.find(terminator, body_begin);
  token->kind = HtmlTokenKind::kComment;
  if (end == std::string_view::npos) {
    token->text = html_.substr(std::min(body_begin, html_.size()));
    pos_ = html_.size();
  } else {
    token->text = html_.substr(body_begin, end - body_begin);
    pos_ = end + terminator.size();
  }
  return true;
}

bool HtmlTokenizer::ReadTag(HtmlToken* token) {
  const std::size_t lt = pos_;
  if (lt + 1 >= html_.size()) return false;
  const char c = html_[lt + 1];
  if (c == '!') {
    if (html_.substr(lt, 4) == "<!--") return ReadUntil("-->", lt + 4, token);
    return ReadUntil(">", lt + 2, token);  // doctype, CDATA or bogus comment
  }
  if (c == '?') return ReadUntil(">", lt + 2, token);
  const bool end_tag = c == '/';
  const std::size_t name_begin = lt + (end_tag ? 2 : 1);
  if (name_begin >= html_.size() || !IsAsciiAlpha(html_[name_begin])) {
    if (end_tag && name_begin < html_.size()) return ReadUntil(">", name_begin, token);  // "</ x>"
    return false;
  }
  std::size_t i = name_begin;
  while (i < html_.size() && !IsHtmlSpace(html_[i]) && html_[i] != '/' && html_[i] != '>') ++i;
  token->kind = end_tag ? HtmlTokenKind::kEndTag : HtmlTokenKind::kStartTag;
  token->name.reserve(i - name_begin);
  for (std::size_t k = name_begin; k < i; ++k) token->name.push_back(Lower(html_[k]));
  pos_ = i;
  ReadAttributes(token);
  if (pos_ >= html_.size()) {
    // Cut off by the end of input: dropped, as HTML5 does.
    token->name.clear();
    token->attributes.clear();
    return false;
  }
  ++pos_;  // '>'
  if (end_tag) {
    token->attributes.clear();
    token->self_closing = false;
  } else if (IsRawTextElement(token->name) && !token->self_closing) {
    raw_text_element_ = token->name;
  }
  return true;
}

void HtmlTokenizer::ReadAttributes(HtmlToken* token) {
  // Each iteration consumes at least one byte, so this is linear in the tag's length.
  while (pos_ < html_.size()) {
    const char c = html_[pos_];
    if (c == '>') return;
    if (IsHtmlSpace(c)) {
      ++pos_;
      continue;
    }
    if (c == '/') {
      ++pos_;
      token->self_closing = pos_ < html_.size() && html_[pos_] == '>';
      continue;
    }
    const std::size_t name_begin = pos_;
    ++pos_;  // the first character may be anything, even '='
    while (pos_ < html_.size() && !IsHtmlSpace(html_[pos_]) && html_[pos_] != '/' &&
           html_[pos_] != '>' && html_[pos_] != '=') {
      ++pos_;
    }
    HtmlAttribute attribute;
    for (std::size_t k = name_begin; k < pos_; ++k) attribute.name.push_back(Lower(html_[k]));
    while (pos_ < html_.size() && IsHtmlSpace(html_[pos_])) ++pos_;
    if (pos_ < html_.size() && html_[pos_] == '=') {
      ++pos_;
      while (pos_ < html_.size() && IsHtmlSpace(html_[pos_])) ++pos_;
      std::string_view raw;
      if (pos_ < html_.size() && (html_[pos_] == '"' || html_[pos_] == '\'')) {
        const char quote = html_[pos_];
        const std::size_t close = html_.find(quote, pos_ + 1);
        const std::size_t end = close == std::string_view::npos ? html_.size() : close;
        raw = html_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = close == std::string_view::npos ? html_.size() : close + 1;
      } else {
        const std::size_t begin = pos_;
        while (pos_ < html_.size() && !IsHtmlSpace(html_[pos_]) && html_[pos_] != '>') ++pos_;
        raw = html_.substr(begin, pos_ - begin);
      }
      AppendDecodedHtml(raw, &attribute.value);
    }
    token->attributes.push_back(std::move(attribute));
  }
}

}  // namespace presskg::ingest
