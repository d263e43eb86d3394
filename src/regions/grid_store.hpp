#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "regions/grid.hpp"

namespace shequ::regions {

// All SQL of grids, their nodes and members.
class GridStore {
 public:
  static std::int64_t Insert(db::Connection& c, const Grid& grid);
  static void Update(db::Connection& c, const Grid& grid);
  static void ReplaceNodes(db::Connection& c, std::int64_t grid_id, const std::vector<std::string>& nodes);
  static std::optional<Grid> Find(db::Connection& c, std::int64_t id, bool with_history);
  static std::vector<Grid> ListByCommunity(db::Connection& c, const std::string& community_code);
  static std::string NextCode(db::Connection& c, const std::string& community_code);

  static std::int64_t InsertMember(db::Connection& c, const GridMember& member);
  static std::optional<GridMember> FindMember(db::Connection& c, std::int64_t grid_id,
                                              std::int64_t member_id);
  static void EndMember(db::Connection& c, std::int64_t member_id, std::int64_t at,
                        const std::string& reason);
  static std::int64_t CountActive(db::Connection& c, std::int64_t grid_id, const std::string& role,
                                  std::optional<std::int64_t> user_id);
  static std::vector<std::int64_t> ActiveUserIds(db::Connection& c, std::int64_t grid_id);
  // The region codes of every active grid a user actively serves: part of their scope.
  // The deepest active grid covering a node (a grid covers its nodes' subtrees), if any.
  static std::optional<std::int64_t> CoveringGrid(db::Connection& c, const std::string& code);
  static std::vector<std::string> ServedNodes(db::Connection& c, std::int64_t user_id);
};

}  // namespace shequ::regions
