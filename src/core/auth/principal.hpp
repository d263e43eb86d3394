#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/scope.hpp"

namespace shequ::auth {

// System roles, from the widest to the narrowest view. A person's duties in a grid (网格长, 楼长 …)
// are grid memberships, not system roles.
enum class Role { kAdmin, kCounty, kStreet, kCommunity, kGridWorker, kDepartment, kResident };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::vector<Role> AllRoles();
// Roles a user of `manager` role may create or manage (always narrower, never equal except admin).
bool MayManageRole(Role manager, Role managed);

// The signed-in user of a request.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kResident;
  Scope scope;
  std::string session_hash;             // identifies the session (SHA-256 of its token), for logout
  std::string ip;                       // where this request came from, for the audit log
  std::int64_t session_expires_at = 0;  // epoch ms: the session's absolute end
};

}  // namespace shequ::auth
