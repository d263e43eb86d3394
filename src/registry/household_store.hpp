#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "registry/household.hpp"

namespace shequ::registry {

// A household search already translated by the service.
struct HouseholdFilter {
  std::vector<std::string> prefixes;  // {""}: the whole tree
  std::string text;
  std::string kind;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

// All SQL of households, their members and their ledger.
class HouseholdStore {
 public:
  static std::int64_t Insert(db::Connection& c, const Household& household);
  static std::optional<Household> Find(db::Connection& c, std::int64_t id);
  // Writes every mutable column; false when `expected_version` is no longer current.
  static bool Update(db::Connection& c, const Household& household, std::int64_t expected_version);
  static HouseholdPage Search(db::Connection& c, const HouseholdFilter& filter);
  // Every match of `filter` by id in keyset pages (paging ignored), for exports.
  static void ForEachPage(db::Connection& c, const HouseholdFilter& filter,
                          const std::function<void(std::vector<HouseholdRow>&)>& visit);
  // Which of these household numbers households under `prefixes` hold already.
  static std::set<std::string> ExistingNumbers(db::Connection& c, const std::vector<std::string>& prefixes,
                                               const std::vector<std::string>& numbers);

  // Current members first (the head leading), then past ones, with the people's names.
  static std::vector<HouseholdMember> Members(db::Connection& c, std::int64_t household_id);
  // The household a person belongs to now, if any.
  static std::optional<std::int64_t> CurrentHouseholdOf(db::Connection& c, std::int64_t person_id);
  static std::int64_t InsertMember(db::Connection& c, const HouseholdMember& member);
  static void SetRelation(db::Connection& c, std::int64_t member_id, const std::string& relation);
  static void EndMember(db::Connection& c, std::int64_t member_id, const std::string& left_on,
                        const std::string& reason);

  static std::int64_t InsertLedgerEntry(db::Connection& c, const LedgerEntry& entry);
  // Newest entry date first.
  static std::vector<LedgerEntry> Ledger(db::Connection& c, std::int64_t household_id,
                                         const LedgerQuery& query);
};

}  // namespace shequ::registry
