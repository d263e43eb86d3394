#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/user.hpp"
#include "core/db/database.hpp"

namespace shequ::accounts {

// All SQL of the accounts module.
class AccountStore {
 public:
  static std::int64_t InsertUser(db::Connection& c, const User& user, const std::string& password_hash);
  static void ReplaceScopes(db::Connection& c, std::int64_t user_id, const std::vector<std::string>& scopes);
  static void UpdateUser(db::Connection& c, const User& user);
  static void SetPassword(db::Connection& c, std::int64_t user_id, const std::string& hash, std::int64_t now);
  static std::optional<User> FindById(db::Connection& c, std::int64_t id);
  static std::optional<std::pair<User, std::string>> FindWithHash(db::Connection& c,
                                                                  const std::string& username);
  // Users whose every scope node lies under one of `prefixes` ({""} = everyone).
  static UserPage List(db::Connection& c, const std::vector<std::string>& prefixes, const UserQuery& query);
  static std::int64_t CountAdmins(db::Connection& c);

  static void InsertSession(db::Connection& c, const std::string& token_hash, std::int64_t user_id,
                            std::int64_t now, std::int64_t expires_at, const std::string& ip,
                            const std::string& user_agent);
  static std::optional<SessionRecord> FindSession(db::Connection& c, const std::string& token_hash);
  static void TouchSession(db::Connection& c, const std::string& token_hash, std::int64_t now);
  static bool RevokeSession(db::Connection& c, const std::string& token_hash, std::int64_t now);
  static std::int64_t RevokeUserSessions(db::Connection& c, std::int64_t user_id, std::int64_t now,
                                         const std::string& except_hash);
  static void RecordLogin(db::Connection& c, std::int64_t user_id, std::int64_t now);

  static void InsertLoginFailure(db::Connection& c, const std::string& username, const std::string& ip,
                                 std::int64_t now);
  static std::int64_t CountUserFailuresSince(db::Connection& c, const std::string& username,
                                             std::int64_t since);
  static std::int64_t CountIpFailuresSince(db::Connection& c, const std::string& ip, std::int64_t since);
  static std::optional<std::int64_t> OldestUserFailureSince(db::Connection& c, const std::string& username,
                                                            std::int64_t since);
  static std::optional<std::int64_t> OldestIpFailureSince(db::Connection& c, const std::string& ip,
                                                          std::int64_t since);
  static void PruneLoginFailures(db::Connection& c, std::int64_t before);
};

}  // namespace shequ::accounts
