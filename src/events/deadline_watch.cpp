#include "events/deadline_watch.hpp"

#include <cstdio>
#include <exception>

namespace shequ::events {

DeadlineWatch::DeadlineWatch(EventService& events, const Clock& clock, std::chrono::milliseconds interval)
    : events_(events), clock_(clock), interval_(interval) {
  thread_ = std::thread([this] { Loop(); });
}

DeadlineWatch::~DeadlineWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeadlineWatch::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      events_.Watch(clock_.NowMillis());
    } catch (const std::exception& e) {
      // A busy or unreachable database: the next pass tries again.
      std::fprintf(stderr, "{\"level\":\"warn\",\"event\":\"deadline_watch_failed\",\"error\":\"%s\"}\n",
                   e.what());
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace shequ::events
