#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "events/testing/event_test_base.hpp"

namespace shequ::events {
namespace {

using fixtures::At;
using fixtures::Local;
using shequ::testing::ErrorOf;

class EventWatchTest : public fixtures::EventTestBase {
 protected:
  std::size_t WatchAt(const std::string& local) {
    app_.clock().Set(At(local));
    return events().Watch(app_.clock().NowMillis());
  }
  std::vector<std::string> SystemSteps(std::int64_t id) {
    std::vector<std::string> steps;
    for (const auto& entry : events().Get(community_, id).timeline) {
      if (!entry.actor_id) steps.push_back(entry.action);
    }
    return steps;
  }
};

TEST_F(EventWatchTest, WarnsBeforeTheDueTimeThenMarksYellowAndRed) {
  // 井盖 dispatched at Friday 16:30: 处置 due Saturday 11:30 (4 working hours); 80 % of the 19
  // hours to it have passed at Saturday 07:42.
  const auto id = Dispatched().event.id;
  EXPECT_EQ(Local(*events().Get(community_, id).event.due_at), "2026-02-14T11:30");
  EXPECT_EQ(WatchAt("2026-02-13T17:00:00"), 0U) << "nothing to do yet";
  EXPECT_EQ(WatchAt("2026-02-14T10:45:00"), 1U);
  auto event = events().Get(community_, id).event;
  EXPECT_EQ(event.alert_level, 1) << "warned";
  EXPECT_EQ(event.supervision, "normal");
  EXPECT_EQ(WatchAt("2026-02-14T10:50:00"), 0U) << "warned once";
  WatchAt("2026-02-14T11:31:00");
  event = events().Get(community_, id).event;
  EXPECT_TRUE(event.ever_overdue);
  EXPECT_EQ(event.supervision, "yellow") << "黄牌 as soon as it is overdue (yellow_after_minutes 0)";
  EXPECT_EQ(event.level, "street") << "someone is working on it: it stays where it is";
  EXPECT_EQ(Local(*event.next_check_at), "2026-02-15T11:30") << "红牌 a day after the due time";
  WatchAt("2026-02-15T11:30:00");
  EXPECT_EQ(events().Get(community_, id).event.supervision, "red");
  EXPECT_FALSE(events().Get(community_, id).event.next_check_at) << "nothing left to watch";
  EXPECT_EQ(SystemSteps(id), (std::vector<std::string>{"overdue", "supervise", "supervise"}));
}

TEST_F(EventWatchTest, AnEventNobodyWasSentToGoesUpALevelWhenOverdue) {
  // 暴露垃圾 (grid level, 4 working hours) reported by a resident and left waiting.
  const auto id = Report(resident_, "environment.exposed_garbage", "垃圾堆放").event.id;
  WatchAt("2026-02-14T11:31:00");
  const auto event = events().Get(community_, id).event;
  EXPECT_EQ(event.level, "community");
  EXPECT_EQ(event.state, "reported");
  EXPECT_EQ(SystemSteps(id), (std::vector<std::string>{"overdue", "auto_escalate", "supervise"}));
}

TEST_F(EventWatchTest, AutoEscalationCanBeSwitchedOffAndThresholdsMoved) {
  auth::Principal admin = community_;
  admin.role = auth::Role::kAdmin;
  admin.scope = auth::Scope::National();
  auto settings = events().Settings();
  settings.auto_escalate = false;
  settings.yellow_after_minutes = 60;
  settings.red_after_minutes = 120;
  events().SaveSettings(admin, settings);
  settings.red_after_minutes = 30;
  EXPECT_EQ(ErrorOf([&] { events().SaveSettings(admin, settings); }), ErrorCode::kFieldInvalid)
      << "red after yellow";
  const auto id = Report(resident_, "environment.exposed_garbage", "垃圾堆放").event.id;
  WatchAt("2026-02-14T11:31:00");
  auto event = events().Get(community_, id).event;
  EXPECT_EQ(event.level, "grid");
  EXPECT_EQ(event.supervision, "normal") << "黄牌 only an hour after the due time";
  WatchAt("2026-02-14T12:31:00");
  EXPECT_EQ(events().Get(community_, id).event.supervision, "yellow");
  WatchAt("2026-02-14T13:31:00");
  EXPECT_EQ(events().Get(community_, id).event.supervision, "red");
}

TEST_F(EventWatchTest, ShelvedAndClosedEventsAreNotWatched) {
  const auto shelved = Dispatched().event.id;
  Take(community_, shelved, "shelve", {.note = "暂缓"});
  const auto closed = Closed().event.id;
  EXPECT_EQ(WatchAt("2026-03-01T09:00:00"), 0U);
  EXPECT_EQ(events().Get(community_, shelved).event.supervision, "normal");
  EXPECT_FALSE(events().Get(community_, closed).event.ever_overdue);
}

TEST_F(EventWatchTest, ALateClosureCountsAsOverdue) {
  const auto id = Dispatched().event.id;
  app_.clock().Set(At("2026-02-24T09:00:00"));
  Take(gridder_, id, "start");
  EXPECT_TRUE(events().Get(community_, id).event.ever_overdue) << "a step taken after the due time";
}

TEST_F(EventWatchTest, SummonsWithoutACheckInAreReportedOnce) {
  const auto id = Dispatched().event.id;
  Take(street_, id, "summons", {.note = "吹哨", .department_ids = {department_.user_id}});
  WatchAt("2026-02-13T16:59:00");
  EXPECT_TRUE(SystemSteps(id).empty());
  WatchAt("2026-02-13T17:01:00");
  EXPECT_EQ(SystemSteps(id), (std::vector<std::string>{"summons_late"}));
  WatchAt("2026-02-13T17:05:00");
  EXPECT_EQ(SystemSteps(id).size(), 1U);
}

TEST_F(EventWatchTest, OnePassHandlesEveryDueEventInBatches) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 520; ++i)
    ids.push_back(Report(community_, "order.noise", "噪声" + std::to_string(i)).event.id);
  EXPECT_EQ(WatchAt("2026-02-24T09:00:00"), 520U);
  for (const auto id : {ids.front(), ids[260], ids.back()}) {
    EXPECT_EQ(events().Get(community_, id).event.supervision, "red") << "a watch that was away catches up";
  }
  EXPECT_EQ(WatchAt("2026-02-24T09:01:00"), 0U);
}

}  // namespace
}  // namespace shequ::events
