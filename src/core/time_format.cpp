#include "core/time_format.hpp"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

namespace shequ {

std::string FormatTimestamp(std::int64_t epoch_millis) {
  // Written digit by digit: lists format two timestamps per row, so this is on a hot path.
  // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date
  // Algorithms", civil_from_days).
  std::int64_t days =
      epoch_millis >= 0 ? epoch_millis / 86'400'000 : (epoch_millis - 86'399'999) / 86'400'000;
  std::int64_t millis_of_day = epoch_millis - days * 86'400'000;
  days += 719'468;
  const std::int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
  const std::int64_t day_of_era = days - era * 146'097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);

  char text[] = "0000-00-00T00:00:00.000Z";
  const auto put = [&text](int at, std::int64_t value, int digits) {
    for (int i = digits - 1; i >= 0; --i) {
      text[at + i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  put(11, millis_of_day / 3'600'000, 2);
  put(14, millis_of_day / 60'000 % 60, 2);
  put(17, millis_of_day / 1000 % 60, 2);
  put(20, millis_of_day % 1000, 3);
  return std::string(text, sizeof text - 1);
}

std::optional<std::int64_t> ParseTimestamp(std::string_view text) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const std::string input(text);
  int consumed = 0;
  if (std::sscanf(input.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10) {
    return std::nullopt;
  }
  std::int64_t millis = 0;
  std::int64_t offset_minutes = 0;
  std::size_t pos = 10;
  if (pos < input.size()) {
    if (input[pos] != 'T' && input[pos] != ' ') return std::nullopt;
    if (std::sscanf(input.c_str() + pos + 1, "%2d:%2d:%2d%n", &h, &mi, &s, &consumed) != 3 || consumed != 8) {
      return std::nullopt;
    }
    pos += 9;
    if (pos < input.size() && input[pos] == '.') {
      std::int64_t scale = 100;
      for (++pos; pos < input.size() && input[pos] >= '0' && input[pos] <= '9'; ++pos) {
        millis += (input[pos] - '0') * scale;
        scale /= 10;
      }
    }
    if (pos == input.size()) return std::nullopt;  // a time needs its zone
    if (input[pos] == 'Z') {
      ++pos;
    } else if (input[pos] == '+' || input[pos] == '-') {
      int oh = 0, om = 0;
      if (std::sscanf(input.c_str() + pos + 1, "%2d:%2d%n", &oh, &om, &consumed) != 2 || consumed != 5) {
        return std::nullopt;
      }
      offset_minutes = std::int64_t{input[pos] == '+' ? 1 : -1} * (oh * 60 + om);
      pos += 6;
    }
    if (pos != input.size()) return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const auto tp = sys_days{ymd} + hours{h} + minutes{mi} + seconds{s} - minutes{offset_minutes};
  return duration_cast<milliseconds>(tp.time_since_epoch()).count() + millis;
}

}  // namespace shequ
