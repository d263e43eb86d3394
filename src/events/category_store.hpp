#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "events/category.hpp"

namespace shequ::events {

// All SQL of event categories.
class CategoryStore {
 public:
  static std::vector<EventCategory> All(db::Connection& c);
  static std::optional<EventCategory> Find(db::Connection& c, const std::string& code);
  static void Insert(db::Connection& c, const EventCategory& category);
  static void Update(db::Connection& c, const EventCategory& category);
};

std::string LimitsJson(const std::vector<StageLimit>& limits);
std::vector<StageLimit> ParseLimits(const std::string& json);

}  // namespace shequ::events
