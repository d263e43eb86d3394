#include "accounts/account_service.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "support/test_app.hpp"

namespace shequ::accounts {
namespace {

using testing::TestApp;

class AccountServiceTest : public ::testing::Test {
 protected:
  AccountServiceTest() {
    app_.CreateUser("county", "county", {"610921000000"});
    app_.CreateUser("street", "street", {"610921100000"});
    county_ = app_.app().sessions().Authenticate(app_.Login("county"), "127.0.0.1");
    street_ = app_.app().sessions().Authenticate(app_.Login("street"), "127.0.0.1");
  }

  static NewUser Resident(std::string name, std::string scope) {
    return {.username = std::move(name),
            .display_name = "居民",
            .role = "resident",
            .scopes = {std::move(scope)},
            .password = "Shequ-Test-2026"};
  }

  AccountService& accounts() { return app_.app().accounts(); }

  TestApp app_;
  auth::Principal county_, street_;
};

TEST_F(AccountServiceTest, CreatesInsideTheActorsScopeOnly) {
  const auto inside = accounts().Create(&street_, Resident("resident1", "610921100001"));
  EXPECT_EQ(inside.role, auth::Role::kResident);
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Create(&street_, Resident("resident2", "610921101001")); }),
            ErrorCode::kScopeViolation);
  EXPECT_EQ(testing::ErrorOf([&] {
              accounts().Create(&street_, {.username = "boss",
                                           .role = "county",
                                           .scopes = {"610921100000"},
                                           .password = "Shequ-Test-2026"});
            }),
            ErrorCode::kForbidden);
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Create(&street_, Resident("resident1", "610921100001")); }),
            ErrorCode::kUsernameTaken);
}

TEST_F(AccountServiceTest, ValidatesEveryField) {
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Create(nullptr, Resident("X", "610921100001")); }),
            ErrorCode::kFieldInvalid);
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Create(nullptr, Resident("okname", "61092110")); }),
            ErrorCode::kFieldInvalid);
  auto weak = Resident("okname", "610921100001");
  weak.password = "short";
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Create(nullptr, weak); }), ErrorCode::kWeakPassword);
  auto no_scope = Resident("okname", "610921100001");
  no_scope.scopes.clear();
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Create(nullptr, no_scope); }), ErrorCode::kFieldInvalid);
  auto bad_role = Resident("okname", "610921100001");
  bad_role.role = "mayor";
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Create(nullptr, bad_role); }), ErrorCode::kFieldInvalid);
  EXPECT_EQ(accounts().ListAll().size(), 2u) << "nothing was created by the failures";
}

TEST_F(AccountServiceTest, OutOfScopeAccountsAreNotFoundAndNotListed) {
  const auto far = accounts().Create(nullptr, Resident("far", "610902001001"));
  const auto near = accounts().Create(nullptr, Resident("near", "610921100002"));
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Get(street_, far.id); }), ErrorCode::kNotFound);
  EXPECT_EQ(accounts().Get(street_, near.id).username, "near");
  const auto page = accounts().List(street_, {});
  std::vector<std::string> names;
  for (const auto& u : page.items) names.push_back(u.username);
  EXPECT_EQ(names, std::vector<std::string>({"street", "near"}));
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Update(street_, far.id, {.display_name = "x"}); }),
            ErrorCode::kNotFound);
}

TEST_F(AccountServiceTest, DepartmentsServingAStreetAreThoseWhoseScopeCoversIt) {
  app_.CreateUser("housing", "department", {"610921000000"});    // the county's, covers the street
  app_.CreateUser("elsewhere", "department", {"610902000000"});  // another county's
  app_.CreateUser("narrow", "department", {"610921101000"});     // another street only
  auto names = [&](const auth::Principal& who) {
    std::vector<std::string> out;
    for (const auto& user : accounts().DepartmentsServing(who)) out.push_back(user.username);
    return out;
  };
  EXPECT_EQ(names(street_), std::vector<std::string>{"housing"});
  EXPECT_EQ(names(county_), std::vector<std::string>{"housing"})
      << "a street's department does not cover the county";
}

TEST_F(AccountServiceTest, DisablingEndsSessionsAndIsAudited) {
  const auto user = accounts().Create(&street_, Resident("resident1", "610921100001"));
  const auto token = app_.Login("resident1");
  accounts().Update(street_, user.id, {.disabled = true});
  EXPECT_THROW(app_.app().sessions().Authenticate(token, "127.0.0.1"), Error);
  audit::AuditFilter filter;
  filter.action = "accounts.update_user";
  const auto entries = app_.app().audit().Search(filter);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor_name, "street");
  EXPECT_EQ(entries[0].detail["disabled"], nlohmann::json::array({false, true}));
}

TEST_F(AccountServiceTest, NobodyDisablesThemselvesOrManagesAWiderRole) {
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Update(street_, street_.user_id, {.disabled = true}); }),
            ErrorCode::kForbidden);
  EXPECT_EQ(accounts().Update(street_, street_.user_id, {.display_name = "城关镇"}).display_name, "城关镇");
  const auto county_user = accounts().Get(county_, county_.user_id);
  EXPECT_EQ(testing::ErrorOf([&] { accounts().Get(street_, county_user.id); }), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace shequ::accounts
