#include "registry/change_log.hpp"

#include <fmt/format.h>

#include "core/time_format.hpp"

namespace shequ::registry {

std::optional<std::string> ChangeText(const std::string& value) { return value; }
std::optional<std::string> ChangeText(const std::optional<std::string>& value) { return value; }
std::optional<std::string> ChangeText(std::int64_t value) { return std::to_string(value); }
std::optional<std::string> ChangeText(const std::optional<std::int64_t>& value) {
  return value ? std::optional(std::to_string(*value)) : std::nullopt;
}
std::optional<std::string> ChangeText(const std::optional<double>& value) {
  return value ? std::optional(fmt::format("{}", *value)) : std::nullopt;
}

nlohmann::json ChangeSet::AuditDetail() const {
  auto detail = nlohmann::json::object();
  for (const auto& change : changes_) {
    detail[change.field] = {change.old_value ? nlohmann::json(*change.old_value) : nlohmann::json(nullptr),
                            change.new_value ? nlohmann::json(*change.new_value) : nlohmann::json(nullptr)};
  }
  return detail;
}

void ChangeLog::WriteOne(db::Connection& c, std::string_view entity, const std::string& entity_id,
                         const FieldChange& change, const auth::Principal& actor, std::int64_t at) {
  c.Run(
      "INSERT INTO registry_changes (entity, entity_id, field, old_value, new_value, actor_id, actor_name, "
      "at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      entity, entity_id, change.field, change.old_value, change.new_value,
      actor.user_id > 0 ? std::optional(actor.user_id) : std::nullopt, actor.username, at);
}

void ChangeLog::Write(db::Connection& c, std::string_view entity, const std::string& entity_id,
                      const ChangeSet& changes, const auth::Principal& actor, std::int64_t at) {
  for (const auto& change : changes.changes()) WriteOne(c, entity, entity_id, change, actor, at);
}

std::vector<ChangeRecord> ChangeLog::List(db::Connection& c, std::string_view entity,
                                          const std::string& entity_id, std::int64_t limit) {
  auto rows = c.Run(
      "SELECT id, entity, entity_id, field, old_value, new_value, actor_id, actor_name, at FROM "
      "registry_changes"
      " WHERE entity = $1 AND entity_id = $2 ORDER BY id DESC LIMIT $3",
      entity, entity_id, limit);
  std::vector<ChangeRecord> records;
  records.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    records.push_back({row.Int(0), row.TakeText(1), row.TakeText(2), row.TakeText(3), row.OptText(4),
                       row.OptText(5), row.OptInt(6), row.TakeText(7), row.Int(8)});
  }
  return records;
}

nlohmann::json ChangeRecordJson(const ChangeRecord& r) {
  const auto text = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"id", r.id},
          {"field", r.field},
          {"old", text(r.old_value)},
          {"new", text(r.new_value)},
          {"actor_id", r.actor_id ? nlohmann::json(*r.actor_id) : nlohmann::json(nullptr)},
          {"actor", r.actor_name},
          {"at", FormatTimestamp(r.at)}};
}

nlohmann::json ChangeRecordSchema() {
  const nlohmann::json nullable_string = {{"type", "string"}, {"nullable", true}};
  return {{"type", "object"},
          {"required", {"id", "field", "old", "new", "actor", "at"}},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"field", {{"type", "string"}}},
            {"old", nullable_string},
            {"new", nullable_string},
            {"actor_id", {{"type", "integer"}, {"nullable", true}}},
            {"actor", {{"type", "string"}}},
            {"at", {{"type", "string"}, {"format", "date-time"}}}}}};
}

}  // namespace shequ::registry
