// An event (事件) as reported and held, and the steps of its timeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shequ::events {

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
