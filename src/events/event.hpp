// An event (事件) as reported and held, and the steps of its timeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

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
  std::optional<std::int64_t> due_at;  // of the stage now running
  std::int64_t version = 1;
  std::int64_t updated_at = 0;
  // Who does the work once it is dispatched, and who dispatched it (and so verifies it).
  std::optional<std::int64_t> handler_id;
  std::string handler_name;
  std::optional<std::int64_t> dispatcher_id;
  std::string department;  // the department handling it at department level
  std::optional<std::int64_t> grid_id;
  // The category's stage now running (an index into its limits) and when it started.
  std::int64_t stage_index = 0;
  std::optional<std::int64_t> stage_started_at;
  // The deadline watch: when to warn, when to look next, how far alerts have gone
  // (0 none, 1 warned, 2 overdue, 3 red), the 督办 mark, and whether any due time was missed.
  std::optional<std::int64_t> warn_at;
  std::optional<std::int64_t> next_check_at;
  std::int64_t alert_level = 0;
  std::string supervision = "normal";  // normal, yellow (黄牌), red (红牌)
  bool ever_overdue = false;
  std::optional<std::string> previous_state;    // before 挂账
  std::optional<std::int64_t> extension_until;  // an extension asked for, not yet decided
  std::optional<std::int64_t> extension_by;
  std::optional<std::int64_t> merged_into;
  std::optional<std::int64_t> accepted_at;
  std::optional<std::int64_t> resolved_at;
  std::optional<std::int64_t> finished_at;
  std::optional<std::string> satisfaction;  // satisfied, basically_satisfied, dissatisfied
  std::string satisfaction_comment;
  std::int64_t reopen_count = 0;
};

// 吹哨报到: one department summoned to an event, and its check-in.
struct Summons {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::int64_t department_user_id = 0;
  std::string department_name;
  std::optional<std::int64_t> summoned_by;
  std::string summoned_by_name;
  std::string note;
  std::int64_t summoned_at = 0;
  std::int64_t due_at = 0;
  std::optional<std::int64_t> checked_in_at;
  std::string response;
};

// The rules of the deadline watch (event_settings).
struct WatchSettings {
  double warn_ratio = 0.8;
  std::int64_t yellow_after_minutes = 0;
  std::int64_t red_after_minutes = 1440;
  bool auto_escalate = true;
  std::int64_t summons_minutes = 30;
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
  nlohmann::json detail = nlohmann::json::object();  // what the step carried: assignee, files …
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
  std::string state;     // one state, "open" (not finished) or "overdue" (open and past due)
  std::string category;  // a category or a class: its code prefix
  std::string region;
  std::string level;
  std::string supervision;
  bool mine = false;        // held by the caller
  bool unassigned = false;  // held by nobody: waiting for someone at its level
  std::string text;         // part of the title, the description or the reference number
  std::optional<std::int64_t> handler_id;
  std::optional<std::int64_t> grid_id;
  std::string department;
  std::optional<std::int64_t> reported_from;    // inclusive, epoch ms
  std::optional<std::int64_t> reported_before;  // exclusive, the way /api/events/stats counts
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct EventPage {
  std::vector<Event> items;
  std::int64_t total = 0;
};

}  // namespace shequ::events
