#include "tabular/xlsx_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <zip.h>

#include <filesystem>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "tabular/csv_reader.hpp"
#include "tabular/xlsx_reader.hpp"

namespace shequ::tabular {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ZipEntry(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    ADD_FAILURE() << "not a zip";
    return {};
  }
  std::string content;
  if (zip_file_t* file = zip_fopen(archive, name.c_str(), 0)) {
    char chunk[8192];
    for (zip_int64_t got; (got = zip_fread(file, chunk, sizeof chunk)) > 0;) content.append(chunk, got);
    zip_fclose(file);
  } else {
    ADD_FAILURE() << "no zip entry " << name;
  }
  zip_discard(archive);
  return content;
}

std::vector<std::string> SheetNames(const std::string& xlsx) {
  const std::string workbook = ZipEntry(xlsx, "xl/workbook.xml");
  std::vector<std::string> names;
  const std::regex sheet("<sheet name=\"([^\"]*)\"");
  for (auto match = std::sregex_iterator(workbook.begin(), workbook.end(), sheet);
       match != std::sregex_iterator(); ++match) {
    names.push_back((*match)[1]);
  }
  return names;
}

std::vector<double> ColumnWidths(const std::string& sheet_xml) {
  std::vector<double> widths;
  const std::regex column("<col min=\"\\d+\" max=\"\\d+\" width=\"([0-9.]+)\"");
  for (auto match = std::sregex_iterator(sheet_xml.begin(), sheet_xml.end(), column);
       match != std::sregex_iterator(); ++match) {
    widths.push_back(std::stod((*match)[1]));
  }
  return widths;
}

// Points $TMPDIR at a fresh directory for one test, so leftovers can be detected.
class ScopedTmpdir {
 public:
  ScopedTmpdir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "shequ-tabular-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
    if (const char* old = getenv("TMPDIR")) old_ = old;
    setenv("TMPDIR", path_.c_str(), 1);
  }
  ~ScopedTmpdir() {
    if (old_) {
      setenv("TMPDIR", old_->c_str(), 1);
    } else {
      unsetenv("TMPDIR");
    }
    std::filesystem::remove_all(path_);
  }
  bool IsEmpty() const { return std::filesystem::is_empty(path_); }

 private:
  std::string path_;
  std::optional<std::string> old_;
};

TEST(XlsxWriter, RoundTripsChineseTextIdNumbersPhonesAndEmptyCells) {
  Sheet sheet{"人员", {"姓名", "公民身份号码", "电话", "备注"}, {}, {}};
  sheet.rows = {{"张三", "11010519491231002X", "13800138000", ""},
                {"李四", "110105194912310037", "", "多行\n备注"},
                {"王五", "", "0755-12345678"},
                {"=1+1", "<b>&amp;</b>", "00123", "1.50"}};
  const std::string xlsx = WriteXlsx({sheet});
  const Table table = ReadXlsx(xlsx);
  EXPECT_THAT(table.header, ElementsAre("姓名", "公民身份号码", "电话", "备注"));
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("张三", "11010519491231002X", "13800138000", ""));
  EXPECT_THAT(table.rows[1].cells, ElementsAre("李四", "110105194912310037", "", "多行\n备注"));
  EXPECT_THAT(table.rows[2].cells, ElementsAre("王五", "", "0755-12345678", ""));
  // Strings stay strings: no formula, no lost leading zeros or trailing decimals.
  EXPECT_THAT(table.rows[3].cells, ElementsAre("=1+1", "<b>&amp;</b>", "00123", "1.50"));
}

TEST(XlsxWriter, RoundTripsTenThousandRows) {
  Sheet sheet{"户", {"序号", "户号", "地址"}, {}, {}};
  for (int i = 0; i < 10'000; ++i) {
    sheet.rows.push_back(
        {std::to_string(i + 1), "H" + std::to_string(100000 + i), "幸福路" + std::to_string(i) + "号"});
  }
  const Table table = ReadXlsx(WriteXlsx({sheet}));
  ASSERT_EQ(table.rows.size(), 10'000u);
  for (int i = 0; i < 10'000; ++i) {
    ASSERT_EQ(table.rows[i].line, i + 2);
    ASSERT_EQ(table.rows[i].cells, sheet.rows[i]);
  }
}

TEST(XlsxWriter, WritesTextCellsUnderABoldFrozenFilteredHeader) {
  const std::string xlsx =
      WriteXlsx({Sheet{"名单", {"姓名", "电话"}, {{"张三", "13800138000"}, {"李四", "1"}}, {}}});
  const std::string sheet = ZipEntry(xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, HasSubstr("ySplit=\"1\""));
  EXPECT_THAT(sheet, HasSubstr("state=\"frozen\""));
  EXPECT_THAT(sheet, HasSubstr("<autoFilter ref=\"A1:B3\"/>"));
  EXPECT_THAT(sheet, HasSubstr("13800138000"));
  // Every written cell is a string cell; numbers would be <c r=".."><v>.
  EXPECT_EQ(std::regex_search(sheet, std::regex("<c r=\"[A-Z]+[0-9]+\"( s=\"[0-9]+\")?>")), false);
  const std::string styles = ZipEntry(xlsx, "xl/styles.xml");
  EXPECT_THAT(styles, HasSubstr("<b/>"));
  EXPECT_THAT(styles, HasSubstr("numFmtId=\"49\""));  // built-in "@", text
  EXPECT_THAT(styles, HasSubstr("FFDDEBF7"));
}

TEST(XlsxWriter, CleansUpSheetNamesForExcel) {
  const std::string xlsx =
      WriteXlsx({Sheet{"a[b]:c*d?e/f\\g", {"x"}, {}, {}},
                 Sheet{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", {}, {}, {}},
                 Sheet{"名单", {}, {}, {}}, Sheet{"名单", {}, {}, {}}, Sheet{"Sheet", {}, {}, {}},
                 Sheet{"SHEET", {}, {}, {}}, Sheet{"'?'", {}, {}, {}}});
  EXPECT_THAT(SheetNames(xlsx),
              ElementsAre("abcdefg", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "名单",
                          "名单 (2)", "Sheet", "SHEET (2)", "Sheet7"));
}

TEST(XlsxWriter, UsesGivenColumnWidthsAndEstimatesTheRest) {
  Sheet sheet{"s", {"姓名", "电话", std::string(80, 'x'), "id"}, {{"张三", "13800138000", "", "1"}}, {30.0}};
  const std::vector<double> widths = ColumnWidths(ZipEntry(WriteXlsx({sheet}), "xl/worksheets/sheet1.xml"));
  ASSERT_EQ(widths.size(), 4u);
  EXPECT_NEAR(widths[0], 30, 1);  // given
  EXPECT_NEAR(widths[1], 13, 1);  // the phone number, 11 characters, plus padding
  EXPECT_NEAR(widths[2], 50, 1);  // capped
  EXPECT_NEAR(widths[3], 8, 1);   // at least the default width

  // CJK characters count double.
  const Sheet chinese{"s", {"公民身份号码"}, {}, {}};
  EXPECT_NEAR(ColumnWidths(ZipEntry(WriteXlsx({chinese}), "xl/worksheets/sheet1.xml")).at(0), 14, 1);
}

TEST(XlsxWriter, LeavesNoTemporaryFilesBehind) {
  const ScopedTmpdir tmpdir;
  Sheet sheet{"s", {"a"}, {{"1"}, {"2"}}, {}};
  EXPECT_FALSE(WriteXlsx({sheet}).empty());
  EXPECT_TRUE(tmpdir.IsEmpty());

  sheet.rows.push_back({std::string(40'000, 'x')});
  EXPECT_THROW(WriteXlsx({sheet}), std::invalid_argument);
  EXPECT_TRUE(tmpdir.IsEmpty());
}

TEST(XlsxWriter, WritesAReadableWorkbookWithoutSheetsOrHeader) {
  EXPECT_THAT(SheetNames(WriteXlsx({})), ElementsAre("Sheet1"));
  const Table table = ReadXlsx(WriteXlsx({Sheet{"s", {}, {{"a", "b"}, {"c"}}, {}}}));
  EXPECT_THAT(table.header, ElementsAre("a", "b"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("c", ""));
}

TEST(XlsxWriter, DropsCharactersXmlCannotHold) {
  const Table table =
      ReadXlsx(WriteXlsx({Sheet{"s", {"a"}, {{std::string("x\x01y\x1Fz")}, {"bad \xFF byte"}}, {}}}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].cells[0], "xyz");
  EXPECT_EQ(table.rows[1].cells[0], "bad \xEF\xBF\xBD byte");
}

TEST(XlsxWriterCsv, WritesBomCrlfAndQuotesOnlyWhenNeeded) {
  const std::string csv =
      WriteCsv({"姓名", "备注"}, {{"张三", "a,b"}, {"李四", "他说\"好\"\n第二行"}, {"王五"}});
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF姓名,备注\r\n"
            "张三,\"a,b\"\r\n"
            "李四,\"他说\"\"好\"\"\n第二行\"\r\n"
            "王五,\r\n");
}

TEST(XlsxWriterCsv, PrefixesCellsThatASpreadsheetWouldRunAsFormulas) {
  const std::string csv = WriteCsv(
      {"=公式"}, {{"=SUM(A1:A2)"}, {"+86 138"}, {"-1"}, {"@cmd"}, {"=HYPERLINK(\"x\",\"y\")"}, {"a=b"}});
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF'=公式\r\n"
            "'=SUM(A1:A2)\r\n"
            "'+86 138\r\n"
            "'-1\r\n"
            "'@cmd\r\n"
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n"
            "a=b\r\n");
}

TEST(XlsxWriterCsv, RoundTripsThroughTheCsvReader) {
  const std::vector<std::vector<std::string>> rows = {{"张三", "11010519491231002X", "13800138000"},
                                                      {"李四", "", "多行\n备注,有逗号"}};
  const Table table = ReadCsv(WriteCsv({"姓名", "公民身份号码", "备注"}, rows));
  EXPECT_THAT(table.header, ElementsAre("姓名", "公民身份号码", "备注"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].cells, rows[0]);
  EXPECT_EQ(table.rows[1].cells, rows[1]);
  EXPECT_EQ(table.rows[1].line, 3);
}

}  // namespace
}  // namespace shequ::tabular
