#include "registry/key_group_store.hpp"

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kTypeColumns =
    "code, name, name_en, category, sensitivity, fields, active, sort_order, updated_at";
constexpr std::string_view kColumns =
    "id, person_id, type_code, residence_code, birth_date, name, concern_level, verification, verified_by, "
    "verified_at,"
    " details_enc, started_on, ended_on, end_reason, created_at, updated_at";

GroupType ReadType(const db::Row& row) {
  GroupType t;
  t.code = row.TakeText(0);
  t.name = row.TakeText(1);
  t.name_en = row.TakeText(2);
  t.category = row.TakeText(3);
  t.sensitivity = row.TakeText(4);
  t.fields = nlohmann::json::parse(row.TakeText(5), nullptr, false);
  if (!t.fields.is_array()) t.fields = nlohmann::json::array();
  t.active = row.Int(6) != 0;
  t.sort_order = row.Int(7);
  t.updated_at = row.Int(8);
  return t;
}

PersonGroup Read(const db::Row& row) {
  PersonGroup g;
  g.id = row.Int(0);
  g.person_id = row.Int(1);
  g.type_code = row.TakeText(2);
  g.residence_code = row.TakeText(3);
  g.birth_date = row.OptText(4);
  g.name = row.TakeText(5);
  g.concern_level = row.TakeText(6);
  g.verification = row.TakeText(7);
  g.verified_by = row.OptInt(8);
  g.verified_at = row.OptInt(9);
  g.details_cipher = row.OptText(10);
  g.started_on = row.TakeText(11);
  g.ended_on = row.OptText(12);
  g.end_reason = row.TakeText(13);
  g.created_at = row.Int(14);
  g.updated_at = row.Int(15);
  return g;
}

}  // namespace

std::vector<GroupType> KeyGroupStore::Types(db::Connection& c) {
  auto rows = c.Run("SELECT " + std::string(kTypeColumns) + " FROM group_types ORDER BY sort_order, code");
  std::vector<GroupType> types;
  for (std::size_t i = 0; i < rows.size(); ++i) types.push_back(ReadType(rows[i]));
  return types;
}

std::optional<GroupType> KeyGroupStore::FindType(db::Connection& c, const std::string& code) {
  auto rows = c.Run("SELECT " + std::string(kTypeColumns) + " FROM group_types WHERE code = $1", code);
  if (rows.empty()) return std::nullopt;
  return ReadType(rows[0]);
}

void KeyGroupStore::InsertType(db::Connection& c, const GroupType& t) {
  c.Run("INSERT INTO group_types (" + std::string(kTypeColumns) +
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        t.code, t.name, t.name_en, t.category, t.sensitivity, t.fields.dump(), t.active, t.sort_order,
        t.updated_at);
}

void KeyGroupStore::UpdateType(db::Connection& c, const GroupType& t) {
  c.Run(
      "UPDATE group_types SET name = $2, name_en = $3, category = $4, sensitivity = $5, fields = $6, active "
      "= $7,"
      " sort_order = $8, updated_at = $9 WHERE code = $1",
      t.code, t.name, t.name_en, t.category, t.sensitivity, t.fields.dump(), t.active, t.sort_order,
      t.updated_at);
}

std::int64_t KeyGroupStore::Insert(db::Connection& c, const PersonGroup& g) {
  return c
      .Run(
          "INSERT INTO person_groups (person_id, type_code, residence_code, birth_date, name, concern_level,"
          " verification, verified_by, verified_at, details_enc, started_on, ended_on, end_reason, "
          "created_at,"
          " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING "
          "id",
          g.person_id, g.type_code, g.residence_code, g.birth_date, g.name, g.concern_level, g.verification,
          g.verified_by, g.verified_at, g.details_cipher, g.started_on, g.ended_on, g.end_reason,
          g.created_at, g.updated_at)[0]
      .Int(0);
}

std::optional<PersonGroup> KeyGroupStore::Find(db::Connection& c, std::int64_t id) {
  auto rows = c.Run("SELECT " + std::string(kColumns) + " FROM person_groups WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

void KeyGroupStore::Update(db::Connection& c, const PersonGroup& g) {
  c.Run(
      "UPDATE person_groups SET concern_level = $2, verification = $3, verified_by = $4, verified_at = $5,"
      " details_enc = $6, started_on = $7, ended_on = $8, end_reason = $9, updated_at = $10 WHERE id = $1",
      g.id, g.concern_level, g.verification, g.verified_by, g.verified_at, g.details_cipher, g.started_on,
      g.ended_on, g.end_reason, g.updated_at);
}

std::vector<PersonGroup> KeyGroupStore::OfPeople(db::Connection& c,
                                                 const std::vector<std::int64_t>& person_ids) {
  if (person_ids.empty()) return {};
  db::SqlParams params;
  std::string list;
  for (auto id : person_ids) list += (list.empty() ? "" : ", ") + params.Add(id);
  auto rows = c.Execute("SELECT " + std::string(kColumns) + " FROM person_groups WHERE person_id IN (" +
                            list + ") ORDER BY CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END, id",
                        params.values());
  std::vector<PersonGroup> groups;
  for (std::size_t i = 0; i < rows.size(); ++i) groups.push_back(Read(rows[i]));
  return groups;
}

bool KeyGroupStore::HasActive(db::Connection& c, std::int64_t person_id, const std::string& type_code) {
  return !c.Run("SELECT 1 FROM person_groups WHERE person_id = $1 AND type_code = $2 AND ended_on IS NULL",
                person_id, type_code)
              .empty();
}

void KeyGroupStore::EndAll(db::Connection& c, std::int64_t person_id, const std::string& on,
                           const std::string& reason, std::int64_t now) {
  c.Run(
      "UPDATE person_groups SET ended_on = $2, end_reason = $3, updated_at = $4 WHERE person_id = $1 AND "
      "ended_on"
      " IS NULL",
      person_id, on, reason, now);
}

}  // namespace shequ::registry
