#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extract/token.h"

namespace presskg::ingest {

// A quantity read from the tokens of a sentence.
struct Value {
  enum class Kind : unsigned char { kMoney, kPercent, kCount, kYear };
  Kind kind = Kind::kCount;
  double amount = 0;     // normalised: 30 MDH -> 30000000
  std::string currency;  // ISO 4217 for money ("MAD", "EUR", ...)
  std::size_t begin = 0;  // token range [begin, end)
  std::size_t end = 0;
};

// Parses a number token as written in `lang`: French "1 320", "7,5"; English "1,320", "7.5".
std::optional<double> ParseNumber(std::string_view text, std::string_view lang);

// The value that starts at token `i`, if any: money ("30 MDH", "13 Mrds DH", "7,5 millions
// d'euros", "1,2 Md€", "$4.5bn", "EUR 120m", "MAD 450 million", "41 millions de francs", "48 M$",
// "58 milliards de francs CFA"), percentages ("51 %", "35%"), years (1800-2100 written as four
// digits) and other counts ("1 320", "4,6 millions"). `dollar` is the ISO code "$" stands for
// ("USD", or "CAD" for Canadian documents).
std::optional<Value> ReadValue(const std::vector<Token>& tokens, std::size_t i,
                               std::string_view lang, std::string_view dollar);

}  // namespace presskg::ingest
