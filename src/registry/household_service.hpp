// Households of the registry. Rules: a household lives at a dwelling and is seen by the scope that
// holds it; its members are living people the caller can see, each a current member of one
// household at most; one member is the head (户主); leaving ends a membership with a date and a
// reason and keeps it; the ledger (户情台账) only grows; every change is in the history.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/change_log.hpp"
#include "registry/household.hpp"
#include "registry/person.hpp"
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

// Why `person` may not join household `household_id` (0: a new one), or nullopt when they may:
// unknown_person (absent or outside the caller's scope), not_living, already_member or
// in_another_household. Imports report it by row; the service refuses with it.
std::optional<Problem> JoiningProblem(db::Connection& c, const auth::Principal& actor,
                                      const std::optional<Person>& person, std::string_view field,
                                      std::int64_t household_id);

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
  // Every match of `query` (paging ignored), for exports, with the dwelling's address.
  using ExportVisitor = std::function<void(const HouseholdRow&, const std::string& address)>;
  void ForEach(const auth::Principal& actor, const HouseholdQuery& query, const ExportVisitor& visit) const;

  // For imports and Create: inserts a checked household at a checked dwelling with its members
  // (people who may join, the head among them if any) in the caller's transaction, with its
  // history and audit entry. Returns its id.
  static std::int64_t InsertChecked(db::Connection& c, const RegistryContext& context,
                                    const auth::Principal& actor, const HouseholdFields& checked,
                                    const std::vector<NewHouseholdMember>& members);

 private:
  Household LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const;
  HouseholdView ViewOf(db::Connection& c, Household household) const;

  const RegistryContext& context_;
};

}  // namespace shequ::registry
