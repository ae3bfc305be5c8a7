#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace presskg::query {

// The value of `text` when it is a decimal number that fits 64 bits and nothing else (no sign,
// no spaces, not empty): how entity, document and correction ids are written in paths, bodies
// and command lines. nullopt otherwise (then `text` may be a name).
inline std::optional<std::uint64_t> ParseDecimalId(std::string_view text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace presskg::query
