// People of the registry. Rules: a person is seen by the scope that holds their residence or their
// registration; ID numbers are checked (GB 11643) and unique; protected values are sealed before
// they reach the store and come back in clear only through Reveal, which needs a reason and is
// audited; moves, births and deaths are events, never overwrites; every change is in the history.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/change_log.hpp"
#include "registry/key_group.hpp"
#include "registry/person.hpp"
#include "registry/problems.hpp"
#include "registry/registry_context.hpp"

namespace shequ::registry {

struct HouseholdLink {
  std::int64_t household_id = 0;
  std::string relation;
};

struct PersonView {
  Person person;
  std::string residence_address;
  std::vector<PersonGroup> groups;  // current and past, of the classes the caller may see, no details
  std::optional<HouseholdLink> household;
};

struct PersonHistory {
  std::vector<PersonEvent> events;
  std::vector<ChangeRecord> changes;
};

struct RevealedValues {
  std::optional<std::string> id_number;
  std::optional<std::string> phone;
};

// Checks and normalises the fields of a person, without the database: the rules imports share.
// `creating` requires a name and a residence.
PersonFields CheckPersonFields(const PersonFields& fields, const std::string& today, bool creating,
                               Problems& problems);

class PersonService {
 public:
  explicit PersonService(const RegistryContext& context) : context_(context) {}
  std::string Today() const;

  PersonView Create(const auth::Principal& actor, const NewPerson& request);
  PersonView Get(const auth::Principal& actor, std::int64_t id) const;
  PersonView Update(const auth::Principal& actor, std::int64_t id, const PersonFields& patch);
  RevealedValues Reveal(const auth::Principal& actor, std::int64_t id, const std::vector<std::string>& fields,
                        const std::string& reason);
  PersonEvent RecordEvent(const auth::Principal& actor, std::int64_t id, const NewPersonEvent& request);
  PersonHistory History(const auth::Principal& actor, std::int64_t id) const;
  PersonPage Search(const auth::Principal& actor, const PersonQuery& query) const;
  // Every match of `query` (paging ignored), for exports; `visit` gets each with its address and
  // the key groups in force that the caller may see.
  using ExportVisitor =
      std::function<void(const Person&, const std::string& address, const std::vector<std::string>& groups)>;
  void ForEach(const auth::Principal& actor, const PersonQuery& query, const ExportVisitor& visit) const;

  // For imports: inserts checked people in the caller's transaction.
  static std::int64_t InsertChecked(db::Connection& c, const RegistryContext& context,
                                    const auth::Principal& actor, const PersonFields& checked,
                                    const std::string& arrival, const std::string& arrived_on);

 private:
  Person LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const;
  PersonView ViewOf(db::Connection& c, const auth::Principal& actor, Person person) const;

  const RegistryContext& context_;
};

bool VisibleTo(const auth::Scope& scope, const Person& person);

}  // namespace shequ::registry
