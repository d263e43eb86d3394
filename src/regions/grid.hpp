#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shequ::regions {

// Duties in a grid (一格多员、一员多责: one person may hold several, in several grids).
// grid_leader 网格长, full_time 专职网格员, part_time 兼职网格员, paired_cadre 包联网格员 (a cadre
// of a paired department: the "双网格员"), building_leader 楼长, household_leader 联户长,
// central_household 中心户长, party_member_household 党员中心户.
bool IsGridRole(std::string_view role);
const std::vector<std::string_view>& GridRoles();

struct GridMember {
  std::int64_t id = 0;
  std::int64_t grid_id = 0;
  std::optional<std::int64_t> user_id;  // when the member signs in; their scope then covers the grid
  std::string name;
  std::string role;
  std::string organisation;  // the paired department, for a paired cadre
  std::int64_t started_at = 0;
  std::optional<std::int64_t> ended_at;
  std::string end_reason;
};

struct Grid {
  std::int64_t id = 0;
  std::string code;  // community code + 3-digit sequence
  std::string community_code;
  std::optional<std::int64_t> parent_id;
  int level = 1;  // 1 community, 2 compound/building, 3 unit
  std::string name;
  std::string kind;  // comprehensive (综合网格) or dedicated (专属网格)
  std::string status = "active";
  std::vector<std::string> nodes;
  std::vector<GridMember> members;  // active ones, unless history was asked for
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct NewGrid {
  std::string community_code;
  std::optional<std::int64_t> parent_id;
  std::string name;
  std::string kind = "comprehensive";
  std::vector<std::string> nodes;
};

struct GridPatch {
  std::optional<std::string> name;
  std::optional<std::string> kind;
  std::optional<std::vector<std::string>> nodes;
};

struct NewMember {
  std::optional<std::int64_t> user_id;
  std::string name;
  std::string role;
  std::string organisation;
  std::optional<std::int64_t> started_at;
};

}  // namespace shequ::regions
