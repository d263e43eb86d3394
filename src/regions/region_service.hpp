// Reading and keeping the region tree.
//
// Visibility: levels 1-5 are the published national statistical divisions (names and codes of
// provinces down to communities, public data from 国家统计局), readable by every signed-in user
// so any screen can show the path above a node. Nodes below a community (compounds, buildings,
// units, dwellings) are the community's own records: readable and writable only inside the
// caller's scope; outside it they do not exist (404).
#pragma once

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "regions/region.hpp"

namespace shequ::regions {

class RegionService {
 public:
  RegionService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
      : database_(database), clock_(clock), audit_(audit) {}

  RegionView Get(const auth::Principal& actor, const std::string& code) const;
  RegionPage Children(const auth::Principal& actor, const std::string& code, std::int64_t limit,
                      std::int64_t offset) const;
  // By part of the name; with neither text nor level, the roots of the caller's tree (Roots).
  RegionPage Search(const auth::Principal& actor, const std::string& text, std::optional<int> level,
                    std::int64_t limit) const;
  // Where the caller's tree starts: the provinces nationwide, else the nodes of their scope.
  RegionPage Roots(const auth::Principal& actor, std::int64_t limit) const;
  RegionView CreateChild(const auth::Principal& actor, const std::string& parent_code,
                         const NewRegion& request);
  RegionView Update(const auth::Principal& actor, const std::string& code, const RegionPatch& patch);
  void Delete(const auth::Principal& actor, const std::string& code);

  // The codes that name no node. Before any tree is loaded there is nothing to check against,
  // and every code passes (a fresh installation creates its first accounts before the import).
  std::vector<std::string> UnknownCodes(const std::vector<std::string>& codes) const;

  // Raised by every change to the national tree; public views of it may be kept until it moves.
  std::int64_t TreeVersion() const;

  // For the console and the demo: creates children of one node in one transaction, no actor.
  std::vector<Region> CreateChildrenAsConsole(const std::string& parent_code,
                                              const std::vector<NewRegion>& requests);
  // For the demo's generated housing: a compound with `buildings` buildings of `units` units,
  // `floors` floors and `rooms` rooms a floor, in one transaction. Returns the dwellings' codes.
  std::vector<std::string> CreateEstateAsConsole(const std::string& community_code, const std::string& name,
                                                 int buildings, int units, int floors, int rooms);
  // Codes of the dwellings below a node (all of them: for generators and benchmarks, no actor).
  std::vector<std::string> DwellingCodesUnder(const std::string& code) const;

 private:
  static bool Visible(const auth::Principal& actor, const Region& region);
  RegionView ViewOf(db::Connection& c, Region node) const;
  Region BuildChild(db::Connection& c, const Region& parent, const NewRegion& request) const;

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
};

}  // namespace shequ::regions
