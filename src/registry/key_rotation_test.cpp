#include "registry/key_rotation.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "registry/person_service.hpp"
#include "support/test_app.hpp"

namespace shequ::registry {
namespace {

std::filesystem::path FreshKeyFile() {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("shequ-keys-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir / "shequ.key";
}

app::ApplicationOptions WithKeyFile(const std::filesystem::path& path) {
  app::ApplicationOptions options;
  options.key_file = path.string();
  return options;
}

class KeyRotationTest : public ::testing::Test {
 protected:
  KeyRotationTest() : key_file_(FreshKeyFile()), app_(WithKeyFile(key_file_)) {
    regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(regions::fixtures::PingliangTown(), "test");
    app_.CreateUser("community", "community", {"610921103002"});
    community_ = app_.app().sessions().Authenticate(app_.Login("community"), "127.0.0.1");
  }
  ~KeyRotationTest() override { std::filesystem::remove_all(key_file_.parent_path()); }

  std::filesystem::path key_file_;
  testing::TestApp app_;
  auth::Principal community_;
};

TEST_F(KeyRotationTest, ReencryptsEveryValueAndTheRunningServiceStillReadsThem) {
  auto& people = app_.app().registry().people;
  NewPerson request;
  request.fields.name = "张三";
  request.fields.id_number = "11010519491231002X";
  request.fields.phone = "13800138000";
  request.fields.residence_code = "610921103002";
  const auto id = people.Create(community_, request).person.id;
  GroupFields details;
  details.details = nlohmann::json{{"disability_level", "二级"}};
  app_.app().registry().groups.Add(community_, id, "disabled", details);
  const auto tokens = [&] {
    return app_.app().database().Read([](db::Connection& c) {
      auto rows = c.Run(
          "SELECT id_number_enc, phone_enc FROM people UNION ALL SELECT details_enc, details_enc FROM "
          "person_groups");
      std::vector<std::string> out;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(rows[i].Text(0));
        out.push_back(rows[i].Text(1));
      }
      return out;
    });
  };
  for (const auto& token : tokens()) EXPECT_TRUE(token.starts_with("v1.1.")) << token;

  const auto report = RotateKeys(app_.app().database(), key_file_);
  EXPECT_EQ(report.active_key, 2U);
  EXPECT_EQ(report.reencrypted, 3) << "ID number, phone and the group's details";
  for (const auto& token : tokens()) EXPECT_TRUE(token.starts_with("v1.2.")) << token;
  EXPECT_EQ(RotateKeys(app_.app().database(), key_file_).reencrypted, 3)
      << "a second rotation moves them on again";

  // The service loaded key 1 only; it reads the file again when it meets a newer key.
  const auto values = people.Reveal(community_, id, {"id_number", "phone"}, "轮换后核对");
  EXPECT_EQ(values.id_number, "11010519491231002X");
  EXPECT_EQ(values.phone, "13800138000");
  EXPECT_EQ(app_.app().registry().groups.ForPerson(community_, id).at(0).details["disability_level"], "二级");
  PersonQuery query;
  query.id_number = "11010519491231002X";
  EXPECT_EQ(people.Search(community_, query).total, 1) << "blind indexes survive rotation";
}

}  // namespace
}  // namespace shequ::registry
