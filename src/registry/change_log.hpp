// Change history of registry records: every field change with who, when, old and new value.
// Protected fields are recorded by their masks, never in clear.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace shequ::registry {

struct FieldChange {
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
};

struct ChangeRecord {
  std::int64_t id = 0;
  std::string entity;
  std::string entity_id;
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::int64_t at = 0;
};

std::optional<std::string> ChangeText(const std::string& value);
std::optional<std::string> ChangeText(const std::optional<std::string>& value);
std::optional<std::string> ChangeText(std::int64_t value);
std::optional<std::string> ChangeText(const std::optional<std::int64_t>& value);
std::optional<std::string> ChangeText(const std::optional<double>& value);

// Applies the fields a PATCH names and remembers what actually changed.
class ChangeSet {
 public:
  template <typename T, typename U>
  void Apply(std::string_view field, T& target, const std::optional<U>& value) {
    if (!value || T(*value) == target) return;
    changes_.push_back({std::string(field), ChangeText(target), ChangeText(T(*value))});
    target = T(*value);
  }
  void Note(std::string_view field, std::optional<std::string> old_value,
            std::optional<std::string> new_value) {
    if (old_value == new_value) return;
    changes_.push_back({std::string(field), std::move(old_value), std::move(new_value)});
  }
  bool empty() const { return changes_.empty(); }
  const std::vector<FieldChange>& changes() const { return changes_; }
  // {"field": [old, new]} for the audit log.
  nlohmann::json AuditDetail() const;

 private:
  std::vector<FieldChange> changes_;
};

class ChangeLog {
 public:
  static void Write(db::Connection& c, std::string_view entity, const std::string& entity_id,
                    const ChangeSet& changes, const auth::Principal& actor, std::int64_t at);
  static void WriteOne(db::Connection& c, std::string_view entity, const std::string& entity_id,
                       const FieldChange& change, const auth::Principal& actor, std::int64_t at);
  // Newest first.
  static std::vector<ChangeRecord> List(db::Connection& c, std::string_view entity,
                                        const std::string& entity_id, std::int64_t limit);
};

nlohmann::json ChangeRecordJson(const ChangeRecord& record);
nlohmann::json ChangeRecordSchema();

}  // namespace shequ::registry
