// Housing of the registry. Rules: one record per dwelling (a level-9 node of the tree), seen by the
// scope that holds the dwelling; parties are people the caller can see or named bodies; the current
// shares of owners and co-owners never total more than 100 (产权共有 names every share, the
// government's included); an ended party is kept; every change is in the history.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/change_log.hpp"
#include "registry/housing.hpp"
#include "registry/problems.hpp"
#include "registry/registry_context.hpp"

namespace shequ::registry {

struct HousingView {
  Housing housing;
  std::string address;
  std::vector<HousingParty> parties;  // current
  std::vector<HousingParty> past_parties;
  double share_total = 0;        // current owners' and co-owners' shares
  bool shares_complete = false;  // they total 100
};

// Checks and normalises the fields of a housing record, without the database. `creating` requires
// the dwelling, the ownership and the occupancy, and defaults the use to residential.
HousingFields CheckHousingFields(const HousingFields& fields, bool creating, Problems& problems);

class HousingService {
 public:
  explicit HousingService(const RegistryContext& context) : context_(context) {}

  HousingView Create(const auth::Principal& actor, const HousingFields& request);
  HousingView Get(const auth::Principal& actor, const std::string& code) const;
  HousingView Update(const auth::Principal& actor, const std::string& code, const HousingFields& patch);
  HousingView AddParty(const auth::Principal& actor, const std::string& code, const NewHousingParty& request);
  // Ends a party (sold, moved out, lease over …); the row stays as history.
  HousingView EndParty(const auth::Principal& actor, const std::string& code, std::int64_t party_id,
                       const std::optional<std::string>& ended_on, const std::string& reason);
  std::vector<ChangeRecord> History(const auth::Principal& actor, const std::string& code) const;
  HousingPage Search(const auth::Principal& actor, const HousingQuery& query) const;
  // Every match of `query` (paging ignored), for exports, with the dwelling's address.
  using ExportVisitor = std::function<void(const Housing&, const std::string& address)>;
  void ForEach(const auth::Principal& actor, const HousingQuery& query, const ExportVisitor& visit) const;

  // For imports and Create: inserts a checked record of a checked dwelling that has none, in the
  // caller's transaction, with its history and audit entry.
  static void InsertChecked(db::Connection& c, const RegistryContext& context, const auth::Principal& actor,
                            const HousingFields& checked);

 private:
  Housing LoadVisible(db::Connection& c, const auth::Principal& actor, const std::string& code) const;
  HousingView ViewOf(db::Connection& c, Housing housing) const;

  const RegistryContext& context_;
};

}  // namespace shequ::registry
