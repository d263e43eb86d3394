#include "regions/region_import.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/crypto/crypto.hpp"
#include "core/errors/error.hpp"
#include "support/test_app.hpp"

namespace shequ::regions {
namespace {

// A miniature edition of the package: two provinces down to a few communities.
struct Edition {
  std::string provinces = "code,name\n61,\"陕西省\"\n13,\"河北省\"\n";
  std::string cities = "code,name,provinceCode\n6109,\"安康市\",61\n1307,\"张家口市\",13\n";
  std::string areas =
      "code,name,cityCode,provinceCode\n610921,\"汉阴县\",6109,61\n130731,\"涿鹿县\",1307,13\n";
  std::string streets =
      "code,name,areaCode,provinceCode,cityCode\n610921103,\"平梁镇\",610921,61,6109\n"
      "610921100,\"城关镇\",610921,61,6109\n130731100,\"涿鹿镇\",130731,13,1307\n";
  std::string villages =
      "code,name,streetCode,provinceCode,cityCode,areaCode\n"
      "610921103002,\"兴隆佳苑社区居委会\",610921103,61,6109,610921\n"
      "610921103201,\"石门村委会\",610921103,61,6109,610921\n"
      "610921100001,\"南街社区居委会\",610921100,61,6109,610921\n"
      "130731100010,\"西关社区居民委员会\",130731100,13,1307,130731\n";

  std::filesystem::path Write() const {
    auto dir = std::filesystem::temp_directory_path() / ("shequ-edition-" + crypto::RandomToken(6));
    std::filesystem::create_directories(dir);
    const std::pair<const char*, const std::string*> files[] = {{"provinces.csv", &provinces},
                                                                {"cities.csv", &cities},
                                                                {"areas.csv", &areas},
                                                                {"streets.csv", &streets},
                                                                {"villages.csv", &villages}};
    for (const auto& [name, text] : files) std::ofstream(dir / name) << *text;
    return dir;
  }
};

class RegionImportTest : public ::testing::Test {
 protected:
  RegionImportTest() : importer_(app_.app().database(), app_.clock(), app_.app().audit()) {
    admin_.role = auth::Role::kAdmin;
    admin_.scope = auth::Scope::National();
  }
  std::int64_t Count() {
    return app_.app().database().Read(
        [](db::Connection& c) { return c.Run("SELECT COUNT(*) FROM regions")[0].Int(0); });
  }
  std::string ImportFailure(const Edition& edition) {
    try {
      importer_.Import(edition.Write());
    } catch (const ImportError& error) {
      return error.what();
    }
    return "";
  }

  testing::TestApp app_;
  RegionImporter importer_;
  auth::Principal admin_;
};

TEST_F(RegionImportTest, ImportsTheTreeWithLevelsKindsAndParents) {
  const auto counts = importer_.Import(Edition{}.Write());
  EXPECT_EQ(counts.total, 13);
  EXPECT_EQ(counts.added, 13);
  EXPECT_EQ(Count(), 13);
  const auto view = app_.app().regions().Get(admin_, "610921103002");
  EXPECT_EQ(view.node.level, 5);
  EXPECT_EQ(view.node.kind, "residents_committee");
  EXPECT_EQ(view.node.short_name, "兴隆佳苑社区");
  EXPECT_EQ(view.node.parent_code, "610921103000");
  EXPECT_EQ(view.ancestors.size(), 4u);
  EXPECT_EQ(view.address, "陕西省安康市汉阴县平梁镇兴隆佳苑社区");
  EXPECT_EQ(app_.app().regions().Get(admin_, "610921103201").node.kind, "villagers_committee");
}

TEST_F(RegionImportTest, AMalformedLineIsReportedAndNothingIsImported) {
  Edition bad_code;
  bad_code.villages += "61092110300,\"短码社区\",610921103,61,6109,610921\n";
  EXPECT_EQ(ImportFailure(bad_code), "villages.csv:6: code '61092110300' must have 12 digits");
  Edition orphan;
  orphan.streets += "610921199,\"无主镇\",610999,61,6109\n";
  EXPECT_EQ(ImportFailure(orphan), "streets.csv:5: parent '610999' is not in the files");
  Edition foreign;
  foreign.villages += "130731100011,\"错挂社区\",610921103,61,6109,610921\n";
  EXPECT_EQ(ImportFailure(foreign),
            "villages.csv:6: code '130731100011' does not begin with its parent's '610921103'");
  Edition twice;
  twice.cities += "6109,\"安康市\",61\n";
  EXPECT_EQ(ImportFailure(twice), "cities.csv:4: code '6109' appears twice");
  Edition quoting;
  quoting.areas += "610922,\"石泉县,6109,61\n";
  EXPECT_EQ(ImportFailure(quoting), "areas.csv:4: malformed quoting");
  Edition header;
  header.provinces = "id,title\n61,\"陕西省\"\n";
  EXPECT_EQ(ImportFailure(header), "provinces.csv:1: header must begin with code,name");
  EXPECT_EQ(Count(), 0);
}

TEST_F(RegionImportTest, ANewerEditionRenamesAddsRetiresAndRestoresWithoutDeleting) {
  importer_.Import(Edition{}.Write());
  // A compound recorded under 南街社区 must survive the community's retirement.
  NewRegion compound;
  compound.name = "南街小区";
  app_.app().regions().CreateChildrenAsConsole("610921100001", {compound});

  Edition next;
  next.villages =
      "code,name,streetCode,provinceCode,cityCode,areaCode\n"
      "610921103002,\"兴隆佳苑社区居委会\",610921103,61,6109,610921\n"
      "610921103201,\"石门社区居委会\",610921103,61,6109,610921\n"  // 撤村建居
      "610921103003,\"月河社区居委会\",610921103,61,6109,610921\n"
      "130731100010,\"西关社区居民委员会\",130731100,13,1307,130731\n";
  app_.clock().Advance(std::chrono::hours(24 * 365));
  const auto counts = importer_.Import(next.Write());
  EXPECT_EQ(counts.added, 1);
  EXPECT_EQ(counts.renamed, 1);
  EXPECT_EQ(counts.retired, 1);
  EXPECT_EQ(counts.restored, 0);
  const auto renamed = app_.app().regions().Get(admin_, "610921103201").node;
  EXPECT_EQ(renamed.kind, "residents_committee");
  EXPECT_EQ(renamed.short_name, "石门社区");
  const auto retired = app_.app().regions().Get(admin_, "610921100001").node;
  EXPECT_EQ(retired.status, "retired");
  EXPECT_EQ(retired.valid_to, app_.clock().NowMillis());
  EXPECT_EQ(app_.app().regions().Children(admin_, "610921100001", 10, 0).total, 1) << "its records stay";

  const auto again = importer_.Import(Edition{}.Write());
  EXPECT_EQ(again.restored, 1);
  EXPECT_EQ(again.retired, 1) << "月河社区 is not in the older edition";
  EXPECT_EQ(app_.app().regions().Get(admin_, "610921100001").node.status, "active");
  audit::AuditFilter filter;
  filter.action = "regions.import";
  EXPECT_EQ(app_.app().audit().Search(filter).size(), 3u);
}

TEST_F(RegionImportTest, PublicPagesKeptInMemoryFollowEveryImportAndReclassification) {
  importer_.Import(Edition{}.Write());
  app_.CreateUser("admin", "admin", {});
  const auto token = app_.Login("admin");
  const auto names = [&] {
    std::vector<std::string> out;
    const auto body = testing::BodyOf(app_.Get("/api/regions/610921103000/children", token));
    for (const auto& item : body["items"]) {
      out.push_back(item["short_name"].get<std::string>() + "/" + item["kind"].get<std::string>());
    }
    return out;
  };
  EXPECT_EQ(names(),
            std::vector<std::string>({"兴隆佳苑社区/residents_committee", "石门村/villagers_committee"}));
  EXPECT_EQ(names(), names()) << "served again from memory";
  Edition renamed;
  renamed.villages =
      "code,name,streetCode,provinceCode,cityCode,areaCode\n"
      "610921103002,\"兴隆佳苑社区居委会\",610921103,61,6109,610921\n"
      "610921103201,\"石门社区居委会\",610921103,61,6109,610921\n"
      "610921100001,\"南街社区居委会\",610921100,61,6109,610921\n"
      "130731100010,\"西关社区居民委员会\",130731100,13,1307,130731\n";
  // A separate importer, as the command line would be: it shares nothing with the server's memory.
  RegionImporter(app_.app().database(), app_.clock(), app_.app().audit()).Import(renamed.Write());
  EXPECT_EQ(names(),
            std::vector<std::string>({"兴隆佳苑社区/residents_committee", "石门社区/residents_committee"}));
  ASSERT_EQ(app_.Patch("/api/regions/610921103201", {{"kind", "community_other"}}, token).status, 200);
  EXPECT_EQ(names()[1], "石门社区/community_other");
}

TEST_F(RegionImportTest, AccountScopesMustNameNodesOnceATreeIsLoaded) {
  const auto create = [&](const std::string& name, const std::string& scope) {
    return testing::ErrorOf([&] { app_.CreateUser(name, "community", {scope}); });
  };
  EXPECT_EQ(create("early", "610921199001"), std::nullopt) << "nothing to check against yet";
  importer_.Import(Edition{}.Write());
  EXPECT_EQ(create("typo", "610921199001"), ErrorCode::kFieldInvalid);
  EXPECT_EQ(create("real", "610921103002"), std::nullopt);
  app_.CreateUser("admin", "admin", {});
  const auto token = app_.Login("admin");
  std::int64_t real_id = 0;
  for (const auto& user : app_.app().accounts().ListAll()) {
    if (user.username == "real") real_id = user.id;
  }
  const auto moved =
      app_.Patch("/api/users/" + std::to_string(real_id), {{"scopes", {"610921103999"}}}, token);
  EXPECT_EQ(moved.status, 422);
  EXPECT_NE(moved.body.find("unknown_region"), std::string::npos);
}

TEST_F(RegionImportTest, AliasesOfTheSameNodeAreNotImportedTwice) {
  Edition edition;
  edition.cities += "4419,\"东莞市\",44\n";
  edition.provinces += "44,\"广东省\"\n";
  edition.areas += "441900,\"东莞市\",4419,44\n";
  edition.streets += "441900003,\"东城街道\",441900,44,4419\n";
  importer_.Import(edition.Write());
  const auto town = app_.app().regions().Get(admin_, "441900003000");
  EXPECT_EQ(town.node.parent_code, "441900000000");
  EXPECT_EQ(town.address, "广东省东莞市东城街道");
}

}  // namespace
}  // namespace shequ::regions
