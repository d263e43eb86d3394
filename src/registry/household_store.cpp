#include "registry/household_store.hpp"

#include <algorithm>

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kColumns =
    "h.id, h.number, h.kind, h.dwelling_code, h.head_person_id, h.status, h.note, h.version, h.created_at,"
    " h.updated_at";

Household Read(const db::Row& row) {
  Household h;
  h.id = row.Int(0);
  h.number = row.TakeText(1);
  h.kind = row.TakeText(2);
  h.dwelling_code = row.TakeText(3);
  h.head_person_id = row.OptInt(4);
  h.status = row.TakeText(5);
  h.note = row.TakeText(6);
  h.version = row.Int(7);
  h.created_at = row.Int(8);
  h.updated_at = row.Int(9);
  return h;
}

// A row of a list: the household, its head (the current member whose relation is "head", one at
// most by a unique index) and how many members it has now.
constexpr std::string_view kRowColumns =
    "SELECT h.id, h.number, h.kind, h.dwelling_code, h.head_person_id, h.status, h.note, h.version,"
    " h.created_at, h.updated_at, hm.person_id, hp.name, hp.id_number_mask,"
    " (SELECT COUNT(*) FROM household_members m WHERE m.household_id = h.id AND m.left_on IS NULL)";

HouseholdRow ReadRow(const db::Row& row) {
  HouseholdRow item;
  item.household = Read(row);
  item.head_person_id = row.OptInt(10);
  item.head_name = row.OptText(11).value_or("");
  item.head_id_number_mask = row.OptText(12).value_or("");
  item.member_count = row.Int(13);
  return item;
}

std::string FromWhere(const HouseholdFilter& f, db::SqlParams& params) {
  std::string from_where =
      " FROM households h"
      " LEFT JOIN household_members hm ON hm.household_id = h.id AND hm.left_on IS NULL"
      " AND hm.relation = 'head'"
      " LEFT JOIN people hp ON hp.id = hm.person_id";
  std::string where;
  const auto add = [&where](const std::string& condition) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (const auto scope = regions::SubtreeCondition(f.prefixes, {"h.dwelling_code"}, params); !scope.empty())
    add(scope);
  if (!f.text.empty()) {
    const auto pattern = params.Add("%" + f.text + "%");
    add("(h.number LIKE " + pattern + " OR hp.name LIKE " + pattern + ")");
  }
  if (!f.kind.empty()) add("h.kind = " + params.Add(f.kind));
  return from_where + where;
}

std::optional<double> OptDouble(const db::Row& row, std::size_t i) {
  return row.IsNull(i) ? std::nullopt : std::optional(row.Double(i));
}

}  // namespace

std::int64_t HouseholdStore::Insert(db::Connection& c, const Household& h) {
  return c
      .Run(
          "INSERT INTO households (number, kind, dwelling_code, head_person_id, status, note, version,"
          " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
          h.number, h.kind, h.dwelling_code, h.head_person_id, h.status, h.note, h.version, h.created_at,
          h.updated_at)[0]
      .Int(0);
}

std::optional<Household> HouseholdStore::Find(db::Connection& c, std::int64_t id) {
  static const std::string kFind = "SELECT " + std::string(kColumns) + " FROM households h WHERE h.id = $1";
  auto rows = c.Run(kFind, id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

bool HouseholdStore::Update(db::Connection& c, const Household& h, std::int64_t expected_version) {
  return c.Run(
              "UPDATE households SET number = $2, kind = $3, head_person_id = $4, status = $5, note = $6,"
              " version = $7, updated_at = $8 WHERE id = $1 AND version = $9",
              h.id, h.number, h.kind, h.head_person_id, h.status, h.note, h.version, h.updated_at,
              expected_version)
             .affected_rows == 1;
}

HouseholdPage HouseholdStore::Search(db::Connection& c, const HouseholdFilter& f) {
  db::SqlParams params;
  const auto from_where = FromWhere(f, params);
  HouseholdPage page;
  page.total = c.Execute("SELECT COUNT(*)" + from_where, params.values())[0].Int(0);
  const auto limit = params.Add(f.limit);
  const auto offset = params.Add(f.offset);
  auto rows = c.Execute(std::string(kRowColumns) + from_where + " ORDER BY h.dwelling_code, h.id LIMIT " +
                            limit + " OFFSET " + offset,
                        params.values());
  for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(ReadRow(rows[i]));
  return page;
}

void HouseholdStore::ForEachPage(db::Connection& c, const HouseholdFilter& f,
                                 const std::function<void(std::vector<HouseholdRow>&)>& visit) {
  // Keyset pages by id keep memory flat however long the list.
  std::int64_t after = 0;
  while (true) {
    db::SqlParams params;
    auto from_where = FromWhere(f, params);
    from_where += (from_where.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ");
    from_where += "h.id > " + params.Add(after);
    auto rows =
        c.Execute(std::string(kRowColumns) + from_where + " ORDER BY h.id LIMIT 1000", params.values());
    if (rows.empty()) return;
    std::vector<HouseholdRow> page;
    page.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) page.push_back(ReadRow(rows[i]));
    after = page.back().household.id;
    visit(page);
  }
}

std::set<std::string> HouseholdStore::ExistingNumbers(db::Connection& c,
                                                      const std::vector<std::string>& prefixes,
                                                      const std::vector<std::string>& numbers) {
  std::set<std::string> existing;
  constexpr std::size_t kChunk = 500;
  for (std::size_t start = 0; start < numbers.size(); start += kChunk) {
    db::SqlParams params;
    std::string in;
    for (std::size_t i = start; i < std::min(numbers.size(), start + kChunk); ++i)
      in += (in.empty() ? "" : ", ") + params.Add(numbers[i]);
    std::string sql = "SELECT DISTINCT h.number FROM households h WHERE h.number IN (" + in + ")";
    if (const auto scope = regions::SubtreeCondition(prefixes, {"h.dwelling_code"}, params); !scope.empty())
      sql += " AND " + scope;
    auto rows = c.Execute(sql, params.values());
    for (std::size_t i = 0; i < rows.size(); ++i) existing.insert(rows[i].Text(0));
  }
  return existing;
}

std::vector<HouseholdMember> HouseholdStore::Members(db::Connection& c, std::int64_t household_id) {
  auto rows = c.Run(
      "SELECT m.id, m.household_id, m.person_id, m.relation, m.joined_on, m.left_on, m.left_reason, p.name,"
      " p.id_number_mask, p.status FROM household_members m JOIN people p ON p.id = m.person_id"
      " WHERE m.household_id = $1"
      " ORDER BY CASE WHEN m.left_on IS NULL THEN 0 ELSE 1 END,"
      " CASE WHEN m.relation = 'head' THEN 0 ELSE 1 END, m.joined_on, m.id",
      household_id);
  std::vector<HouseholdMember> members;
  members.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    members.push_back({row.Int(0), row.Int(1), row.Int(2), row.TakeText(3), row.TakeText(4), row.OptText(5),
                       row.TakeText(6), row.TakeText(7), row.TakeText(8), row.TakeText(9)});
  }
  return members;
}

std::optional<std::int64_t> HouseholdStore::CurrentHouseholdOf(db::Connection& c, std::int64_t person_id) {
  auto rows =
      c.Run("SELECT household_id FROM household_members WHERE person_id = $1 AND left_on IS NULL", person_id);
  if (rows.empty()) return std::nullopt;
  return rows[0].Int(0);
}

std::int64_t HouseholdStore::InsertMember(db::Connection& c, const HouseholdMember& m) {
  return c
      .Run(
          "INSERT INTO household_members (household_id, person_id, relation, joined_on, left_on,"
          " left_reason) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          m.household_id, m.person_id, m.relation, m.joined_on, m.left_on, m.left_reason)[0]
      .Int(0);
}

void HouseholdStore::SetRelation(db::Connection& c, std::int64_t member_id, const std::string& relation) {
  c.Run("UPDATE household_members SET relation = $2 WHERE id = $1", member_id, relation);
}

void HouseholdStore::EndMember(db::Connection& c, std::int64_t member_id, const std::string& left_on,
                               const std::string& reason) {
  c.Run("UPDATE household_members SET left_on = $2, left_reason = $3 WHERE id = $1", member_id, left_on,
        reason);
}

std::int64_t HouseholdStore::InsertLedgerEntry(db::Connection& c, const LedgerEntry& e) {
  return c
      .Run(
          "INSERT INTO household_ledger (household_id, person_id, category, item, amount, unit, period,"
          " entry_date, note, recorded_by, recorded_by_name, recorded_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
          e.household_id, e.person_id, e.category, e.item, e.amount, e.unit, e.period, e.entry_date, e.note,
          e.recorded_by, e.recorded_by_name, e.recorded_at)[0]
      .Int(0);
}

std::vector<LedgerEntry> HouseholdStore::Ledger(db::Connection& c, std::int64_t household_id,
                                                const LedgerQuery& query) {
  db::SqlParams params;
  std::string sql =
      "SELECT l.id, l.household_id, l.person_id, p.name, l.category, l.item, l.amount, l.unit, l.period,"
      " l.entry_date, l.note, l.recorded_by, l.recorded_by_name, l.recorded_at FROM household_ledger l"
      " LEFT JOIN people p ON p.id = l.person_id WHERE l.household_id = " +
      params.Add(household_id);
  if (!query.category.empty()) sql += " AND l.category = " + params.Add(query.category);
  if (!query.period.empty()) {
    // "2026" holds 2026 itself and its months, quarters and halves; "2026-1" does not hold "2026-10".
    sql += " AND (l.period = " + params.Add(query.period) + " OR l.period LIKE " +
           params.Add(query.period + "-%") + ")";
  }
  sql += " ORDER BY l.entry_date DESC, l.id DESC";
  auto rows = c.Execute(sql, params.values());
  std::vector<LedgerEntry> entries;
  entries.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    LedgerEntry e;
    e.id = row.Int(0);
    e.household_id = row.Int(1);
    e.person_id = row.OptInt(2);
    e.person_name = row.OptText(3).value_or("");
    e.category = row.TakeText(4);
    e.item = row.TakeText(5);
    e.amount = OptDouble(row, 6);
    e.unit = row.TakeText(7);
    e.period = row.TakeText(8);
    e.entry_date = row.TakeText(9);
    e.note = row.TakeText(10);
    e.recorded_by = row.OptInt(11);
    e.recorded_by_name = row.TakeText(12);
    e.recorded_at = row.Int(13);
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace shequ::registry
