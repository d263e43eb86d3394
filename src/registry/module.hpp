#pragma once

#include "core/module.hpp"
#include "registry/key_group_service.hpp"
#include "registry/person_service.hpp"

namespace shequ::registry {

// The services of the registry, built once by the application over one shared context.
struct RegistryServices {
  explicit RegistryServices(const RegistryContext& context) : people(context), groups(context) {}
  PersonService people;
  KeyGroupService groups;
};

std::span<const db::MigrationFile> Migrations();
ModuleManifest Manifest(RegistryServices& services);

}  // namespace shequ::registry
