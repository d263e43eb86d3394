#include "registry/household_service.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/errors/error.hpp"
#include "registry/testing/registry_test_base.hpp"
#include "support/test_database.hpp"

namespace shequ::registry {
namespace {

constexpr const char* kIdNumber = "610921198003152511";  // a valid GB 11643 number, born 1980-03-15

class HouseholdServiceTest : public fixtures::RegistryTestBase {
 protected:
  HouseholdService& households() { return app_.app().registry().households; }
  PersonService& people() { return app_.app().registry().people; }

  std::int64_t Register(const std::string& name, const std::string& id_number = "",
                        const std::string& residence = "") {
    NewPerson request;
    request.fields.name = name;
    if (!id_number.empty()) request.fields.id_number = id_number;
    request.fields.residence_code = residence.empty() ? dwelling_ : residence;
    request.arrived_on = "2025-12-01";
    return people().Create(residence.empty() ? community_ : neighbour_, request).person.id;
  }

  HouseholdView Create(std::optional<std::int64_t> head, const std::string& number = "0012") {
    HouseholdFields fields;
    fields.number = number;
    fields.dwelling_code = dwelling_;
    fields.head_person_id = head;
    fields.joined_on = "2026-01-01";
    return households().Create(community_, fields);
  }
};

TEST_F(HouseholdServiceTest, CreatesWithItsHeadShowsMasksAndKeepsTheHistory) {
  const auto head = Register("张三", kIdNumber);
  const auto view = Create(head);
  EXPECT_EQ(view.household.kind, "family") << "a family household unless said otherwise";
  EXPECT_EQ(view.household.head_person_id, head);
  EXPECT_NE(view.dwelling_address.find("501室"), std::string::npos) << view.dwelling_address;
  ASSERT_EQ(view.members.size(), 1U);
  EXPECT_EQ(view.members[0].relation, "head");
  EXPECT_EQ(view.members[0].name, "张三");
  EXPECT_EQ(view.members[0].id_number_mask, "610921**********11");
  EXPECT_EQ(view.members[0].joined_on, "2026-01-01");

  const auto seen = households().Get(gridder_, view.household.id);
  EXPECT_EQ(seen.members.size(), 1U) << "the compound's grid worker sees it";

  HouseholdFields patch;
  patch.number = "0013";
  patch.kind = "集体户";
  patch.note = "外出务工户";
  const auto changed = households().Update(community_, view.household.id, patch);
  EXPECT_EQ(changed.household.kind, "collective");
  EXPECT_EQ(changed.household.version, view.household.version + 1);

  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> changes;
  for (const auto& c : households().History(community_, view.household.id)) {
    if (!changes.contains(c.field)) changes[c.field] = {c.old_value, c.new_value};  // newest first
  }
  EXPECT_EQ(changes["number"].first, "0012");
  EXPECT_EQ(changes["number"].second, "0013");
  EXPECT_EQ(changes["kind"].second, "collective");
  EXPECT_EQ(changes["member:" + std::to_string(head)].second, "head");
  EXPECT_EQ(changes["dwelling_code"].second, dwelling_);

  audit::AuditFilter filter;
  filter.object_type = "household";
  const auto entries = app_.app().audit().Search(filter);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0].action, "registry.household_update");
  EXPECT_EQ(entries[1].action, "registry.household_create");
  EXPECT_EQ(entries[0].region_code, dwelling_);
}

TEST_F(HouseholdServiceTest, RefusesBadFieldsWrongLevelsAndOtherAreas) {
  HouseholdFields fields;
  fields.dwelling_code = compound_;
  try {
    households().Create(community_, fields);
    FAIL() << "a compound is not a dwelling";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["field"], "dwelling_code");
    EXPECT_EQ(e.details()[0]["problem"], "wrong_level");
  }
  fields.dwelling_code = dwelling_;
  fields.kind = "commune";
  EXPECT_EQ(testing::ErrorOf([&] { households().Create(community_, fields); }), ErrorCode::kFieldInvalid);
  fields.kind.reset();
  fields.dwelling_code = "610921103002999";
  EXPECT_EQ(testing::ErrorOf([&] { households().Create(community_, fields); }), ErrorCode::kFieldInvalid)
      << "no such node";
  fields.dwelling_code = dwelling_;
  EXPECT_EQ(testing::ErrorOf([&] { households().Create(neighbour_, fields); }), ErrorCode::kScopeViolation);

  const auto view = Create(Register("张三"));
  EXPECT_EQ(testing::ErrorOf([&] { households().Get(neighbour_, view.household.id); }), ErrorCode::kNotFound);
  HouseholdFields patch;
  patch.note = "x";
  EXPECT_EQ(testing::ErrorOf([&] { households().Update(neighbour_, view.household.id, patch); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { households().History(neighbour_, view.household.id); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { households().Ledger(neighbour_, view.household.id, {}); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(households().Search(neighbour_, {}).total, 0) << "another community sees no household";
  EXPECT_EQ(households().Get(community_, view.household.id).household.note, "") << "unchanged";
}

TEST_F(HouseholdServiceTest, APersonBelongsToOneHouseholdAndAHouseholdHasOneHead) {
  const auto zhang = Register("张三");
  const auto li = Register("李梅");
  const auto first = Create(zhang, "0001");
  const auto second = Create(std::nullopt, "0002");
  EXPECT_FALSE(second.household.head_person_id.has_value());

  households().AddMember(community_, first.household.id, {.person_id = li, .relation = "配偶"});
  try {
    households().AddMember(community_, second.household.id, {.person_id = li, .relation = "head"});
    FAIL() << "a member of another household is refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_EQ(e.details()[0]["problem"], "in_another_household");
  }
  EXPECT_EQ(testing::ErrorOf([&] {
              households().AddMember(community_, first.household.id, {.person_id = li, .relation = "spouse"});
            }),
            ErrorCode::kConflict)
      << "already a member";
  const auto son = Register("张小明");
  EXPECT_EQ(testing::ErrorOf([&] {
              households().AddMember(community_, first.household.id, {.person_id = son, .relation = "head"});
            }),
            ErrorCode::kConflict)
      << "a second head";
  EXPECT_EQ(testing::ErrorOf([&] {
              households().AddMember(community_, first.household.id, {.person_id = son, .relation = "uncle"});
            }),
            ErrorCode::kFieldInvalid);
  const auto stranger = Register("王五", "", "610921103003");
  EXPECT_EQ(testing::ErrorOf([&] {
              households().AddMember(community_, first.household.id,
                                     {.person_id = stranger, .relation = "son"});
            }),
            ErrorCode::kFieldInvalid)
      << "someone the caller cannot see is unknown";
  const auto late = Register("赵六");
  people().RecordEvent(community_, late, {.kind = "death", .occurred_on = "2026-02-01"});
  EXPECT_EQ(testing::ErrorOf([&] {
              households().AddMember(community_, first.household.id,
                                     {.person_id = late, .relation = "father"});
            }),
            ErrorCode::kConflict)
      << "only living people join";

  const auto view =
      households().AddMember(community_, first.household.id, {.person_id = son, .relation = "son"});
  ASSERT_EQ(view.members.size(), 3U);
  EXPECT_EQ(view.members[0].relation, "head") << "the head leads";
  EXPECT_EQ(people().Get(community_, son).household->household_id, first.household.id);
  EXPECT_EQ(testing::ErrorOf([&] {
              households().AddMember(neighbour_, first.household.id,
                                     {.person_id = stranger, .relation = "son"});
            }),
            ErrorCode::kNotFound);
}

TEST_F(HouseholdServiceTest, LeavingEndsTheMembershipAndKeepsIt) {
  const auto zhang = Register("张三");
  const auto daughter = Register("张丽");
  const auto household = Create(zhang).household.id;
  households().AddMember(community_, household,
                         {.person_id = daughter, .relation = "daughter", .joined_on = "2026-01-01"});

  const auto view = households().RemoveMember(community_, household, daughter, "2026-10-01", "婚嫁迁出");
  ASSERT_EQ(view.members.size(), 1U);
  ASSERT_EQ(view.past_members.size(), 1U);
  EXPECT_EQ(view.past_members[0].person_id, daughter);
  EXPECT_EQ(view.past_members[0].left_on, "2026-10-01");
  EXPECT_EQ(view.past_members[0].left_reason, "婚嫁迁出");
  EXPECT_EQ(view.past_members[0].relation, "daughter");
  EXPECT_EQ(testing::ErrorOf([&] { households().RemoveMember(community_, household, daughter, {}, ""); }),
            ErrorCode::kNotFound)
      << "no longer a member";
  EXPECT_EQ(
      testing::ErrorOf([&] { households().RemoveMember(community_, household, zhang, "2025-01-01", ""); }),
      ErrorCode::kFieldInvalid)
      << "leaving before joining";

  // She may found a household of her own now.
  const auto own = Create(daughter, "0099");
  EXPECT_EQ(own.household.head_person_id, daughter);

  const auto headless = households().RemoveMember(community_, household, zhang, std::nullopt, "分户");
  EXPECT_FALSE(headless.household.head_person_id.has_value());
  EXPECT_EQ(headless.past_members.size(), 2U);
  bool saw_leave = false;
  for (const auto& change : households().History(community_, household)) {
    if (change.field == "member:" + std::to_string(daughter) && !change.new_value) {
      saw_leave = true;
      EXPECT_EQ(change.old_value, "daughter");
    }
  }
  EXPECT_TRUE(saw_leave);
  const auto count = app_.app().database().Read([&](db::Connection& c) {
    return c.Run("SELECT COUNT(*) FROM household_members WHERE household_id = $1", household)[0].Int(0);
  });
  EXPECT_EQ(count, 2) << "nothing is deleted";
}

TEST_F(HouseholdServiceTest, ChangingTheHeadUpdatesRelationsAndRefusesStaleVersions) {
  const auto zhang = Register("张三");
  const auto li = Register("李梅");
  const auto outsider = Register("王五");
  const auto created = Create(zhang);
  const auto id = created.household.id;
  const auto with_spouse = households().AddMember(community_, id, {.person_id = li, .relation = "spouse"});

  HouseholdFields patch;
  patch.head_person_id = outsider;
  EXPECT_EQ(testing::ErrorOf([&] { households().Update(community_, id, patch); }), ErrorCode::kFieldInvalid)
      << "the new head is a member first";
  patch.head_person_id = li;
  patch.former_head_relation = "spouse";
  patch.expected_version = with_spouse.household.version;
  const auto view = households().Update(community_, id, patch);
  EXPECT_EQ(view.household.head_person_id, li);
  ASSERT_EQ(view.members.size(), 2U);
  EXPECT_EQ(view.members[0].person_id, li);
  EXPECT_EQ(view.members[0].relation, "head");
  EXPECT_EQ(view.members[1].relation, "spouse");
  EXPECT_EQ(testing::ErrorOf([&] { households().Update(community_, id, patch); }), ErrorCode::kConflict)
      << "version " << with_spouse.household.version << " is stale now";
}

TEST_F(HouseholdServiceTest, KeepsALedgerOfDatedEntries) {
  const auto zhang = Register("张三");
  const auto id = Create(zhang).household.id;
  const auto income = households().AddLedgerEntry(community_, id,
                                                  {.category = "income",
                                                   .item = "务工收入",
                                                   .amount = 36000.5,
                                                   .unit = "元",
                                                   .period = "2026",
                                                   .person_id = zhang});
  EXPECT_EQ(income.person_name, "张三");
  EXPECT_EQ(income.entry_date, "2026-11-18");
  EXPECT_EQ(income.recorded_by_name, "community");
  households().AddLedgerEntry(
      community_, id,
      {.category = "耕地林地", .item = "承包耕地", .amount = 2.5, .unit = "亩", .period = "2026-10"});
  households().AddLedgerEntry(
      community_, id,
      {.category = "subsidy", .item = "耕地地力保护补贴", .period = "2025-H2", .entry_date = "2025-12-20"});

  EXPECT_EQ(households().Ledger(gridder_, id, {}).size(), 3U);
  const auto this_year = households().Ledger(community_, id, {.period = "2026"});
  ASSERT_EQ(this_year.size(), 2U) << "2026 holds 2026-10";
  const auto land = households().Ledger(community_, id, {.category = "land"});
  ASSERT_EQ(land.size(), 1U);
  EXPECT_EQ(land[0].amount, 2.5);
  EXPECT_EQ(land[0].unit, "亩");

  const auto refused = [&](NewLedgerEntry entry) {
    return testing::ErrorOf([&] { households().AddLedgerEntry(community_, id, entry); });
  };
  EXPECT_EQ(refused({.category = "lottery", .item = "x"}), ErrorCode::kFieldInvalid);
  EXPECT_EQ(refused({.category = "income", .item = ""}), ErrorCode::kFieldInvalid);
  EXPECT_EQ(refused({.category = "income", .item = "x", .period = "二〇二六"}), ErrorCode::kFieldInvalid);
  EXPECT_EQ(refused({.category = "income", .item = "x", .amount = 5}), ErrorCode::kFieldInvalid)
      << "an amount needs its unit";
  EXPECT_EQ(refused({.category = "income", .item = "x", .entry_date = "2027-01-01"}),
            ErrorCode::kFieldInvalid);
  EXPECT_EQ(refused({.category = "income", .item = "x", .person_id = Register("李四")}),
            ErrorCode::kFieldInvalid)
      << "the person must be a member";
  EXPECT_EQ(testing::ErrorOf(
                [&] { households().AddLedgerEntry(neighbour_, id, {.category = "income", .item = "x"}); }),
            ErrorCode::kNotFound);

  audit::AuditFilter filter;
  filter.action = "registry.household_ledger_add";
  EXPECT_EQ(app_.app().audit().Search(filter).size(), 3U);
}

TEST_F(HouseholdServiceTest, SearchesByNumberHeadNameKindAndRegionInsideScope) {
  Create(Register("张三"), "0001");
  Create(Register("李四"), "0002");
  HouseholdFields collective;
  collective.dwelling_code = other_dwelling_;
  collective.kind = "collective";
  collective.number = "J001";
  households().Create(community_, collective);

  EXPECT_EQ(households().Search(community_, {}).total, 3);
  EXPECT_EQ(households().Search(gridder_, {}).total, 3);
  const auto by_head = households().Search(community_, {.text = "李"});
  ASSERT_EQ(by_head.total, 1);
  EXPECT_EQ(by_head.items[0].head_name, "李四");
  EXPECT_EQ(by_head.items[0].member_count, 1);
  EXPECT_NE(by_head.addresses.at(dwelling_).find("501室"), std::string::npos);
  EXPECT_EQ(households().Search(community_, {.text = "0001"}).total, 1);
  EXPECT_EQ(households().Search(community_, {.kind = "collective"}).total, 1);
  EXPECT_EQ(households().Search(community_, {.region = other_dwelling_}).total, 1);
  const auto page = households().Search(community_, {.limit = 2, .offset = 2});
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(page.items.size(), 1U);
  EXPECT_EQ(households().Search(neighbour_, {}).total, 0);
  EXPECT_EQ(testing::ErrorOf([&] { households().Search(neighbour_, {.region = compound_}); }),
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace shequ::registry
