#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"

namespace shequ::accounts {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  auth::Role role = auth::Role::kResident;
  std::vector<std::string> scopes;  // region codes; empty for admins (national)
  bool disabled = false;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t password_changed_at = 0;
  std::optional<std::int64_t> last_login_at;

  auth::Scope Scope() const {
    return role == auth::Role::kAdmin ? auth::Scope::National() : auth::Scope::Of(scopes);
  }
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::vector<std::string> scopes;
  std::string password;
};

struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<bool> disabled;
  std::optional<std::vector<std::string>> scopes;
};

struct UserQuery {
  std::optional<auth::Role> role;
  std::optional<std::string> text;  // substring of username or display name
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

struct UserPage {
  std::vector<User> items;
  std::int64_t total = 0;
};

// A session row joined with its user, as the authenticator needs it.
struct SessionRecord {
  std::string token_hash;
  User user;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> revoked_at;
};

}  // namespace shequ::accounts
