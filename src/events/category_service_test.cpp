#include "events/category_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/errors/error.hpp"
#include "core/time_format.hpp"
#include "support/test_app.hpp"

namespace shequ::events {
namespace {

std::int64_t At(const std::string& local) { return *ParseTimestamp(local + "+08:00"); }
std::string Local(std::int64_t instant) {
  return FormatTimestamp(instant + std::int64_t{8} * 3600 * 1000).substr(0, 16);
}

auth::Principal Admin() {
  auth::Principal admin;
  admin.username = "admin";
  admin.role = auth::Role::kAdmin;
  admin.scope = auth::Scope::National();
  return admin;
}

class CategoryServiceTest : public ::testing::Test {
 protected:
  CategoryService& categories() { return app_.app().categories(); }
  CalendarService& calendar() { return app_.app().calendar(); }
  testing::TestApp app_;
};

TEST_F(CategoryServiceTest, ShipsATreeOfCategoriesWithStageLimits) {
  const auto all = categories().List(false);
  ASSERT_GE(all.size(), 40U);
  std::set<std::string> codes;
  for (const auto& c : all) codes.insert(c.code);
  for (const auto& c : all) {
    if (c.parent_code)
      EXPECT_TRUE(codes.contains(*c.parent_code)) << c.code;
    else
      EXPECT_TRUE(c.limits.empty()) << c.code << " is a top-level class";
  }
  const auto illegal = std::find_if(all.begin(), all.end(),
                                    [](const auto& c) { return c.code == "construction.illegal_building"; });
  ASSERT_NE(illegal, all.end());
  ASSERT_EQ(illegal->limits.size(), 3U) << "停工, 处罚, 拆除";
  EXPECT_EQ(illegal->department, "县综合执法局");
}

TEST_F(CategoryServiceTest, StagesFollowOneAnotherOnTheWorkingCalendar) {
  // Reported on the Friday before the 2026 Spring Festival, late in the afternoon.
  const auto stages = categories().Deadlines("construction.illegal_building", At("2026-02-13T16:30:00"));
  ASSERT_EQ(stages.size(), 3U);
  EXPECT_EQ(Local(stages[0].due_at), "2026-02-14T11:30")
      << "4 working hours: 1 on Friday, 3 on the make-up Saturday";
  EXPECT_EQ(Local(stages[1].due_at), "2026-03-03T17:30") << "7 working days after the holiday week";
  EXPECT_EQ(Local(stages[2].due_at), "2026-03-31T17:30") << "20 more working days";
  EXPECT_EQ(stages[1].starts_at, stages[0].due_at);
  const auto alarm = categories().Deadlines("sensors.smoke", At("2026-02-15T03:00:00"));
  EXPECT_EQ(Local(alarm.at(0).due_at), "2026-02-15T03:05") << "alarms count plain minutes, holiday or not";
  EXPECT_EQ(testing::ErrorOf([&] { categories().Deadlines("no.such", 0); }), ErrorCode::kNotFound);
}

TEST_F(CategoryServiceTest, AdminsEditCategoriesAndTheCalendarMovesDeadlines) {
  EventCategory pets;
  pets.code = "order.dogs";
  pets.parent_code = "order";
  pets.name = "不文明养犬";
  pets.limits = {{"handle", "处置", 2, "working_days"}};
  categories().Create(Admin(), pets);
  EXPECT_EQ(testing::ErrorOf([&] { categories().Create(Admin(), pets); }), ErrorCode::kConflict);
  auto orphan = pets;
  orphan.code = "nowhere.dogs";
  orphan.parent_code = "nowhere";
  EXPECT_EQ(testing::ErrorOf([&] { categories().Create(Admin(), orphan); }), ErrorCode::kFieldInvalid);
  auto weeks = pets;
  weeks.code = "order.cats";
  weeks.limits = {{"handle", "处置", 2, "fortnights"}};
  EXPECT_EQ(testing::ErrorOf([&] { categories().Create(Admin(), weeks); }), ErrorCode::kFieldInvalid);

  const auto monday = At("2026-03-02T09:00:00");
  EXPECT_EQ(Local(categories().Deadlines("order.dogs", monday).at(0).due_at), "2026-03-04T17:30");
  calendar().Put(Admin(), {"2026-03-03", "holiday", "示例假日"});
  EXPECT_EQ(Local(categories().Deadlines("order.dogs", monday).at(0).due_at), "2026-03-05T17:30")
      << "a new holiday pushes the deadline";
  EXPECT_EQ(calendar().Days(2026).size(), 40U) << "39 shipped days of 2026 and the new one";
  calendar().Remove(Admin(), "2026-03-03");
  EXPECT_EQ(testing::ErrorOf([&] { calendar().Remove(Admin(), "2026-03-03"); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] {
              calendar().Put(Admin(), {"2026-02-30", "holiday", "x"});
            }),
            ErrorCode::kFieldInvalid);

  CategoryPatch patch;
  patch.limits = std::vector<StageLimit>{{"handle", "处置", 1, "working_days"}};
  patch.active = false;
  categories().Update(Admin(), "order.dogs", patch);
  EXPECT_EQ(Local(categories().Deadlines("order.dogs", monday).at(0).due_at), "2026-03-03T17:30");
  const auto active = categories().List(false);
  EXPECT_TRUE(std::none_of(active.begin(), active.end(), [](const auto& c) {
    return c.code == "order.dogs";
  })) << "a retired category is not offered";
  audit::AuditFilter filter;
  filter.action = "events.category_update";
  EXPECT_EQ(app_.app().audit().Search(filter).size(), 1U);
}

}  // namespace
}  // namespace shequ::events
