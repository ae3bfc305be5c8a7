#include "query/api/json_writer.h"

#include <algorithm>
#include <cassert>
#include <charconv>

namespace presskg::query {
namespace {

// Length of the valid UTF-8 sequence at the start of `s` (1 to 4), or 0 when it is not one.
std::size_t Utf8SequenceLength(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  std::size_t n = 0;
  std::uint32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (s.size() < n) return 0;
  std::uint32_t cp = b0 & (0xFF >> (n + 1));
  for (std::size_t i = 1; i < n; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Bytes copied without a second look: printable ASCII but the quote and the backslash.
struct PlainBytes {
  bool plain[256] = {};
  constexpr PlainBytes() {
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  }
};
constexpr PlainBytes kPlain;

}  // namespace

void JsonWriter::Open(char bracket) {
  Separate();
  out_->push_back(bracket);
  first_.push_back(true);
}

void JsonWriter::Close(char bracket) {
  assert(!first_.empty() && !after_key_);
  first_.pop_back();
  out_->push_back(bracket);
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_->push_back(',');
  first_.back() = false;
}

void JsonWriter::Key(std::string_view key) {
  assert(!after_key_);
  assert(std::all_of(key.begin(), key.end(),
                     [](char c) { return kPlain.plain[static_cast<unsigned char>(c)]; }));
  Separate();
  out_->push_back('"');
  out_->append(key);
  out_->append("\":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  Separate();
  Escaped(value);
}

void JsonWriter::Uint(std::uint64_t value) {
  Separate();
  char digits[20];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof(digits), value);
  (void)ec;  // 20 digits always suffice
  out_->append(digits, end);
}

void JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_->append("null");
}

void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_->append(json);
}

void JsonWriter::RawMembers(std::string_view members) {
  assert(!after_key_);
  Separate();
  out_->append(members);
}

void JsonWriter::CopyMembers(std::size_t begin, std::size_t end) {
  assert(!after_key_ && begin < end && end <= out_->size());
  Separate();
  out_->append(*out_, begin, end - begin);  // appending a part of itself is well defined
}

void JsonWriter::Escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_->push_back('"');
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  std::size_t i = 0;
  auto flush = [&] { out_->append(text.data() + plain, i - plain); };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (kPlain.plain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = Utf8SequenceLength(text.substr(i));
      if (n > 0) {
        i += n;
        continue;
      }
      flush();
      out_->append("\xEF\xBF\xBD");  // U+FFFD for a byte that starts no valid sequence
      plain = ++i;
      continue;
    }
    flush();
    switch (c) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\b': out_->append("\\b"); break;
      case '\f': out_->append("\\f"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out_->append(escape, sizeof(escape));
      }
    }
    plain = ++i;
  }
  flush();
  out_->push_back('"');
}

}  // namespace presskg::query
