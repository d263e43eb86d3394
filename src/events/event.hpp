// An event (事件) as reported and held, and the steps of its timeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shequ::events {

// The states of the workflow (上报 → 受理 → 派遣 → 处置 → 反馈 → 核查 → 结案), and the ends an event
// may reach without being handled: rejected (不予受理) and merged into another event (合并).
inline constexpr std::string_view kReported = "reported";
inline constexpr std::string_view kAccepted = "accepted";
inline constexpr std::string_view kDispatched = "dispatched";
inline constexpr std::string_view kInProgress = "in_progress";
inline constexpr std::string_view kResolved = "resolved";
inline constexpr std::string_view kVerified = "verified";
inline constexpr std::string_view kClosed = "closed";
inline constexpr std::string_view kShelved = "shelved";  // 挂账: cannot be solved now, kept in view
inline constexpr std::string_view kRejected = "rejected";
inline constexpr std::string_view kMerged = "merged";

// Whether an event has reached an end: nothing more is done on it unless it is reopened.
inline bool IsFinished(std::string_view state) {
  return state == kClosed || state == kRejected || state == kMerged;
}

struct Event {
  std::int64_t id = 0;
  std::string reference;
  std::string category_code;
  std::string region_code;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string title;
  std::string description;
  std::string source;  // patrol, resident, call, visit, sensor, open311
  std::optional<std::int64_t> reporter_id;
  std::string reporter_name;
  bool anonymous = false;  // hidden from other residents, never from staff
  std::string state = "reported";
  std::string level;  // grid, community, street, department
  std::optional<std::int64_t> owner_id;
  std::string owner_name;
  std::int64_t reported_at = 0;
  std::optional<std::int64_t> due_at;
  std::int64_t version = 1;
  std::int64_t updated_at = 0;
};

struct TimelineEntry {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string action;
  std::optional<std::string> from_state;
  std::string to_state;
  std::string note;
};

struct NewEvent {
  std::string category_code;
  std::string region_code;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string title;
  std::string description;
  std::string source;
  bool anonymous = false;
  // Channels that report for someone without an account (Open311 clients, sensors) name them.
  std::string reporter_name;
};

struct EventQuery {
  std::string state;
  std::string category;  // a category or a class: its code prefix
  std::string region;
  bool mine = false;  // held by the caller
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct EventPage {
  std::vector<Event> items;
  std::int64_t total = 0;
};

}  // namespace shequ::events
