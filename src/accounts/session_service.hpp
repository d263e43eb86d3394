// Sign-in, sessions and throttling.
//
// Invariants:
//  1. Only the SHA-256 of a session token is stored; the token is shown once, at sign-in.
//  2. A session ends at the first of: its absolute lifetime, `idle_timeout` without a request,
//     sign-out, the account being disabled, its scope or password being changed by a manager.
//  3. Sign-in is refused (429) for a username with `max_user_failures` failures since its last
//     success within `failure_window`, and for an address with `max_ip_failures` failures in it;
//     the refusal itself checks no password, so guessing cannot continue while throttled.
//  4. Unknown usernames cost the same argon2id work as known ones and get the same answer.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "accounts/session_cache.hpp"
#include "accounts/user.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "core/notify/notifier.hpp"

namespace shequ::accounts {

struct SessionPolicy {
  std::chrono::milliseconds absolute_lifetime = std::chrono::hours(12);
  std::chrono::milliseconds idle_timeout = std::chrono::minutes(30);
  std::chrono::milliseconds touch_interval = std::chrono::minutes(1);  // how often last-seen is written
  std::int64_t max_user_failures = 5;
  std::int64_t max_ip_failures = 30;
  std::chrono::milliseconds failure_window = std::chrono::minutes(15);
};

struct LoginResult {
  std::string token;
  std::int64_t expires_at = 0;
  User user;
};

class SessionService {
 public:
  SessionService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                 notify::Notifier& notifier, SessionCache& cache, SessionPolicy policy = {})
      : database_(database),
        clock_(clock),
        audit_(audit),
        notifier_(notifier),
        cache_(cache),
        policy_(policy) {}

  LoginResult Login(const std::string& username, const std::string& password, const std::string& ip,
                    const std::string& user_agent);
  auth::Principal Authenticate(const std::string& token, const std::string& ip);

  // Region codes an account holds beyond its own scope (the nodes of the grids it serves).
  using ScopeExtension = std::function<std::vector<std::string>(std::int64_t user_id)>;
  void ExtendScopesWith(ScopeExtension extension) { extend_scope_ = std::move(extension); }
  void Logout(const auth::Principal& principal);

  const SessionPolicy& policy() const { return policy_; }

 private:
  void RefuseIfThrottled(const std::string& username, const std::string& ip,
                         std::optional<std::int64_t> last_login_at);

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  notify::Notifier& notifier_;
  SessionCache& cache_;
  SessionPolicy policy_;
  ScopeExtension extend_scope_;
};

}  // namespace shequ::accounts
