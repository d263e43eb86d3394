#include "registry/housing_store.hpp"

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kColumns =
    "dwelling_code, area_m2, use, ownership, occupancy, certificate_number, note, version, created_at,"
    " updated_at";

std::optional<double> OptDouble(const db::Row& row, std::size_t i) {
  return row.IsNull(i) ? std::nullopt : std::optional(row.Double(i));
}

Housing Read(const db::Row& row) {
  Housing h;
  h.dwelling_code = row.TakeText(0);
  h.area_m2 = OptDouble(row, 1);
  h.use = row.TakeText(2);
  h.ownership = row.TakeText(3);
  h.occupancy = row.TakeText(4);
  h.certificate_number = row.TakeText(5);
  h.note = row.TakeText(6);
  h.version = row.Int(7);
  h.created_at = row.Int(8);
  h.updated_at = row.Int(9);
  return h;
}

std::string FromWhere(const HousingFilter& f, db::SqlParams& params) {
  std::string where;
  const auto add = [&where](const std::string& condition) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (const auto scope = regions::SubtreeCondition(f.prefixes, {"dwelling_code"}, params); !scope.empty())
    add(scope);
  if (!f.use.empty()) add("use = " + params.Add(f.use));
  if (!f.ownership.empty()) add("ownership = " + params.Add(f.ownership));
  if (!f.occupancy.empty()) add("occupancy = " + params.Add(f.occupancy));
  return " FROM housing" + where;
}

}  // namespace

void HousingStore::Insert(db::Connection& c, const Housing& h) {
  c.Run(
      "INSERT INTO housing (dwelling_code, area_m2, use, ownership, occupancy, certificate_number, note,"
      " version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      h.dwelling_code, h.area_m2, h.use, h.ownership, h.occupancy, h.certificate_number, h.note, h.version,
      h.created_at, h.updated_at);
}

std::optional<Housing> HousingStore::Find(db::Connection& c, const std::string& dwelling_code) {
  static const std::string kFind =
      "SELECT " + std::string(kColumns) + " FROM housing WHERE dwelling_code = $1";
  auto rows = c.Run(kFind, dwelling_code);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

bool HousingStore::Update(db::Connection& c, const Housing& h, std::int64_t expected_version) {
  return c.Run(
              "UPDATE housing SET area_m2 = $2, use = $3, ownership = $4, occupancy = $5,"
              " certificate_number = $6, note = $7, version = $8, updated_at = $9"
              " WHERE dwelling_code = $1 AND version = $10",
              h.dwelling_code, h.area_m2, h.use, h.ownership, h.occupancy, h.certificate_number, h.note,
              h.version, h.updated_at, expected_version)
             .affected_rows == 1;
}

HousingPage HousingStore::Search(db::Connection& c, const HousingFilter& f) {
  db::SqlParams params;
  const auto from_where = FromWhere(f, params);
  HousingPage page;
  page.total = c.Execute("SELECT COUNT(*)" + from_where, params.values())[0].Int(0);
  const auto limit = params.Add(f.limit);
  const auto offset = params.Add(f.offset);
  auto rows = c.Execute("SELECT " + std::string(kColumns) + from_where + " ORDER BY dwelling_code LIMIT " +
                            limit + " OFFSET " + offset,
                        params.values());
  for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(Read(rows[i]));
  return page;
}

void HousingStore::ForEachPage(db::Connection& c, const HousingFilter& f,
                               const std::function<void(std::vector<Housing>&)>& visit) {
  // Keyset pages by the dwelling code, the primary key, keep memory flat however long the list.
  std::string after;
  while (true) {
    db::SqlParams params;
    auto from_where = FromWhere(f, params);
    from_where += (from_where.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ");
    from_where += "dwelling_code > " + params.Add(after);
    auto rows =
        c.Execute("SELECT " + std::string(kColumns) + from_where + " ORDER BY dwelling_code LIMIT 1000",
                  params.values());
    if (rows.empty()) return;
    std::vector<Housing> page;
    page.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) page.push_back(Read(rows[i]));
    after = page.back().dwelling_code;
    visit(page);
  }
}

std::vector<HousingParty> HousingStore::Parties(db::Connection& c, const std::string& dwelling_code) {
  auto rows = c.Run(
      "SELECT id, dwelling_code, role, person_id, party_name, share_percent, started_on, ended_on, "
      "end_reason,"
      " created_at FROM housing_parties WHERE dwelling_code = $1"
      " ORDER BY CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END,"
      " CASE role WHEN 'owner' THEN 0 WHEN 'co_owner' THEN 1 WHEN 'tenant' THEN 2 ELSE 3 END, id",
      dwelling_code);
  std::vector<HousingParty> parties;
  parties.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    parties.push_back({row.Int(0), row.TakeText(1), row.TakeText(2), row.OptInt(3), row.TakeText(4),
                       OptDouble(row, 5), row.TakeText(6), row.OptText(7), row.TakeText(8), row.Int(9)});
  }
  return parties;
}

std::int64_t HousingStore::InsertParty(db::Connection& c, const HousingParty& p) {
  return c
      .Run(
          "INSERT INTO housing_parties (dwelling_code, role, person_id, party_name, share_percent, "
          "started_on,"
          " ended_on, end_reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
          p.dwelling_code, p.role, p.person_id, p.party_name, p.share_percent, p.started_on, p.ended_on,
          p.end_reason, p.created_at)[0]
      .Int(0);
}

void HousingStore::EndParty(db::Connection& c, std::int64_t party_id, const std::string& ended_on,
                            const std::string& reason) {
  c.Run("UPDATE housing_parties SET ended_on = $2, end_reason = $3 WHERE id = $1", party_id, ended_on,
        reason);
}

}  // namespace shequ::registry
