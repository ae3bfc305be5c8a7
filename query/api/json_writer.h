#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace presskg::query {

// Writes JSON text straight into a string, for the answers served most often (neighbour lists),
// where building an nlohmann::json tree first costs more than the rest of the request. Compact
// output escaped as nlohmann's dump() escapes (control characters, quote, backslash; invalid
// UTF-8 bytes replaced by U+FFFD); keys come in the order written.
// Usage: w.BeginObject(); w.Key("id"); w.Uint(7); w.EndObject();
// Keys and values must alternate inside objects; the writer checks nothing (debug builds assert).
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // An object key; the next call writes its value. Keys are the program's own names: plain
  // ASCII without quote, backslash or control characters (written without escaping).
  void Key(std::string_view key);
  void String(std::string_view value);
  void Uint(std::uint64_t value);
  void Bool(bool value);
  void Null();
  // A value that is already JSON text (e.g. nlohmann's dump()), copied as it is.
  void Raw(std::string_view json);
  // Members of the current object already written as JSON text ("k":v,"k2":v2), copied as
  // they are. `members` must not be empty.
  void RawMembers(std::string_view members);
  // RawMembers for members this writer already wrote, at [begin, end) of its output (see
  // size()): a part written once and repeated.
  void CopyMembers(std::size_t begin, std::size_t end);
  // Bytes written so far.
  std::size_t size() const { return out_->size(); }

 private:
  void Open(char bracket);
  void Close(char bracket);
  // Writes the comma before a value or key that is not the first of its container.
  void Separate();
  void Escaped(std::string_view text);

  std::string* out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace presskg::query
