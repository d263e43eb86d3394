// The closed lists of registry fields (codes stored, Chinese labels shown) and the calendar facts
// registry rules need. Checking a value against its list is the service's first step.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace shequ::registry {

struct Term {
  std::string_view code;
  std::string_view label;  // 中文
};

struct Vocabulary {
  std::string_view field;
  std::span<const Term> terms;

  bool Has(std::string_view code) const;
  std::string_view Label(std::string_view code) const;  // the code itself when unknown
  // The code for a code or a Chinese label (imports carry labels), or nullopt.
  std::optional<std::string_view> Read(std::string_view code_or_label) const;
};

const Vocabulary& ResidenceTypes();  // registered 户籍, floating 流动, lodging 寄住
const Vocabulary& PersonStatuses();  // living, moved_out, deceased
const Vocabulary& Sexes();           // M 男, F 女
const Vocabulary& PoliticalStatuses();
const Vocabulary& EducationLevels();
const Vocabulary& Ethnicities();       // the 56 民族 of GB/T 3304, plus 其他 and 外国血统
const Vocabulary& PersonEventKinds();  // birth, registered, move_in, move_out, relocate, death
const Vocabulary& ConcernLevels();
const Vocabulary& Verifications();
const Vocabulary& Sensitivities();
const Vocabulary& HouseholdRelations();
const Vocabulary& HouseholdKinds();
const Vocabulary& LedgerCategories();
const Vocabulary& HousingUses();
const Vocabulary& HousingOwnerships();
const Vocabulary& HousingOccupancies();
const Vocabulary& HousingPartyRoles();
const Vocabulary& VehicleTypes();
const Vocabulary& OrgUnitKinds();

// Today in China Standard Time (UTC+8, no daylight saving), "YYYY-MM-DD".
std::string ChinaToday(const Clock& clock);
// `date` ("YYYY-MM-DD") moved back by whole years; 29 February becomes 28 February.
std::string YearsBefore(std::string_view date, int years);
bool IsDate(std::string_view text);

}  // namespace shequ::registry
