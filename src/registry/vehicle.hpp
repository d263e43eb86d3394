// 实有车辆: a vehicle kept in the area, by its plate in the GA 36 form, with its owner and the node
// of the tree it is kept at, and its parking permit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shequ::registry {

struct Vehicle {
  std::int64_t id = 0;
  std::string plate;       // normalised: 陕G12345, 陕GD12345
  std::string plate_kind;  // ordinary, new_energy_small, new_energy_large, special (学 警 挂 领 港 澳)
  std::string vehicle_type;
  std::string brand;
  std::string color;
  std::optional<std::int64_t> owner_person_id;
  std::string owner_name;  // the person's name, copied, or the name as given
  std::string region_code;
  std::string permit_number;
  std::optional<std::string> permit_valid_until;
  std::string status = "active";
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// The fields a create or a PATCH carries; absent means "not given" (unchanged).
struct VehicleFields {
  std::optional<std::string> plate;
  std::optional<std::string> vehicle_type;
  std::optional<std::string> brand;
  std::optional<std::string> color;
  std::optional<std::int64_t> owner_person_id;  // a person the caller can see, or
  std::optional<std::string> owner_name;        // a name, which unlinks the person
  std::optional<std::string> region_code;
  std::optional<std::string> permit_number;
  std::optional<std::string> permit_valid_until;  // "" clears it
  std::optional<std::int64_t> expected_version;   // PATCH: refuse when the record moved on
};

struct VehicleQuery {
  std::string plate;  // a whole plate (exact) or a part of one
  std::string owner;  // part of the owner's name
  std::string region;
  std::string vehicle_type;
  bool permit_expired = false;  // only permits that ended before today
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct VehiclePage {
  std::vector<Vehicle> items;
  std::int64_t total = 0;
  std::map<std::string, std::string> addresses;  // region code → address
};

}  // namespace shequ::registry
