// The working calendar of 限时办结: which days are worked (weekdays, less public holidays, plus the
// weekend days worked in their place) and the office hours of a working day, in China Standard
// Time. Deadlines in working days end at the close of office on the last day; deadlines in working
// hours count only minutes inside office hours. Pure: the days come from the caller.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace shequ::events {

struct CalendarDay {
  std::string date;  // YYYY-MM-DD
  std::string kind;  // holiday or workday
  std::string name;  // 春节, 国庆节调休上班 …
};

// Office hours as minutes after midnight: two sittings, morning and afternoon.
struct OfficeHours {
  int morning_start = 8 * 60 + 30;
  int morning_end = 12 * 60;
  int afternoon_start = 14 * 60;
  int afternoon_end = 17 * 60 + 30;
  int MinutesPerDay() const { return (morning_end - morning_start) + (afternoon_end - afternoon_start); }
};

class WorkCalendar {
 public:
  explicit WorkCalendar(const std::vector<CalendarDay>& days, OfficeHours hours = {});

  bool IsWorkingDay(std::chrono::sys_days day) const;
  bool IsWorkingDay(std::string_view date) const;  // YYYY-MM-DD; false for a malformed date
  // The close of office on the `days`-th working day after the day of `start` (epoch ms); with 0,
  // the close of the day itself when it is a working day, else of the next one.
  std::int64_t AddWorkingDays(std::int64_t start, int days) const;
  // The moment `minutes` of office time after `start`; time outside office hours does not count.
  std::int64_t AddWorkingMinutes(std::int64_t start, std::int64_t minutes) const;
  // Office minutes from `from` to `to` (negative when `to` is earlier): "remaining time".
  std::int64_t WorkingMinutesBetween(std::int64_t from, std::int64_t to) const;

  const OfficeHours& hours() const { return hours_; }

 private:
  std::map<std::chrono::sys_days, bool> overrides_;  // day → is it worked
  OfficeHours hours_;
};

// The China Standard Time date of an instant as YYYYMMDD (for references).
std::string FormatChinaDate(std::int64_t epoch_ms);

// A real date written YYYY-MM-DD.
bool IsCalendarDate(std::string_view text);

// The local (UTC+8) calendar day of an instant, and the instant of a local time on a day.
std::chrono::sys_days ChinaDay(std::int64_t epoch_ms);
std::int64_t ChinaTime(std::chrono::sys_days day, int minute_of_day);

}  // namespace shequ::events
