// Units of the registry. Rules: a unit is located at a node of the tree (community or below) and
// seen by the scope holding it; a credit code is checked (GB 32100) and registered once; the contact
// phone is sealed before it reaches the store and comes back in clear only through Reveal, which
// needs a reason and is audited; every change is in the history, phones by their masks.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/change_log.hpp"
#include "registry/org_unit.hpp"
#include "registry/problems.hpp"
#include "registry/registry_context.hpp"

namespace shequ::registry {

struct OrgUnitView {
  OrgUnit unit;
  std::string region_address;
};

// Checks and normalises the fields of a unit, without the database. `creating` requires a name, a
// kind and a place.
OrgUnitFields CheckOrgUnitFields(const OrgUnitFields& fields, bool creating, Problems& problems);

class OrgUnitService {
 public:
  explicit OrgUnitService(const RegistryContext& context) : context_(context) {}

  OrgUnitView Create(const auth::Principal& actor, const OrgUnitFields& request);
  OrgUnitView Get(const auth::Principal& actor, std::int64_t id) const;
  OrgUnitView Update(const auth::Principal& actor, std::int64_t id, const OrgUnitFields& patch);
  // The clear contact phone (nullopt when there is none), recorded with `reason` in the audit log.
  std::optional<std::string> RevealPhone(const auth::Principal& actor, std::int64_t id,
                                         const std::string& reason);
  std::vector<ChangeRecord> History(const auth::Principal& actor, std::int64_t id) const;
  OrgUnitPage Search(const auth::Principal& actor, const OrgUnitQuery& query) const;
  // Every match of `query` (paging ignored), for exports, with the place's address; the contact
  // phone as its mask only.
  using ExportVisitor = std::function<void(const OrgUnit&, const std::string& address)>;
  void ForEach(const auth::Principal& actor, const OrgUnitQuery& query, const ExportVisitor& visit) const;

 private:
  OrgUnit LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const;
  OrgUnitView ViewOf(db::Connection& c, OrgUnit unit) const;
  void Apply(db::Connection& c, const auth::Principal& actor, const OrgUnitFields& fields, OrgUnit& unit,
             ChangeSet& changes) const;

  const RegistryContext& context_;
};

}  // namespace shequ::registry
