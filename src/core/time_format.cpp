#include "core/time_format.hpp"

#include <chrono>
#include <cstdio>

namespace shequ {

std::string FormatTimestamp(std::int64_t epoch_millis) {
  using namespace std::chrono;
  const sys_time<milliseconds> tp{milliseconds{epoch_millis}};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss hms{tp - day};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  std::string out(buffer);
  char millis[16];
  std::snprintf(millis, sizeof millis, ".%03lld", static_cast<long long>(hms.subseconds().count()));
  out.insert(out.size() - 1, millis);
  return out;
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
