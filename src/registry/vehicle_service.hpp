// Vehicles of the registry. Rules: a plate is checked and normalised (GA 36) and registered once;
// its kind follows from the plate; a vehicle is kept at a node of the tree (community or below) and
// seen by the scope holding it; the owner is a person the caller can see (name copied) or a name;
// every change is in the history.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/change_log.hpp"
#include "registry/problems.hpp"
#include "registry/registry_context.hpp"
#include "registry/vehicle.hpp"

namespace shequ::registry {

struct VehicleView {
  Vehicle vehicle;
  std::string address;
};

// The kind of a plate NormalisePlate returned: ordinary (5 characters after the office letter),
// special (the last one 学 警 挂 领 港 澳), new_energy_small (6, a letter first) or new_energy_large
// (6, D or F last).
std::string PlateKind(std::string_view normalised_plate);

// Checks and normalises the fields of a vehicle, without the database. `creating` requires a
// plate, a place and an owner, and defaults the type to a car.
VehicleFields CheckVehicleFields(const VehicleFields& fields, bool creating, Problems& problems);

class VehicleService {
 public:
  explicit VehicleService(const RegistryContext& context) : context_(context) {}

  VehicleView Create(const auth::Principal& actor, const VehicleFields& request);
  VehicleView Get(const auth::Principal& actor, std::int64_t id) const;
  VehicleView Update(const auth::Principal& actor, std::int64_t id, const VehicleFields& patch);
  std::vector<ChangeRecord> History(const auth::Principal& actor, std::int64_t id) const;
  VehiclePage Search(const auth::Principal& actor, const VehicleQuery& query) const;
  // Every match of `query` (paging ignored), for exports, with the place's address.
  using ExportVisitor = std::function<void(const Vehicle&, const std::string& address)>;
  void ForEach(const auth::Principal& actor, const VehicleQuery& query, const ExportVisitor& visit) const;

  // For imports and Create: inserts a vehicle of checked fields in the caller's transaction, with
  // its history and audit entry; the database checks (place, owner, plate taken) happen here.
  static std::int64_t InsertChecked(db::Connection& c, const RegistryContext& context,
                                    const auth::Principal& actor, const VehicleFields& checked);

 private:
  Vehicle LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const;
  VehicleView ViewOf(db::Connection& c, Vehicle vehicle) const;

  const RegistryContext& context_;
};

}  // namespace shequ::registry
