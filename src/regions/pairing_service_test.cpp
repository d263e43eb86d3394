#include "regions/pairing_service.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"

namespace shequ::regions {
namespace {

class PairingServiceTest : public ::testing::Test {
 protected:
  PairingServiceTest() {
    RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(fixtures::PingliangTown(), "test");
    auto& regions = app_.app().regions();
    compound_ =
        regions.CreateChildrenAsConsole("610921103002", {NewRegion{.name = "兴隆佳苑小区"}}).front().code;
    const auto building = regions.CreateChildrenAsConsole(compound_, {NewRegion{}}).front().code;
    const auto unit = regions.CreateChildrenAsConsole(building, {NewRegion{}}).front().code;
    dwelling_ = regions.CreateChildrenAsConsole(unit, {NewRegion{.number = 501}}).front().code;
    app_.CreateUser("community", "community", {"610921103002"});
    app_.CreateUser("neighbour", "community", {"610921103003"});
    app_.CreateUser("cadre", "department", {"610921000000"});
    app_.CreateUser("county", "county", {"610921000000"});
    community_ = Principal("community");
    neighbour_ = Principal("neighbour");
    county_ = Principal("county");
  }
  auth::Principal Principal(const std::string& username) {
    return app_.app().sessions().Authenticate(app_.Login(username), "127.0.0.1");
  }
  PairingService& pairings() { return app_.app().pairings(); }

  testing::TestApp app_;
  std::string compound_, dwelling_;
  auth::Principal community_, neighbour_, county_;
};

TEST_F(PairingServiceTest, UnitsPairWithCompoundsAndCadresWithHouseholds) {
  const auto unit = pairings().Assign(
      community_, {.kind = "unit_compound", .unit_name = "汉阴县住建局", .region_code = compound_});
  EXPECT_EQ(unit.kind, "unit_compound");
  EXPECT_EQ(testing::ErrorOf([&] {
              pairings().Assign(
                  community_,
                  {.kind = "unit_compound", .unit_name = "汉阴县住建局", .region_code = compound_});
            }),
            ErrorCode::kConflict);
  EXPECT_EQ(testing::ErrorOf([&] {
              pairings().Assign(community_,
                                {.kind = "unit_compound", .unit_name = "县财政局", .region_code = dwelling_});
            }),
            ErrorCode::kFieldInvalid)
      << "a unit pairs with a compound";
  EXPECT_EQ(testing::ErrorOf([&] {
              pairings().Assign(
                  community_,
                  {.kind = "cadre_household", .unit_name = "汉阴县住建局", .region_code = dwelling_});
            }),
            ErrorCode::kFieldInvalid)
      << "a household pairing names its cadre";
  std::int64_t cadre_id = 0;
  for (const auto& user : app_.app().accounts().ListAll()) {
    if (user.username == "cadre") cadre_id = user.id;
  }
  EXPECT_EQ(testing::ErrorOf([&] {
              pairings().Assign(community_, {.kind = "cadre_household",
                                             .unit_name = "汉阴县住建局",
                                             .cadre_user_id = cadre_id,
                                             .region_code = dwelling_});
            }),
            ErrorCode::kFieldInvalid)
      << "a community cannot name an account of the county";
  const auto household = pairings().Assign(county_, {.kind = "cadre_household",
                                                     .unit_name = "汉阴县住建局",
                                                     .cadre_user_id = cadre_id,
                                                     .region_code = dwelling_});
  EXPECT_EQ(household.cadre_name, "cadre");
  EXPECT_EQ(pairings().ListUnder(community_, "610921103002", false).size(), 2u);
  EXPECT_EQ(pairings().ListUnder(community_, compound_, false).size(), 2u)
      << "the dwelling is below the compound";
}

TEST_F(PairingServiceTest, EndedPairingsStayAsHistory) {
  const auto first = pairings().Assign(
      community_, {.kind = "unit_compound", .unit_name = "县教育局", .region_code = compound_});
  app_.clock().Advance(std::chrono::hours(24 * 365));
  pairings().End(community_, first.id, "2027年调整包联单位");
  EXPECT_EQ(testing::ErrorOf([&] { pairings().End(community_, first.id, ""); }), ErrorCode::kConflict);
  pairings().Assign(community_, {.kind = "unit_compound", .unit_name = "县卫健局", .region_code = compound_});
  const auto current = pairings().ListUnder(community_, compound_, false);
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0].unit_name, "县卫健局");
  const auto history = pairings().ListUnder(community_, compound_, true);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].unit_name, "县教育局");
  EXPECT_EQ(history[1].end_reason, "2027年调整包联单位");
  EXPECT_EQ(*history[1].ended_at - history[1].started_at,
            std::chrono::milliseconds(std::chrono::hours(24 * 365)).count());
  // Re-pairing the same unit after it ended is allowed.
  pairings().Assign(community_, {.kind = "unit_compound", .unit_name = "县教育局", .region_code = compound_});
}

TEST_F(PairingServiceTest, PairingsOutsideTheScopeDoNotExist) {
  const auto pairing = pairings().Assign(
      community_, {.kind = "unit_compound", .unit_name = "县教育局", .region_code = compound_});
  EXPECT_EQ(testing::ErrorOf([&] { pairings().ListUnder(neighbour_, compound_, true); }),
            ErrorCode::kNotFound);
  EXPECT_TRUE(pairings().ListUnder(neighbour_, "610921103003", true).empty());
  EXPECT_EQ(testing::ErrorOf([&] { pairings().End(neighbour_, pairing.id, ""); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] {
              pairings().Assign(neighbour_,
                                {.kind = "unit_compound", .unit_name = "县教育局", .region_code = compound_});
            }),
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace shequ::regions
