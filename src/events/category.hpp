// Event categories: a tree of kinds of event with their time limits per stage, the level that
// handles them first and the department that takes them when they leave the community.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shequ::events {

// How long one stage may take. Units: working_minutes, working_hours, working_days (counted on the
// calendar's office time) or minutes, hours, days (plain time, for alarms).
struct StageLimit {
  std::string stage;  // accept, dispatch, handle, verify, or a stage of its own (stop, penalty …)
  std::string label;  // 受理, 处置, 停工 …
  std::int64_t amount = 0;
  std::string unit;
};

struct EventCategory {
  std::string code;  // dotted path: "environment.exposed_garbage"
  std::optional<std::string> parent_code;
  std::string name;
  std::string name_en;
  std::string kind = "event";          // event (事件) or component (部件)
  std::string default_level = "grid";  // grid, community, street or department
  std::string department;              // who takes it beyond the community
  std::vector<StageLimit> limits;
  bool active = true;
  std::int64_t sort_order = 0;
  std::int64_t updated_at = 0;
};

struct CategoryPatch {
  std::optional<std::string> name;
  std::optional<std::string> name_en;
  std::optional<std::string> default_level;
  std::optional<std::string> department;
  std::optional<std::vector<StageLimit>> limits;
  std::optional<bool> active;
  std::optional<std::int64_t> sort_order;
};

}  // namespace shequ::events
