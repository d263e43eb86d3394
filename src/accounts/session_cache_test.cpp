#include "accounts/session_cache.hpp"

#include <gtest/gtest.h>

namespace shequ::accounts {
namespace {

SessionRecord Record(std::string hash, std::int64_t user_id) {
  SessionRecord record;
  record.token_hash = std::move(hash);
  record.user.id = user_id;
  return record;
}

TEST(SessionCache, TrustsAnEntryForItsTimeToLiveOnly) {
  SessionCache cache(std::chrono::milliseconds(1000));
  cache.Remember(Record("a", 1), 10'000);
  EXPECT_TRUE(cache.Find("a", 10'999).has_value());
  EXPECT_FALSE(cache.Find("a", 11'000).has_value());
  EXPECT_FALSE(cache.Find("a", 9'000).has_value()) << "a clock that went back does not extend trust";
  EXPECT_FALSE(cache.Find("b", 10'000).has_value());
}

TEST(SessionCache, ForgetsBySessionAndByUser) {
  SessionCache cache;
  cache.Remember(Record("a", 1), 0);
  cache.Remember(Record("b", 1), 0);
  cache.Remember(Record("c", 2), 0);
  cache.ForgetSession("a");
  EXPECT_FALSE(cache.Find("a", 1).has_value());
  EXPECT_TRUE(cache.Find("b", 1).has_value());
  cache.ForgetUser(1);
  EXPECT_FALSE(cache.Find("b", 1).has_value());
  EXPECT_TRUE(cache.Find("c", 1).has_value());
}

TEST(SessionCache, StaysWithinItsCapacity) {
  SessionCache cache(std::chrono::seconds(1), 2);
  cache.Remember(Record("a", 1), 0);
  cache.Remember(Record("b", 1), 0);
  cache.Remember(Record("c", 1), 0);
  EXPECT_TRUE(cache.Find("c", 1).has_value());
  EXPECT_FALSE(cache.Find("a", 1).has_value());
}

TEST(SessionCache, ZeroTimeToLiveDisablesIt) {
  SessionCache cache(std::chrono::milliseconds(0));
  cache.Remember(Record("a", 1), 0);
  EXPECT_FALSE(cache.Find("a", 0).has_value());
}

}  // namespace
}  // namespace shequ::accounts
