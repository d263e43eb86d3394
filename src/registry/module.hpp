#pragma once

#include "core/module.hpp"
#include "registry/key_group_service.hpp"
#include "registry/person_service.hpp"
#include "registry/registry_transfer.hpp"

namespace shequ::registry {

// The services of the registry, built once by the application over one shared context.
struct RegistryServices {
  explicit RegistryServices(const RegistryContext& context)
      : people(context), groups(context), transfer(context) {}
  PersonService people;
  KeyGroupService groups;
  RegistryTransfer transfer;
};

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(RegistryServices& services);

}  // namespace shequ::registry
