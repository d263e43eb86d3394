#include "accounts/session_service.hpp"

#include <algorithm>

#include "accounts/account_store.hpp"
#include "core/auth/password.hpp"
#include "core/crypto/crypto.hpp"
#include "core/errors/error.hpp"

namespace shequ::accounts {
namespace {

std::string Normalise(std::string username) {
  std::transform(username.begin(), username.end(), username.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const auto first = username.find_first_not_of(' ');
  const auto last = username.find_last_not_of(' ');
  return first == std::string::npos ? "" : username.substr(first, last - first + 1);
}

audit::AuditEntry LoginEntry(const std::string& username, const std::string& ip) {
  audit::AuditEntry entry;
  entry.actor_name = username.substr(0, 64);
  entry.action = "accounts.login";
  entry.object_type = "session";
  entry.ip = ip;
  return entry;
}

}  // namespace

void SessionService::RefuseIfThrottled(const std::string& username, const std::string& ip,
                                       std::optional<std::int64_t> last_login_at) {
  const std::int64_t now = clock_.NowMillis();
  const std::int64_t window_start = now - policy_.failure_window.count();
  const std::int64_t user_since = std::max(window_start, last_login_at.value_or(0) + 1);
  const auto retry_after = database_.Read([&](db::Connection& c) -> std::optional<std::int64_t> {
    if (AccountStore::CountUserFailuresSince(c, username, user_since) >= policy_.max_user_failures) {
      return *AccountStore::OldestUserFailureSince(c, username, user_since) + policy_.failure_window.count() -
             now;
    }
    if (AccountStore::CountIpFailuresSince(c, ip, window_start) >= policy_.max_ip_failures) {
      return *AccountStore::OldestIpFailureSince(c, ip, window_start) + policy_.failure_window.count() - now;
    }
    return std::nullopt;
  });
  if (!retry_after) return;
  auto entry = LoginEntry(username, ip);
  entry.result = audit::Outcome::kDenied;
  entry.detail = {{"reason", "throttled"}};
  audit_.RecordNow(entry);
  const std::int64_t seconds = std::max<std::int64_t>(1, (*retry_after + 999) / 1000);
  throw Error(ErrorCode::kTooManyRequests, nlohmann::json::array({{{"retry_after_seconds", seconds}}}));
}

LoginResult SessionService::Login(const std::string& raw_username, const std::string& password,
                                  const std::string& ip, const std::string& user_agent) {
  const std::string username = Normalise(raw_username);
  auto found = database_.Read([&](db::Connection& c) { return AccountStore::FindWithHash(c, username); });
  RefuseIfThrottled(username, ip, found ? found->first.last_login_at : std::nullopt);

  bool verified = false;
  if (found && !found->first.disabled) {
    verified = auth::VerifyPassword(found->second, password);
  } else {
    auth::VerifyAgainstDummy(password);
  }
  const std::int64_t now = clock_.NowMillis();
  if (!verified) {
    database_.Write([&](db::Connection& c) {
      AccountStore::InsertLoginFailure(c, username, ip, now);
      AccountStore::PruneLoginFailures(c, now - std::chrono::milliseconds(std::chrono::hours(24)).count());
      auto entry = LoginEntry(username, ip);
      if (found) entry.actor_id = found->first.id;
      entry.result = audit::Outcome::kFailure;
      entry.detail = {{"reason", found && found->first.disabled ? "account_disabled" : "bad_credentials"}};
      audit_.Record(c, entry);
    });
    throw Error(ErrorCode::kInvalidCredentials);
  }

  LoginResult result;
  result.user = found->first;
  result.token = crypto::RandomToken(32);
  result.expires_at = now + policy_.absolute_lifetime.count();
  const std::string token_hash = crypto::Sha256Hex(result.token);
  database_.Write([&](db::Connection& c) {
    AccountStore::InsertSession(c, token_hash, result.user.id, now, result.expires_at, ip,
                                user_agent.substr(0, 256));
    AccountStore::RecordLogin(c, result.user.id, now);
    auto entry = LoginEntry(username, ip);
    entry.actor_id = result.user.id;
    entry.actor_role = std::string(auth::RoleName(result.user.role));
    entry.object_id = token_hash.substr(0, 16);
    audit_.Record(c, entry);
  });
  result.user.last_login_at = now;
  return result;
}

auth::Principal SessionService::Authenticate(const std::string& token, const std::string& ip) {
  if (token.empty() || token.size() > 128) throw Error(ErrorCode::kUnauthenticated);
  const std::string token_hash = crypto::Sha256Hex(token);
  const std::int64_t now = clock_.NowMillis();
  auto record = cache_.Find(token_hash, now);
  if (!record) {
    record = database_.Once([&](db::Connection& c) { return AccountStore::FindSession(c, token_hash); });
    if (record && extend_scope_ && record->user.role != auth::Role::kAdmin) {
      for (auto& code : extend_scope_(record->user.id)) record->user.scopes.push_back(std::move(code));
    }
    if (record) cache_.Remember(*record, now);
  }
  if (!record || record->revoked_at || record->user.disabled) throw Error(ErrorCode::kUnauthenticated);
  if (now >= record->expires_at || now - record->last_seen_at >= policy_.idle_timeout.count()) {
    throw Error(ErrorCode::kSessionExpired);
  }
  if (now - record->last_seen_at >= policy_.touch_interval.count()) {
    database_.Write([&](db::Connection& c) { AccountStore::TouchSession(c, token_hash, now); });
    record->last_seen_at = now;
    cache_.Remember(*record, now);
  }
  auth::Principal principal;
  principal.user_id = record->user.id;
  principal.username = record->user.username;
  principal.display_name = record->user.display_name;
  principal.role = record->user.role;
  principal.scope = record->user.Scope();
  principal.session_hash = token_hash;
  principal.ip = ip;
  principal.session_expires_at = record->expires_at;
  return principal;
}

void SessionService::Logout(const auth::Principal& principal) {
  database_.Write([&](db::Connection& c) {
    AccountStore::RevokeSession(c, principal.session_hash, clock_.NowMillis());
    auto entry =
        audit::AuditLog::By(principal, "accounts.logout", "session", principal.session_hash.substr(0, 16));
    audit_.Record(c, entry);
  });
  cache_.ForgetSession(principal.session_hash);
  notifier_.EndSession(principal.session_hash, "signed_out");
}

}  // namespace shequ::accounts
