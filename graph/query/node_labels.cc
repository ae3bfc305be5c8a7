#include "graph/query/node_labels.h"

#include <cstdint>

namespace presskg::graph {
namespace {

// How a translated name is stored: kEmpty and kSame carry no bytes; otherwise the code is the
// length + kLengthBias and the bytes follow.
constexpr std::uint64_t kEmpty = 0;
constexpr std::uint64_t kSame = 1;
constexpr std::uint64_t kLengthBias = 2;

void PutVarint(std::uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// Reads a varint at `*pos`, advancing it; stops at the end of `in` (memory-safe on bad input).
std::uint64_t GetVarint(std::string_view in, std::size_t* pos) {
  std::uint64_t value = 0;
  for (int shift = 0; *pos < in.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<std::uint8_t>(in[(*pos)++]);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) break;
  }
  return value;
}

std::string_view Take(std::string_view in, std::size_t* pos, std::uint64_t length) {
  const std::size_t n = length < in.size() - *pos ? static_cast<std::size_t>(length) : in.size() - *pos;
  std::string_view out = in.substr(*pos, n);
  *pos += n;
  return out;
}

void PutName(std::string_view name, std::string_view label, std::string* out) {
  if (name.empty()) {
    PutVarint(kEmpty, out);
  } else if (name == label) {
    PutVarint(kSame, out);
  } else {
    PutVarint(name.size() + kLengthBias, out);
    out->append(name);
  }
}

std::string_view GetName(std::string_view in, std::size_t* pos, std::string_view label) {
  const std::uint64_t code = GetVarint(in, pos);
  if (code == kEmpty) return {};
  if (code == kSame) return label;
  return Take(in, pos, code - kLengthBias);
}

}  // namespace

void AppendNodeLabels(std::string_view label, std::string_view label_fr,
                      std::string_view label_en, std::string* out) {
  PutVarint(label.size(), out);
  out->append(label);
  PutName(label_fr, label, out);
  PutName(label_en, label, out);
}

NodeLabels DecodeNodeLabels(std::string_view record) {
  std::size_t pos = 0;
  NodeLabels labels;
  labels.label = Take(record, &pos, GetVarint(record, &pos));
  labels.label_fr = GetName(record, &pos, labels.label);
  labels.label_en = GetName(record, &pos, labels.label);
  return labels;
}

}  // namespace presskg::graph
