#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "registry/org_unit.hpp"

namespace shequ::registry {

// A unit search already translated by the service.
struct OrgUnitFilter {
  std::vector<std::string> prefixes;  // {""}: the whole tree
  std::string name_part;
  std::string credit_code;  // matched exactly, alongside the name
  std::string kind;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

// All SQL of units.
class OrgUnitStore {
 public:
  static std::int64_t Insert(db::Connection& c, const OrgUnit& unit);
  static std::optional<OrgUnit> Find(db::Connection& c, std::int64_t id);
  static std::optional<std::int64_t> FindIdByCreditCode(db::Connection& c, const std::string& credit_code);
  // Writes every mutable column; false when `expected_version` is no longer current.
  static bool Update(db::Connection& c, const OrgUnit& unit, std::int64_t expected_version);
  static OrgUnitPage Search(db::Connection& c, const OrgUnitFilter& filter);
  // Every match of `filter` by id in keyset pages (paging ignored), for exports.
  static void ForEachPage(db::Connection& c, const OrgUnitFilter& filter,
                          const std::function<void(std::vector<OrgUnit>&)>& visit);
};

}  // namespace shequ::registry
