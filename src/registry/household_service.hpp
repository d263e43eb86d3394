// Households of the registry. Rules: a household lives at a dwelling and is seen by the scope that
// holds it; its members are living people the caller can see, each a current member of one
// household at most; one member is the head (户主); leaving ends a membership with a date and a
// reason and keeps it; the ledger (户情台账) only grows; every change is in the history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/change_log.hpp"
#include "registry/household.hpp"
#include "registry/problems.hpp"
#include "registry/registry_context.hpp"

namespace shequ::registry {

struct HouseholdView {
  Household household;  // head_person_id as the current members say
  std::string dwelling_address;
  std::vector<HouseholdMember> members;  // current, the head first
  std::vector<HouseholdMember> past_members;
};

// Checks and normalises the fields of a household, without the database. `creating` requires a
// dwelling and defaults the kind to a family household.
HouseholdFields CheckHouseholdFields(const HouseholdFields& fields, const std::string& today, bool creating,
                                     Problems& problems);

class HouseholdService {
 public:
  explicit HouseholdService(const RegistryContext& context) : context_(context) {}
  std::string Today() const;

  HouseholdView Create(const auth::Principal& actor, const HouseholdFields& request);
  HouseholdView Get(const auth::Principal& actor, std::int64_t id) const;
  HouseholdView Update(const auth::Principal& actor, std::int64_t id, const HouseholdFields& patch);
  HouseholdView AddMember(const auth::Principal& actor, std::int64_t id, const NewHouseholdMember& request);
  // Ends the person's current membership of the household (分户, 迁出 …); the row stays.
  HouseholdView RemoveMember(const auth::Principal& actor, std::int64_t id, std::int64_t person_id,
                             const std::optional<std::string>& left_on, const std::string& reason);
  LedgerEntry AddLedgerEntry(const auth::Principal& actor, std::int64_t id, const NewLedgerEntry& request);
  std::vector<LedgerEntry> Ledger(const auth::Principal& actor, std::int64_t id,
                                  const LedgerQuery& query) const;
  std::vector<ChangeRecord> History(const auth::Principal& actor, std::int64_t id) const;
  HouseholdPage Search(const auth::Principal& actor, const HouseholdQuery& query) const;

 private:
  Household LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const;
  HouseholdView ViewOf(db::Connection& c, Household household) const;

  const RegistryContext& context_;
};

}  // namespace shequ::registry
