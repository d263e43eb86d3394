#include "accounts/account_store.hpp"

#include <unordered_map>

namespace shequ::accounts {
namespace {

constexpr std::string_view kUserColumns =
    "u.id, u.username, u.display_name, u.role, u.disabled, u.created_at, u.updated_at, u.password_changed_at,"
    " u.last_login_at";

User ReadUser(const db::Row& row, std::size_t first = 0) {
  User user;
  user.id = row.Int(first + 0);
  user.username = row.Text(first + 1);
  user.display_name = row.Text(first + 2);
  user.role = auth::ParseRole(row.Text(first + 3)).value_or(auth::Role::kResident);
  user.disabled = row.Int(first + 4) != 0;
  user.created_at = row.Int(first + 5);
  user.updated_at = row.Int(first + 6);
  user.password_changed_at = row.Int(first + 7);
  user.last_login_at = row.OptInt(first + 8);
  return user;
}

std::vector<std::string> LoadScopes(db::Connection& c, std::int64_t user_id) {
  auto rows = c.Run("SELECT region_code FROM user_scopes WHERE user_id = $1 ORDER BY region_code", user_id);
  std::vector<std::string> scopes;
  for (std::size_t i = 0; i < rows.size(); ++i) scopes.push_back(rows[i].Text(0));
  return scopes;
}

// Scopes of many users in a few statements (batches of IN lists), not one statement per user.
void AttachScopes(db::Connection& c, std::vector<User>& users) {
  constexpr std::size_t kBatch = 500;
  std::unordered_map<std::int64_t, User*> by_id;
  for (auto& user : users) by_id[user.id] = &user;
  for (std::size_t start = 0; start < users.size(); start += kBatch) {
    std::string sql = "SELECT user_id, region_code FROM user_scopes WHERE user_id IN (";
    std::vector<db::Value> ids;
    for (std::size_t i = start; i < std::min(users.size(), start + kBatch); ++i) {
      ids.emplace_back(users[i].id);
      sql += (ids.size() > 1 ? ", $" : "$") + std::to_string(ids.size());
    }
    auto rows = c.Execute(sql + ") ORDER BY user_id, region_code", ids);
    for (std::size_t i = 0; i < rows.size(); ++i) by_id[rows[i].Int(0)]->scopes.push_back(rows[i].Text(1));
  }
}

std::vector<std::string> CollectScopes(const db::Result& rows, std::size_t column) {
  std::vector<std::string> scopes;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].IsNull(column)) scopes.push_back(rows[i].Text(column));
  }
  return scopes;
}

}  // namespace

std::int64_t AccountStore::InsertUser(db::Connection& c, const User& user, const std::string& password_hash) {
  auto rows = c.Run(
      "INSERT INTO users (username, display_name, role, password_hash, disabled, created_at, updated_at,"
      " password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING id",
      user.username, user.display_name, auth::RoleName(user.role), password_hash, user.disabled,
      user.created_at);
  const auto id = rows[0].Int(0);
  ReplaceScopes(c, id, user.scopes);
  return id;
}

void AccountStore::ReplaceScopes(db::Connection& c, std::int64_t user_id,
                                 const std::vector<std::string>& scopes) {
  c.Run("DELETE FROM user_scopes WHERE user_id = $1", user_id);
  for (const auto& code : scopes) {
    c.Run("INSERT INTO user_scopes (user_id, region_code) VALUES ($1, $2)", user_id, code);
  }
}

void AccountStore::UpdateUser(db::Connection& c, const User& user) {
  c.Run("UPDATE users SET display_name = $2, disabled = $3, updated_at = $4 WHERE id = $1", user.id,
        user.display_name, user.disabled, user.updated_at);
  ReplaceScopes(c, user.id, user.scopes);
}

void AccountStore::SetPassword(db::Connection& c, std::int64_t user_id, const std::string& hash,
                               std::int64_t now) {
  c.Run("UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1",
        user_id, hash, now);
}

std::optional<User> AccountStore::FindById(db::Connection& c, std::int64_t id) {
  // One statement: the user row repeated once per scope node (LEFT JOIN keeps scope-less admins).
  static const std::string kFind = "SELECT " + std::string(kUserColumns) +
                                   ", s.region_code FROM users u LEFT JOIN user_scopes s ON s.user_id = u.id"
                                   " WHERE u.id = $1 ORDER BY s.region_code";
  auto rows = c.Run(kFind, id);
  if (rows.empty()) return std::nullopt;
  User user = ReadUser(rows[0]);
  user.scopes = CollectScopes(rows, 9);
  return user;
}

std::optional<std::pair<User, std::string>> AccountStore::FindWithHash(db::Connection& c,
                                                                       const std::string& username) {
  auto rows =
      c.Run("SELECT " + std::string(kUserColumns) + ", u.password_hash FROM users u WHERE u.username = $1",
            username);
  if (rows.empty()) return std::nullopt;
  User user = ReadUser(rows[0]);
  user.scopes = LoadScopes(c, user.id);
  return std::make_pair(std::move(user), rows[0].Text(9));
}

UserPage AccountStore::List(db::Connection& c, const std::vector<std::string>& prefixes,
                            const UserQuery& query) {
  std::string where = " WHERE 1 = 1";
  std::vector<db::Value> params;
  const auto param = [&params](db::Value value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
  };
  const bool national = prefixes.size() == 1 && prefixes[0].empty();
  if (!national) {
    // Inside the scope: the user has scope nodes, and none of them lies outside every prefix.
    std::string inside;
    for (const auto& prefix : prefixes) {
      inside += (inside.empty() ? "" : " OR ") + std::string("s.region_code LIKE ") + param(prefix + "%");
    }
    if (inside.empty()) inside = "1 = 0";
    where +=
        " AND EXISTS (SELECT 1 FROM user_scopes s WHERE s.user_id = u.id)"
        " AND NOT EXISTS (SELECT 1 FROM user_scopes s WHERE s.user_id = u.id AND NOT (" +
        inside + "))";
  }
  if (query.role) where += " AND u.role = " + param(std::string(auth::RoleName(*query.role)));
  if (query.text) {
    const auto pattern = param("%" + *query.text + "%");
    where += " AND (u.username LIKE " + pattern + " OR u.display_name LIKE " + pattern + ")";
  }
  auto count = c.Execute("SELECT COUNT(*) FROM users u" + where, params);
  UserPage page;
  page.total = count[0].Int(0);
  const auto limit = param(query.limit);
  const auto offset = param(query.offset);
  auto rows = c.Execute("SELECT " + std::string(kUserColumns) + " FROM users u" + where +
                            " ORDER BY u.id LIMIT " + limit + " OFFSET " + offset,
                        params);
  for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(ReadUser(rows[i]));
  AttachScopes(c, page.items);
  return page;
}

std::int64_t AccountStore::CountAdmins(db::Connection& c) {
  return c.Run("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0")[0].Int(0);
}

void AccountStore::InsertSession(db::Connection& c, const std::string& token_hash, std::int64_t user_id,
                                 std::int64_t now, std::int64_t expires_at, const std::string& ip,
                                 const std::string& user_agent) {
  c.Run(
      "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent)"
      " VALUES ($1, $2, $3, $3, $4, $5, $6)",
      token_hash, user_id, now, expires_at, ip, user_agent);
}

std::optional<SessionRecord> AccountStore::FindSession(db::Connection& c, const std::string& token_hash) {
  // Runs on every signed-in request: one statement, scopes joined in.
  static const std::string kFind =
      "SELECT " + std::string(kUserColumns) +
      ", s.created_at, s.last_seen_at, s.expires_at, s.revoked_at, us.region_code"
      " FROM sessions s JOIN users u ON u.id = s.user_id"
      " LEFT JOIN user_scopes us ON us.user_id = u.id"
      " WHERE s.token_hash = $1";
  auto rows = c.Run(kFind, token_hash);
  if (rows.empty()) return std::nullopt;
  SessionRecord record;
  record.token_hash = token_hash;
  record.user = ReadUser(rows[0]);
  record.created_at = rows[0].Int(9);
  record.last_seen_at = rows[0].Int(10);
  record.expires_at = rows[0].Int(11);
  record.revoked_at = rows[0].OptInt(12);
  record.user.scopes = CollectScopes(rows, 13);
  return record;
}

void AccountStore::TouchSession(db::Connection& c, const std::string& token_hash, std::int64_t now) {
  c.Run("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1", token_hash, now);
}

bool AccountStore::RevokeSession(db::Connection& c, const std::string& token_hash, std::int64_t now) {
  return c.Run("UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL", token_hash,
               now)
             .affected_rows > 0;
}

std::int64_t AccountStore::RevokeUserSessions(db::Connection& c, std::int64_t user_id, std::int64_t now,
                                              const std::string& except_hash) {
  return c
      .Run(
          "UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND token_hash <> "
          "$3",
          user_id, now, except_hash)
      .affected_rows;
}

void AccountStore::RecordLogin(db::Connection& c, std::int64_t user_id, std::int64_t now) {
  c.Run("UPDATE users SET last_login_at = $2 WHERE id = $1", user_id, now);
}

void AccountStore::InsertLoginFailure(db::Connection& c, const std::string& username, const std::string& ip,
                                      std::int64_t now) {
  c.Run("INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)", username, ip, now);
}

std::int64_t AccountStore::CountUserFailuresSince(db::Connection& c, const std::string& username,
                                                  std::int64_t since) {
  return c.Run("SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at >= $2", username, since)[0]
      .Int(0);
}

std::int64_t AccountStore::CountIpFailuresSince(db::Connection& c, const std::string& ip,
                                                std::int64_t since) {
  return c.Run("SELECT COUNT(*) FROM login_failures WHERE ip = $1 AND at >= $2", ip, since)[0].Int(0);
}

std::optional<std::int64_t> AccountStore::OldestUserFailureSince(db::Connection& c,
                                                                 const std::string& username,
                                                                 std::int64_t since) {
  return c.Run("SELECT MIN(at) FROM login_failures WHERE username = $1 AND at >= $2", username, since)[0]
      .OptInt(0);
}

std::optional<std::int64_t> AccountStore::OldestIpFailureSince(db::Connection& c, const std::string& ip,
                                                               std::int64_t since) {
  return c.Run("SELECT MIN(at) FROM login_failures WHERE ip = $1 AND at >= $2", ip, since)[0].OptInt(0);
}

void AccountStore::PruneLoginFailures(db::Connection& c, std::int64_t before) {
  c.Run("DELETE FROM login_failures WHERE at < $1", before);
}

}  // namespace shequ::accounts
