#include "graph/query/date_key.h"

#include <string>

namespace presskg::graph {
namespace {

// Parses exactly `width` ASCII digits at `pos`; -1 otherwise.
int Digits(std::string_view s, std::size_t pos, std::size_t width) {
  if (s.size() < pos + width) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

}  // namespace

DateKey PackDate(std::string_view iso, DatePad pad) {
  const int missing = pad == DatePad::kLow ? 0 : 99;
  const int year = Digits(iso, 0, 4);
  if (year <= 0) return kUndated;
  if (iso.size() == 4) return static_cast<DateKey>(year * 10000 + missing * 100 + missing);
  if (iso.size() < 7 || iso[4] != '-') return kUndated;
  const int month = Digits(iso, 5, 2);
  if (month < 1 || month > 12) return kUndated;
  if (iso.size() == 7) return static_cast<DateKey>(year * 10000 + month * 100 + missing);
  if (iso.size() != 10 || iso[7] != '-') return kUndated;
  const int day = Digits(iso, 8, 2);
  if (day < 1 || day > 31) return kUndated;
  return static_cast<DateKey>(year * 10000 + month * 100 + day);
}

std::string FormatDate(DateKey key) {
  if (key == kUndated) return {};
  const unsigned year = key / 10000;
  const unsigned month = key / 100 % 100;
  const unsigned day = key % 100;
  char out[11];
  auto put = [&out](int at, unsigned value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  if (month == 0) return std::string(out, 4);
  out[4] = '-';
  put(5, month, 2);
  if (day == 0) return std::string(out, 7);
  out[7] = '-';
  put(8, day, 2);
  return std::string(out, 10);
}

Result<DateKey> ParseDateBound(std::string_view iso, DatePad pad) {
  if (iso.empty()) return kUndated;
  DateKey key = PackDate(iso, pad);
  if (key == kUndated) {
    return Status::InvalidArgument("date '" + std::string(iso) +
                                   "' is not YYYY, YYYY-MM or YYYY-MM-DD");
  }
  return key;
}

}  // namespace presskg::graph
