// Imports of households, housing and vehicles and exports of the four ledgers: every row checked
// first, faults named by line and column, all or nothing; exports masked and kept to the scope.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/errors/error.hpp"
#include "registry/household_service.hpp"
#include "registry/housing_service.hpp"
#include "registry/identifiers.hpp"
#include "registry/org_unit_service.hpp"
#include "registry/person_service.hpp"
#include "registry/registry_transfer.hpp"
#include "registry/testing/registry_test_base.hpp"
#include "registry/vehicle_service.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace shequ::registry {
namespace {

// A valid GB 11643 number, born 1980-01-01, told apart by its sequence number.
std::string IdNumber(int sequence) {
  const auto first17 = fmt::format("61092119800101{:03}", sequence);
  return first17 + IdNumberCheckCharacter(first17);
}

// The faults of a refused import, as (line, column, problem).
struct Fault {
  int line;
  std::string column;
  std::string problem;
  bool operator==(const Fault&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Fault& f) {
  return out << "{" << f.line << ", " << f.column << ", " << f.problem << "}";
}

std::vector<Fault> FaultsOf(const std::function<void()>& import) {
  try {
    import();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    std::vector<Fault> faults;
    for (const auto& d : e.details())
      faults.push_back({d.value("line", 0), d.value("column", ""), d["problem"]});
    return faults;
  }
  ADD_FAILURE() << "the import was accepted";
  return {};
}

class LedgerTransferTest : public fixtures::RegistryTestBase {
 protected:
  LedgerTransferTest() {
    auto& regions = app_.app().regions();
    dwellings_ = {dwelling_, other_dwelling_};
    for (int number : {503, 504}) {
      dwellings_.push_back(
          regions.CreateChildrenAsConsole(unit_, {regions::NewRegion{.number = number}}).front().code);
    }
    neighbour_compound_ =
        regions.CreateChildrenAsConsole("610921103003", {regions::NewRegion{.name = "月河小区"}})
            .front()
            .code;
    const auto their_building =
        regions.CreateChildrenAsConsole(neighbour_compound_, {regions::NewRegion{.number = 1}}).front().code;
    const auto their_unit =
        regions.CreateChildrenAsConsole(their_building, {regions::NewRegion{.number = 1}}).front().code;
    neighbour_dwelling_ =
        regions.CreateChildrenAsConsole(their_unit, {regions::NewRegion{.number = 101}}).front().code;
  }
  RegistryServices& registry() { return app_.app().registry(); }
  RegistryTransfer& transfer() { return registry().transfer; }

  // A living person at our first dwelling, or at the neighbour's dwelling.
  std::int64_t Register(const std::string& name, const std::string& id_number, bool neighbour = false) {
    NewPerson request;
    request.fields.name = name;
    request.fields.id_number = id_number;
    request.fields.phone = "13800138000";
    request.fields.residence_code = neighbour ? neighbour_dwelling_ : dwellings_[0];
    request.arrived_on = "2025-12-01";
    return registry().people.Create(neighbour ? neighbour_ : community_, request).person.id;
  }

  std::int64_t Count(const std::string& table) {
    return app_.app().database().Read(
        [&](db::Connection& c) { return c.Run("SELECT COUNT(*) FROM " + table)[0].Int(0); });
  }
  std::size_t Audited(const std::string& action) {
    audit::AuditFilter filter;
    filter.action = action;
    return app_.app().audit().Search(filter).size();
  }

  std::string neighbour_compound_, neighbour_dwelling_;
  std::vector<std::string> dwellings_;
};

TEST_F(LedgerTransferTest, ImportsHouseholdsOneRowPerMemberFromCsv) {
  const auto zhang = Register("张三", IdNumber(11));
  Register("李四", IdNumber(22));
  Register("张小明", IdNumber(33));
  const auto wang = Register("王五", IdNumber(44));
  const std::string csv =
      "户号,户别,住址,成员姓名,成员公民身份号码,与户主关系,入户日期\n"
      "0001,家庭户,兴隆佳苑小区 3栋 2单元 501室,李四," +
      IdNumber(22) +
      ",配偶,2026/1/5\n"
      "0001,,,张三," +
      IdNumber(11) +
      ",户主,\n"
      "0001,,兴隆佳苑小区3栋2单元501室,张小明," +
      IdNumber(33) +
      ",子,\n"
      "0002,集体户," +
      dwellings_[1] + ",王五," + IdNumber(44) + ",户主,\n";
  const auto report = transfer().ImportHouseholds(community_, csv, {});
  EXPECT_EQ(report.rows, 4);
  EXPECT_EQ(report.imported, 2);
  EXPECT_EQ(report.members, 4);
  EXPECT_EQ(report.columns.at("成员公民身份号码"), "member_id_number");
  const auto page = registry().households.Search(community_, {});
  ASSERT_EQ(page.total, 2);
  for (const auto& row : page.items) {
    const auto view = registry().households.Get(community_, row.household.id);
    if (row.household.number == "0001") {
      EXPECT_EQ(view.household.kind, "family");
      EXPECT_EQ(view.household.dwelling_code, dwellings_[0]);
      EXPECT_EQ(view.household.head_person_id, zhang);
      ASSERT_EQ(view.members.size(), 3U);
      EXPECT_EQ(view.members[0].relation, "head") << "the head leads, whatever the file's order";
      EXPECT_EQ(view.members[1].relation, "spouse");
      EXPECT_EQ(view.members[1].joined_on, "2026-01-05");
    } else {
      EXPECT_EQ(view.household.kind, "collective");
      EXPECT_EQ(view.household.head_person_id, wang);
      EXPECT_EQ(view.household.dwelling_code, dwellings_[1]);
    }
    EXPECT_FALSE(registry().households.History(community_, row.household.id).empty()) << "history kept";
  }
  EXPECT_EQ(Audited("registry.household_create"), 2U);
  EXPECT_EQ(Audited("registry.import"), 1U);
}

TEST_F(LedgerTransferTest, ImportsOneRowPerHouseholdFromXlsxAfterADryRun) {
  const auto zhang = Register("张三", IdNumber(11));
  Register("李四", IdNumber(22));
  const auto xlsx =
      tabular::WriteXlsx({tabular::Sheet{"户",
                                         {"户号", "户别", "房屋编码", "户主身份证号", "户主姓名", "备注"},
                                         {{"0101", "家庭户", dwellings_[0], IdNumber(11), "张三", "低保户"},
                                          {"0102", "", dwellings_[1], IdNumber(22), "", ""},
                                          {"0103", "集体户", dwellings_[2], "", "", "暂无户主"}},
                                         {}}});
  ImportOptions options;
  options.dry_run = true;
  const auto dry = transfer().ImportHouseholds(community_, xlsx, options);
  EXPECT_TRUE(dry.dry_run);
  EXPECT_EQ(dry.imported, 0);
  EXPECT_EQ(Count("households"), 0) << "a dry run writes nothing";
  options.dry_run = false;
  const auto report = transfer().ImportHouseholds(community_, xlsx, options);
  EXPECT_EQ(report.imported, 3);
  EXPECT_EQ(report.members, 2);
  HouseholdQuery query;
  query.text = "0101";
  const auto page = registry().households.Search(community_, query);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].head_person_id, zhang);
  EXPECT_EQ(page.items[0].household.note, "低保户");
}

TEST_F(LedgerTransferTest, RefusesAHouseholdFileNamingEachFaultAndWritesNothing) {
  Register("张三", IdNumber(11));
  Register("李四", IdNumber(22));
  Register("王五", IdNumber(44));
  const auto settled = Register("赵六", IdNumber(55));
  Register("邻居", IdNumber(66), true);
  registry().households.Create(community_,
                               {.number = "9000", .dwelling_code = dwellings_[3], .head_person_id = settled});
  auto bad_check = IdNumber(77);
  bad_check.back() = bad_check.back() == '0' ? '1' : '0';
  const std::string csv =
      "户号,住址,成员姓名,成员公民身份号码,与户主关系\n"  // 1
      "0001,兴隆佳苑小区3栋2单元501室,张三," +
      IdNumber(11) +
      ",户主\n"  // 2: fine
      "0001,,李四," +
      IdNumber(22) +
      ",户主\n"  // 3: a second head
      "0001,,张三," +
      IdNumber(11) +
      ",子\n"  // 4: in the file twice
      "0002,兴隆佳苑小区,王五," +
      IdNumber(44) +
      ",配偶\n"  // 5: not a dwelling; no head
      "0003,兴隆佳苑小区3栋2单元503室,赵六," +
      IdNumber(55) +
      ",户主\n"  // 6: in a household
      "0003,,某人," +
      IdNumber(88) +
      ",子\n"  // 7: not registered
      "0003,,邻居," +
      IdNumber(66) +
      ",女\n"  // 8: another community's
      "0003,,某人," +
      bad_check +
      ",侄子\n"  // 9: check character; relation
      "0004," +
      neighbour_dwelling_ + ",李四," + IdNumber(22) + ",户主\n";  // 10: outside; twice
  const auto faults = FaultsOf([&] { transfer().ImportHouseholds(community_, csv, {}); });
  const std::vector<Fault> expected = {
      {3, "与户主关系", "head_exists"},
      {4, "成员公民身份号码", "duplicate_in_file"},
      {5, "住址", "wrong_level"},
      {6, "成员公民身份号码", "in_another_household"},
      {7, "成员公民身份号码", "unknown_person"},
      {8, "成员公民身份号码", "unknown_person"},
      {9, "与户主关系", "unknown_value"},
      {9, "成员公民身份号码", "check_character"},
      {10, "住址", "unknown_address"},
      {10, "成员公民身份号码", "duplicate_in_file"},
      {5, "与户主关系", "head_required"},
  };
  EXPECT_EQ(faults, expected);
  EXPECT_EQ(Count("households"), 1) << "all or nothing";
  EXPECT_EQ(Count("household_members"), 1);
  // Nothing of the neighbour's area is echoed back.
  try {
    transfer().ImportHouseholds(community_, csv, {});
  } catch (const Error& e) {
    const auto text = e.details().dump() + e.what();
    for (const auto& theirs : {neighbour_dwelling_, IdNumber(66), std::string("邻居"), std::string("月河")})
      EXPECT_EQ(text.find(theirs), std::string::npos) << theirs;
  }
}

TEST_F(LedgerTransferTest, MemberRowsAgreeOnTheirHouseholdAndItsHead) {
  Register("张三", IdNumber(11));
  Register("李四", IdNumber(22));
  const auto file = [&](const std::string& kind, const std::string& stated_head, const std::string& name) {
    return "户号,户别,户主公民身份号码,成员姓名,成员公民身份号码,与户主关系,住址\n"
           "0001,家庭户," +
           IdNumber(11) + ",张三," + IdNumber(11) +
           ",户主,兴隆佳苑小区3栋2单元501室\n"
           "0001," +
           kind + "," + stated_head + "," + name + "," + IdNumber(22) + ",配偶,\n";
  };
  const auto faults =
      FaultsOf([&] { transfer().ImportHouseholds(community_, file("集体户", IdNumber(22), "李三"), {}); });
  const std::vector<Fault> expected = {{3, "户别", "differs_in_household"},
                                       {3, "成员姓名", "name_mismatch"},
                                       {3, "户主公民身份号码", "head_mismatch"}};
  EXPECT_EQ(faults, expected);
  EXPECT_EQ(Count("households"), 0);
  const auto report = transfer().ImportHouseholds(community_, file("", IdNumber(11), "李四"), {});
  EXPECT_EQ(report.imported, 1);
  EXPECT_EQ(report.members, 2);
}

TEST_F(LedgerTransferTest, RefusesHouseholdNumbersTwiceInTheFileOrRegisteredAlready) {
  Register("张三", IdNumber(11));
  Register("李四", IdNumber(22));
  registry().households.Create(community_, {.number = "0009", .dwelling_code = dwellings_[3]});
  const std::string csv =
      "户号,房屋编码,户主公民身份号码\n"
      "0001," +
      dwellings_[0] + "," + IdNumber(11) +
      "\n"
      "0001," +
      dwellings_[1] + "," + IdNumber(22) +
      "\n"
      "0009," +
      dwellings_[2] +
      ",\n"
      "0010,,\n";
  const auto faults = FaultsOf([&] { transfer().ImportHouseholds(community_, csv, {}); });
  // In the file first, line by line; then against the registry, where only 0009 is.
  const std::vector<Fault> expected = {
      {3, "户号", "duplicate_in_file"}, {5, "房屋编码", "required"}, {4, "户号", "already_registered"}};
  EXPECT_EQ(faults, expected);
  EXPECT_EQ(Count("households"), 1);
}

TEST_F(LedgerTransferTest, ImportsHousingFromCsvAndXlsx) {
  const std::string csv =
      "地址,建筑面积,用途,产权性质,使用状态,不动产权证号,备注\n"
      "兴隆佳苑小区 3栋 2单元 501室,89.5㎡,住宅,私有,自住,陕(2020)汉阴县不动产权第0001234号,\n"
      "兴隆佳苑小区3栋2单元502室,,,公共租赁住房,出租,,公租房\n";
  const auto report = transfer().ImportHousing(community_, csv, {});
  EXPECT_EQ(report.imported, 2);
  const auto first = registry().housing.Get(community_, dwellings_[0]);
  EXPECT_EQ(first.housing.area_m2, 89.5);
  EXPECT_EQ(first.housing.use, "residential");
  EXPECT_EQ(first.housing.ownership, "private");
  EXPECT_EQ(first.housing.occupancy, "owner_occupied");
  EXPECT_EQ(registry().housing.Get(community_, dwellings_[1]).housing.ownership, "public_rental");
  EXPECT_FALSE(registry().housing.History(community_, dwellings_[0]).empty());

  const auto xlsx = tabular::WriteXlsx({tabular::Sheet{"房屋",
                                                       {"房屋编码", "面积", "用途", "产权性质", "使用状况"},
                                                       {{dwellings_[2], "120", "商业", "产权共有", "经营"}},
                                                       {}}});
  EXPECT_EQ(transfer().ImportHousing(community_, xlsx, {}).imported, 1);
  EXPECT_EQ(registry().housing.Get(community_, dwellings_[2]).housing.use, "commercial");
  EXPECT_EQ(Audited("registry.housing_create"), 3U);
}

TEST_F(LedgerTransferTest, RefusesAHousingFileNamingEachFaultAndWritesNothing) {
  registry().housing.Create(community_,
                            {.dwelling_code = dwellings_[3], .ownership = "private", .occupancy = "vacant"});
  const std::string csv =
      "房屋编码,地址,建筑面积,用途,产权性质,使用状态\n"  // 1
      "," +
      std::string("兴隆佳苑小区3栋2单元501室") + ",80,住宅,私有,自住\n"  // 2: fine
      + dwellings_[0] + ",,70,住宅,私有,自住\n"                          // 3: same dwelling
      + dwellings_[3] +
      ",,abc,住房,私有,自住\n"                    // 4: recorded; area; use
      ",兴隆佳苑小区3栋,,,私有,\n"                // 5: a building; occupancy
      + neighbour_dwelling_ + ",,,,私有,自住\n";  // 6: outside the area
  ImportOptions dry;
  dry.dry_run = true;
  const auto faults = FaultsOf([&] { transfer().ImportHousing(community_, csv, dry); });
  const std::vector<Fault> expected = {
      {3, "房屋编码", "duplicate_in_file"}, {4, "建筑面积", "not_a_number"}, {4, "用途", "unknown_value"},
      {4, "房屋编码", "already_recorded"},  {5, "使用状态", "required"},     {5, "地址", "wrong_level"},
      {6, "房屋编码", "unknown_address"},
  };
  EXPECT_EQ(faults, expected);
  EXPECT_EQ(testing::ErrorOf([&] { transfer().ImportHousing(community_, csv, {}); }),
            ErrorCode::kFieldInvalid);
  EXPECT_EQ(Count("housing"), 1);
  EXPECT_EQ(
      testing::ErrorOf([&] { transfer().ImportHousing(community_, "地址,用途\n兴隆佳苑小区,住宅\n", {}); }),
      ErrorCode::kFieldInvalid)
      << "no 产权性质 column";
}

TEST_F(LedgerTransferTest, ImportsVehiclesWithOwnersByIdNumberOrName) {
  const auto zhang = Register("张三", IdNumber(11));
  const std::string csv =
      "车牌号,车辆类型,品牌,颜色,车主身份证号,车主姓名,停放地址,停车证号,停车证有效期\n"
      "陕G12345,小型汽车,大众,白," +
      IdNumber(11) +
      ",张三,兴隆佳苑小区,P-01,2026/12/31\n"
      "陕 GD 12345,,比亚迪,蓝,,李四,兴隆佳苑小区 3栋 2单元 502室,,\n"
      "陕G54321,电动自行车,,,,王五," +
      compound_ + ",,\n";
  const auto report = transfer().ImportVehicles(community_, csv, {});
  EXPECT_EQ(report.imported, 3);
  VehicleQuery query;
  query.plate = "陕G12345";
  const auto first = registry().vehicles.Search(community_, query);
  ASSERT_EQ(first.total, 1);
  EXPECT_EQ(first.items[0].owner_person_id, zhang);
  EXPECT_EQ(first.items[0].owner_name, "张三");
  EXPECT_EQ(first.items[0].region_code, compound_);
  EXPECT_EQ(first.items[0].permit_valid_until, "2026-12-31");
  query.plate = "陕GD12345";
  const auto second = registry().vehicles.Search(community_, query);
  ASSERT_EQ(second.total, 1);
  EXPECT_EQ(second.items[0].plate_kind, "new_energy_small");
  EXPECT_FALSE(second.items[0].owner_person_id);
  EXPECT_EQ(second.items[0].region_code, dwellings_[1]);
  EXPECT_EQ(Audited("registry.vehicle_create"), 3U);

  const auto xlsx = tabular::WriteXlsx(
      {tabular::Sheet{"车辆", {"号牌", "所有人", "停放地编码"}, {{"陕G67890", "赵六", dwellings_[2]}}, {}}});
  EXPECT_EQ(transfer().ImportVehicles(community_, xlsx, {}).imported, 1);
}

TEST_F(LedgerTransferTest, RefusesAVehicleFileNamingEachFaultAndWritesNothing) {
  Register("张三", IdNumber(11));
  Register("邻居", IdNumber(66), true);
  registry().vehicles.Create(community_,
                             {.plate = "陕G00001", .owner_name = "车主", .region_code = dwellings_[0]});
  const std::string csv =
      "号牌号码,车主公民身份号码,车主姓名,停放地址,停车证有效期\n"  // 1
      "陕G11111,,李四,兴隆佳苑小区,\n"                              // 2: fine
      "陕G 11111,,王五,兴隆佳苑小区,\n"                             // 3: same plate
      "陕G00001,,赵六,兴隆佳苑小区,\n"                              // 4: registered already
      "G123,,钱七,兴隆佳苑小区,\n"                                  // 5: not a plate
      "陕G22222," +
      IdNumber(11) +
      ",李四,兴隆佳苑小区,2026-02-30\n"  // 6: name; date
      "陕G33333," +
      IdNumber(66) +
      ",,兴隆佳苑小区,\n"        // 7: another area's person
      "陕G44444,,,月河小区,\n";  // 8: no owner; outside
  const auto faults = FaultsOf([&] { transfer().ImportVehicles(community_, csv, {}); });
  const std::vector<Fault> expected = {
      {3, "号牌号码", "duplicate_in_file"},
      {5, "号牌号码", "invalid_plate"},
      {6, "车主姓名", "name_mismatch"},
      {6, "停车证有效期", "invalid_date"},
      {7, "车主公民身份号码", "unknown_person"},
      {8, "停放地址", "unknown_address"},
      {8, "车主姓名", "required"},
      {4, "号牌号码", "already_registered"},
  };
  EXPECT_EQ(faults, expected);
  EXPECT_EQ(Count("vehicles"), 1);
}

TEST_F(LedgerTransferTest, ExportsAreMaskedAndKeptToTheScope) {
  const auto head = Register("张三", IdNumber(11));
  registry().households.Create(community_,
                               {.number = "0001", .dwelling_code = dwellings_[0], .head_person_id = head});
  registry().housing.Create(
      community_,
      {.dwelling_code = dwellings_[0], .area_m2 = 89.5, .ownership = "private", .occupancy = "rented"});
  registry().vehicles.Create(community_,
                             {.plate = "陕G12345", .owner_person_id = head, .region_code = compound_});
  registry().units.Create(community_, {.name = "兴隆物业",
                                       .kind = "enterprise",
                                       .region_code = compound_,
                                       .contact_name = "刘经理",
                                       .contact_phone = "13912345678"});
  const std::vector<std::string> secrets = {IdNumber(11), "13912345678", "13800138000"};
  const auto exports = [&](const auth::Principal& who, const std::string& format) {
    return std::vector<ExportFile>{
        transfer().ExportHouseholds(who, registry().households, {}, format),
        transfer().ExportHousing(who, registry().housing, {}, format),
        transfer().ExportVehicles(who, registry().vehicles, {}, format),
        transfer().ExportUnits(who, registry().units, {}, format),
    };
  };
  for (const auto& format : {"csv", "xlsx"}) {
    for (const auto& file : exports(community_, format)) {
      EXPECT_EQ(file.rows, 1) << file.filename;
      for (const auto& secret : secrets)
        EXPECT_EQ(file.bytes.find(secret), std::string::npos) << file.filename;
    }
    for (const auto& file : exports(neighbour_, format)) {
      EXPECT_EQ(file.rows, 0) << "a neighbour's export holds none of ours: " << file.filename;
      for (const auto& ours : {std::string("张三"), std::string("兴隆"), compound_, std::string("陕G12345")})
        EXPECT_EQ(file.bytes.find(ours), std::string::npos) << file.filename;
    }
  }
  const auto csv = exports(community_, "csv");
  EXPECT_NE(csv[0].bytes.find("610921**********" + IdNumber(11).substr(16)), std::string::npos)
      << "the head's ID number as its mask: " << csv[0].bytes;
  EXPECT_NE(csv[3].bytes.find("139****5678"), std::string::npos) << csv[3].bytes;
  const auto xlsx = exports(community_, "xlsx");
  const auto households = tabular::ReadXlsx(xlsx[0].bytes);
  ASSERT_EQ(households.rows.size(), 1U);
  EXPECT_EQ(households.header[0], "户号");
  EXPECT_EQ(households.rows[0].cells[1], "家庭户") << "labels, not codes";
  EXPECT_EQ(households.rows[0].cells[4], "张三");
  EXPECT_EQ(households.rows[0].cells[5], "610921**********" + IdNumber(11).substr(16));
  const auto housing = tabular::ReadXlsx(xlsx[1].bytes);
  EXPECT_EQ(housing.rows.at(0).cells[2], "89.5");
  EXPECT_EQ(housing.rows.at(0).cells[5], "出租");
  const auto units = tabular::ReadXlsx(xlsx[3].bytes);
  EXPECT_EQ(units.rows.at(0).cells[9], "139****5678");
  EXPECT_EQ(Audited("registry.export"), 4U * 6U) << "every export is audited";

  HouseholdQuery outside;
  outside.region = neighbour_compound_;
  EXPECT_EQ(testing::ErrorOf(
                [&] { transfer().ExportHouseholds(community_, registry().households, outside, "csv"); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(testing::ErrorOf([&] { transfer().ExportUnits(community_, registry().units, {}, "pdf"); }),
            ErrorCode::kInvalidQueryParameter);
}

TEST_F(LedgerTransferTest, TemplatesCarryTheHeadersTheImportsRead) {
  const std::vector<std::pair<std::string, const std::vector<ImportColumn>*>> templates = {
      {transfer().HouseholdsTemplate(), &HouseholdImportColumns()},
      {transfer().HousingTemplate(), &HousingImportColumns()},
      {transfer().VehiclesTemplate(), &VehicleImportColumns()}};
  for (const auto& [bytes, columns] : templates) {
    const auto table = tabular::ReadXlsx(bytes);
    ASSERT_FALSE(table.header.empty());
    EXPECT_FALSE(table.rows.empty()) << "an example row";
    for (const auto& header : table.header) {
      EXPECT_TRUE(std::any_of(columns->begin(), columns->end(), [&](const ImportColumn& c) {
        return c.headers.front() == header;
      })) << header;
    }
  }
  // The template's example, once its people are registered, imports as it is.
  Register("张三", "11010519491231002X");
  Register("李四", "440524188001010014");
  const auto report = transfer().ImportHouseholds(community_, transfer().HouseholdsTemplate(), {});
  EXPECT_EQ(report.imported, 1);
  EXPECT_EQ(report.members, 2);
  EXPECT_EQ(transfer().ImportHousing(community_, transfer().HousingTemplate(), {}).imported, 1);
  EXPECT_EQ(transfer().ImportVehicles(community_, transfer().VehiclesTemplate(), {}).imported, 1);
}

}  // namespace
}  // namespace shequ::registry
