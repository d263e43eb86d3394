// A module declares itself in one manifest, read first to understand it: its migrations, the
// permissions it defines and which roles hold them, and its routes with the permission each
// requires. app/modules.cpp lists the modules.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/db/migration.hpp"
#include "core/http/route.hpp"

namespace shequ {

struct PermissionGrant {
  std::string permission;  // "<module>.<action>", e.g. "audit.read"
  std::vector<auth::Role> roles;
  std::string description;
};

struct ModuleManifest {
  std::string name;
  std::vector<std::string> depends;
  std::span<const db::MigrationFile> migrations;
  std::vector<PermissionGrant> permissions;
  std::vector<http::Route> routes;
};

}  // namespace shequ
