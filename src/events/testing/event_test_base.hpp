// The world the events tests start from: 平梁镇 with 兴隆佳苑社区 and one compound, a grid over the
// compound served by a grid worker, and signed-in principals at every level — a resident, the grid
// worker, two community staff (one dispatches, the other verifies), the street, a department, and
// a community next door. The clock stands on Friday 13 February 2026, 16:30 in Beijing, the last
// working afternoon before the Spring Festival (Saturday the 14th is a make-up working day).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/time_format.hpp"
#include "events/event_service.hpp"
#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"

namespace shequ::events::fixtures {

inline std::int64_t At(const std::string& local) { return *ParseTimestamp(local + "+08:00"); }
inline std::string Local(std::int64_t instant) {
  return FormatTimestamp(instant + std::int64_t{8} * 3600 * 1000).substr(0, 16);
}

class EventTestBase : public ::testing::Test {
 protected:
  EventTestBase() {
    regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(regions::fixtures::PingliangTown(), "test");
    compound_ = app_.app()
                    .regions()
                    .CreateChildrenAsConsole("610921103002", {regions::NewRegion{.name = "兴隆佳苑小区"}})
                    .front()
                    .code;
    app_.CreateUser("resident", "resident", {"610921103002"});
    app_.CreateUser("gridder", "grid_worker", {compound_});
    app_.CreateUser("community", "community", {"610921103002"});
    app_.CreateUser("checker", "community", {"610921103002"});
    app_.CreateUser("street", "street", {"610921103000"});
    app_.CreateUser("housing-bureau", "department", {"610921000000"});
    app_.CreateUser("neighbour", "community", {"610921103003"});
    resident_ = Principal("resident");
    gridder_ = Principal("gridder");
    community_ = Principal("community");
    checker_ = Principal("checker");
    street_ = Principal("street");
    department_ = Principal("housing-bureau");
    neighbour_ = Principal("neighbour");
    app_.clock().Set(At("2026-02-13T16:30:00"));
  }

  auth::Principal Principal(const std::string& username) {
    return app_.app().sessions().Authenticate(app_.Login(username), "127.0.0.1");
  }
  EventService& events() { return app_.app().events(); }
  EventView Report(const auth::Principal& who, const std::string& category,
                   const std::string& title = "井盖缺失") {
    return events().Report(who, {.category_code = category, .region_code = compound_, .title = title});
  }
  EventView Take(const auth::Principal& who, std::int64_t id, std::string_view action, StepInput input = {}) {
    return events().Take(who, id, action, input);
  }
  void Later(std::int64_t minutes) { app_.clock().Advance(std::chrono::minutes(minutes)); }

  // A resident's report taken in by the community and dispatched to the grid worker.
  EventView Dispatched(const std::string& category = "facilities.manhole") {
    const auto report = Report(resident_, category);
    Take(community_, report.event.id, "accept");
    return Take(community_, report.event.id, "dispatch", {.assignee_id = gridder_.user_id});
  }
  // The same, worked on, reported back, verified and closed.
  EventView Closed(const std::string& category = "facilities.manhole") {
    const auto id = Dispatched(category).event.id;
    Take(gridder_, id, "start");
    Take(gridder_, id, "feedback", {.note = "已更换井盖"});
    Take(checker_, id, "verify", {.passed = true});
    return Take(community_, id, "close");
  }

  shequ::testing::TestApp app_;
  std::string compound_;
  auth::Principal resident_, gridder_, community_, checker_, street_, department_, neighbour_;
};

}  // namespace shequ::events::fixtures
