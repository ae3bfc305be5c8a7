#pragma once

#include <cstddef>

namespace presskg::ingest {

// A half-open range [begin, end) of BYTE offsets into a UTF-8 string.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool operator==(const TextSpan&) const = default;
};

}  // namespace presskg::ingest
