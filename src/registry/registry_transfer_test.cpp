#include "registry/registry_transfer.hpp"

#include <gtest/gtest.h>

#include "core/errors/error.hpp"
#include "registry/person_service.hpp"
#include "registry/testing/registry_test_base.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace shequ::registry {
namespace {

class RegistryTransferTest : public fixtures::RegistryTestBase {
 protected:
  RegistryTransfer& transfer() { return app_.app().registry().transfer; }
  std::int64_t PeopleCount() {
    return app_.app().database().Read(
        [](db::Connection& c) { return c.Run("SELECT COUNT(*) FROM people")[0].Int(0); });
  }
};

TEST_F(RegistryTransferTest, ImportsACsvByChineseHeadersWithAddressesAndGroups) {
  const std::string csv =
      "序号,姓名,身份证号,联系电话,居住地址,重点人群,人口类型\n"
      "1,张三,11010519491231002X,13800138000,兴隆佳苑小区 3栋 2单元 501室,独居老人、高龄老人,户籍人口\n"
      "2,李四,440524188001010014,,兴隆佳苑社区兴隆佳苑小区3栋2单元501室,,流动人口\n"
      "3,王小五,,,610921103002,,\n";
  const auto report = transfer().ImportPeople(community_, csv, {});
  EXPECT_EQ(report.rows, 3);
  EXPECT_EQ(report.imported, 3);
  EXPECT_EQ(report.group_memberships, 2);
  EXPECT_EQ(report.ignored_columns, std::vector<std::string>{"序号"});
  PersonQuery query;
  query.group_type = "elderly_living_alone";
  const auto lonely = app_.app().registry().people.Search(community_, query);
  ASSERT_EQ(lonely.total, 1);
  EXPECT_EQ(lonely.items[0].name, "张三");
  EXPECT_EQ(lonely.items[0].residence_code, dwelling_);
  EXPECT_EQ(lonely.items[0].sex, "F");
  query.group_type.clear();
  query.residence_type = "floating";
  EXPECT_EQ(app_.app().registry().people.Search(community_, query).items.at(0).name, "李四");
}

TEST_F(RegistryTransferTest, RejectsTheWholeFileNamingEachFaultByLineAndColumn) {
  const std::string csv =
      "姓名,公民身份号码,居住地址,重点人群\n"                 // line 1
      "张三,11010519491231002X,兴隆佳苑小区3栋2单元501室,\n"  // 2: fine
      "李四,110105194912310021,兴隆佳苑小区3栋2单元501室,\n"  // 3: check character
      "王五,11010519491231002X,兴隆佳苑小区3栋2单元501室,\n"  // 4: same as line 2
      "赵六,,幸福小区1栋,\n"                                  // 5: unknown address
      "钱七,,兴隆佳苑小区,不存在的人群\n"                     // 6: unknown group
      ",,兴隆佳苑小区,\n";                                    // 7: no name
  try {
    transfer().ImportPeople(community_, csv, {});
    FAIL() << "the file has faults";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kFieldInvalid);
    const auto& d = e.details();
    ASSERT_EQ(d.size(), 5U) << d.dump();
    EXPECT_EQ(d[0]["line"], 3);
    EXPECT_EQ(d[0]["column"], "公民身份号码");
    EXPECT_EQ(d[0]["problem"], "check_character");
    EXPECT_EQ(d[1]["line"], 4);
    EXPECT_EQ(d[1]["problem"], "duplicate_in_file");
    EXPECT_NE(d[1]["message_zh"].get<std::string>().find("第 2 行"), std::string::npos);
    EXPECT_EQ(d[2]["line"], 5);
    EXPECT_EQ(d[2]["column"], "居住地址");
    EXPECT_EQ(d[2]["problem"], "unknown_address");
    EXPECT_EQ(d[3]["line"], 6);
    EXPECT_EQ(d[3]["column"], "重点人群");
    EXPECT_EQ(d[4]["line"], 7);
    EXPECT_EQ(d[4]["column"], "姓名");
  }
  EXPECT_EQ(PeopleCount(), 0) << "all or nothing";
}

TEST_F(RegistryTransferTest, RefusesPeopleRegisteredAlreadyAndRestrictedGroupsForGridWorkers) {
  const std::string first = "姓名,公民身份号码,居住地编码\n张三,11010519491231002X," + dwelling_ + "\n";
  transfer().ImportPeople(community_, first, {});
  const std::string again = "姓名,公民身份号码,居住地编码\n张三,11010519491231002x," + dwelling_ + "\n";
  EXPECT_EQ(testing::ErrorOf([&] { transfer().ImportPeople(community_, again, {}); }),
            ErrorCode::kFieldInvalid);
  const std::string restricted = "姓名,居住地编码,重点人群\n李四," + dwelling_ + ",社区矫正对象\n";
  try {
    transfer().ImportPeople(gridder_, restricted, {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.details()[0]["problem"], "group_forbidden");
  }
  const std::string outside = "姓名,居住地编码\n李四,610921103002\n";
  try {
    transfer().ImportPeople(gridder_, outside, {});
    FAIL() << "the community is outside the grid worker's compound";
  } catch (const Error& e) {
    EXPECT_EQ(e.details()[0]["problem"], "unknown_address");
  }
  EXPECT_EQ(PeopleCount(), 1);
}

TEST_F(RegistryTransferTest, ReadsXlsxWithAMappingAndDryRunWritesNothing) {
  const auto xlsx = tabular::WriteXlsx({tabular::Sheet{
      "名单", {"户主姓名", "证件", "房屋"}, {{"张三", "11010519491231002X", dwelling_}}, {}}});
  ImportOptions options;
  options.mapping = {{"户主姓名", "name"}, {"证件", "id_number"}, {"房屋", "residence_code"}};
  options.dry_run = true;
  EXPECT_EQ(transfer().ImportPeople(community_, xlsx, options).imported, 0);
  EXPECT_EQ(PeopleCount(), 0);
  options.dry_run = false;
  EXPECT_EQ(transfer().ImportPeople(community_, xlsx, options).imported, 1);
  EXPECT_EQ(PeopleCount(), 1);
  EXPECT_EQ(testing::ErrorOf([&] { transfer().ImportPeople(community_, "性别\n男\n", {}); }),
            ErrorCode::kFieldInvalid)
      << "no name column";
  EXPECT_EQ(
      testing::ErrorOf([&] { transfer().ImportPeople(community_, std::string("PK\x03\x04junk", 8), {}); }),
      ErrorCode::kFieldInvalid)
      << "a broken workbook";
}

TEST_F(RegistryTransferTest, ExportsAreMaskedInXlsxAndCsv) {
  const std::string csv =
      "姓名,公民身份号码,联系电话,居住地编码,重点人群\n张三,11010519491231002X,13800138000," + dwelling_ +
      ",残疾人\n";
  transfer().ImportPeople(community_, csv, {});
  const auto& people = app_.app().registry().people;
  const auto xlsx = transfer().ExportPeople(community_, people, {}, "xlsx");
  EXPECT_EQ(xlsx.rows, 1);
  const auto table = tabular::ReadXlsx(xlsx.bytes);
  ASSERT_EQ(table.rows.size(), 1U);
  EXPECT_EQ(table.rows[0].cells[0], "张三");
  EXPECT_EQ(table.rows[0].cells[3], "110105**********2X");
  EXPECT_EQ(table.rows[0].cells[4], "138****8000");
  EXPECT_EQ(table.rows[0].cells[14], "残疾人");
  const auto csv_file = transfer().ExportPeople(community_, people, {}, "csv");
  for (const auto* file : {&xlsx, &csv_file}) {
    EXPECT_EQ(file->bytes.find("11010519491231002X"), std::string::npos);
    EXPECT_EQ(file->bytes.find("13800138000"), std::string::npos);
  }
  EXPECT_NE(csv_file.bytes.find("110105**********2X"), std::string::npos);
  const auto for_grid_worker = tabular::ReadXlsx(transfer().ExportPeople(gridder_, people, {}, "xlsx").bytes);
  EXPECT_EQ(for_grid_worker.rows.size(), 1U);
  audit::AuditFilter filter;
  filter.action = "registry.export";
  EXPECT_EQ(app_.app().audit().Search(filter).size(), 3U) << "every export is audited";
  EXPECT_FALSE(tabular::ReadXlsx(transfer().PeopleTemplate()).header.empty());
}

}  // namespace
}  // namespace shequ::registry
