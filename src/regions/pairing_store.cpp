#include "regions/pairing_store.hpp"

#include "core/auth/scope.hpp"
#include "regions/region_store.hpp"

namespace shequ::regions {
namespace {

constexpr std::string_view kColumns =
    "id, kind, unit_name, cadre_user_id, cadre_name, region_code, started_at, ended_at, end_reason";

Pairing Read(const db::Row& row) {
  Pairing p;
  p.id = row.Int(0);
  p.kind = row.Text(1);
  p.unit_name = row.Text(2);
  p.cadre_user_id = row.OptInt(3);
  p.cadre_name = row.Text(4);
  p.region_code = row.Text(5);
  p.started_at = row.Int(6);
  p.ended_at = row.OptInt(7);
  p.end_reason = row.Text(8);
  return p;
}

}  // namespace

std::int64_t PairingStore::Insert(db::Connection& c, const Pairing& p) {
  return c
      .Run(
          "INSERT INTO pairings (kind, unit_name, cadre_user_id, cadre_name, region_code, started_at, "
          "end_reason)"
          " VALUES ($1, $2, $3, $4, $5, $6, '') RETURNING id",
          p.kind, p.unit_name, p.cadre_user_id, p.cadre_name, p.region_code, p.started_at)[0]
      .Int(0);
}

std::optional<Pairing> PairingStore::Find(db::Connection& c, std::int64_t id) {
  auto rows = c.Run("SELECT " + std::string(kColumns) + " FROM pairings WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

void PairingStore::End(db::Connection& c, std::int64_t id, std::int64_t at, const std::string& reason) {
  c.Run("UPDATE pairings SET ended_at = $2, end_reason = $3 WHERE id = $1", id, at, reason);
}

std::vector<Pairing> PairingStore::ListUnder(db::Connection& c, const std::string& code, bool with_history) {
  const auto [low, high] = CodeRange(std::string(auth::SignificantPrefix(code)));
  auto rows = c.Run("SELECT " + std::string(kColumns) +
                        " FROM pairings WHERE region_code >= $1 AND region_code < $2" +
                        (with_history ? "" : " AND ended_at IS NULL") + " ORDER BY started_at DESC, id DESC",
                    low, high);
  std::vector<Pairing> pairings;
  for (std::size_t i = 0; i < rows.size(); ++i) pairings.push_back(Read(rows[i]));
  return pairings;
}

std::int64_t PairingStore::CountActive(db::Connection& c, const Pairing& like) {
  return c
      .Run(
          "SELECT COUNT(*) FROM pairings WHERE kind = $1 AND unit_name = $2 AND cadre_name = $3"
          " AND region_code = $4 AND ended_at IS NULL",
          like.kind, like.unit_name, like.cadre_name, like.region_code)[0]
      .Int(0);
}

}  // namespace shequ::regions
