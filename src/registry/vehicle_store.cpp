#include "registry/vehicle_store.hpp"

#include <algorithm>

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kColumns =
    "id, plate, plate_kind, vehicle_type, brand, color, owner_person_id, owner_name, region_code,"
    " permit_number, permit_valid_until, status, version, created_at, updated_at";

Vehicle Read(const db::Row& row) {
  Vehicle v;
  v.id = row.Int(0);
  v.plate = row.TakeText(1);
  v.plate_kind = row.TakeText(2);
  v.vehicle_type = row.TakeText(3);
  v.brand = row.TakeText(4);
  v.color = row.TakeText(5);
  v.owner_person_id = row.OptInt(6);
  v.owner_name = row.TakeText(7);
  v.region_code = row.TakeText(8);
  v.permit_number = row.TakeText(9);
  v.permit_valid_until = row.OptText(10);
  v.status = row.TakeText(11);
  v.version = row.Int(12);
  v.created_at = row.Int(13);
  v.updated_at = row.Int(14);
  return v;
}

std::string FromWhere(const VehicleFilter& f, db::SqlParams& params) {
  std::string where;
  const auto add = [&where](const std::string& condition) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (const auto scope = regions::SubtreeCondition(f.prefixes, {"region_code"}, params); !scope.empty())
    add(scope);
  if (f.plate) add("plate = " + params.Add(*f.plate));
  if (!f.plate_part.empty()) add("plate LIKE " + params.Add("%" + f.plate_part + "%"));
  if (!f.owner_part.empty()) add("owner_name LIKE " + params.Add("%" + f.owner_part + "%"));
  if (!f.vehicle_type.empty()) add("vehicle_type = " + params.Add(f.vehicle_type));
  if (f.permit_expired_before) add("permit_valid_until < " + params.Add(*f.permit_expired_before));
  return " FROM vehicles" + where;
}

}  // namespace

std::int64_t VehicleStore::Insert(db::Connection& c, const Vehicle& v) {
  return c
      .Run(
          "INSERT INTO vehicles (plate, plate_kind, vehicle_type, brand, color, owner_person_id, owner_name,"
          " region_code, permit_number, permit_valid_until, status, version, created_at, updated_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
          v.plate, v.plate_kind, v.vehicle_type, v.brand, v.color, v.owner_person_id, v.owner_name,
          v.region_code, v.permit_number, v.permit_valid_until, v.status, v.version, v.created_at,
          v.updated_at)[0]
      .Int(0);
}

std::optional<Vehicle> VehicleStore::Find(db::Connection& c, std::int64_t id) {
  static const std::string kFind = "SELECT " + std::string(kColumns) + " FROM vehicles WHERE id = $1";
  auto rows = c.Run(kFind, id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

std::optional<std::int64_t> VehicleStore::FindIdByPlate(db::Connection& c, const std::string& plate) {
  auto rows = c.Run("SELECT id FROM vehicles WHERE plate = $1", plate);
  if (rows.empty()) return std::nullopt;
  return rows[0].Int(0);
}

bool VehicleStore::Update(db::Connection& c, const Vehicle& v, std::int64_t expected_version) {
  return c.Run(
              "UPDATE vehicles SET plate = $2, plate_kind = $3, vehicle_type = $4, brand = $5, color = $6,"
              " owner_person_id = $7, owner_name = $8, region_code = $9, permit_number = $10,"
              " permit_valid_until = $11, status = $12, version = $13, updated_at = $14"
              " WHERE id = $1 AND version = $15",
              v.id, v.plate, v.plate_kind, v.vehicle_type, v.brand, v.color, v.owner_person_id, v.owner_name,
              v.region_code, v.permit_number, v.permit_valid_until, v.status, v.version, v.updated_at,
              expected_version)
             .affected_rows == 1;
}

VehiclePage VehicleStore::Search(db::Connection& c, const VehicleFilter& f) {
  db::SqlParams params;
  const auto from_where = FromWhere(f, params);
  VehiclePage page;
  page.total = c.Execute("SELECT COUNT(*)" + from_where, params.values())[0].Int(0);
  const auto limit = params.Add(f.limit);
  const auto offset = params.Add(f.offset);
  auto rows = c.Execute(
      "SELECT " + std::string(kColumns) + from_where + " ORDER BY plate LIMIT " + limit + " OFFSET " + offset,
      params.values());
  for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(Read(rows[i]));
  return page;
}

void VehicleStore::ForEachPage(db::Connection& c, const VehicleFilter& f,
                               const std::function<void(std::vector<Vehicle>&)>& visit) {
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
    std::vector<Vehicle> page;
    page.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) page.push_back(Read(rows[i]));
    after = page.back().id;
    visit(page);
  }
}

std::set<std::string> VehicleStore::ExistingPlates(db::Connection& c,
                                                   const std::vector<std::string>& plates) {
  std::set<std::string> existing;
  constexpr std::size_t kChunk = 500;
  for (std::size_t start = 0; start < plates.size(); start += kChunk) {
    db::SqlParams params;
    std::string in;
    for (std::size_t i = start; i < std::min(plates.size(), start + kChunk); ++i)
      in += (in.empty() ? "" : ", ") + params.Add(plates[i]);
    auto rows = c.Execute("SELECT plate FROM vehicles WHERE plate IN (" + in + ")", params.values());
    for (std::size_t i = 0; i < rows.size(); ++i) existing.insert(rows[i].Text(0));
  }
  return existing;
}

}  // namespace shequ::registry
