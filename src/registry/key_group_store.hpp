#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "registry/key_group.hpp"

namespace shequ::registry {

// All SQL of key-group kinds and memberships.
class KeyGroupStore {
 public:
  static std::vector<GroupType> Types(db::Connection& c);
  static std::optional<GroupType> FindType(db::Connection& c, const std::string& code);
  static void InsertType(db::Connection& c, const GroupType& type);
  static void UpdateType(db::Connection& c, const GroupType& type);

  static std::int64_t Insert(db::Connection& c, const PersonGroup& group);
  static std::optional<PersonGroup> Find(db::Connection& c, std::int64_t id);
  static void Update(db::Connection& c, const PersonGroup& group);
  // Memberships of these people, current ones first.
  static std::vector<PersonGroup> OfPeople(db::Connection& c, const std::vector<std::int64_t>& person_ids);
  static bool HasActive(db::Connection& c, std::int64_t person_id, const std::string& type_code);
  // Ends every current membership of a person (death, leaving the registry).
  static void EndAll(db::Connection& c, std::int64_t person_id, const std::string& on,
                     const std::string& reason, std::int64_t now);
};

}  // namespace shequ::registry
