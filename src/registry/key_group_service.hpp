// Key groups (重点人群). The kinds are data that administrators keep; each kind's sensitivity class
// decides which roles see its records at all. A membership's details are checked against the
// kind's fields and stored encrypted; reading sensitive details is audited.
#pragma once

#include <vector>

#include "core/auth/principal.hpp"
#include "registry/key_group.hpp"
#include "registry/registry_context.hpp"

namespace shequ::registry {

struct GroupTypePatch {
  std::optional<std::string> name;
  std::optional<std::string> name_en;
  std::optional<std::string> category;
  std::optional<std::string> sensitivity;
  std::optional<nlohmann::json> fields;
  std::optional<bool> active;
  std::optional<std::int64_t> sort_order;
};

class KeyGroupService {
 public:
  explicit KeyGroupService(const RegistryContext& context) : context_(context) {}

  std::vector<GroupType> Types() const;
  GroupType CreateType(const auth::Principal& actor, const GroupType& request);
  GroupType UpdateType(const auth::Principal& actor, const std::string& code, const GroupTypePatch& patch);

  PersonGroup Add(const auth::Principal& actor, std::int64_t person_id, const std::string& type_code,
                  const GroupFields& fields);
  PersonGroup Update(const auth::Principal& actor, std::int64_t group_id, const GroupFields& fields);
  // With details, of the classes the caller may see.
  std::vector<PersonGroup> ForPerson(const auth::Principal& actor, std::int64_t person_id) const;

  // For imports: adds a membership in the caller's transaction, without details.
  static void AddChecked(db::Connection& c, const RegistryContext& context, std::int64_t person_id,
                         const std::string& type_code, const std::string& residence_code,
                         const std::optional<std::string>& birth_date, const std::string& name,
                         const std::string& today);

 private:
  const RegistryContext& context_;
};

// Checks a kind's field list: [{"key", "label", "type", "options"}].
void CheckFieldSpecs(const nlohmann::json& fields, class Problems& problems);

}  // namespace shequ::registry
