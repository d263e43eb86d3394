#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.hpp"
#include "registry/person.hpp"

namespace shequ::registry {

// A search already translated by the service: subtrees, birth-date bounds, blind indexes.
struct PersonFilter {
  std::vector<std::string> prefixes;  // {""}: the whole tree
  std::string name_part;
  std::string initials_prefix;
  std::optional<std::string> id_number_index;
  std::optional<std::string> phone_index;
  std::string group_type;
  std::optional<std::string> born_after;         // exclusive
  std::optional<std::string> born_on_or_before;  // inclusive
  std::string sex;
  std::string residence_type;
  std::string status;
  std::string sort = "name";
  bool descending = false;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

// All SQL of people and their life events.
class PersonStore {
 public:
  static std::int64_t Insert(db::Connection& c, const Person& person);
  static std::optional<Person> Find(db::Connection& c, std::int64_t id);
  static std::vector<Person> FindMany(db::Connection& c, const std::vector<std::int64_t>& ids);
  static std::optional<std::int64_t> FindIdByIdNumberIndex(db::Connection& c, const std::string& index);
  // Which of these blind indexes are registered already (imports check a whole file at once).
  static std::set<std::string> ExistingIdNumberIndexes(db::Connection& c,
                                                       const std::vector<std::string>& indexes);
  // Writes every mutable column; false when `expected_version` is no longer current.
  static bool Update(db::Connection& c, const Person& person, std::int64_t expected_version);
  static PersonPage Search(db::Connection& c, const PersonFilter& filter, bool with_total);
  // Streams every match, in the filter's order, for exports (no paging).
  static void ForEach(db::Connection& c, PersonFilter filter,
                      const std::function<void(const Person&)>& visit);

  static std::int64_t InsertEvent(db::Connection& c, const PersonEvent& event);
  static std::vector<PersonEvent> Events(db::Connection& c, std::int64_t person_id);

  // The household a person belongs to now, with their relation to its head.
  static std::optional<std::pair<std::int64_t, std::string>> CurrentHousehold(db::Connection& c,
                                                                              std::int64_t person_id);
  static void LeaveHousehold(db::Connection& c, std::int64_t person_id, const std::string& on,
                             const std::string& reason);

  // Key-group rows copy residence and birth date; they follow the person.
  static void SyncGroupCopies(db::Connection& c, const Person& person);
};

}  // namespace shequ::registry
