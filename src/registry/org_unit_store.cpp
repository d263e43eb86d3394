#include "registry/org_unit_store.hpp"

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kColumns =
    "id, name, credit_code, kind, industry, region_code, address, legal_representative, contact_name,"
    " contact_phone_enc, contact_phone_index, contact_phone_mask, employees, status, version, created_at,"
    " updated_at";

OrgUnit Read(const db::Row& row) {
  OrgUnit u;
  u.id = row.Int(0);
  u.name = row.TakeText(1);
  u.credit_code = row.OptText(2);
  u.kind = row.TakeText(3);
  u.industry = row.TakeText(4);
  u.region_code = row.TakeText(5);
  u.address = row.TakeText(6);
  u.legal_representative = row.TakeText(7);
  u.contact_name = row.TakeText(8);
  u.contact_phone_cipher = row.OptText(9);
  u.contact_phone_index = row.OptText(10);
  u.contact_phone_mask = row.TakeText(11);
  u.employees = row.OptInt(12);
  u.status = row.TakeText(13);
  u.version = row.Int(14);
  u.created_at = row.Int(15);
  u.updated_at = row.Int(16);
  return u;
}

std::string FromWhere(const OrgUnitFilter& f, db::SqlParams& params) {
  std::string where;
  const auto add = [&where](const std::string& condition) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (const auto scope = regions::SubtreeCondition(f.prefixes, {"region_code"}, params); !scope.empty())
    add(scope);
  if (!f.name_part.empty() && !f.credit_code.empty()) {
    add("(name LIKE " + params.Add("%" + f.name_part + "%") +
        " OR credit_code = " + params.Add(f.credit_code) + ")");
  } else if (!f.name_part.empty()) {
    add("name LIKE " + params.Add("%" + f.name_part + "%"));
  }
  if (!f.kind.empty()) add("kind = " + params.Add(f.kind));
  return " FROM org_units" + where;
}

}  // namespace

std::int64_t OrgUnitStore::Insert(db::Connection& c, const OrgUnit& u) {
  return c
      .Run(
          "INSERT INTO org_units (name, credit_code, kind, industry, region_code, address,"
          " legal_representative, contact_name, contact_phone_enc, contact_phone_index, contact_phone_mask,"
          " employees, status, version, created_at, updated_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
          u.name, u.credit_code, u.kind, u.industry, u.region_code, u.address, u.legal_representative,
          u.contact_name, u.contact_phone_cipher, u.contact_phone_index, u.contact_phone_mask, u.employees,
          u.status, u.version, u.created_at, u.updated_at)[0]
      .Int(0);
}

std::optional<OrgUnit> OrgUnitStore::Find(db::Connection& c, std::int64_t id) {
  static const std::string kFind = "SELECT " + std::string(kColumns) + " FROM org_units WHERE id = $1";
  auto rows = c.Run(kFind, id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

std::optional<std::int64_t> OrgUnitStore::FindIdByCreditCode(db::Connection& c,
                                                             const std::string& credit_code) {
  auto rows = c.Run("SELECT id FROM org_units WHERE credit_code = $1", credit_code);
  if (rows.empty()) return std::nullopt;
  return rows[0].Int(0);
}

bool OrgUnitStore::Update(db::Connection& c, const OrgUnit& u, std::int64_t expected_version) {
  return c.Run(
              "UPDATE org_units SET name = $2, credit_code = $3, kind = $4, industry = $5, region_code = $6,"
              " address = $7, legal_representative = $8, contact_name = $9, contact_phone_enc = $10,"
              " contact_phone_index = $11, contact_phone_mask = $12, employees = $13, status = $14,"
              " version = $15, updated_at = $16 WHERE id = $1 AND version = $17",
              u.id, u.name, u.credit_code, u.kind, u.industry, u.region_code, u.address,
              u.legal_representative, u.contact_name, u.contact_phone_cipher, u.contact_phone_index,
              u.contact_phone_mask, u.employees, u.status, u.version, u.updated_at, expected_version)
             .affected_rows == 1;
}

OrgUnitPage OrgUnitStore::Search(db::Connection& c, const OrgUnitFilter& f) {
  db::SqlParams params;
  const auto from_where = FromWhere(f, params);
  OrgUnitPage page;
  page.total = c.Execute("SELECT COUNT(*)" + from_where, params.values())[0].Int(0);
  const auto limit = params.Add(f.limit);
  const auto offset = params.Add(f.offset);
  auto rows = c.Execute("SELECT " + std::string(kColumns) + from_where + " ORDER BY name, id LIMIT " + limit +
                            " OFFSET " + offset,
                        params.values());
  for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(Read(rows[i]));
  return page;
}

void OrgUnitStore::ForEachPage(db::Connection& c, const OrgUnitFilter& f,
                               const std::function<void(std::vector<OrgUnit>&)>& visit) {
  // Keyset pages by id keep memory flat however long the list.
  std::int64_t after = 0;
  while (true) {
    db::SqlParams params;
    auto from_where = FromWhere(f, params);
    from_where += (from_where.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ");
    from_where += "id > " + params.Add(after);
    auto rows = c.Execute("SELECT " + std::string(kColumns) + from_where + " ORDER BY id LIMIT 1000",
                          params.values());
    if (rows.empty()) return;
    std::vector<OrgUnit> page;
    page.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) page.push_back(Read(rows[i]));
    after = page.back().id;
    visit(page);
  }
}

}  // namespace shequ::registry
