#include "events/calendar_store.hpp"

#include <gtest/gtest.h>

#include "support/test_app.hpp"

namespace shequ::events {
namespace {

TEST(CalendarStore, ShipsTheStateCouncilArrangementsAndTakesNewDays) {
  testing::TestApp app;
  const auto days = app.app().database().Read([](db::Connection& c) { return CalendarStore::Days(c); });
  const WorkCalendar calendar(days);
  EXPECT_FALSE(calendar.IsWorkingDay("2025-01-29")) << "Spring Festival 2025";
  EXPECT_TRUE(calendar.IsWorkingDay("2025-01-26")) << "its make-up Sunday";
  EXPECT_FALSE(calendar.IsWorkingDay("2026-10-06"));
  EXPECT_TRUE(calendar.IsWorkingDay("2026-09-20")) << "a Sunday worked before National Day";
  EXPECT_TRUE(calendar.IsWorkingDay("2027-01-01")) << "2027 is not loaded yet: a plain Friday";
  app.app().database().Write([](db::Connection& c) {
    CalendarStore::Put(c, {"2027-01-01", "holiday", "元旦"});
    CalendarStore::Put(c, {"2026-09-20", "workday", "国庆节调休上班（已确认）"});
  });
  const auto updated = app.app().database().Read([](db::Connection& c) { return CalendarStore::Days(c); });
  EXPECT_FALSE(WorkCalendar(updated).IsWorkingDay("2027-01-01"));
  EXPECT_EQ(updated.size(), days.size() + 1) << "a day is set once";
}

}  // namespace
}  // namespace shequ::events
