#include "registry/housing_service.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/errors/error.hpp"
#include "registry/person_service.hpp"
#include "registry/testing/registry_test_base.hpp"
#include "support/test_database.hpp"

namespace shequ::registry {
namespace {

class HousingServiceTest : public fixtures::RegistryTestBase {
 protected:
  HousingService& housing() { return app_.app().registry().housing; }

  std::int64_t Register(const std::string& name, const auth::Principal& by, const std::string& residence) {
    NewPerson request;
    request.fields.name = name;
    request.fields.residence_code = residence;
    return app_.app().registry().people.Create(by, request).person.id;
  }

  HousingView Create(const std::string& ownership, const std::string& occupancy = "owner_occupied") {
    HousingFields fields;
    fields.dwelling_code = dwelling_;
    fields.area_m2 = 89.5;
    fields.ownership = ownership;
    fields.occupancy = occupancy;
    fields.certificate_number = "陕(2024)汉阴县不动产权第0001234号";
    return housing().Create(community_, fields);
  }
};

TEST_F(HousingServiceTest, RegistersADwellingOnceAndKeepsEveryChange) {
  const auto view = Create("private", "自住");
  EXPECT_EQ(view.housing.use, "residential") << "a home unless said otherwise";
  EXPECT_EQ(view.housing.occupancy, "owner_occupied") << "labels are read as codes";
  EXPECT_EQ(view.housing.area_m2, 89.5);
  EXPECT_NE(view.address.find("501室"), std::string::npos) << view.address;
  EXPECT_EQ(testing::ErrorOf([&] { Create("private"); }), ErrorCode::kConflict) << "one record per dwelling";

  HousingFields patch;
  patch.occupancy = "vacant";
  patch.area_m2 = 90;
  patch.expected_version = view.housing.version;
  const auto changed = housing().Update(gridder_, dwelling_, patch);
  EXPECT_EQ(changed.housing.occupancy, "vacant");
  EXPECT_EQ(changed.housing.version, view.housing.version + 1);
  EXPECT_EQ(testing::ErrorOf([&] { housing().Update(community_, dwelling_, patch); }), ErrorCode::kConflict)
      << "a stale version";

  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> changes;
  for (const auto& c : housing().History(community_, dwelling_)) {
    if (!changes.contains(c.field)) changes[c.field] = {c.old_value, c.new_value};
  }
  EXPECT_EQ(changes["occupancy"].first, "owner_occupied");
  EXPECT_EQ(changes["occupancy"].second, "vacant");
  EXPECT_EQ(changes["area_m2"].first, "89.5");
  EXPECT_EQ(changes["area_m2"].second, "90");
  EXPECT_EQ(changes["ownership"].second, "private") << "the create is in the history";

  const auto vacant = housing().Search(community_, {.occupancy = "vacant"});
  ASSERT_EQ(vacant.total, 1);
  EXPECT_EQ(vacant.items[0].dwelling_code, dwelling_);
  EXPECT_NE(vacant.addresses.at(dwelling_).find("兴隆佳苑小区"), std::string::npos);
  EXPECT_EQ(housing().Search(community_, {.occupancy = "rented"}).total, 0);
  EXPECT_EQ(housing().Search(community_, {.region = other_dwelling_}).total, 0);
  EXPECT_EQ(testing::ErrorOf([&] { housing().Search(community_, {.use = "castle"}); }),
            ErrorCode::kInvalidQueryParameter);

  audit::AuditFilter filter;
  filter.object_type = "housing";
  const auto entries = app_.app().audit().Search(filter);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0].action, "registry.housing_update");
  EXPECT_EQ(entries[0].actor_name, "gridder");
}

TEST_F(HousingServiceTest, RefusesWrongLevelsBadValuesAndOtherAreas) {
  HousingFields fields;
  fields.dwelling_code = compound_;
  fields.ownership = "private";
  fields.occupancy = "rented";
  try {
    housing().Create(community_, fields);
    FAIL() << "a compound is not a dwelling";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["field"], "dwelling_code");
    EXPECT_EQ(e.details()[0]["problem"], "wrong_level");
  }
  fields.dwelling_code = dwelling_;
  fields.area_m2 = -3;
  fields.ownership = "leasehold";
  try {
    housing().Create(community_, fields);
    FAIL() << "a negative area and an unknown ownership";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details().size(), 2U) << e.details().dump();
  }
  HousingFields missing;
  missing.dwelling_code = dwelling_;
  EXPECT_EQ(testing::ErrorOf([&] { housing().Create(community_, missing); }), ErrorCode::kFieldInvalid)
      << "ownership and occupancy are required";
  fields.area_m2.reset();
  fields.ownership = "private";
  EXPECT_EQ(testing::ErrorOf([&] { housing().Create(neighbour_, fields); }), ErrorCode::kScopeViolation);

  Create("private");
  EXPECT_EQ(testing::ErrorOf([&] { housing().Get(neighbour_, dwelling_); }), ErrorCode::kNotFound);
  HousingFields patch;
  patch.note = "x";
  EXPECT_EQ(testing::ErrorOf([&] { housing().Update(neighbour_, dwelling_, patch); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { housing().History(neighbour_, dwelling_); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf(
                [&] { housing().AddParty(neighbour_, dwelling_, {.role = "tenant", .party_name = "x"}); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { housing().Get(community_, other_dwelling_); }), ErrorCode::kNotFound)
      << "a dwelling without a record";
  EXPECT_EQ(housing().Search(neighbour_, {}).total, 0);
}

TEST_F(HousingServiceTest, SharedOwnershipSharesNeverExceedAHundred) {
  Create("产权共有");
  const auto owner = Register("张三", community_, dwelling_);
  housing().AddParty(community_, dwelling_, {.role = "owner", .person_id = owner, .share_percent = 70});
  auto view = housing().AddParty(community_, dwelling_,
                                 {.role = "co_owner",
                                  .party_name = "汉阴县住房保障中心",
                                  .share_percent = 30,
                                  .started_on = "2024-05-01"});
  ASSERT_EQ(view.parties.size(), 2U);
  EXPECT_EQ(view.parties[0].party_name, "张三") << "the person's name is copied";
  EXPECT_EQ(view.parties[0].person_id, owner);
  EXPECT_DOUBLE_EQ(view.share_total, 100);
  EXPECT_TRUE(view.shares_complete);

  try {
    housing().AddParty(community_, dwelling_,
                       {.role = "co_owner", .party_name = "李四", .share_percent = 10});
    FAIL() << "110% is refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_EQ(e.details()[0]["problem"], "shares_exceed_100");
    EXPECT_NE(e.message_zh().find("110"), std::string::npos) << e.message_zh();
  }
  try {
    housing().AddParty(community_, dwelling_, {.role = "co_owner", .party_name = "李四"});
    FAIL() << "产权共有 names each share";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["field"], "share_percent");
  }
  EXPECT_EQ(testing::ErrorOf([&] {
              housing().AddParty(community_, dwelling_,
                                 {.role = "tenant", .party_name = "王五", .share_percent = 10});
            }),
            ErrorCode::kFieldInvalid)
      << "tenants hold no share";

  const auto government = view.parties[1].id;
  view = housing().EndParty(community_, dwelling_, government, "2026-06-30", "份额回购");
  EXPECT_DOUBLE_EQ(view.share_total, 70);
  EXPECT_FALSE(view.shares_complete);
  ASSERT_EQ(view.past_parties.size(), 1U);
  EXPECT_EQ(view.past_parties[0].ended_on, "2026-06-30");
  EXPECT_EQ(view.past_parties[0].end_reason, "份额回购");
  EXPECT_EQ(testing::ErrorOf([&] { housing().EndParty(community_, dwelling_, government, {}, ""); }),
            ErrorCode::kConflict)
      << "ended already";
  view = housing().AddParty(community_, dwelling_,
                            {.role = "co_owner", .party_name = "李四", .share_percent = 30});
  EXPECT_TRUE(view.shares_complete) << "the bought-back share can go to someone else";

  bool saw_end = false;
  for (const auto& change : housing().History(community_, dwelling_)) {
    if (change.field == "party:" + std::to_string(government) && !change.new_value) {
      saw_end = true;
      EXPECT_EQ(change.old_value, "co_owner 汉阴县住房保障中心 30%");
    }
  }
  EXPECT_TRUE(saw_end);
}

TEST_F(HousingServiceTest, PartiesAreVisiblePeopleOrNamesAndEndWithoutBeingDeleted) {
  Create("private", "rented");
  const auto stranger = Register("王五", neighbour_, "610921103003");
  EXPECT_EQ(testing::ErrorOf([&] {
              housing().AddParty(community_, dwelling_, {.role = "tenant", .person_id = stranger});
            }),
            ErrorCode::kFieldInvalid)
      << "someone the caller cannot see is unknown";
  const auto tenant = Register("赵六", community_, dwelling_);
  EXPECT_EQ(testing::ErrorOf([&] {
              housing().AddParty(community_, dwelling_,
                                 {.role = "tenant", .person_id = tenant, .party_name = "赵六"});
            }),
            ErrorCode::kFieldInvalid)
      << "a person or a name, not both";
  EXPECT_EQ(testing::ErrorOf([&] { housing().AddParty(community_, dwelling_, {.role = "tenant"}); }),
            ErrorCode::kFieldInvalid);
  EXPECT_EQ(testing::ErrorOf(
                [&] { housing().AddParty(community_, dwelling_, {.role = "landlord", .party_name = "x"}); }),
            ErrorCode::kFieldInvalid);
  const auto view = housing().AddParty(community_, dwelling_, {.role = "tenant", .person_id = tenant});
  EXPECT_EQ(testing::ErrorOf(
                [&] { housing().AddParty(community_, dwelling_, {.role = "tenant", .person_id = tenant}); }),
            ErrorCode::kConflict);
  EXPECT_EQ(testing::ErrorOf([&] { housing().EndParty(community_, dwelling_, 999999, {}, ""); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { housing().EndParty(neighbour_, dwelling_, view.parties[0].id, {}, ""); }),
            ErrorCode::kNotFound);
  const auto ended = housing().EndParty(community_, dwelling_, view.parties[0].id, std::nullopt, "退租");
  EXPECT_TRUE(ended.parties.empty());
  EXPECT_EQ(ended.past_parties.at(0).ended_on, "2026-11-18") << "today by default";
  audit::AuditFilter filter;
  filter.action = "registry.housing_party_end";
  EXPECT_EQ(app_.app().audit().Search(filter).at(0).detail["reason"], "退租");
}

}  // namespace
}  // namespace shequ::registry
