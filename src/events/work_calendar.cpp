#include "events/work_calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

namespace shequ::events {
namespace {

constexpr std::int64_t kMinuteMs = std::int64_t{60} * 1000;
constexpr std::int64_t kChinaOffsetMs = std::int64_t{8} * 60 * kMinuteMs;
// Deadlines are never more than a few years out; a walk further than this is a bug, not a wait.
constexpr int kLongestWalkDays = 3660;

std::optional<std::chrono::sys_days> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  for (std::size_t i : {0, 1, 2, 3}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    y = y * 10 + (text[i] - '0');
  }
  for (std::size_t i : {5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  m = static_cast<unsigned>((text[5] - '0') * 10 + (text[6] - '0'));
  d = static_cast<unsigned>((text[8] - '0') * 10 + (text[9] - '0'));
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

// The office sittings of a day as [start, end) minute pairs.
std::array<std::pair<int, int>, 2> Sittings(const OfficeHours& h) {
  return {{{h.morning_start, h.morning_end}, {h.afternoon_start, h.afternoon_end}}};
}

}  // namespace

std::string FormatChinaDate(std::int64_t epoch_ms) {
  const std::chrono::year_month_day ymd{ChinaDay(epoch_ms)};
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

bool IsCalendarDate(std::string_view text) { return ParseDate(text).has_value(); }

std::chrono::sys_days ChinaDay(std::int64_t epoch_ms) {
  return std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(epoch_ms + kChinaOffsetMs)));
}

std::int64_t ChinaTime(std::chrono::sys_days day, int minute_of_day) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count() +
         minute_of_day * kMinuteMs - kChinaOffsetMs;
}

WorkCalendar::WorkCalendar(const std::vector<CalendarDay>& days, OfficeHours hours) : hours_(hours) {
  for (const auto& day : days) {
    const auto date = ParseDate(day.date);
    if (!date || (day.kind != "holiday" && day.kind != "workday")) {
      throw std::invalid_argument("calendar day " + day.date + " " + day.kind + " is not a date and a kind");
    }
    overrides_[*date] = day.kind == "workday";
  }
}

bool WorkCalendar::IsWorkingDay(std::chrono::sys_days day) const {
  if (auto it = overrides_.find(day); it != overrides_.end()) return it->second;
  const std::chrono::weekday weekday{day};
  return weekday != std::chrono::Saturday && weekday != std::chrono::Sunday;
}

bool WorkCalendar::IsWorkingDay(std::string_view date) const {
  const auto day = ParseDate(date);
  return day && IsWorkingDay(*day);
}

std::int64_t WorkCalendar::AddWorkingDays(std::int64_t start, int days) const {
  auto day = ChinaDay(start);
  int counted = 0;
  for (int walked = 0; days == 0 ? !IsWorkingDay(day) : counted < days; ++walked) {
    if (walked > kLongestWalkDays) throw std::out_of_range("no working day within ten years");
    day += std::chrono::days(1);
    if (IsWorkingDay(day)) ++counted;
  }
  return ChinaTime(day, hours_.afternoon_end);
}

std::int64_t WorkCalendar::AddWorkingMinutes(std::int64_t start, std::int64_t minutes) const {
  auto day = ChinaDay(start);
  auto minute = static_cast<int>((start - ChinaTime(day, 0)) / kMinuteMs);
  for (int walked = 0;; ++walked) {
    if (walked > kLongestWalkDays) throw std::out_of_range("no office time within ten years");
    if (IsWorkingDay(day)) {
      for (const auto& [open, close] : Sittings(hours_)) {
        const int from = std::max(minute, open);
        if (from >= close) continue;
        const int available = close - from;
        if (minutes <= available) return ChinaTime(day, from + static_cast<int>(minutes));
        minutes -= available;
      }
    }
    day += std::chrono::days(1);
    minute = 0;
  }
}

std::int64_t WorkCalendar::WorkingMinutesBetween(std::int64_t from, std::int64_t to) const {
  if (to < from) return -WorkingMinutesBetween(to, from);
  std::int64_t total = 0;
  auto day = ChinaDay(from);
  const auto last = ChinaDay(to);
  for (int walked = 0; day <= last; ++walked, day += std::chrono::days(1)) {
    if (walked > kLongestWalkDays) throw std::out_of_range("span longer than ten years");
    if (!IsWorkingDay(day)) continue;
    for (const auto& [open, close] : Sittings(hours_)) {
      const auto a = std::max(from, ChinaTime(day, open));
      const auto b = std::min(to, ChinaTime(day, close));
      if (b > a) total += (b - a) / kMinuteMs;
    }
  }
  return total;
}

}  // namespace shequ::events
