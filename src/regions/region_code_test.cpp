#include "regions/region_code.hpp"

#include <gtest/gtest.h>

namespace shequ::regions {
namespace {

Region Node(std::string code, int level, std::string short_name) {
  Region region;
  region.code = std::move(code);
  region.level = level;
  region.short_name = std::move(short_name);
  return region;
}

TEST(RegionCode, LevelsFollowTheCodeShape) {
  EXPECT_EQ(LevelOfCode("610000000000"), 1);
  EXPECT_EQ(LevelOfCode("610900000000"), 2);
  EXPECT_EQ(LevelOfCode("610921000000"), 3);
  EXPECT_EQ(LevelOfCode("610921103000"), 4);
  EXPECT_EQ(LevelOfCode("610921103002"), 5);
  EXPECT_EQ(LevelOfCode("610921103002001"), 6);
  EXPECT_EQ(LevelOfCode("610921103002001003"), 7);
  EXPECT_EQ(LevelOfCode("61092110300200100302"), 8);
  EXPECT_EQ(LevelOfCode("610921103002001003020501"), 9);
  EXPECT_FALSE(LevelOfCode("000000000000"));
  EXPECT_FALSE(LevelOfCode("6109211030020"));  // 13 digits: no level
  EXPECT_FALSE(LevelOfCode("61092110300a"));
}

TEST(RegionCode, AncestorsComeFromTheCodeAlone) {
  EXPECT_EQ(AncestorCodes("610921103002001003"),
            std::vector<std::string>({"610000000000", "610900000000", "610921000000", "610921103000",
                                      "610921103002", "610921103002001"}));
  EXPECT_TRUE(AncestorCodes("610000000000").empty());
  // 东莞市 has towns directly below the city: the county level is skipped, not repeated.
  EXPECT_EQ(AncestorCodes("441900003000"), std::vector<std::string>({"440000000000", "441900000000"}));
}

TEST(RegionCode, ChildCodesExtendTheParentsCode) {
  const auto community = Node("610921103002", 5, "兴隆佳苑社区");
  EXPECT_EQ(ChildCode(community, 1), "610921103002001");
  EXPECT_EQ(ChildCode(Node("610921103002001", 6, ""), 11), "610921103002001011");
  EXPECT_EQ(ChildCode(Node("610921103002001011", 7, ""), 2), "61092110300200101102");
  EXPECT_EQ(ChildCode(Node("61092110300200101102", 8, ""), 501), "610921103002001011020501");
  EXPECT_FALSE(ChildCode(community, 1000)) << "three digits at most";
  EXPECT_FALSE(ChildCode(community, 0));
  EXPECT_FALSE(ChildCode(Node("610921103000", 4, ""), 1)) << "towns are national, not extended locally";
  EXPECT_FALSE(ChildCode(Node("610921103002001011020501", 9, ""), 1)) << "dwellings are leaves";
}

TEST(RegionCode, KindComesFromTheName) {
  EXPECT_EQ(KindFromName(5, "兴隆佳苑社区居委会"), "residents_committee");
  EXPECT_EQ(KindFromName(5, "汤房社区居民委员会"), "residents_committee");
  EXPECT_EQ(KindFromName(5, "东湖社区"), "residents_committee");
  EXPECT_EQ(KindFromName(5, "石门村委会"), "villagers_committee");
  EXPECT_EQ(KindFromName(5, "双乳村村民委员会"), "villagers_committee");
  EXPECT_EQ(KindFromName(5, "农场生活区"), "community_other");
  EXPECT_EQ(KindFromName(4, "北关街道"), "subdistrict");
  EXPECT_EQ(KindFromName(4, "平梁镇"), "town");
  EXPECT_EQ(KindFromName(4, "观音河乡"), "township");
  EXPECT_EQ(KindFromName(4, "经济开发区"), "town_level_other");
}

TEST(RegionCode, ShortNamesDropTheCommitteeSuffix) {
  EXPECT_EQ(ShortName(5, "兴隆佳苑社区居委会"), "兴隆佳苑社区");
  EXPECT_EQ(ShortName(5, "汤房社区居民委员会"), "汤房社区");
  EXPECT_EQ(ShortName(5, "双乳村村民委员会"), "双乳村");
  EXPECT_EQ(ShortName(5, "石门村委会"), "石门村");
  EXPECT_EQ(ShortName(5, "东湖社区"), "东湖社区");
  EXPECT_EQ(ShortName(4, "北关街道办事处"), "北关街道办事处") << "only communities are shortened";
}

TEST(RegionCode, StandardAddressReadsLikeAnAddress) {
  const std::vector<Region> path = {
      Node("610000000000", 1, "陕西省"),
      Node("610900000000", 2, "安康市"),
      Node("610921000000", 3, "汉阴县"),
      Node("610921103000", 4, "平梁镇"),
      Node("610921103002", 5, "兴隆佳苑社区"),
      Node("610921103002001", 6, "兴隆佳苑小区"),
      Node("610921103002001003", 7, "3栋"),
      Node("61092110300200100302", 8, "2单元"),
      Node("610921103002001003020501", 9, "501室"),
  };
  EXPECT_EQ(StandardAddress(path), "陕西省安康市汉阴县平梁镇兴隆佳苑社区 兴隆佳苑小区 3栋 2单元 501室");
  const std::vector<Region> beijing = {Node("110000000000", 1, "北京市"), Node("110100000000", 2, "市辖区"),
                                       Node("110101000000", 3, "东城区")};
  EXPECT_EQ(StandardAddress(beijing), "北京市东城区") << "市辖区 is a placeholder, not a place";
  EXPECT_EQ(DefaultName(7, 3), "3栋");
  EXPECT_EQ(DefaultName(8, 2), "2单元");
  EXPECT_EQ(DefaultName(9, 501), "501室");
}

}  // namespace
}  // namespace shequ::regions
