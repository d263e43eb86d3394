#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "registry/vehicle.hpp"

namespace shequ::registry {

// A vehicle search already translated by the service.
struct VehicleFilter {
  std::vector<std::string> prefixes;  // {""}: the whole tree
  std::optional<std::string> plate;   // exact
  std::string plate_part;
  std::string owner_part;
  std::string vehicle_type;
  std::optional<std::string> permit_expired_before;  // permits valid until a day before this one
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

// All SQL of vehicles.
class VehicleStore {
 public:
  static std::int64_t Insert(db::Connection& c, const Vehicle& vehicle);
  static std::optional<Vehicle> Find(db::Connection& c, std::int64_t id);
  static std::optional<std::int64_t> FindIdByPlate(db::Connection& c, const std::string& plate);
  // Writes every mutable column; false when `expected_version` is no longer current.
  static bool Update(db::Connection& c, const Vehicle& vehicle, std::int64_t expected_version);
  static VehiclePage Search(db::Connection& c, const VehicleFilter& filter);
  // Every match of `filter` by id in keyset pages (paging ignored), for exports.
  static void ForEachPage(db::Connection& c, const VehicleFilter& filter,
                          const std::function<void(std::vector<Vehicle>&)>& visit);
  // Which of these normalised plates are registered already (imports check a whole file at once).
  static std::set<std::string> ExistingPlates(db::Connection& c, const std::vector<std::string>& plates);
};

}  // namespace shequ::registry
