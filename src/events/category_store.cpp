#include "events/category_store.hpp"

#include <nlohmann/json.hpp>

namespace shequ::events {
namespace {

constexpr std::string_view kColumns =
    "code, parent_code, name, name_en, kind, default_level, department, limits, active, sort_order, "
    "updated_at";

EventCategory Read(const db::Row& row) {
  EventCategory c;
  c.code = row.TakeText(0);
  c.parent_code = row.OptText(1);
  c.name = row.TakeText(2);
  c.name_en = row.TakeText(3);
  c.kind = row.TakeText(4);
  c.default_level = row.TakeText(5);
  c.department = row.TakeText(6);
  c.limits = ParseLimits(row.TakeText(7));
  c.active = row.Int(8) != 0;
  c.sort_order = row.Int(9);
  c.updated_at = row.Int(10);
  return c;
}

}  // namespace

std::string LimitsJson(const std::vector<StageLimit>& limits) {
  auto json = nlohmann::json::array();
  for (const auto& l : limits) {
    json.push_back({{"stage", l.stage}, {"label", l.label}, {"amount", l.amount}, {"unit", l.unit}});
  }
  return json.dump();
}

std::vector<StageLimit> ParseLimits(const std::string& text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  std::vector<StageLimit> limits;
  if (!json.is_array()) return limits;
  for (const auto& l : json) {
    limits.push_back({l.value("stage", ""), l.value("label", ""), l.value("amount", std::int64_t{0}),
                      l.value("unit", "")});
  }
  return limits;
}

std::vector<EventCategory> CategoryStore::All(db::Connection& c) {
  auto rows = c.Run("SELECT " + std::string(kColumns) + " FROM event_categories ORDER BY sort_order, code");
  std::vector<EventCategory> categories;
  categories.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) categories.push_back(Read(rows[i]));
  return categories;
}

std::optional<EventCategory> CategoryStore::Find(db::Connection& c, const std::string& code) {
  auto rows = c.Run("SELECT " + std::string(kColumns) + " FROM event_categories WHERE code = $1", code);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

void CategoryStore::Insert(db::Connection& c, const EventCategory& e) {
  c.Run("INSERT INTO event_categories (" + std::string(kColumns) +
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        e.code, e.parent_code, e.name, e.name_en, e.kind, e.default_level, e.department, LimitsJson(e.limits),
        e.active, e.sort_order, e.updated_at);
}

void CategoryStore::Update(db::Connection& c, const EventCategory& e) {
  c.Run(
      "UPDATE event_categories SET name = $2, name_en = $3, default_level = $4, department = $5, limits = $6,"
      " active = $7, sort_order = $8, updated_at = $9 WHERE code = $1",
      e.code, e.name, e.name_en, e.default_level, e.department, LimitsJson(e.limits), e.active, e.sort_order,
      e.updated_at);
}

}  // namespace shequ::events
