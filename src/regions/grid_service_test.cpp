#include "regions/grid_service.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"

namespace shequ::regions {
namespace {

class GridServiceTest : public ::testing::Test {
 protected:
  GridServiceTest() {
    RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(fixtures::PingliangTown(), "test");
    auto& regions = app_.app().regions();
    compound_ =
        regions.CreateChildrenAsConsole("610921103002", {NewRegion{.name = "兴隆佳苑小区"}}).front().code;
    const auto buildings = regions.CreateChildrenAsConsole(compound_, {NewRegion{}, NewRegion{}});
    building1_ = buildings[0].code;
    building2_ = buildings[1].code;
    other_compound_ =
        regions.CreateChildrenAsConsole("610921103003", {NewRegion{.name = "月河小区"}}).front().code;
    app_.CreateUser("community", "community", {"610921103002"});
    app_.CreateUser("neighbour", "community", {"610921103003"});
    app_.CreateUser("wang", "grid_worker", {building1_});
    community_ = Principal("community");
    neighbour_ = Principal("neighbour");
  }

  auth::Principal Principal(const std::string& username) {
    return app_.app().sessions().Authenticate(app_.Login(username), "127.0.0.1");
  }
  std::int64_t UserId(const std::string& username) {
    for (const auto& user : app_.app().accounts().ListAll()) {
      if (user.username == username) return user.id;
    }
    return 0;
  }
  GridService& grids() { return app_.app().grids(); }
  Grid CommunityGrid() {
    return grids().Create(
        community_,
        {.community_code = "610921103002", .name = "兴隆佳苑社区网格", .nodes = {"610921103002"}});
  }

  testing::TestApp app_;
  std::string compound_, building1_, building2_, other_compound_;
  auth::Principal community_, neighbour_;
};

TEST_F(GridServiceTest, GridsNestInsideTheirCommunityAndParent) {
  const auto top = CommunityGrid();
  EXPECT_EQ(top.level, 1);
  EXPECT_EQ(top.code, "610921103002001");
  EXPECT_EQ(testing::ErrorOf([&] { CommunityGrid(); }), ErrorCode::kConflict)
      << "one first-level grid per community";
  const auto second = grids().Create(
      community_,
      {.community_code = "610921103002", .parent_id = top.id, .name = "一号楼网格", .nodes = {building1_}});
  EXPECT_EQ(second.level, 2);
  const auto third = grids().Create(
      community_,
      {.community_code = "610921103002", .parent_id = second.id, .name = "单元网格", .nodes = {building1_}});
  EXPECT_EQ(third.level, 3);
  EXPECT_EQ(
      testing::ErrorOf([&] {
        grids().Create(
            community_,
            {.community_code = "610921103002", .parent_id = third.id, .name = "四级", .nodes = {building1_}});
      }),
      ErrorCode::kFieldInvalid)
      << "three levels at most";
  EXPECT_EQ(testing::ErrorOf([&] {
              grids().Create(community_, {.community_code = "610921103002",
                                          .parent_id = second.id,
                                          .name = "越界",
                                          .nodes = {building2_}});
            }),
            ErrorCode::kFieldInvalid)
      << "outside the parent grid";
  EXPECT_EQ(testing::ErrorOf([&] {
              grids().Create(community_, {.community_code = "610921103002",
                                          .parent_id = top.id,
                                          .name = "别的社区",
                                          .nodes = {other_compound_}});
            }),
            ErrorCode::kFieldInvalid)
      << "outside the community";
  EXPECT_EQ(testing::ErrorOf([&] {
              grids().Create(neighbour_,
                             {.community_code = "610921103002", .name = "x", .nodes = {compound_}});
            }),
            ErrorCode::kNotFound);
  EXPECT_EQ(grids().ListByCommunity(community_, "610921103002").size(), 3u);
  EXPECT_EQ(testing::ErrorOf([&] { grids().Get(neighbour_, top.id, false); }), ErrorCode::kNotFound);
}

TEST_F(GridServiceTest, OneLeaderAtATimeAndHistoryIsKept) {
  const auto grid = CommunityGrid();
  const auto first = grids().AddMember(community_, grid.id, {.name = "李网格长", .role = "grid_leader"});
  EXPECT_EQ(testing::ErrorOf(
                [&] { grids().AddMember(community_, grid.id, {.name = "张", .role = "grid_leader"}); }),
            ErrorCode::kConflict);
  app_.clock().Advance(std::chrono::hours(24 * 30));
  grids().EndMember(community_, grid.id, first.id, "调任");
  EXPECT_EQ(testing::ErrorOf([&] { grids().EndMember(community_, grid.id, first.id, "again"); }),
            ErrorCode::kConflict);
  grids().AddMember(community_, grid.id, {.name = "张网格长", .role = "grid_leader"});
  EXPECT_EQ(grids().Get(community_, grid.id, false).members.size(), 1u);
  const auto history = grids().Get(community_, grid.id, true).members;
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].name, "李网格长");
  EXPECT_EQ(history[0].end_reason, "调任");
  EXPECT_TRUE(history[0].ended_at.has_value());
  EXPECT_FALSE(history[1].ended_at.has_value());
}

TEST_F(GridServiceTest, OnePersonMayHoldSeveralDutiesButEachOnce) {
  const auto grid = CommunityGrid();
  const auto wang = UserId("wang");
  grids().AddMember(community_, grid.id, {.user_id = wang, .role = "full_time"});
  grids().AddMember(community_, grid.id, {.user_id = wang, .role = "building_leader"});
  EXPECT_EQ(testing::ErrorOf(
                [&] { grids().AddMember(community_, grid.id, {.user_id = wang, .role = "full_time"}); }),
            ErrorCode::kConflict);
  EXPECT_EQ(
      testing::ErrorOf([&] { grids().AddMember(community_, grid.id, {.name = "赵", .role = "mayor"}); }),
      ErrorCode::kFieldInvalid);
  EXPECT_EQ(testing::ErrorOf(
                [&] { grids().AddMember(community_, grid.id, {.name = "钱", .role = "paired_cadre"}); }),
            ErrorCode::kFieldInvalid)
      << "a paired cadre names their department";
  EXPECT_EQ(
      grids()
          .AddMember(community_, grid.id, {.name = "钱", .role = "paired_cadre", .organisation = "县财政局"})
          .organisation,
      "县财政局");
  EXPECT_EQ(
      testing::ErrorOf([&] { grids().AddMember(neighbour_, grid.id, {.name = "孙", .role = "part_time"}); }),
      ErrorCode::kNotFound);
  const auto named = grids().Get(community_, grid.id, false).members;
  EXPECT_EQ(named[0].name, "wang") << "an account's display name is used when none is given";
}

TEST_F(GridServiceTest, ServingAGridWidensTheScopeUntilTheServiceEnds) {
  const auto top = CommunityGrid();
  const auto grid = grids().Create(
      community_,
      {.community_code = "610921103002", .parent_id = top.id, .name = "二号楼网格", .nodes = {building2_}});
  const auto token = app_.Login("wang");
  EXPECT_FALSE(app_.app().sessions().Authenticate(token, "127.0.0.1").scope.Contains(building2_));
  const auto member =
      grids().AddMember(community_, grid.id, {.user_id = UserId("wang"), .role = "full_time"});
  const auto serving = app_.app().sessions().Authenticate(token, "127.0.0.1");
  EXPECT_TRUE(serving.scope.Contains(building2_)) << "at once, in the same session";
  EXPECT_TRUE(serving.scope.Contains(building1_));
  EXPECT_EQ(grids().Get(serving, grid.id, false).name, "二号楼网格") << "a grid worker sees their grid";
  EXPECT_EQ(testing::ErrorOf([&] { grids().Get(serving, top.id, false); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { grids().Update(serving, grid.id, {.name = "x"}); }),
            ErrorCode::kForbidden);
  grids().EndMember(community_, grid.id, member.id, "");
  EXPECT_FALSE(app_.app().sessions().Authenticate(token, "127.0.0.1").scope.Contains(building2_));
}

TEST_F(GridServiceTest, ChangesAreAudited) {
  const auto grid = CommunityGrid();
  grids().Update(community_, grid.id, {.name = "兴隆佳苑一级网格"});
  audit::AuditFilter filter;
  filter.object_type = "grid";
  const auto entries = app_.app().audit().Search(filter);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "grids.update");
  EXPECT_EQ(entries[0].detail["name"][1], "兴隆佳苑一级网格");
}

}  // namespace
}  // namespace shequ::regions
