#include "events/kpi_service.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "events/testing/event_test_base.hpp"

namespace shequ::events {
namespace {

using fixtures::At;
using shequ::testing::ErrorOf;

// Six reports on Friday 13 February 16:30: two closed on time, one closed late, one still open
// past its due time, one merged into another and one refused — counted by hand below.
class KpiServiceTest : public fixtures::EventTestBase {
 protected:
  KpiServiceTest() {
    const auto e1 = Report(resident_, "facilities.manhole").event.id;
    const auto e2 = Report(resident_, "facilities.manhole").event.id;
    const auto e3 = Report(resident_, "facilities.manhole").event.id;
    const auto e4 = Report(resident_, "facilities.street_light", "路灯不亮").event.id;
    const auto e5 = Report(resident_, "facilities.manhole").event.id;
    const auto e6 = Report(resident_, "facilities.manhole").event.id;
    Take(community_, e5, "merge", {.into = e3});
    Take(community_, e6, "reject", {.note = "无效"});
    app_.clock().Set(At("2026-02-13T17:00:00"));  // taken in half an hour after the report
    for (const auto id : {e1, e2, e3}) {
      Take(community_, id, "accept");
      Take(community_, id, "dispatch", {.assignee_id = gridder_.user_id});
    }
    Take(community_, e4, "accept");
    Take(community_, e4, "dispatch", {.assignee_id = department_.user_id});
    app_.clock().Set(At("2026-02-13T17:10:00"));  // closed 40 minutes after the report
    Finish(gridder_, e1, "satisfied");
    Finish(department_, e4, "basically_satisfied");
    app_.clock().Set(At("2026-02-14T13:00:00"));  // an hour past Saturday noon's due time
    Finish(gridder_, e2, "dissatisfied");
  }
  void Finish(const auth::Principal& handler, std::int64_t id, const std::string& rating) {
    Take(handler, id, "start");
    Take(handler, id, "feedback", {.note = "已处置"});
    Take(checker_, id, "verify", {.passed = true});
    Take(community_, id, "close");
    Take(resident_, id, "rating", {.satisfaction = rating});
  }
  KpiReport Figures(const std::string& by, const auth::Principal& who) {
    return app_.app().kpis().Figures(
        who, {.by = by, .from = At("2026-02-01T00:00:00"), .to = At("2026-03-01T00:00:00")});
  }
};

TEST_F(KpiServiceTest, PerWorker) {
  const auto report = Figures("worker", community_);
  ASSERT_EQ(report.rows.size(), 2U);
  const auto& grid_worker =
      report.rows[0].key == std::to_string(gridder_.user_id) ? report.rows[0] : report.rows[1];
  const auto& department = &grid_worker == &report.rows[0] ? report.rows[1] : report.rows[0];
  EXPECT_EQ(grid_worker.name, "gridder");
  EXPECT_EQ(grid_worker.total, 3);
  EXPECT_EQ(grid_worker.closed, 2);
  EXPECT_DOUBLE_EQ(*grid_worker.ClosureRate(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(*grid_worker.OnTimeRate(), 0.5) << "one of two closed before its due time";
  EXPECT_DOUBLE_EQ(*grid_worker.SatisfactionRate(), 0.5);
  EXPECT_EQ(grid_worker.overdue_open, 1);
  EXPECT_DOUBLE_EQ(*grid_worker.AverageResponseMinutes(), 30);
  EXPECT_DOUBLE_EQ(*grid_worker.AverageClosingHours(), (40.0 / 60 + 20.5) / 2);
  EXPECT_EQ(department.name, "housing-bureau");
  EXPECT_DOUBLE_EQ(*department.OnTimeRate(), 1);
  EXPECT_DOUBLE_EQ(*department.SatisfactionRate(), 1) << "基本满意 counts as satisfied";
}

TEST_F(KpiServiceTest, PerCommunityAndDepartmentAndOverall) {
  const auto community = Figures("community", community_);
  ASSERT_EQ(community.rows.size(), 1U);
  const auto& row = community.rows[0];
  EXPECT_EQ(row.key, "610921103002");
  EXPECT_EQ(row.name, "兴隆佳苑社区居委会");
  EXPECT_EQ(row.total, 4) << "merged and refused reports are not counted";
  EXPECT_EQ(row.closed, 3);
  EXPECT_EQ(row.closed_on_time, 2);
  EXPECT_EQ(row.rated, 3);
  EXPECT_EQ(row.satisfied, 2);
  EXPECT_EQ(community.overall.total, 4);
  EXPECT_DOUBLE_EQ(*community.overall.SatisfactionRate(), 2.0 / 3);
  const auto departments = Figures("department", street_);
  ASSERT_EQ(departments.rows.size(), 1U);
  EXPECT_EQ(departments.rows[0].key, "housing-bureau");
  EXPECT_EQ(departments.rows[0].closed, 1);
  EXPECT_TRUE(Figures("grid", community_).rows.empty()) << "no grid covers the compound";
}

TEST_F(KpiServiceTest, OnlyTheCallersAreaAndPeriod) {
  EXPECT_TRUE(Figures("community", neighbour_).rows.empty());
  EXPECT_EQ(neighbour_.scope.Contains("610921103002"), false);
  EXPECT_EQ(ErrorOf([&] {
              app_.app().kpis().Figures(
                  neighbour_,
                  {.by = "community", .region = "610921103002", .from = 0, .to = At("2026-03-01T00:00:00")});
            }),
            ErrorCode::kNotFound);
  const auto later = app_.app().kpis().Figures(
      community_, {.by = "community", .from = At("2026-02-14T00:00:00"), .to = At("2026-03-01T00:00:00")});
  EXPECT_TRUE(later.rows.empty()) << "counted by the day of the report";
  EXPECT_EQ(ErrorOf([&] { app_.app().kpis().Figures(community_, {.by = "planet", .to = 1}); }),
            ErrorCode::kInvalidQueryParameter);
}

}  // namespace
}  // namespace shequ::events
