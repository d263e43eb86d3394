// Account management rules. A user manages only accounts of narrower roles (auth::MayManageRole)
// whose every scope node lies inside their own; anything else is answered as if the account did
// not exist (not_found), so scope never leaks which accounts exist elsewhere.
#pragma once

#include <functional>
#include <vector>

#include "accounts/session_cache.hpp"
#include "accounts/user.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "core/notify/notifier.hpp"

namespace shequ::accounts {

class AccountService {
 public:
  AccountService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                 notify::Notifier& notifier, SessionCache& sessions)
      : database_(database), clock_(clock), audit_(audit), notifier_(notifier), sessions_(sessions) {}

  // Given scope codes, returns those that name no node of the region tree.
  using UnknownRegions = std::function<std::vector<std::string>(const std::vector<std::string>&)>;
  void CheckRegionsWith(UnknownRegions check) { unknown_regions_ = std::move(check); }

  // `actor` is null for the command line (a person at the server's console).
  User Create(const auth::Principal* actor, const NewUser& request);
  UserPage List(const auth::Principal& actor, const UserQuery& query) const;
  User Get(const auth::Principal& actor, std::int64_t id) const;
  User Update(const auth::Principal& actor, std::int64_t id, const UserPatch& patch);
  void ResetPassword(const auth::Principal& actor, std::int64_t id, const std::string& new_password);
  void ChangeOwnPassword(const auth::Principal& actor, const std::string& current, const std::string& next);
  std::vector<User> ListAll() const;
  // The enabled department accounts whose scope covers the caller's whole scope: the departments
  // a street can summon (吹哨) or an event can go to, although they sit outside the caller's scope.
  std::vector<User> DepartmentsServing(const auth::Principal& actor) const;
  bool HasAdmin() const;

 private:
  User LoadManageable(db::Connection& c, const auth::Principal& actor, std::int64_t id) const;

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  notify::Notifier& notifier_;
  SessionCache& sessions_;
  UnknownRegions unknown_regions_;
};

// Checks the shape of a username: 3-32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.
bool IsValidUsername(std::string_view username);

}  // namespace shequ::accounts
