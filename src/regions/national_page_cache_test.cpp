#include "regions/national_page_cache.hpp"

#include <gtest/gtest.h>

namespace shequ::regions {
namespace {

TEST(NationalPageCache, KeepsOnlyPagesOfNationalParents) {
  EXPECT_TRUE(NationalPageCache::Keeps("610000000000"));
  EXPECT_TRUE(NationalPageCache::Keeps("610921103000")) << "a town's children are communities";
  EXPECT_FALSE(NationalPageCache::Keeps("610921103002")) << "a community's children are its own records";
  EXPECT_FALSE(NationalPageCache::Keeps("610921103002001"));
  EXPECT_FALSE(NationalPageCache::Keeps("garbage"));
}

TEST(NationalPageCache, ServesAnEntryOnlyUnderItsVersion) {
  NationalPageCache cache;
  cache.Remember("a", 3, "{}");
  EXPECT_EQ(cache.Find("a", 3), "{}");
  EXPECT_FALSE(cache.Find("a", 4).has_value());
  EXPECT_FALSE(cache.Find("b", 3).has_value());
}

TEST(NationalPageCache, StaysWithinItsCapacity) {
  NationalPageCache cache(2);
  cache.Remember("a", 1, "1");
  cache.Remember("b", 1, "2");
  cache.Remember("c", 1, "3");
  EXPECT_EQ(cache.Find("c", 1), "3");
  EXPECT_FALSE(cache.Find("a", 1).has_value());
}

}  // namespace
}  // namespace shequ::regions
