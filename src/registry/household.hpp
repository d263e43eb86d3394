// 户: a household at a dwelling, its members with their relation to the head, and its ledger
// (户情台账). Members join and leave on dates; a membership is ended, never deleted.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shequ::registry {

struct Household {
  std::int64_t id = 0;
  std::string number;  // 户号 as written in the 户口簿; may be empty
  std::string kind;    // family, collective
  std::string dwelling_code;
  std::optional<std::int64_t> head_person_id;  // follows the current member whose relation is "head"
  std::string status = "active";
  std::string note;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// A membership, with what a list needs of the person (name and masked ID number).
struct HouseholdMember {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  std::int64_t person_id = 0;
  std::string relation;  // to the head; "head" for the head
  std::string joined_on;
  std::optional<std::string> left_on;
  std::string left_reason;
  std::string name;
  std::string id_number_mask;
  std::string person_status;
};

// The fields a create or a PATCH carries; absent means "not given" (unchanged).
struct HouseholdFields {
  std::optional<std::string> number;
  std::optional<std::string> kind;
  std::optional<std::string> note;
  std::optional<std::string> dwelling_code;         // on create only: a household does not move
  std::optional<std::int64_t> head_person_id;       // create: joins as head; PATCH: becomes head
  std::optional<std::string> former_head_relation;  // PATCH: the old head's relation to the new one
  std::optional<std::string> joined_on;             // create: the head's date of joining
  std::optional<std::int64_t> expected_version;     // PATCH: refuse when the record moved on
};

struct NewHouseholdMember {
  std::int64_t person_id = 0;
  std::string relation;
  std::optional<std::string> joined_on;  // default today
};

struct LedgerEntry {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  std::optional<std::int64_t> person_id;
  std::string person_name;
  std::string category;
  std::string item;
  std::optional<double> amount;
  std::string unit;    // 元, 亩, 人 …
  std::string period;  // 2026, 2026-10, 2026-Q3, 2026-H1
  std::string entry_date;
  std::string note;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_by_name;
  std::int64_t recorded_at = 0;
};

struct NewLedgerEntry {
  std::string category;
  std::string item;
  std::optional<double> amount;
  std::string unit;
  std::string period;
  std::optional<std::string> entry_date;  // default today
  std::optional<std::int64_t> person_id;  // a current member
  std::string note;
};

struct LedgerQuery {
  std::string category;
  std::string period;  // entries of this period, or of the periods inside it ("2026" holds "2026-10")
};

struct HouseholdQuery {
  std::string text;    // part of the household number or of the head's name
  std::string region;  // a subtree inside the caller's scope
  std::string kind;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

// A row of a household list.
struct HouseholdRow {
  Household household;
  std::optional<std::int64_t> head_person_id;
  std::string head_name;
  std::string head_id_number_mask;
  std::int64_t member_count = 0;
};

struct HouseholdPage {
  std::vector<HouseholdRow> items;
  std::int64_t total = 0;
  std::map<std::string, std::string> addresses;  // dwelling code → address
};

}  // namespace shequ::registry
