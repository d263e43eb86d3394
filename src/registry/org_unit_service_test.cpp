#include "registry/org_unit_service.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <map>

#include "core/errors/error.hpp"
#include "registry/testing/registry_test_base.hpp"
#include "support/test_database.hpp"

namespace shequ::registry {
namespace {

// Valid GB 32100 codes (check characters M and N), and one with a wrong check character.
constexpr const char* kCreditCode = "91610921MA6YR8N2XM";
constexpr const char* kOtherCreditCode = "91610921MA6YR8N3XN";
constexpr const char* kBadCreditCode = "91610921MA6YR8N2XA";
constexpr const char* kPhone = "13912345678";

class OrgUnitServiceTest : public fixtures::RegistryTestBase {
 protected:
  OrgUnitService& units() { return app_.app().registry().units; }

  OrgUnitView Create(const std::string& name, const std::string& credit_code = "",
                     const std::string& phone = "", const std::string& kind = "enterprise") {
    OrgUnitFields fields;
    fields.name = name;
    if (!credit_code.empty()) fields.credit_code = credit_code;
    if (!phone.empty()) fields.contact_phone = phone;
    fields.kind = kind;
    fields.region_code = compound_;
    return units().Create(community_, fields);
  }

  // Cells of the registry's tables and the audit log that contain `needle`.
  int CellsContaining(const std::string& needle) {
    int found = 0;
    app_.app().database().Read([&](db::Connection& c) {
      for (const char* table : {"org_units", "registry_changes", "audit_log"}) {
        auto rows = c.Run(std::string("SELECT * FROM ") + table);
        for (std::size_t r = 0; r < rows.size(); ++r) {
          for (const auto& cell : rows.rows[r]) {
            if (const auto* text = std::get_if<std::string>(&cell);
                text && text->find(needle) != std::string::npos)
              ++found;
          }
        }
      }
    });
    return found;
  }
};

TEST_F(OrgUnitServiceTest, RegistersWithACheckedCodeAndOnlyAMaskedPhone) {
  std::string lower = kCreditCode;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  OrgUnitFields fields;
  fields.name = "汉阴县兴隆佳苑超市";
  fields.credit_code = " " + lower + " ";
  fields.kind = "个体工商户";
  fields.industry = "零售";
  fields.region_code = compound_;
  fields.address = "兴隆佳苑小区 1 号商铺";
  fields.legal_representative = "刘强";
  fields.contact_name = "刘强";
  fields.contact_phone = "139-1234-5678";
  fields.employees = 4;
  const auto view = units().Create(community_, fields);
  EXPECT_EQ(view.unit.credit_code, kCreditCode) << "upper-cased";
  EXPECT_EQ(view.unit.kind, "individual_business");
  EXPECT_EQ(view.unit.contact_phone_mask, "139****5678");
  EXPECT_EQ(view.unit.employees, 4);
  EXPECT_NE(view.region_address.find("兴隆佳苑小区"), std::string::npos) << view.region_address;
  const auto page = units().Search(gridder_, {});
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].contact_phone_mask, "139****5678");
  EXPECT_EQ(CellsContaining(kPhone), 0) << "no clear phone at rest, in the history or the audit log";
  EXPECT_GE(CellsContaining("139****5678"), 1);
}

TEST_F(OrgUnitServiceTest, RevealNeedsAReasonIsAuditedAndStaysInScope) {
  const auto id = Create("兴隆佳苑物业服务中心", kCreditCode, kPhone).unit.id;
  EXPECT_EQ(testing::ErrorOf([&] { units().RevealPhone(community_, id, " "); }), ErrorCode::kFieldInvalid);
  EXPECT_EQ(units().RevealPhone(community_, id, "联系单位核实从业人员"), kPhone);
  audit::AuditFilter filter;
  filter.action = "registry.unit_reveal";
  const auto entries = app_.app().audit().Search(filter);
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].actor_name, "community");
  EXPECT_EQ(entries[0].detail["reason"], "联系单位核实从业人员");
  EXPECT_EQ(entries[0].object_id, std::to_string(id));
  EXPECT_EQ(entries[0].region_code, compound_);
  EXPECT_EQ(testing::ErrorOf([&] { units().RevealPhone(neighbour_, id, "查看电话"); }), ErrorCode::kNotFound);
  EXPECT_FALSE(units().RevealPhone(community_, Create("无电话单位").unit.id, "核实").has_value());
}

TEST_F(OrgUnitServiceTest, RefusesBadCodesDuplicatesWrongLevelsAndOtherAreas) {
  try {
    Create("甲公司", kBadCreditCode);
    FAIL() << "a wrong check character";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["field"], "credit_code");
    EXPECT_EQ(e.details()[0]["problem"], "invalid_credit_code");
  }
  Create("甲公司", kCreditCode);
  try {
    Create("乙公司", kCreditCode);
    FAIL() << "a credit code is registered once";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_EQ(e.details()[0]["field"], "credit_code");
  }
  EXPECT_EQ(testing::ErrorOf([&] { Create("丙公司", "", "12345"); }), ErrorCode::kFieldInvalid);
  EXPECT_EQ(testing::ErrorOf([&] { Create("丙公司", "", "", "church"); }), ErrorCode::kFieldInvalid);
  OrgUnitFields negative;
  negative.name = "丁公司";
  negative.kind = "enterprise";
  negative.region_code = compound_;
  negative.employees = -1;
  EXPECT_EQ(testing::ErrorOf([&] { units().Create(community_, negative); }), ErrorCode::kFieldInvalid);
  negative.employees.reset();
  negative.region_code = "610921103000";
  EXPECT_EQ(testing::ErrorOf([&] { units().Create(community_, negative); }), ErrorCode::kScopeViolation)
      << "the town is above the community's area";
  app_.CreateUser("county", "county", {"610921000000"});
  try {
    units().Create(Principal("county"), negative);
    FAIL() << "a town is above a community";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["problem"], "wrong_level");
  }
  negative.region_code = compound_;
  EXPECT_EQ(testing::ErrorOf([&] { units().Create(neighbour_, negative); }), ErrorCode::kScopeViolation);

  const auto id = Create("戊公司").unit.id;
  EXPECT_EQ(testing::ErrorOf([&] { units().Get(neighbour_, id); }), ErrorCode::kNotFound);
  OrgUnitFields patch;
  patch.industry = "餐饮";
  EXPECT_EQ(testing::ErrorOf([&] { units().Update(neighbour_, id, patch); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { units().History(neighbour_, id); }), ErrorCode::kNotFound);
  EXPECT_EQ(units().Search(neighbour_, {}).total, 0);
}

TEST_F(OrgUnitServiceTest, UpdatesKeepTheHistoryWithMasksAndSearchFindsByNameCodeAndKind) {
  const auto view = Create("兴隆佳苑物业服务中心", kCreditCode, kPhone);
  OrgUnitFields patch;
  patch.contact_phone = "13800138000";
  patch.credit_code = kOtherCreditCode;
  patch.employees = 12;
  patch.expected_version = view.unit.version;
  const auto changed = units().Update(community_, view.unit.id, patch);
  EXPECT_EQ(changed.unit.version, view.unit.version + 1);
  EXPECT_EQ(changed.unit.contact_phone_mask, "138****8000");
  EXPECT_EQ(testing::ErrorOf([&] { units().Update(community_, view.unit.id, patch); }), ErrorCode::kConflict)
      << "a stale version";
  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> changes;
  for (const auto& c : units().History(community_, view.unit.id)) {
    if (!changes.contains(c.field)) changes[c.field] = {c.old_value, c.new_value};
  }
  EXPECT_EQ(changes["contact_phone"].first, "139****5678");
  EXPECT_EQ(changes["contact_phone"].second, "138****8000");
  EXPECT_EQ(changes["credit_code"].second, kOtherCreditCode);
  EXPECT_EQ(changes["employees"].second, "12");
  EXPECT_EQ(CellsContaining("13800138000"), 0);

  Create("汉阴县平梁镇中心学校", "52610921MJX0001235", "", "public_institution");
  EXPECT_EQ(units().Search(community_, {}).total, 2);
  EXPECT_EQ(units().Search(community_, {.text = "物业"}).total, 1);
  std::string lower = kOtherCreditCode;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto by_code = units().Search(community_, {.text = lower});
  ASSERT_EQ(by_code.total, 1);
  EXPECT_EQ(by_code.items[0].id, view.unit.id);
  EXPECT_EQ(units().Search(community_, {.kind = "事业单位"}).total, 1);
  EXPECT_EQ(units().Search(community_, {.region = compound_}).total, 2);
  EXPECT_EQ(testing::ErrorOf([&] { units().Search(community_, {.kind = "church"}); }),
            ErrorCode::kInvalidQueryParameter);
}

}  // namespace
}  // namespace shequ::registry
