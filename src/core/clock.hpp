#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace shequ {

// Wall time in milliseconds since the epoch. Services take a Clock so tests can move time
// (session expiry, throttling windows, deadlines) without sleeping.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t NowMillis() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t now_millis) : now_(now_millis) {}
  std::int64_t NowMillis() const override { return now_.load(); }
  void Advance(std::chrono::milliseconds by) { now_ += by.count(); }
  void Set(std::int64_t now_millis) { now_ = now_millis; }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace shequ
