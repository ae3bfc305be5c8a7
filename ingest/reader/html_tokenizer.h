#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace presskg::ingest {

enum class HtmlTokenKind { kText, kStartTag, kEndTag, kComment };

struct HtmlAttribute {
  std::string name;   // lower case
  std::string value;  // character references decoded
};

struct HtmlToken {
  HtmlTokenKind kind = HtmlTokenKind::kText;
  // kText: the raw text (references NOT decoded); kComment: the comment / doctype body.
  std::string_view text;
  // kStartTag / kEndTag: the tag name, lower case. kText: the raw-text element that holds the
  // text ("script", "style", "title", "textarea", ...), or empty for ordinary text.
  std::string name;
  std::vector<HtmlAttribute> attributes;  // kStartTag only
  bool self_closing = false;              // kStartTag written "<br/>"

  // The value of attribute `name` (lower case), or nullptr.
  const std::string* Attribute(std::string_view attribute_name) const;
};

// A tolerant, single-pass HTML tokenizer in the spirit of HTML5: it never fails, keeps no element
// stack, and runs in time linear in the input whatever it holds (deep nesting, unclosed tags,
// stray '<', unterminated comments or quotes). A '<' that does not start a tag is text; a tag cut
// off by the end of input is dropped; script, style, title, textarea, noscript, xmp, iframe,
// noembed and noframes hold raw text up to their end tag.
// Thread safety: one instance per thread; the input must outlive the tokenizer and its tokens.
class HtmlTokenizer {
 public:
  explicit HtmlTokenizer(std::string_view html) : html_(html) {}

  // Reads the next token into `*token`; false at the end of input.
  bool Next(HtmlToken* token);

 private:
  bool ReadRawText(HtmlToken* token);
  bool ReadTag(HtmlToken* token);
  void ReadAttributes(HtmlToken* token);
  // Skips past `terminator` (or to the end); the skipped text becomes a comment token.
  bool ReadUntil(std::string_view terminator, std::size_t body_begin, HtmlToken* token);

  std::string_view html_;
  std::size_t pos_ = 0;
  std::string raw_text_element_;  // set after a start tag of a raw-text element
};

}  // namespace presskg::ingest
