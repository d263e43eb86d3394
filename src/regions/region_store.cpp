#include "regions/region_store.hpp"

#include "regions/subtree_filter.hpp"

#include "core/db/migrator.hpp"
#include "regions/region_code.hpp"

namespace shequ::regions {
namespace {

constexpr std::string_view kColumns =
    "code, parent_code, level, kind, name, short_name, status, valid_from, valid_to, source, floor, latitude,"
    " longitude, polygon, created_at, updated_at";

Region ReadRegion(const db::Row& row) {
  Region region;
  region.code = row.TakeText(0);
  region.parent_code = row.TakeText(1);
  region.level = static_cast<int>(row.Int(2));
  region.kind = row.TakeText(3);
  region.name = row.TakeText(4);
  region.short_name = row.TakeText(5);
  region.status = row.TakeText(6);
  region.valid_from = row.Int(7);
  region.valid_to = row.OptInt(8);
  region.source = row.TakeText(9);
  if (!row.IsNull(10)) region.floor = static_cast<int>(row.Int(10));
  if (!row.IsNull(11)) region.latitude = row.Double(11);
  if (!row.IsNull(12)) region.longitude = row.Double(12);
  region.polygon = row.OptText(13);
  region.created_at = row.Int(14);
  region.updated_at = row.Int(15);
  return region;
}

std::vector<Region> ReadAll(db::Result rows) {
  std::vector<Region> regions;
  regions.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) regions.push_back(ReadRegion(rows[i]));
  return regions;
}

std::string Select() { return "SELECT " + std::string(kColumns) + " FROM regions"; }

// Rows per INSERT statement while staging an import: well under SQLite's 32,766 parameters.
constexpr std::size_t kBatch = 500;

std::optional<std::string> ParentOrNull(const std::string& parent) {
  return parent.empty() ? std::nullopt : std::optional<std::string>(parent);
}

}  // namespace

std::pair<std::string, std::string> CodeRange(const std::string& prefix) {
  if (prefix.empty()) return {"", "~"};
  std::string high = prefix;
  high.back() = static_cast<char>(high.back() + 1);  // digits only: '9' + 1 = ':' still sorts after
  return {prefix, high};
}

std::optional<Region> RegionStore::Find(db::Connection& c, const std::string& code) {
  static const std::string kFind = Select() + " WHERE code = $1";
  auto rows = c.Run(kFind, code);
  if (rows.empty()) return std::nullopt;
  return ReadRegion(rows[0]);
}

std::vector<Region> RegionStore::FindMany(db::Connection& c, const std::vector<std::string>& codes) {
  if (codes.empty()) return {};
  std::string sql = Select() + " WHERE code IN (";
  std::vector<db::Value> params;
  for (const auto& code : codes) {
    params.emplace_back(code);
    sql += (params.size() > 1 ? ", $" : "$") + std::to_string(params.size());
  }
  sql += ") ORDER BY level";
  return ReadAll(c.Execute(sql, params));
}

RegionPage RegionStore::Children(db::Connection& c, const std::string& parent, std::int64_t limit,
                                 std::int64_t offset) {
  static const std::string kChildren = Select() + " WHERE parent_code = $1 ORDER BY code LIMIT $2 OFFSET $3";
  RegionPage page;
  page.items = ReadAll(c.Run(kChildren, parent, limit, offset));
  // A short first page holds every child: no need to count them.
  page.total = offset == 0 && static_cast<std::int64_t>(page.items.size()) < limit
                   ? static_cast<std::int64_t>(page.items.size())
                   : CountChildren(c, parent);
  return page;
}

std::int64_t RegionStore::CountChildren(db::Connection& c, const std::string& parent) {
  return c.Run("SELECT COUNT(*) FROM regions WHERE parent_code = $1", parent)[0].Int(0);
}

RegionPage RegionStore::Search(db::Connection& c, const std::vector<std::string>& prefixes,
                               const std::string& text, std::optional<int> level, std::int64_t limit) {
  db::SqlParams params;
  std::string where = " WHERE name LIKE " + params.Add("%" + text + "%");
  if (const auto subtree = SubtreeCondition(prefixes, {"code"}, params); !subtree.empty())
    where += " AND " + subtree;
  if (level) where += " AND level = " + params.Add(*level);
  RegionPage page;
  page.total = c.Execute("SELECT COUNT(*) FROM regions" + where, params.values())[0].Int(0);
  const auto limit_param = params.Add(limit);
  page.items =
      ReadAll(c.Execute(Select() + where + " ORDER BY level, code LIMIT " + limit_param, params.values()));
  return page;
}

std::vector<Region> RegionStore::CommunityAndBelow(db::Connection& c,
                                                   const std::vector<std::string>& prefixes) {
  db::SqlParams params;
  const auto subtree = SubtreeCondition(prefixes, {"code"}, params);
  return ReadAll(c.Execute(Select() + " WHERE level >= 5 AND status = 'active'" +
                               (subtree.empty() ? "" : " AND " + subtree) + " ORDER BY code",
                           params.values()));
}

bool RegionStore::Empty(db::Connection& c) { return c.Run("SELECT 1 FROM regions LIMIT 1").empty(); }

std::optional<std::string> RegionStore::LastChildCode(db::Connection& c, const std::string& parent) {
  return c.Run("SELECT MAX(code) FROM regions WHERE parent_code = $1", parent)[0].OptText(0);
}

void RegionStore::Insert(db::Connection& c, const Region& r) {
  static const std::string kInsert =
      "INSERT INTO regions (" + std::string(kColumns) +
      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
  c.Run(kInsert, r.code, ParentOrNull(r.parent_code), r.level, r.kind, r.name, r.short_name, r.status,
        r.valid_from, r.valid_to, r.source, r.floor, r.latitude, r.longitude, r.polygon, r.created_at,
        r.updated_at);
}

void RegionStore::Update(db::Connection& c, const Region& r) {
  c.Run(
      "UPDATE regions SET kind = $2, name = $3, short_name = $4, floor = $5, latitude = $6, longitude = $7,"
      " polygon = $8, updated_at = $9 WHERE code = $1",
      r.code, r.kind, r.name, r.short_name, r.floor, r.latitude, r.longitude, r.polygon, r.updated_at);
}

void RegionStore::Delete(db::Connection& c, const std::string& code) {
  c.Run("DELETE FROM regions WHERE code = $1", code);
}

std::int64_t RegionStore::TreeVersion(db::Connection& c) {
  return c.Run("SELECT version FROM region_tree_version WHERE id = 1")[0].Int(0);
}

void RegionStore::BumpTreeVersion(db::Connection& c) {
  c.Run("UPDATE region_tree_version SET version = version + 1 WHERE id = 1");
}

void RegionStore::BeginImport(db::Connection& c) {
  c.ExecuteScript(db::ExpandForBackend(
      "CREATE TEMPORARY TABLE IF NOT EXISTS region_import (code {{code}} PRIMARY KEY, parent_code {{code}},"
      " level INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, short_name TEXT NOT NULL)",
      c.backend()));
  c.ExecuteScript("DELETE FROM region_import");
}

void RegionStore::StageImportRows(db::Connection& c, const std::vector<ImportRow>& rows) {
  for (std::size_t start = 0; start < rows.size(); start += kBatch) {
    const std::size_t end = std::min(rows.size(), start + kBatch);
    std::string sql = "INSERT INTO region_import (code, parent_code, level, name, kind, short_name) VALUES ";
    std::vector<db::Value> params;
    params.reserve((end - start) * 6);
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(" : ", (";
      for (int column = 0; column < 6; ++column) {
        sql += (column == 0 ? "$" : ", $") + std::to_string(params.size() + column + 1);
      }
      sql += ")";
      params.emplace_back(rows[i].code);
      params.push_back(rows[i].parent_code.empty() ? db::Value{} : db::Value{rows[i].parent_code});
      params.emplace_back(static_cast<std::int64_t>(rows[i].level));
      params.emplace_back(rows[i].name);
      params.emplace_back(rows[i].kind);
      params.emplace_back(rows[i].short_name);
    }
    c.Execute(sql, params);
  }
}

ImportCounts RegionStore::MergeImport(db::Connection& c, std::int64_t now, const std::string& source,
                                      bool complete) {
  ImportCounts counts;
  counts.total = c.Run("SELECT COUNT(*) FROM region_import")[0].Int(0);
  // A renamed node is classified again from its new name (撤村建居: a 村 becomes a 社区).
  counts.renamed =
      c.Run(
           "UPDATE regions SET name = (SELECT i.name FROM region_import i WHERE i.code = regions.code),"
           " short_name = (SELECT i.short_name FROM region_import i WHERE i.code = regions.code),"
           " kind = (SELECT i.kind FROM region_import i WHERE i.code = regions.code),"
           " updated_at = $1 WHERE source = 'national' AND EXISTS (SELECT 1 FROM region_import i"
           " WHERE i.code = regions.code AND i.name <> regions.name)",
           now)
          .affected_rows;
  counts.restored = c.Run(
                         "UPDATE regions SET status = 'active', valid_to = NULL, updated_at = $1"
                         " WHERE source = 'national' AND status = 'retired'"
                         " AND EXISTS (SELECT 1 FROM region_import i WHERE i.code = regions.code)",
                         now)
                        .affected_rows;
  // Codes that vanished are retired, never deleted: records keep pointing at them.
  if (complete) {
    counts.retired = c.Run(
                          "UPDATE regions SET status = 'retired', valid_to = $1, updated_at = $1"
                          " WHERE source = 'national' AND status = 'active'"
                          " AND NOT EXISTS (SELECT 1 FROM region_import i WHERE i.code = regions.code)",
                          now)
                         .affected_rows;
  }
  // Parents before children, so the foreign key holds row by row.
  counts.added =
      c.Run(
           "INSERT INTO regions (code, parent_code, level, kind, name, short_name, status, valid_from,"
           " source, created_at, updated_at)"
           " SELECT i.code, i.parent_code, i.level, i.kind, i.name, i.short_name, 'active', $1,"
           " 'national', $1, $1"
           " FROM region_import i WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = i.code)"
           " ORDER BY i.level, i.code",
           now)
          .affected_rows;
  c.Run(
      "INSERT INTO region_imports (at, source, total, added, renamed, retired, restored)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7)",
      now, source, counts.total, counts.added, counts.renamed, counts.retired, counts.restored);
  c.ExecuteScript("DELETE FROM region_import");
  BumpTreeVersion(c);
  return counts;
}

}  // namespace shequ::regions
