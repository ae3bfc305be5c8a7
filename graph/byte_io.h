#pragma once

// Internal to graph/: the byte-level writer and reader behind the stored value encodings
// (varints, zigzag integers, length-prefixed strings), each value starting with a one-byte format
// version.

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace presskg::graph::values {

inline constexpr char kFormatV1 = 1;

class Writer {
 public:
  Writer() { out_.push_back(kFormatV1); }
  void U8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void Varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Signed(std::int64_t v) {
    Varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void Str(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Float(float f) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    Varint(bits);
  }
  void Map(const std::map<std::string, std::string>& m) {
    Varint(m.size());
    for (const auto& [k, v] : m) {
      Str(k);
      Str(v);
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {
    if (in_.empty() || in_[0] != kFormatV1) {
      ok_ = false;
    } else {
      in_.remove_prefix(1);
    }
  }
  bool ok() const { return ok_; }
  std::uint8_t U8() {
    if (!Need(1)) return 0;
    auto v = static_cast<std::uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return v;
  }
  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
      if (!Need(1)) return 0;
      auto byte = static_cast<unsigned char>(in_[0]);
      in_.remove_prefix(1);
      v |= std::uint64_t{byte & 0x7FU} << shift;
      if ((byte & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }
  std::int64_t Signed() {
    std::uint64_t z = Varint();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  std::uint32_t U32() {
    std::uint64_t v = Varint();
    if (v > 0xFFFFFFFFULL) ok_ = false;
    return static_cast<std::uint32_t>(v);
  }
  std::string Str() {
    std::uint64_t n = Varint();
    if (!Need(n)) return {};
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  float Float() {
    std::uint32_t bits = U32();
    float f = 0;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }
  std::map<std::string, std::string> Map() {
    std::map<std::string, std::string> m;
    std::uint64_t n = Varint();
    for (std::uint64_t i = 0; i < n && ok_; ++i) {
      std::string k = Str();
      m[k] = Str();
    }
    return m;
  }
  // True when every byte was consumed without error.
  bool Done() const { return ok_ && in_.empty(); }

 private:
  bool Need(std::uint64_t n) {
    if (!ok_ || in_.size() < n) {
      ok_ = false;
      return false;
    }
    return true;
  }
  std::string_view in_;
  bool ok_ = true;
};

// Corruption naming the kind of value that did not decode.
inline Status Malformed(const char* what) {
  return Status::Corruption(std::string("malformed ") + what + " value in the store");
}

}  // namespace presskg::graph::values
