// Grids and their members.
//
// Rules:
//  1. A grid lies in one community: every node it covers is the community or below it, and a
//     sub-grid's nodes lie inside its parent grid's nodes. Levels: 1 (the community, one per
//     community), 2, 3.
//  2. A grid has at most one active 网格长; an account holds a given duty in a grid once at a time.
//     Ending a membership keeps it, with its dates and reason, as history.
//  3. An account's scope includes the nodes of every active grid it actively serves; any change
//     to that set is reported through `ScopeChanged` after commit so sessions see it at once.
//  4. A grid is visible to callers whose scope holds its community or one of its nodes; only
//     callers whose scope holds the community may change it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "regions/grid.hpp"

namespace shequ::regions {

class GridService {
 public:
  using ScopeChanged = std::function<void(std::int64_t user_id)>;
  // The display name of an account the actor may see, or nullopt.
  using AccountLookup =
      std::function<std::optional<std::string>(const auth::Principal&, std::int64_t user_id)>;

  GridService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
      : database_(database), clock_(clock), audit_(audit) {}
  void OnScopeChanged(ScopeChanged hook) { scope_changed_ = std::move(hook); }
  void LookUpAccountsWith(AccountLookup lookup) { lookup_ = std::move(lookup); }

  Grid Create(const auth::Principal& actor, const NewGrid& request);
  Grid Get(const auth::Principal& actor, std::int64_t id, bool with_history) const;
  std::vector<Grid> ListByCommunity(const auth::Principal& actor, const std::string& community_code) const;
  Grid Update(const auth::Principal& actor, std::int64_t id, const GridPatch& patch);
  GridMember AddMember(const auth::Principal& actor, std::int64_t grid_id, const NewMember& request);
  GridMember EndMember(const auth::Principal& actor, std::int64_t grid_id, std::int64_t member_id,
                       const std::string& reason);

  // Region codes an account serves through its grids (part of its scope).
  std::vector<std::string> ServedNodes(std::int64_t user_id) const;

 private:
  static bool Visible(const auth::Principal& actor, const Grid& grid);
  Grid LoadManageable(db::Connection& c, const auth::Principal& actor, std::int64_t id) const;
  void CheckNodes(db::Connection& c, const Grid& grid) const;
  void Notify(const std::vector<std::int64_t>& user_ids) const;

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  ScopeChanged scope_changed_;
  AccountLookup lookup_;
};

}  // namespace shequ::regions
