// Checks the household, housing, vehicle and unit services share: trimmed texts with a length
// limit, closed lists, dates, phones, places of the tree inside the caller's scope, and the
// standard refusals (409 with the field named, stale versions, people the caller cannot see).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "regions/region.hpp"
#include "registry/person.hpp"
#include "registry/problems.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {

std::string Trim(std::string_view text);
std::size_t CharacterCount(std::string_view utf8);

// Trimmed `value` into `out`; "too_long" beyond `max_characters`. Absent stays absent.
void CheckText(const std::optional<std::string>& value, std::string_view field, std::size_t max_characters,
               Problems& problems, std::optional<std::string>& out);
// The code of a code or label of `vocabulary` into `out`; "unknown_value" listing the labels,
// reported under `field` (default: the vocabulary's own field name).
void CheckTerm(const std::optional<std::string>& value, const Vocabulary& vocabulary, Problems& problems,
               std::optional<std::string>& out, std::string_view field = {});
// "YYYY-MM-DD" into `out`, not after `latest` when one is given; "invalid_date" otherwise.
void CheckDate(const std::optional<std::string>& value, std::string_view field, Problems& problems,
               std::optional<std::string>& out, const std::optional<std::string>& latest = std::nullopt);
// Mobile 1[3-9]xxxxxxxxx, or a landline with its area code; spaces and dashes go.
std::optional<std::string> NormalisePhone(std::string_view text);

[[noreturn]] void Conflict(std::string_view field, std::string_view problem, std::string en, std::string zh);
[[noreturn]] void StaleVersion();

// Which nodes of the tree a record may be placed at.
enum class PlaceRule {
  kDwelling,         // exactly a dwelling (房屋, level 9)
  kCommunityOrBelow  // a community, compound, building, unit or dwelling (level 5 and below)
};

// An active node fitting `rule` inside the caller's scope. A code outside the scope is refused
// before the tree is asked (kScopeViolation), so the answer says nothing about other areas.
regions::Region CheckPlace(db::Connection& c, const auth::Principal& actor, const std::string& code,
                           std::string_view field, PlaceRule rule);

// A person the caller may see, for a body that names one; anyone else is "unknown_person"
// (422), whether they exist or not.
Person VisiblePerson(db::Connection& c, const auth::Principal& actor, std::int64_t person_id,
                     std::string_view field);

// The acting account for stored "recorded_by" columns; the console has none.
std::optional<std::int64_t> ActorId(const auth::Principal& actor);

}  // namespace shequ::registry
