#include "events/event_service.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/errors/error.hpp"
#include "core/time_format.hpp"
#include "events/testing/event_test_base.hpp"
#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"

namespace shequ::events {
namespace {

using fixtures::At;
using fixtures::Local;

class EventServiceTest : public ::testing::Test {
 protected:
  EventServiceTest() {
    regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(regions::fixtures::PingliangTown(), "test");
    compound_ = app_.app()
                    .regions()
                    .CreateChildrenAsConsole("610921103002", {regions::NewRegion{.name = "兴隆佳苑小区"}})
                    .front()
                    .code;
    app_.CreateUser("community", "community", {"610921103002"});
    app_.CreateUser("neighbour", "community", {"610921103003"});
    app_.CreateUser("resident", "resident", {"610921103002"});
    community_ = Principal("community");
    neighbour_ = Principal("neighbour");
    resident_ = Principal("resident");
    app_.clock().Set(At("2026-02-13T16:30:00"));  // the Friday before the Spring Festival
  }
  auth::Principal Principal(const std::string& username) {
    return app_.app().sessions().Authenticate(app_.Login(username), "127.0.0.1");
  }
  EventService& events() { return app_.app().events(); }
  EventView Report(const auth::Principal& who, const std::string& category,
                   const std::string& title = "楼下垃圾堆放") {
    return events().Report(who, {.category_code = category, .region_code = compound_, .title = title});
  }

  testing::TestApp app_;
  std::string compound_;
  auth::Principal community_, neighbour_, resident_;
};

TEST_F(EventServiceTest, AReportGetsAReferenceAnOwnerADueTimeAndATimeline) {
  const auto first = Report(community_, "environment.exposed_garbage");
  EXPECT_EQ(first.event.reference, "610921103002-20260213-0001");
  EXPECT_EQ(first.event.owner_name, "community") << "首问负责: whoever receives it holds it";
  EXPECT_EQ(first.event.source, "patrol");
  EXPECT_EQ(first.event.level, "grid");
  ASSERT_TRUE(first.event.due_at);
  EXPECT_EQ(Local(*first.event.due_at), "2026-02-14T11:30") << "4 working hours, over the make-up Saturday";
  ASSERT_EQ(first.timeline.size(), 1U);
  EXPECT_EQ(first.timeline[0].action, "report");
  EXPECT_EQ(Report(community_, "order.noise").event.reference, "610921103002-20260213-0002");
  app_.clock().Set(At("2026-02-24T09:00:00"));
  EXPECT_EQ(Report(community_, "order.noise").event.reference, "610921103002-20260224-0001")
      << "numbers start again each day";
}

TEST_F(EventServiceTest, TheReportAnswerIsWhatWasStored) {
  const auto reported = Report(community_, "environment.exposed_garbage");
  const auto stored = events().Get(community_, reported.event.id);
  ASSERT_EQ(stored.timeline.size(), 1U);
  EXPECT_EQ(reported.timeline[0].id, stored.timeline[0].id);
  EXPECT_EQ(reported.timeline[0].at, stored.timeline[0].at);
  EXPECT_EQ(reported.timeline[0].to_state, stored.timeline[0].to_state);
  EXPECT_EQ(reported.timeline[0].actor_name, stored.timeline[0].actor_name);
  EXPECT_EQ(reported.event.reported_at, stored.event.reported_at);
  EXPECT_EQ(reported.event.due_at, stored.event.due_at);
  EXPECT_EQ(reported.event.next_check_at, stored.event.next_check_at);
  EXPECT_EQ(reported.event.grid_id, stored.event.grid_id);
}

TEST_F(EventServiceTest, WhatAChannelKeepsBesideAReportCommitsWithItOrNotAtAll) {
  const auto count = [&] { return events().List(community_, {.state = "", .limit = 200}).total; };
  const NewEvent request{.category_code = "order.noise", .region_code = compound_, .title = "夜间施工噪音"};
  std::int64_t seen_id = 0;
  const auto kept =
      events().Report(community_, request, [&](db::Connection&, const Event& made) { seen_id = made.id; });
  EXPECT_EQ(seen_id, kept.event.id) << "the channel's write sees the event it goes with";
  const auto before = count();
  EXPECT_ANY_THROW(events().Report(community_, request, [](db::Connection&, const Event&) {
    throw std::runtime_error("the channel's row could not be written");
  }));
  EXPECT_EQ(count(), before) << "a failed channel write takes the event with it";
  EXPECT_EQ(Report(community_, "order.noise").event.reference, "610921103002-20260213-0002")
      << "nor does it use up a reference number";
}

TEST_F(EventServiceTest, ACategoryEditedByAnAdminCountsForTheVeryNextReport) {
  auth::Principal admin;
  admin.username = "admin";
  admin.role = auth::Role::kAdmin;
  admin.scope = auth::Scope::National();
  EXPECT_EQ(Report(community_, "order.noise").event.level, "grid");
  app_.app().categories().Update(admin, "order.noise", {.default_level = "community"});
  EXPECT_EQ(Report(community_, "order.noise").event.level, "community");
  app_.app().categories().Update(admin, "order.noise", {.active = false});
  EXPECT_EQ(testing::ErrorOf([&] { Report(community_, "order.noise"); }), ErrorCode::kFieldInvalid);
}

TEST_F(EventServiceTest, ResidentsSeeTheirOwnReportsAndNobodyReportsOutsideTheirArea) {
  const auto staff = Report(community_, "environment.exposed_garbage");
  const auto mine = Report(resident_, "disputes.neighbour", "楼上漏水");
  EXPECT_EQ(mine.event.source, "resident");
  EXPECT_FALSE(mine.event.owner_id) << "waiting for staff to take it";
  EXPECT_EQ(events().List(resident_, {}).total, 1);
  EXPECT_EQ(events().List(community_, {}).total, 2);
  EXPECT_EQ(events().Get(resident_, mine.event.id).event.title, "楼上漏水");
  EXPECT_EQ(testing::ErrorOf([&] { events().Get(resident_, staff.event.id); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { events().Get(neighbour_, staff.event.id); }), ErrorCode::kNotFound);
  EXPECT_EQ(events().List(neighbour_, {}).total, 0);
  EXPECT_EQ(testing::ErrorOf([&] { Report(neighbour_, "order.noise"); }), ErrorCode::kScopeViolation);
}

TEST_F(EventServiceTest, RefusesClassesBadPlacesAndBadCoordinates) {
  EXPECT_EQ(testing::ErrorOf([&] { Report(community_, "environment"); }), ErrorCode::kFieldInvalid)
      << "a whole class is not a category";
  EXPECT_EQ(testing::ErrorOf([&] { Report(community_, "no.such"); }), ErrorCode::kFieldInvalid);
  EXPECT_EQ(testing::ErrorOf([&] { Report(community_, "order.noise", "吵"); }), ErrorCode::kFieldInvalid);
  EXPECT_EQ(testing::ErrorOf([&] {
              events().Report(community_, {.category_code = "order.noise",
                                           .region_code = compound_,
                                           .latitude = 51.5,
                                           .longitude = -0.1,
                                           .title = "噪声扰民"});
            }),
            ErrorCode::kFieldInvalid);
}

TEST_F(EventServiceTest, WorkListsComeByDueTime) {
  Report(community_, "disputes.neighbour");           // 3 working days
  const auto gas = Report(community_, "safety.gas");  // 15 plain minutes
  Report(community_, "environment.exposed_garbage");  // 4 working hours
  const auto page = events().List(community_, {.mine = true});
  ASSERT_EQ(page.total, 3);
  EXPECT_EQ(page.items[0].id, gas.event.id);
  EXPECT_EQ(Local(*page.items[0].due_at), "2026-02-13T16:45");
  EXPECT_EQ(page.items[2].category_code, "disputes.neighbour");
  EXPECT_EQ(events().List(community_, {.category = "environment"}).total, 1)
      << "a class takes its categories";
}

}  // namespace
}  // namespace shequ::events
