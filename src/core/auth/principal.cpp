#include "core/auth/principal.hpp"

#include <array>
#include <utility>

namespace shequ::auth {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kRoles = {{
    {Role::kAdmin, "admin"},
    {Role::kCounty, "county"},
    {Role::kStreet, "street"},
    {Role::kCommunity, "community"},
    {Role::kGridWorker, "grid_worker"},
    {Role::kDepartment, "department"},
    {Role::kResident, "resident"},
}};

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoles) {
    if (n == name) return r;
  }
  return std::nullopt;
}

std::vector<Role> AllRoles() {
  std::vector<Role> roles;
  for (const auto& [r, name] : kRoles) roles.push_back(r);
  return roles;
}

bool MayManageRole(Role manager, Role managed) {
  switch (manager) {
    case Role::kAdmin:
      return true;
    case Role::kCounty:
      return managed != Role::kAdmin && managed != Role::kCounty;
    case Role::kStreet:
      return managed == Role::kCommunity || managed == Role::kGridWorker || managed == Role::kResident;
    case Role::kCommunity:
      return managed == Role::kGridWorker || managed == Role::kResident;
    default:
      return false;
  }
}

}  // namespace shequ::auth
