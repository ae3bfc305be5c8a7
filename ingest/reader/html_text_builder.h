#pragma once

#include <string>
#include <string_view>

namespace presskg::ingest {

// Accumulates the visible text of an HTML page: collapses HTML white space runs to one space,
// and turns requested breaks into "\n" (line) or "\n\n" (paragraph), never at the start or end
// and never doubled. Thread safety: none needed (one instance per page).
class HtmlTextBuilder {
 public:
  // Appends decoded `text`; HTML white space (space, tab, CR, LF, FF) collapses.
  void AppendText(std::string_view text);
  // Requests a line break (1) or paragraph break (2) before the next text.
  void Break(int newlines);
  // The text so far.
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  int pending_newlines_ = 0;
  bool pending_space_ = false;
};

}  // namespace presskg::ingest
