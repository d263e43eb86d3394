#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "registry/housing.hpp"

namespace shequ::registry {

// A housing search already translated by the service.
struct HousingFilter {
  std::vector<std::string> prefixes;  // {""}: the whole tree
  std::string use;
  std::string ownership;
  std::string occupancy;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

// All SQL of housing records and their parties.
class HousingStore {
 public:
  static void Insert(db::Connection& c, const Housing& housing);
  static std::optional<Housing> Find(db::Connection& c, const std::string& dwelling_code);
  // Writes every mutable column; false when `expected_version` is no longer current.
  static bool Update(db::Connection& c, const Housing& housing, std::int64_t expected_version);
  static HousingPage Search(db::Connection& c, const HousingFilter& filter);
  // Every match of `filter` by dwelling code in keyset pages (paging ignored), for exports.
  static void ForEachPage(db::Connection& c, const HousingFilter& filter,
                          const std::function<void(std::vector<Housing>&)>& visit);

  // Current parties first (owners leading), then ended ones.
  static std::vector<HousingParty> Parties(db::Connection& c, const std::string& dwelling_code);
  static std::int64_t InsertParty(db::Connection& c, const HousingParty& party);
  static void EndParty(db::Connection& c, std::int64_t party_id, const std::string& ended_on,
                       const std::string& reason);
};

}  // namespace shequ::registry
