#include "regions/region_service.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"

namespace shequ::regions {
namespace {

class RegionServiceTest : public ::testing::Test {
 protected:
  RegionServiceTest() {
    RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(fixtures::PingliangTown(), "test");
    community_ = Principal("community", auth::Role::kCommunity, {"610921103002"});
    neighbour_ = Principal("neighbour", auth::Role::kCommunity, {"610921103003"});
    admin_ = Principal("admin", auth::Role::kAdmin, {});
  }

  static auth::Principal Principal(std::string name, auth::Role role, std::vector<std::string> scopes) {
    auth::Principal p;
    p.username = std::move(name);
    p.role = role;
    p.scope = role == auth::Role::kAdmin ? auth::Scope::National() : auth::Scope::Of(std::move(scopes));
    return p;
  }

  RegionService& regions() { return app_.app().regions(); }

  RegionView AddCompound(const std::string& name) {
    NewRegion compound;
    compound.name = name;
    return regions().CreateChild(community_, "610921103002", compound);
  }

  testing::TestApp app_;
  auth::Principal community_, neighbour_, admin_;
};

TEST_F(RegionServiceTest, BuildsCompoundBuildingUnitDwellingWithCodesAndAddresses) {
  const auto compound = AddCompound("兴隆佳苑小区");
  EXPECT_EQ(compound.node.code, "610921103002001");
  NewRegion building;
  building.number = 3;
  const auto b3 = regions().CreateChild(community_, compound.node.code, building);
  EXPECT_EQ(b3.node.code, "610921103002001003");
  EXPECT_EQ(b3.node.name, "3栋");
  const auto unit = regions().CreateChild(community_, b3.node.code, NewRegion{.number = 2});
  NewRegion room;
  room.number = 501;
  const auto dwelling = regions().CreateChild(community_, unit.node.code, room);
  EXPECT_EQ(dwelling.node.code, "610921103002001003020501");
  EXPECT_EQ(dwelling.node.level, 9);
  EXPECT_EQ(dwelling.node.floor, 5);
  EXPECT_EQ(dwelling.address, "陕西省安康市汉阴县平梁镇兴隆佳苑社区 兴隆佳苑小区 3栋 2单元 501室");
  EXPECT_EQ(dwelling.ancestors.size(), 8u);
  // Without a number, the next free one.
  EXPECT_EQ(regions().CreateChild(community_, compound.node.code, {}).node.code, "610921103002001004");
}

TEST_F(RegionServiceTest, RefusesBadChildren) {
  const auto compound = AddCompound("兴隆佳苑小区");
  EXPECT_EQ(testing::ErrorOf([&] { regions().CreateChild(community_, "610921103002", {}); }),
            ErrorCode::kFieldMissing)
      << "a compound needs a name";
  EXPECT_EQ(testing::ErrorOf(
                [&] { regions().CreateChild(community_, compound.node.code, NewRegion{.number = 1000}); }),
            ErrorCode::kFieldInvalid);
  regions().CreateChild(community_, compound.node.code, NewRegion{.number = 1});
  EXPECT_EQ(testing::ErrorOf(
                [&] { regions().CreateChild(community_, compound.node.code, NewRegion{.number = 1}); }),
            ErrorCode::kConflict);
  EXPECT_EQ(
      testing::ErrorOf([&] { regions().CreateChild(admin_, "610921103000", NewRegion{.name = "新社区"}); }),
      ErrorCode::kFieldInvalid)
      << "communities come from the national tree";
  NewRegion bad_place;
  bad_place.name = "某小区";
  bad_place.latitude = 91;
  EXPECT_EQ(testing::ErrorOf([&] { regions().CreateChild(community_, "610921103002", bad_place); }),
            ErrorCode::kFieldInvalid);
  bad_place.latitude = 32.9;
  bad_place.polygon = R"({"type":"Point","coordinates":[108.5,32.9]})";
  EXPECT_EQ(testing::ErrorOf([&] { regions().CreateChild(community_, "610921103002", bad_place); }),
            ErrorCode::kFieldInvalid);
}

TEST_F(RegionServiceTest, NodesBelowACommunityExistOnlyInsideTheScope) {
  const auto compound = AddCompound("兴隆佳苑小区");
  EXPECT_EQ(testing::ErrorOf([&] { regions().Get(neighbour_, compound.node.code); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { regions().Children(neighbour_, "610921103002", 10, 0); }), std::nullopt)
      << "the community itself is public";
  EXPECT_EQ(regions().Children(neighbour_, "610921103002", 10, 0).total, 0) << "but not what lies below it";
  EXPECT_EQ(
      testing::ErrorOf([&] { regions().CreateChild(neighbour_, "610921103002", NewRegion{.name = "x"}); }),
      ErrorCode::kNotFound);
  EXPECT_EQ(
      testing::ErrorOf([&] { regions().Update(neighbour_, compound.node.code, RegionPatch{.name = "x"}); }),
      ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { regions().Delete(neighbour_, compound.node.code); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(regions().Get(community_, compound.node.code).node.name, "兴隆佳苑小区");
  EXPECT_EQ(regions().Get(neighbour_, "610921103002").node.level, 5) << "national nodes are public data";
}

TEST_F(RegionServiceTest, AGridWorkerSeesOnlyTheirBuildings) {
  const auto compound = AddCompound("兴隆佳苑小区");
  const auto b1 = regions().CreateChild(community_, compound.node.code, {});
  const auto b2 = regions().CreateChild(community_, compound.node.code, {});
  const auto worker = Principal("grid", auth::Role::kGridWorker, {b2.node.code});
  EXPECT_EQ(testing::ErrorOf([&] { regions().Get(worker, b1.node.code); }), ErrorCode::kNotFound);
  EXPECT_EQ(regions().Get(worker, b2.node.code).node.code, b2.node.code);
  const auto visible = regions().Children(worker, compound.node.code, 10, 0);
  ASSERT_EQ(visible.items.size(), 1u);
  EXPECT_EQ(visible.items[0].code, b2.node.code);
  EXPECT_EQ(regions().Children(worker, "610921103002", 10, 0).total, 1)
      << "the compound that holds their building";
}

TEST_F(RegionServiceTest, EditsAndRemovesLocalNodesOnly) {
  const auto compound = AddCompound("兴隆佳苑小区");
  const auto building = regions().CreateChild(community_, compound.node.code, {});
  RegionPatch patch;
  patch.name = "兴隆佳苑安置小区";
  patch.latitude = 32.89;
  patch.longitude = 108.52;
  const auto edited = regions().Update(community_, compound.node.code, patch);
  EXPECT_EQ(edited.node.short_name, "兴隆佳苑安置小区");
  EXPECT_EQ(edited.node.latitude, 32.89);
  EXPECT_EQ(testing::ErrorOf([&] { regions().Update(community_, "610921103002", RegionPatch{.kind = "x"}); }),
            ErrorCode::kForbidden);
  EXPECT_EQ(regions().Update(admin_, "610921103002", RegionPatch{.kind = "community_other"}).node.kind,
            "community_other");
  EXPECT_EQ(testing::ErrorOf([&] { regions().Delete(community_, compound.node.code); }),
            ErrorCode::kConflict);
  regions().Delete(community_, building.node.code);
  regions().Delete(community_, compound.node.code);
  EXPECT_EQ(testing::ErrorOf([&] { regions().Get(community_, compound.node.code); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { regions().Delete(admin_, "610921103002"); }), ErrorCode::kForbidden);
  audit::AuditFilter filter;
  filter.object_id = compound.node.code;
  EXPECT_EQ(app_.app().audit().Search(filter).size(), 3u) << "create, update, delete";
}

TEST_F(RegionServiceTest, SearchFindsChineseSubstringsInsideTheScope) {
  AddCompound("兴隆佳苑小区");
  EXPECT_EQ(regions().Search(community_, "兴隆", std::nullopt, 10).total, 2)
      << "the community and its compound";
  EXPECT_EQ(regions().Search(community_, "兴隆", 6, 10).total, 1);
  EXPECT_EQ(regions().Search(neighbour_, "兴隆", std::nullopt, 10).total, 0);
  EXPECT_EQ(regions().Search(admin_, "社区", std::nullopt, 10).total, 2);
  EXPECT_EQ(testing::ErrorOf([&] { regions().Search(admin_, std::string(101, 'x'), std::nullopt, 10); }),
            ErrorCode::kInvalidQueryParameter);
}

TEST_F(RegionServiceTest, WithoutTextTheSearchGivesTheRootsOfTheCallersTree) {
  const auto mine = regions().Search(community_, "", std::nullopt, 10);
  ASSERT_EQ(mine.total, 1);
  EXPECT_EQ(mine.items[0].code, "610921103002");
  const auto provinces = regions().Search(admin_, "", std::nullopt, 10);
  ASSERT_GE(provinces.total, 1);
  for (const auto& province : provinces.items) EXPECT_EQ(province.level, 1) << province.code;
}

}  // namespace
}  // namespace shequ::regions
