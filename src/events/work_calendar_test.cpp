#include "events/work_calendar.hpp"

#include <gtest/gtest.h>

#include "core/time_format.hpp"

namespace shequ::events {
namespace {

// The 2026 arrangements of the State Council's notice around the two tests' dates.
const std::vector<CalendarDay> k2026 = {
    {"2026-02-14", "workday", "春节调休上班"},  {"2026-02-15", "holiday", "春节"},
    {"2026-02-16", "holiday", "春节"},          {"2026-02-17", "holiday", "春节"},
    {"2026-02-18", "holiday", "春节"},          {"2026-02-19", "holiday", "春节"},
    {"2026-02-20", "holiday", "春节"},          {"2026-02-21", "holiday", "春节"},
    {"2026-02-22", "holiday", "春节"},          {"2026-02-23", "holiday", "春节"},
    {"2026-02-28", "workday", "春节调休上班"},  {"2026-10-01", "holiday", "国庆节"},
    {"2026-10-02", "holiday", "国庆节"},        {"2026-10-05", "holiday", "国庆节"},
    {"2026-10-06", "holiday", "国庆节"},        {"2026-10-07", "holiday", "国庆节"},
    {"2026-10-10", "workday", "国庆节调休上班"}};

// Beijing time as an instant.
std::int64_t At(const std::string& local) { return *ParseTimestamp(local + "+08:00"); }
std::string Local(std::int64_t instant) {
  return FormatTimestamp(instant + std::int64_t{8} * 3600 * 1000).substr(0, 16);
}

TEST(WorkCalendar, WeekendsRestHolidaysRestAndMakeUpDaysWork) {
  const WorkCalendar calendar(k2026);
  EXPECT_TRUE(calendar.IsWorkingDay("2026-02-13")) << "a Friday";
  EXPECT_TRUE(calendar.IsWorkingDay("2026-02-14")) << "a Saturday worked for the Spring Festival";
  EXPECT_FALSE(calendar.IsWorkingDay("2026-02-16")) << "a Monday of the holiday";
  EXPECT_FALSE(calendar.IsWorkingDay("2026-03-01")) << "an ordinary Sunday";
  EXPECT_TRUE(calendar.IsWorkingDay("2026-02-28"));
  EXPECT_FALSE(calendar.IsWorkingDay("2026-02-30")) << "not a date";
  EXPECT_THROW(WorkCalendar({{"2026-13-01", "holiday", "x"}}), std::invalid_argument);
}

TEST(WorkCalendar, WorkingDayDeadlinesCrossTheSpringFestival) {
  const WorkCalendar calendar(k2026);
  const auto friday = At("2026-02-13T10:00:00");
  EXPECT_EQ(Local(calendar.AddWorkingDays(friday, 0)), "2026-02-13T17:30");
  EXPECT_EQ(Local(calendar.AddWorkingDays(friday, 1)), "2026-02-14T17:30") << "the make-up Saturday counts";
  EXPECT_EQ(Local(calendar.AddWorkingDays(friday, 2)), "2026-02-24T17:30") << "the nine holidays do not";
  EXPECT_EQ(Local(calendar.AddWorkingDays(friday, 5)), "2026-02-27T17:30");
  EXPECT_EQ(Local(calendar.AddWorkingDays(friday, 6)), "2026-02-28T17:30");
  EXPECT_EQ(Local(calendar.AddWorkingDays(At("2026-02-15T09:00:00"), 0)), "2026-02-24T17:30")
      << "reported on a holiday: the first working day";
  EXPECT_EQ(Local(calendar.AddWorkingDays(At("2026-09-30T16:00:00"), 1)), "2026-10-08T17:30")
      << "the National Day week (with its weekend) is skipped";
  EXPECT_EQ(Local(calendar.AddWorkingDays(At("2026-10-09T16:00:00"), 1)), "2026-10-10T17:30");
}

TEST(WorkCalendar, WorkingHoursCountOnlyOfficeTime) {
  const WorkCalendar calendar(k2026);
  EXPECT_EQ(Local(calendar.AddWorkingMinutes(At("2026-03-02T09:00:00"), 120)), "2026-03-02T11:00");
  EXPECT_EQ(Local(calendar.AddWorkingMinutes(At("2026-03-02T11:00:00"), 120)), "2026-03-02T15:00")
      << "the lunch break does not count";
  EXPECT_EQ(Local(calendar.AddWorkingMinutes(At("2026-03-02T19:00:00"), 30)), "2026-03-03T09:00")
      << "reported after hours: the clock starts next morning";
  EXPECT_EQ(Local(calendar.AddWorkingMinutes(At("2026-02-13T16:30:00"), std::int64_t{4} * 60)),
            "2026-02-14T11:30")
      << "one hour on Friday, three on the make-up Saturday";
  EXPECT_EQ(Local(calendar.AddWorkingMinutes(At("2026-02-14T17:00:00"), 60)), "2026-02-24T09:00");
  EXPECT_EQ(calendar.WorkingMinutesBetween(At("2026-02-13T16:30:00"), At("2026-02-24T09:00:00")),
            60 + 7 * 60 + 30);
  EXPECT_EQ(calendar.WorkingMinutesBetween(At("2026-02-24T09:00:00"), At("2026-02-13T16:30:00")),
            -(60 + 7 * 60 + 30))
      << "overdue shows as negative remaining time";
  EXPECT_EQ(calendar.hours().MinutesPerDay(), 7 * 60);
}

}  // namespace
}  // namespace shequ::events
