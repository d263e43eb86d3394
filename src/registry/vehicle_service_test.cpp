#include "registry/vehicle_service.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/errors/error.hpp"
#include "registry/person_service.hpp"
#include "registry/testing/registry_test_base.hpp"
#include "support/test_database.hpp"

namespace shequ::registry {
namespace {

class VehicleServiceTest : public fixtures::RegistryTestBase {
 protected:
  VehicleService& vehicles() { return app_.app().registry().vehicles; }

  std::int64_t Register(const std::string& name) {
    NewPerson request;
    request.fields.name = name;
    request.fields.residence_code = dwelling_;
    return app_.app().registry().people.Create(community_, request).person.id;
  }

  VehicleView Create(const std::string& plate, const std::string& owner = "张三",
                     const std::string& region = "") {
    VehicleFields fields;
    fields.plate = plate;
    fields.owner_name = owner;
    fields.region_code = region.empty() ? dwelling_ : region;
    return vehicles().Create(community_, fields);
  }
};

TEST_F(VehicleServiceTest, NormalisesPlatesAndDerivesTheirKind) {
  const auto view = Create(" 陕g·12345 ");
  EXPECT_EQ(view.vehicle.plate, "陕G12345");
  EXPECT_EQ(view.vehicle.plate_kind, "ordinary");
  EXPECT_EQ(view.vehicle.vehicle_type, "car") << "a car unless said otherwise";
  EXPECT_NE(view.address.find("501室"), std::string::npos) << view.address;
  EXPECT_EQ(Create("陕GD12345").vehicle.plate_kind, "new_energy_small");
  EXPECT_EQ(Create("陕G12345F").vehicle.plate_kind, "new_energy_large");
  EXPECT_EQ(Create("陕G1234学").vehicle.plate_kind, "special");
  EXPECT_EQ(Create("陕G1234警").vehicle.plate_kind, "special");
  EXPECT_EQ(PlateKind("陕GA1234"), "ordinary");
}

TEST_F(VehicleServiceTest, RefusesBadPlatesDuplicatesWrongLevelsAndOtherAreas) {
  try {
    Create("陕G1234");
    FAIL() << "a plate one character short";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["field"], "plate");
    EXPECT_EQ(e.details()[0]["problem"], "invalid_plate");
  }
  EXPECT_EQ(testing::ErrorOf([&] { Create("A123456"); }), ErrorCode::kFieldInvalid);
  Create("陕G12345");
  try {
    Create("陕 G 12345");
    FAIL() << "the same plate written with spaces is a duplicate";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_EQ(e.details()[0]["field"], "plate");
  }
  VehicleFields town;
  town.plate = "陕G54321";
  town.owner_name = "李四";
  town.region_code = "610921103000";
  try {
    vehicles().Create(street_, town);
    FAIL() << "a town is above a community";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    EXPECT_EQ(e.details()[0]["problem"], "wrong_level");
  }
  town.region_code = "610921103002";
  EXPECT_EQ(vehicles().Create(street_, town).vehicle.region_code, "610921103002") << "a community will do";
  VehicleFields nobody;
  nobody.plate = "陕G99999";
  nobody.region_code = dwelling_;
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Create(community_, nobody); }), ErrorCode::kFieldInvalid)
      << "an owner is required";
  nobody.owner_name = "王五";
  nobody.permit_valid_until = "2026-13-01";
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Create(community_, nobody); }), ErrorCode::kFieldInvalid);
  nobody.permit_valid_until.reset();
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Create(neighbour_, nobody); }), ErrorCode::kScopeViolation);

  const auto id = Create("陕G11111").vehicle.id;
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Get(neighbour_, id); }), ErrorCode::kNotFound);
  VehicleFields patch;
  patch.color = "红";
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Update(neighbour_, id, patch); }), ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().History(neighbour_, id); }), ErrorCode::kNotFound);
  EXPECT_EQ(vehicles().Search(neighbour_, {}).total, 0);
  EXPECT_EQ(vehicles().Get(gridder_, id).vehicle.plate, "陕G11111");
}

TEST_F(VehicleServiceTest, UpdatesLinkOwnersAndKeepTheHistory) {
  const auto zhang = Register("张三");
  VehicleFields fields;
  fields.plate = "陕G12345";
  fields.owner_person_id = zhang;
  fields.region_code = dwelling_;
  fields.vehicle_type = "小型汽车";
  fields.brand = "比亚迪";
  fields.permit_number = "XL-001";
  fields.permit_valid_until = "2026-12-31";
  const auto view = vehicles().Create(community_, fields);
  EXPECT_EQ(view.vehicle.owner_name, "张三") << "copied from the person";
  EXPECT_EQ(view.vehicle.owner_person_id, zhang);

  VehicleFields both;
  both.owner_person_id = zhang;
  both.owner_name = "张三";
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Update(community_, view.vehicle.id, both); }),
            ErrorCode::kFieldInvalid);

  VehicleFields patch;
  patch.plate = "陕GD54321";
  patch.owner_name = "张三之子";
  patch.permit_valid_until = "";
  patch.expected_version = view.vehicle.version;
  const auto changed = vehicles().Update(community_, view.vehicle.id, patch);
  EXPECT_EQ(changed.vehicle.plate_kind, "new_energy_small");
  EXPECT_FALSE(changed.vehicle.owner_person_id.has_value()) << "a name alone unlinks the person";
  EXPECT_FALSE(changed.vehicle.permit_valid_until.has_value());
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Update(community_, view.vehicle.id, patch); }),
            ErrorCode::kConflict)
      << "a stale version";
  Create("陕G77777");
  VehicleFields taken;
  taken.plate = "陕G77777";
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Update(community_, view.vehicle.id, taken); }),
            ErrorCode::kConflict);

  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> changes;
  for (const auto& c : vehicles().History(community_, view.vehicle.id)) {
    if (!changes.contains(c.field)) changes[c.field] = {c.old_value, c.new_value};
  }
  EXPECT_EQ(changes["plate"].first, "陕G12345");
  EXPECT_EQ(changes["plate"].second, "陕GD54321");
  EXPECT_EQ(changes["plate_kind"].second, "new_energy_small");
  EXPECT_EQ(changes["owner_person_id"].first, std::to_string(zhang));
  EXPECT_FALSE(changes["owner_person_id"].second.has_value());
  EXPECT_EQ(changes["permit_valid_until"].first, "2026-12-31");
  audit::AuditFilter filter;
  filter.object_type = "vehicle";
  filter.object_id = std::to_string(view.vehicle.id);
  ASSERT_EQ(app_.app().audit().Search(filter).size(), 2U);
  EXPECT_EQ(app_.app().audit().Search(filter)[0].action, "registry.vehicle_update");
}

TEST_F(VehicleServiceTest, SearchesByPlateOwnerRegionAndExpiredPermits) {
  VehicleFields expired;
  expired.plate = "陕G12345";
  expired.owner_name = "张三";
  expired.region_code = dwelling_;
  expired.permit_valid_until = "2026-06-30";
  vehicles().Create(community_, expired);
  VehicleFields valid = expired;
  valid.plate = "陕G67890";
  valid.owner_name = "李四";
  valid.region_code = compound_;
  valid.permit_valid_until = "2027-06-30";
  vehicles().Create(community_, valid);
  Create("陕GD12399", "张小明", "610921103002");

  EXPECT_EQ(vehicles().Search(community_, {}).total, 3);
  EXPECT_EQ(vehicles().Search(community_, {.plate = "陕g 12345"}).total, 1) << "a whole plate, exactly";
  EXPECT_EQ(vehicles().Search(community_, {.plate = "123"}).total, 2) << "a part";
  EXPECT_EQ(vehicles().Search(community_, {.plate = "gd"}).total, 1) << "letters in any case";
  EXPECT_EQ(vehicles().Search(community_, {.owner = "张"}).total, 2);
  EXPECT_EQ(vehicles().Search(community_, {.region = compound_}).total, 2);
  const auto overdue = vehicles().Search(community_, {.permit_expired = true});
  ASSERT_EQ(overdue.total, 1);
  EXPECT_EQ(overdue.items[0].plate, "陕G12345");
  EXPECT_EQ(vehicles().Search(gridder_, {}).total, 2) << "the grid worker's compound only";
  EXPECT_EQ(testing::ErrorOf([&] { vehicles().Search(neighbour_, {.region = compound_}); }),
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace shequ::registry
