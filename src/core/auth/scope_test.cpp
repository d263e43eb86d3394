#include "core/auth/scope.hpp"

#include <gtest/gtest.h>

namespace shequ::auth {
namespace {

TEST(Scope, SignificantPrefixDropsTheLevelsBelow) {
  EXPECT_EQ(SignificantPrefix("610000000000"), "61");                  // province
  EXPECT_EQ(SignificantPrefix("610900000000"), "6109");                // city
  EXPECT_EQ(SignificantPrefix("610921000000"), "610921");              // county
  EXPECT_EQ(SignificantPrefix("610921103000"), "610921103");           // town / street
  EXPECT_EQ(SignificantPrefix("610921103002"), "610921103002");        // community
  EXPECT_EQ(SignificantPrefix("610921103002010"), "610921103002010");  // below a community
  EXPECT_EQ(SignificantPrefix("000000000000"), "");                    // the whole country
  // A zero group inside a code is not a level boundary: town 100 of county 21 is 610921100000.
  EXPECT_EQ(SignificantPrefix("610921100000"), "610921100");
  EXPECT_EQ(SignificantPrefix("610021000000"), "610021");
}

TEST(Scope, CountyContainsItsCommunitiesAndNotItsNeighbours) {
  const auto scope = Scope::Of({"610921000000"});
  EXPECT_TRUE(scope.Contains("610921000000"));
  EXPECT_TRUE(scope.Contains("610921103002"));
  EXPECT_TRUE(scope.Contains("610921103002010203"));
  EXPECT_FALSE(scope.Contains("610902001001"));
  EXPECT_FALSE(scope.Contains("610900000000")) << "a parent is not inside its child";
  EXPECT_FALSE(scope.Contains("6109211"));  // not a region code
  EXPECT_FALSE(scope.Contains("61092110300x"));
}

TEST(Scope, GridWorkerSeesOnlyTheirGridNodes) {
  const auto scope = Scope::Of({"610921103002001", "610921103002002"});
  EXPECT_TRUE(scope.Contains("610921103002001"));
  EXPECT_TRUE(scope.Contains("610921103002002005"));
  EXPECT_FALSE(scope.Contains("610921103002003"));
  EXPECT_FALSE(scope.Contains("610921103002")) << "the community itself is wider than the grids";
}

TEST(Scope, OverlapsTheNodesOnThePathDownToIt) {
  const auto scope = Scope::Of({"610921103002001003"});
  EXPECT_TRUE(scope.Overlaps("610921103002001003"));
  EXPECT_TRUE(scope.Overlaps("610921103002001003020501"));
  EXPECT_TRUE(scope.Overlaps("610921103002001"));
  EXPECT_TRUE(scope.Overlaps("610921103002"));
  EXPECT_TRUE(scope.Overlaps("610921000000"));
  EXPECT_FALSE(scope.Overlaps("610921103002002"));
  EXPECT_FALSE(scope.Overlaps("610921103003"));
}

TEST(Scope, NationalContainsEverythingAndCoversEveryone) {
  const auto national = Scope::National();
  EXPECT_TRUE(national.Contains("110101001001"));
  EXPECT_TRUE(national.Covers(Scope::Of({"650000000000"})));
  EXPECT_TRUE(Scope::Of({"000000000000"}).national());
  EXPECT_EQ(national.Prefixes(), std::vector<std::string>({""}));
}

TEST(Scope, CoversNeedsEveryNodeInside) {
  const auto street = Scope::Of({"610921103000"});
  EXPECT_TRUE(street.Covers(Scope::Of({"610921103001", "610921103002"})));
  EXPECT_FALSE(street.Covers(Scope::Of({"610921103001", "610921104001"})));
  EXPECT_FALSE(street.Covers(Scope::National()));
  EXPECT_FALSE(street.Covers(Scope::Of({}))) << "an empty scope is not inside anything";
}

TEST(Scope, PrefixesMatchContains) {
  const auto scope = Scope::Of({"610921103000", "610902001001"});
  EXPECT_EQ(scope.Prefixes(), std::vector<std::string>({"610902001001", "610921103"}));
}

}  // namespace
}  // namespace shequ::auth
