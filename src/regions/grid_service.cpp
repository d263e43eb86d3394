#include "regions/grid_service.hpp"

#include <algorithm>

#include "core/errors/error.hpp"
#include "regions/grid_store.hpp"
#include "regions/region_code.hpp"
#include "regions/region_store.hpp"

namespace shequ::regions {
namespace {

[[noreturn]] void Invalid(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldInvalid, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

void CheckName(const std::string& name) {
  if (name.empty() || name.size() > 100)
    Invalid("name", "bad_length", "Name must have 1-100 bytes.", "名称长度须为 1-100 字节。");
}

void CheckKind(const std::string& kind) {
  if (kind != "comprehensive" && kind != "dedicated") {
    Invalid("kind", "unknown_kind", "Kind must be comprehensive (综合网格) or dedicated (专属网格).",
            "类型须为 comprehensive（综合网格）或 dedicated（专属网格）。");
  }
}

std::vector<std::string> Normalised(std::vector<std::string> nodes) {
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  return nodes;
}

}  // namespace

bool GridService::Visible(const auth::Principal& actor, const Grid& grid) {
  return actor.scope.Contains(grid.community_code) ||
         std::any_of(grid.nodes.begin(), grid.nodes.end(),
                     [&](const auto& code) { return actor.scope.Contains(code); });
}

void GridService::CheckNodes(db::Connection& c, const Grid& grid) const {
  if (grid.nodes.empty())
    Invalid("nodes", "required", "A grid covers at least one node.", "网格须至少覆盖一个节点。");
  std::optional<Grid> parent;
  if (grid.parent_id) parent = GridStore::Find(c, *grid.parent_id, false);
  const auto parent_scope = parent ? auth::Scope::Of(parent->nodes) : auth::Scope::Of({grid.community_code});
  for (const auto& code : grid.nodes) {
    const auto node = RegionStore::Find(c, code);
    if (!node || !code.starts_with(grid.community_code)) {
      Invalid("nodes", "outside_community", "Node " + code + " is not in the grid's community.",
              "节点 " + code + " 不在本网格所属社区内。");
    }
    if (node->status != "active")
      Invalid("nodes", "retired", "Node " + code + " is retired.", "节点 " + code + " 已撤销。");
    if (!parent_scope.Contains(code)) {
      Invalid("nodes", "outside_parent_grid", "Node " + code + " is outside the parent grid.",
              "节点 " + code + " 不在上级网格范围内。");
    }
  }
}

Grid GridService::Create(const auth::Principal& actor, const NewGrid& request) {
  CheckName(request.name);
  CheckKind(request.kind);
  Grid created = database_.Write([&](db::Connection& c) {
    const auto community = RegionStore::Find(c, request.community_code);
    if (!community || !actor.scope.Contains(request.community_code)) throw Error(ErrorCode::kNotFound);
    if (community->level != static_cast<int>(Level::kCommunity)) {
      Invalid("community_code", "not_a_community", "Grids are drawn inside a community.",
              "网格须划在社区（村）内。");
    }
    Grid grid;
    grid.community_code = request.community_code;
    grid.parent_id = request.parent_id;
    grid.name = request.name;
    grid.kind = request.kind;
    grid.nodes = Normalised(request.nodes);
    if (grid.parent_id) {
      const auto parent = GridStore::Find(c, *grid.parent_id, false);
      if (!parent || parent->community_code != grid.community_code || parent->status != "active") {
        Invalid("parent_id", "not_in_community", "The parent grid is not an active grid of this community.",
                "上级网格不是本社区的有效网格。");
      }
      grid.level = parent->level + 1;
      if (grid.level > 3)
        Invalid("parent_id", "too_deep", "Grids have three levels at most.", "网格最多三级。");
    } else {
      grid.level = 1;
      for (const auto& other : GridStore::ListByCommunity(c, grid.community_code)) {
        if (other.level == 1 && other.status == "active") {
          throw Error(ErrorCode::kConflict, "The community has its first-level grid already.",
                      "该社区已有一级网格。",
                      nlohmann::json::array({FieldDetail("parent_id", "first_level_exists")}));
        }
      }
    }
    CheckNodes(c, grid);
    grid.code = GridStore::NextCode(c, grid.community_code);
    grid.created_at = grid.updated_at = clock_.NowMillis();
    grid.id = GridStore::Insert(c, grid);
    auto entry = audit::AuditLog::By(actor, "grids.create", "grid", std::to_string(grid.id));
    entry.region_code = grid.community_code;
    entry.detail = {{"name", grid.name}, {"level", grid.level}, {"nodes", grid.nodes}};
    audit_.Record(c, entry);
    return grid;
  });
  return created;
}

Grid GridService::Get(const auth::Principal& actor, std::int64_t id, bool with_history) const {
  return database_.Read([&](db::Connection& c) {
    auto grid = GridStore::Find(c, id, with_history);
    if (!grid || !Visible(actor, *grid)) throw Error(ErrorCode::kNotFound);
    return *grid;
  });
}

std::vector<Grid> GridService::ListByCommunity(const auth::Principal& actor,
                                               const std::string& community_code) const {
  return database_.Read([&](db::Connection& c) {
    auto grids = GridStore::ListByCommunity(c, community_code);
    std::erase_if(grids, [&](const Grid& grid) { return !Visible(actor, grid); });
    if (grids.empty() && !actor.scope.Contains(community_code)) throw Error(ErrorCode::kNotFound);
    return grids;
  });
}

Grid GridService::LoadManageable(db::Connection& c, const auth::Principal& actor, std::int64_t id) const {
  auto grid = GridStore::Find(c, id, false);
  if (!grid || !Visible(actor, *grid)) throw Error(ErrorCode::kNotFound);
  if (!actor.scope.Contains(grid->community_code)) throw Error(ErrorCode::kForbidden);
  return *grid;
}

Grid GridService::Update(const auth::Principal& actor, std::int64_t id, const GridPatch& patch) {
  std::vector<std::int64_t> affected;
  Grid updated = database_.Write([&](db::Connection& c) {
    Grid grid = LoadManageable(c, actor, id);
    nlohmann::json changes = nlohmann::json::object();
    if (patch.name && *patch.name != grid.name) {
      CheckName(*patch.name);
      changes["name"] = {grid.name, *patch.name};
      grid.name = *patch.name;
    }
    if (patch.kind && *patch.kind != grid.kind) {
      CheckKind(*patch.kind);
      changes["kind"] = {grid.kind, *patch.kind};
      grid.kind = *patch.kind;
    }
    if (patch.nodes) {
      auto nodes = Normalised(*patch.nodes);
      if (nodes != grid.nodes) {
        changes["nodes"] = {grid.nodes, nodes};
        grid.nodes = std::move(nodes);
        CheckNodes(c, grid);
        affected = GridStore::ActiveUserIds(c, grid.id);
      }
    }
    if (changes.empty()) return grid;
    grid.updated_at = clock_.NowMillis();
    GridStore::Update(c, grid);
    auto entry = audit::AuditLog::By(actor, "grids.update", "grid", std::to_string(grid.id));
    entry.region_code = grid.community_code;
    entry.detail = changes;
    audit_.Record(c, entry);
    return grid;
  });
  Notify(affected);
  return updated;
}

GridMember GridService::AddMember(const auth::Principal& actor, std::int64_t grid_id,
                                  const NewMember& request) {
  if (!IsGridRole(request.role)) {
    Invalid("role", "unknown_role",
            "Role must be one of grid_leader, full_time, part_time, paired_cadre, building_leader, "
            "household_leader, "
            "central_household, party_member_household.",
            "职责须为网格长、专职网格员、兼职网格员、包联网格员、楼长、联户长、中心户长、党员中心户之一。");
  }
  GridMember member;
  member.grid_id = grid_id;
  member.user_id = request.user_id;
  member.name = request.name;
  member.role = request.role;
  member.organisation = request.organisation;
  if (member.user_id) {
    const auto display = lookup_ ? lookup_(actor, *member.user_id) : std::nullopt;
    if (!display) {
      throw Error(ErrorCode::kFieldInvalid, "No such account in your area.", "您的管辖范围内没有该账号。",
                  nlohmann::json::array({FieldDetail("user_id", "not_found")}));
    }
    if (member.name.empty()) member.name = *display;
  }
  CheckName(member.name);
  if (member.role == "paired_cadre" && member.organisation.empty()) {
    Invalid("organisation", "required", "A paired cadre names their department.",
            "包联网格员须注明所在单位。");
  }
  const auto now = clock_.NowMillis();
  member.started_at = request.started_at.value_or(now);
  if (member.started_at > now)
    Invalid("started_at", "in_future", "A membership cannot start in the future.",
            "任职开始时间不能晚于当前时间。");
  member = database_.Write([&](db::Connection& c) {
    const Grid grid = LoadManageable(c, actor, grid_id);
    if (grid.status != "active") throw Error(ErrorCode::kConflict, "The grid is retired.", "该网格已撤销。");
    if (member.role == "grid_leader" && GridStore::CountActive(c, grid_id, "grid_leader", std::nullopt) > 0) {
      throw Error(ErrorCode::kConflict, "The grid has a grid leader; end that membership first.",
                  "该网格已有网格长，请先结束其任职。",
                  nlohmann::json::array({FieldDetail("role", "leader_exists")}));
    }
    if (member.user_id && GridStore::CountActive(c, grid_id, member.role, member.user_id) > 0) {
      throw Error(ErrorCode::kConflict, "That account holds this duty in this grid already.",
                  "该账号已在本网格担任此职责。",
                  nlohmann::json::array({FieldDetail("user_id", "duplicate")}));
    }
    member.id = GridStore::InsertMember(c, member);
    auto entry = audit::AuditLog::By(actor, "grids.add_member", "grid_member", std::to_string(member.id));
    entry.region_code = grid.community_code;
    entry.detail = {{"grid_id", grid_id}, {"name", member.name}, {"role", member.role}};
    audit_.Record(c, entry);
    return member;
  });
  if (member.user_id) Notify({*member.user_id});
  return member;
}

GridMember GridService::EndMember(const auth::Principal& actor, std::int64_t grid_id, std::int64_t member_id,
                                  const std::string& reason) {
  if (reason.size() > 500) Invalid("reason", "too_long", "The reason is too long.", "原因过长。");
  GridMember member = database_.Write([&](db::Connection& c) {
    const Grid grid = LoadManageable(c, actor, grid_id);
    auto found = GridStore::FindMember(c, grid_id, member_id);
    if (!found) throw Error(ErrorCode::kNotFound);
    if (found->ended_at)
      throw Error(ErrorCode::kConflict, "The membership has ended already.", "该任职已结束。");
    found->ended_at = clock_.NowMillis();
    found->end_reason = reason;
    GridStore::EndMember(c, member_id, *found->ended_at, reason);
    auto entry = audit::AuditLog::By(actor, "grids.end_member", "grid_member", std::to_string(member_id));
    entry.region_code = grid.community_code;
    entry.detail = {{"grid_id", grid_id}, {"name", found->name}, {"role", found->role}, {"reason", reason}};
    audit_.Record(c, entry);
    return *found;
  });
  if (member.user_id) Notify({*member.user_id});
  return member;
}

std::vector<std::string> GridService::ServedNodes(std::int64_t user_id) const {
  return database_.Once([&](db::Connection& c) { return GridStore::ServedNodes(c, user_id); });
}

void GridService::Notify(const std::vector<std::int64_t>& user_ids) const {
  if (!scope_changed_) return;
  for (auto id : user_ids) scope_changed_(id);
}

}  // namespace shequ::regions
