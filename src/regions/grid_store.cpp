#include "regions/grid_store.hpp"

#include "core/db/sql_params.hpp"
#include "regions/region_code.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace shequ::regions {
namespace {

constexpr std::string_view kGridColumns =
    "id, code, community_code, parent_id, level, name, kind, status, created_at, updated_at";
constexpr std::string_view kMemberColumns =
    "id, grid_id, user_id, name, role, organisation, started_at, ended_at, end_reason";

Grid ReadGrid(const db::Row& row) {
  Grid grid;
  grid.id = row.Int(0);
  grid.code = row.Text(1);
  grid.community_code = row.Text(2);
  grid.parent_id = row.OptInt(3);
  grid.level = static_cast<int>(row.Int(4));
  grid.name = row.Text(5);
  grid.kind = row.Text(6);
  grid.status = row.Text(7);
  grid.created_at = row.Int(8);
  grid.updated_at = row.Int(9);
  return grid;
}

GridMember ReadMember(const db::Row& row) {
  GridMember member;
  member.id = row.Int(0);
  member.grid_id = row.Int(1);
  member.user_id = row.OptInt(2);
  member.name = row.Text(3);
  member.role = row.Text(4);
  member.organisation = row.Text(5);
  member.started_at = row.Int(6);
  member.ended_at = row.OptInt(7);
  member.end_reason = row.Text(8);
  return member;
}

void LoadParts(db::Connection& c, Grid& grid, bool with_history) {
  auto nodes = c.Run("SELECT region_code FROM grid_nodes WHERE grid_id = $1 ORDER BY region_code", grid.id);
  for (std::size_t i = 0; i < nodes.size(); ++i) grid.nodes.push_back(nodes[i].Text(0));
  const std::string sql = "SELECT " + std::string(kMemberColumns) + " FROM grid_members WHERE grid_id = $1" +
                          (with_history ? "" : " AND ended_at IS NULL") + " ORDER BY started_at, id";
  auto members = c.Run(sql, grid.id);
  for (std::size_t i = 0; i < members.size(); ++i) grid.members.push_back(ReadMember(members[i]));
}

}  // namespace

bool IsGridRole(std::string_view role) {
  const auto& roles = GridRoles();
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

const std::vector<std::string_view>& GridRoles() {
  static const std::vector<std::string_view> kRoles = {
      "grid_leader",     "full_time",        "part_time",         "paired_cadre",
      "building_leader", "household_leader", "central_household", "party_member_household"};
  return kRoles;
}

std::int64_t GridStore::Insert(db::Connection& c, const Grid& grid) {
  const auto id =
      c.Run(
           "INSERT INTO grids (code, community_code, parent_id, level, name, kind, status, created_at,"
           " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
           grid.code, grid.community_code, grid.parent_id, grid.level, grid.name, grid.kind, grid.status,
           grid.created_at)[0]
          .Int(0);
  ReplaceNodes(c, id, grid.nodes);
  return id;
}

void GridStore::Update(db::Connection& c, const Grid& grid) {
  c.Run("UPDATE grids SET name = $2, kind = $3, status = $4, updated_at = $5 WHERE id = $1", grid.id,
        grid.name, grid.kind, grid.status, grid.updated_at);
  ReplaceNodes(c, grid.id, grid.nodes);
}

void GridStore::ReplaceNodes(db::Connection& c, std::int64_t grid_id, const std::vector<std::string>& nodes) {
  c.Run("DELETE FROM grid_nodes WHERE grid_id = $1", grid_id);
  for (const auto& code : nodes)
    c.Run("INSERT INTO grid_nodes (grid_id, region_code) VALUES ($1, $2)", grid_id, code);
}

std::optional<Grid> GridStore::Find(db::Connection& c, std::int64_t id, bool with_history) {
  auto rows = c.Run("SELECT " + std::string(kGridColumns) + " FROM grids WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  Grid grid = ReadGrid(rows[0]);
  LoadParts(c, grid, with_history);
  return grid;
}

std::vector<Grid> GridStore::ListByCommunity(db::Connection& c, const std::string& community_code) {
  // Three statements for the whole community, whatever its number of grids.
  auto rows = c.Run(
      "SELECT " + std::string(kGridColumns) + " FROM grids WHERE community_code = $1 ORDER BY level, code",
      community_code);
  std::vector<Grid> grids;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    grids.push_back(ReadGrid(rows[i]));
    index[grids.back().id] = i;
  }
  auto nodes = c.Run(
      "SELECT n.grid_id, n.region_code FROM grid_nodes n JOIN grids g ON g.id = n.grid_id"
      " WHERE g.community_code = $1 ORDER BY n.grid_id, n.region_code",
      community_code);
  for (std::size_t i = 0; i < nodes.size(); ++i)
    grids[index[nodes[i].Int(0)]].nodes.push_back(nodes[i].Text(1));
  auto members = c.Run(
      "SELECT m.id, m.grid_id, m.user_id, m.name, m.role, m.organisation, m.started_at,"
      " m.ended_at, m.end_reason FROM grid_members m JOIN grids g ON g.id = m.grid_id"
      " WHERE g.community_code = $1 AND m.ended_at IS NULL ORDER BY m.started_at, m.id",
      community_code);
  for (std::size_t i = 0; i < members.size(); ++i) {
    auto member = ReadMember(members[i]);
    grids[index[member.grid_id]].members.push_back(std::move(member));
  }
  return grids;
}

std::string GridStore::NextCode(db::Connection& c, const std::string& community_code) {
  const auto last =
      c.Run("SELECT MAX(code) FROM grids WHERE community_code = $1", community_code)[0].OptText(0);
  const int next = last ? std::stoi(last->substr(community_code.size())) + 1 : 1;
  std::string sequence = std::to_string(next);
  sequence.insert(0, sequence.size() < 3 ? 3 - sequence.size() : 0, '0');
  return community_code + sequence;
}

std::int64_t GridStore::InsertMember(db::Connection& c, const GridMember& m) {
  return c
      .Run(
          "INSERT INTO grid_members (grid_id, user_id, name, role, organisation, started_at, end_reason)"
          " VALUES ($1, $2, $3, $4, $5, $6, '') RETURNING id",
          m.grid_id, m.user_id, m.name, m.role, m.organisation, m.started_at)[0]
      .Int(0);
}

std::optional<GridMember> GridStore::FindMember(db::Connection& c, std::int64_t grid_id,
                                                std::int64_t member_id) {
  auto rows =
      c.Run("SELECT " + std::string(kMemberColumns) + " FROM grid_members WHERE id = $1 AND grid_id = $2",
            member_id, grid_id);
  if (rows.empty()) return std::nullopt;
  return ReadMember(rows[0]);
}

void GridStore::EndMember(db::Connection& c, std::int64_t member_id, std::int64_t at,
                          const std::string& reason) {
  c.Run("UPDATE grid_members SET ended_at = $2, end_reason = $3 WHERE id = $1", member_id, at, reason);
}

std::int64_t GridStore::CountActive(db::Connection& c, std::int64_t grid_id, const std::string& role,
                                    std::optional<std::int64_t> user_id) {
  if (user_id) {
    return c
        .Run(
            "SELECT COUNT(*) FROM grid_members WHERE grid_id = $1 AND role = $2 AND user_id = $3"
            " AND ended_at IS NULL",
            grid_id, role, *user_id)[0]
        .Int(0);
  }
  return c
      .Run("SELECT COUNT(*) FROM grid_members WHERE grid_id = $1 AND role = $2 AND ended_at IS NULL", grid_id,
           role)[0]
      .Int(0);
}

std::vector<std::int64_t> GridStore::ActiveUserIds(db::Connection& c, std::int64_t grid_id) {
  auto rows = c.Run(
      "SELECT DISTINCT user_id FROM grid_members WHERE grid_id = $1 AND ended_at IS NULL"
      " AND user_id IS NOT NULL",
      grid_id);
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].Int(0));
  return ids;
}

std::vector<std::string> GridStore::ServedNodes(db::Connection& c, std::int64_t user_id) {
  auto rows = c.Run(
      "SELECT DISTINCT n.region_code FROM grid_members m JOIN grids g ON g.id = m.grid_id"
      " JOIN grid_nodes n ON n.grid_id = g.id WHERE m.user_id = $1 AND m.ended_at IS NULL AND g.status = "
      "'active'",
      user_id);
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < rows.size(); ++i) codes.push_back(rows[i].Text(0));
  return codes;
}

std::optional<std::int64_t> GridStore::CoveringGrid(db::Connection& c, const std::string& code) {
  // A grid covers its nodes' subtrees: look for the node itself and its ancestors from the
  // community down (grids lie inside one community).
  db::SqlParams params;
  std::string codes = params.Add(code);
  for (const auto& ancestor : AncestorCodes(code)) {
    if (ancestor.size() >= 12 && ancestor.substr(0, 12) == code.substr(0, 12))
      codes += ", " + params.Add(ancestor);
  }
  auto rows = c.Execute(
      "SELECT g.id FROM grid_nodes n JOIN grids g ON g.id = n.grid_id WHERE g.status = 'active'"
      " AND n.region_code IN (" +
          codes + ") ORDER BY g.level DESC, LENGTH(n.region_code) DESC, g.id LIMIT 1",
      params.values());
  if (rows.empty()) return std::nullopt;
  return rows[0].Int(0);
}

}  // namespace shequ::regions
