// Runs the deadline watch in the background of a server: once a second (so an overdue alert
// reaches its screen within about a second) it looks at the events whose next check is due.
// Several servers on one PostgreSQL database may each run it: every change it makes is
// conditional on the event's version, so an event is handled once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "events/event_service.hpp"

namespace shequ::events {

class DeadlineWatch {
 public:
  DeadlineWatch(EventService& events, const Clock& clock, std::chrono::milliseconds interval);
  ~DeadlineWatch();
  DeadlineWatch(const DeadlineWatch&) = delete;
  DeadlineWatch& operator=(const DeadlineWatch&) = delete;

 private:
  void Loop();

  EventService& events_;
  const Clock& clock_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace shequ::events
