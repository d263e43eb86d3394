// A value every request needs and admins seldom change (the calendar, the categories, the watch
// settings), read once and shared: dropped when this process changes it, and read again after
// `reread_after_ms` so changes made by other servers arrive too.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace shequ::events {

template <typename T>
class SnapshotCache {
 public:
  using Loader = std::function<T()>;

  SnapshotCache(Loader load, std::int64_t reread_after_ms)
      : load_(std::move(load)), reread_after_ms_(reread_after_ms) {}

  std::shared_ptr<const T> Get(std::int64_t now) const {
    std::uint64_t generation = 0;
    {
      std::lock_guard lock(mutex_);
      if (value_ && now - loaded_at_ < reread_after_ms_ && now >= loaded_at_) return value_;
      generation = generation_;
    }
    // Loaded outside the lock: a slow read must not stall readers of the snapshot still valid.
    auto fresh = std::make_shared<const T>(load_());
    std::lock_guard lock(mutex_);
    // A change made while this was loading may not be in it: hand it out once, keep nothing.
    if (generation == generation_) {
      value_ = fresh;
      loaded_at_ = now;
    }
    return fresh;
  }

  void Forget() const {
    std::lock_guard lock(mutex_);
    value_.reset();
    ++generation_;
  }

 private:
  Loader load_;
  const std::int64_t reread_after_ms_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const T> value_;
  mutable std::int64_t loaded_at_ = 0;
  mutable std::uint64_t generation_ = 0;
};

}  // namespace shequ::events
