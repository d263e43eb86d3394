#include "open311/open311_store.hpp"

namespace shequ::open311 {
namespace {

constexpr std::string_view kKeyColumns = "id, name, scope_code, key_hash, created_at, revoked_at";

std::vector<ApiKey> ReadKeys(const db::Result& rows) {
  std::vector<ApiKey> keys;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    keys.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Int(4), row.OptInt(5)});
  }
  return keys;
}

std::optional<ApiKey> First(const db::Result& rows) {
  auto keys = ReadKeys(rows);
  if (keys.empty()) return std::nullopt;
  return keys.front();
}

}  // namespace

std::int64_t Open311Store::InsertKey(db::Connection& c, const ApiKey& key) {
  return c
      .Run(
          "INSERT INTO open311_api_keys (name, scope_code, key_hash, created_at, revoked_at)"
          " VALUES ($1, $2, $3, $4, $5) RETURNING id",
          key.name, key.scope_code, key.key_hash, key.created_at, key.revoked_at)[0]
      .Int(0);
}

std::vector<ApiKey> Open311Store::Keys(db::Connection& c) {
  return ReadKeys(c.Run("SELECT " + std::string(kKeyColumns) + " FROM open311_api_keys ORDER BY id"));
}

std::optional<ApiKey> Open311Store::KeyByHash(db::Connection& c, const std::string& key_hash) {
  return First(
      c.Run("SELECT " + std::string(kKeyColumns) + " FROM open311_api_keys WHERE key_hash = $1", key_hash));
}

std::optional<ApiKey> Open311Store::KeyByName(db::Connection& c, const std::string& name) {
  return First(c.Run("SELECT " + std::string(kKeyColumns) + " FROM open311_api_keys WHERE name = $1", name));
}

std::optional<ApiKey> Open311Store::KeyById(db::Connection& c, std::int64_t id) {
  return First(c.Run("SELECT " + std::string(kKeyColumns) + " FROM open311_api_keys WHERE id = $1", id));
}

void Open311Store::RevokeKey(db::Connection& c, std::int64_t id, std::int64_t at) {
  c.Run("UPDATE open311_api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", at, id);
}

void Open311Store::InsertRequest(db::Connection& c, std::int64_t event_id, std::int64_t api_key_id,
                                 const std::string& media_url) {
  c.Run("INSERT INTO open311_requests (event_id, api_key_id, media_url) VALUES ($1, $2, $3)", event_id,
        api_key_id, media_url);
}

std::map<std::int64_t, std::string> Open311Store::MediaOf(db::Connection& c,
                                                          const std::vector<std::int64_t>& event_ids) {
  std::map<std::int64_t, std::string> media;
  if (event_ids.empty()) return media;
  std::string sql = "SELECT event_id, media_url FROM open311_requests WHERE event_id IN (";
  std::vector<db::Value> params;
  for (const auto id : event_ids) {
    params.emplace_back(id);
    sql += (params.size() > 1 ? ", $" : "$") + std::to_string(params.size());
  }
  const auto rows = c.Execute(sql + ")", params);
  for (std::size_t i = 0; i < rows.size(); ++i) media[rows[i].Int(0)] = rows[i].Text(1);
  return media;
}

}  // namespace shequ::open311
