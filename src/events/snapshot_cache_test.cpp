#include "events/snapshot_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace shequ::events {
namespace {

TEST(SnapshotCacheTest, ReadsOnceThenAgainAfterItsTimeOrWhenForgotten) {
  int loads = 0;
  SnapshotCache<int> cache([&] { return ++loads; }, 1000);
  EXPECT_EQ(*cache.Get(10'000), 1);
  EXPECT_EQ(*cache.Get(10'999), 1);  // still fresh
  EXPECT_EQ(*cache.Get(11'000), 2);  // a second later: read again for other servers' changes
  cache.Forget();
  EXPECT_EQ(*cache.Get(11'001), 3);
  EXPECT_EQ(*cache.Get(9'000), 4);  // the clock went back: the snapshot's age is unknown
  EXPECT_EQ(loads, 4);
}

TEST(SnapshotCacheTest, AChangeMadeWhileLoadingIsNotHiddenByTheOlderLoad) {
  std::atomic<int> version{1};
  std::atomic<bool> loading{false};
  std::atomic<bool> release{false};
  bool first = true;
  SnapshotCache<int> cache(
      [&] {
        const int seen = version.load();
        if (first) {
          first = false;
          loading = true;
          while (!release) std::this_thread::yield();
        }
        return seen;
      },
      60'000);
  std::thread slow([&] { EXPECT_EQ(*cache.Get(1), 1); });
  while (!loading) std::this_thread::yield();
  version = 2;     // an admin saves…
  cache.Forget();  // …and the process drops its snapshot
  release = true;
  slow.join();
  // The slow load began before the change: it was handed out once but not kept.
  EXPECT_EQ(*cache.Get(2), 2);
}

}  // namespace
}  // namespace shequ::events
