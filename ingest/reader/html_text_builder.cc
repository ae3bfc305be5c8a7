#include "ingest/reader/html_text_builder.h"

#include <algorithm>

namespace presskg::ingest {
namespace {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

void HtmlTextBuilder::AppendText(std::string_view text) {
  for (char c : text) {
    if (IsHtmlSpace(c)) {
      pending_space_ = true;
      continue;
    }
    if (!text_.empty()) {
      if (pending_newlines_ > 0) {
        text_.append(static_cast<std::size_t>(pending_newlines_), '\n');
      } else if (pending_space_) {
        text_.push_back(' ');
      }
    }
    pending_newlines_ = 0;
    pending_space_ = false;
    text_.push_back(c);
  }
}

void HtmlTextBuilder::Break(int newlines) {
  pending_newlines_ = std::min(
      2, std::max(pending_newlines_, newlines) + (newlines == 1 && pending_newlines_ == 1 ? 1 : 0));
}

}  // namespace presskg::ingest
