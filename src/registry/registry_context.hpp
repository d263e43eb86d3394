// What every registry service shares: the database, the clock, the audit log, the vault of keys,
// and the permission table's answer to "may this user do that", for rules finer than a route.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "registry/vault.hpp"

namespace shequ::registry {

using PermissionCheck = std::function<bool(const auth::Principal&, std::string_view permission)>;

struct RegistryContext {
  db::Database& database;
  const Clock& clock;
  const audit::AuditLog& audit;
  const Vault& vault;
  PermissionCheck permits;

  // Key-group records of a sensitivity class are seen only by roles granted its permission.
  bool MaySee(const auth::Principal& actor, std::string_view sensitivity) const;
};

// Standard addresses of nodes (陕西省…兴隆佳苑社区 兴隆佳苑小区 3栋 2单元 501室), in one query.
std::map<std::string, std::string> AddressesOf(db::Connection& c, const std::vector<std::string>& codes);

}  // namespace shequ::registry
