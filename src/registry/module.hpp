#pragma once

#include "core/module.hpp"
#include "registry/household_service.hpp"
#include "registry/housing_service.hpp"
#include "registry/key_group_service.hpp"
#include "registry/org_unit_service.hpp"
#include "registry/person_service.hpp"
#include "registry/registry_transfer.hpp"
#include "registry/vehicle_service.hpp"

namespace shequ::registry {

// The services of the registry, built once by the application over one shared context.
struct RegistryServices {
  explicit RegistryServices(const RegistryContext& context)
      : people(context),
        groups(context),
        households(context),
        housing(context),
        vehicles(context),
        units(context),
        transfer(context) {}
  PersonService people;
  KeyGroupService groups;
  HouseholdService households;
  HousingService housing;
  VehicleService vehicles;
  OrgUnitService units;
  RegistryTransfer transfer;
};

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(RegistryServices& services);

}  // namespace shequ::registry
