// Hostile uploads: thousands of mutated CSV and .xlsx files fed to the people import. Every one
// must end in a clean answer — imported, or refused with a field_invalid error — and a refused
// file writes nothing. Deterministic (fixed seed), so a failure reproduces.
#include <gtest/gtest.h>

#include <random>

#include "core/errors/error.hpp"
#include "regions/region_import.hpp"
#include "regions/testing/region_fixtures.hpp"
#include "support/test_app.hpp"
#include "tabular/xlsx_writer.hpp"

namespace shequ {
namespace {

std::string Mutate(std::string bytes, std::mt19937& random) {
  const int edits = 1 + static_cast<int>(random() % 8);
  for (int i = 0; i < edits && !bytes.empty(); ++i) {
    const auto at = random() % bytes.size();
    switch (random() % 5) {
      case 0:
        bytes[at] = static_cast<char>(random() % 256);
        break;  // flip a byte
      case 1:
        bytes.erase(at, 1 + random() % 16);
        break;  // drop a run
      case 2:
        bytes.insert(at, std::string(1 + random() % 4, "\",\n\r\xE5\x00"[random() % 6]));
        break;
      case 3:
        bytes.insert(at, bytes.substr(random() % bytes.size(), random() % 64));
        break;  // repeat
      default:
        bytes.resize(at);
        break;  // truncate
    }
  }
  return bytes;
}

class ImportFuzzTest : public ::testing::Test {
 protected:
  ImportFuzzTest() {
    regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational(regions::fixtures::PingliangTown(), "fuzz");
    app_.CreateUser("community", "community", {"610921103002"});
    community_ = app_.app().sessions().Authenticate(app_.Login("community"), "127.0.0.1");
  }
  std::int64_t People() {
    return app_.app().database().Read(
        [](db::Connection& c) { return c.Run("SELECT COUNT(*) FROM people")[0].Int(0); });
  }
  // Runs one import; returns whether it was accepted, failing the test on any other outcome.
  bool Import(const std::string& bytes, int round) {
    const auto before = People();
    try {
      registry::ImportOptions options;
      options.dry_run = round % 2 == 0;
      app_.app().registry().transfer.ImportPeople(community_, bytes, options);
      return true;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid) << "round " << round << ": " << e.message();
      EXPECT_EQ(People(), before) << "round " << round << ": a refused file wrote rows";
      return false;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "round " << round << ": unexpected " << e.what();
      return false;
    }
  }

  testing::TestApp app_;
  auth::Principal community_;
};

TEST_F(ImportFuzzTest, MutatedCsvFilesAreImportedOrRefusedCleanly) {
  const std::string seed =
      "姓名,公民身份号码,联系电话,居住地编码,重点人群,人口类型\n"
      "张三,11010519491231002X,13800138000,610921103002,独居老人,户籍人口\n"
      "\"李,四\",440524188001010014,,610921103002,,\"流动人口\"\n";
  std::mt19937 random(20261124);
  int accepted = 0;
  for (int round = 0; round < 1000; ++round) accepted += Import(Mutate(seed, random), round);
  EXPECT_GT(accepted, 0) << "some mutations stay valid";
}

TEST_F(ImportFuzzTest, MutatedWorkbooksAreImportedOrRefusedCleanly) {
  const auto seed = tabular::WriteXlsx({tabular::Sheet{
      "人口", {"姓名", "公民身份号码", "居住地编码"}, {{"张三", "11010519491231002X", "610921103002"}}, {}}});
  std::mt19937 random(42);
  for (int round = 0; round < 300; ++round) Import(Mutate(seed, random), round);
}

}  // namespace
}  // namespace shequ
