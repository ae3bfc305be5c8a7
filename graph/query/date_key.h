#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace presskg::graph {

// An ISO date packed as the integer yyyymmdd, so that dates compare as integers. 0 means undated.
using DateKey = std::uint32_t;
inline constexpr DateKey kUndated = 0;

// Which value the missing parts of a partial date ("2022-12", "2022") take: a stored date and a
// range's lower bound use 00 ("2022-12" -> 20221200), a range's upper bound uses 99
// ("2022-12" -> 20221299), so that a bound given as a month includes every day of it.
enum class DatePad : std::uint8_t { kLow, kHigh };

// "2022-12-01", "2022-12" or "2022" packed; kUndated for "" or anything that does not parse
// (an edge date that does not parse is treated as undated).
DateKey PackDate(std::string_view iso, DatePad pad = DatePad::kLow);

// The ISO form of a stored key: "2022-12-01", "2022-12" (day 00), "2022" (month 00); "" for
// kUndated. FormatDate(PackDate(d)) == d for every date PackDate accepts.
std::string FormatDate(DateKey key);

// A caller-supplied bound: kUndated (no bound) for "", InvalidArgument naming `iso` when it is
// not one of the three accepted forms.
Result<DateKey> ParseDateBound(std::string_view iso, DatePad pad);

}  // namespace presskg::graph
