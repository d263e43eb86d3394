#include "tabular/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <string>
#include <vector>

namespace shequ::tabular {
namespace {

using ::testing::ElementsAre;

// Encodes UTF-8 test text the way other programs would have written it.
std::string Encode(const std::string& utf8, const char* encoding) {
  iconv_t converter = iconv_open(encoding, "UTF-8");
  EXPECT_NE(converter, reinterpret_cast<iconv_t>(-1)) << encoding;  // NOLINT(performance-no-int-to-ptr)
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_pointer = out.data();
  std::size_t out_left = out.size();
  EXPECT_NE(iconv(converter, &in, &in_left, &out_pointer, &out_left), static_cast<std::size_t>(-1));
  iconv_close(converter);
  out.resize(out.size() - out_left);
  return out;
}

int ErrorLine(const std::string& bytes, const ReadLimits& limits = {}) {
  try {
    ReadCsv(bytes, limits);
  } catch (const TableError& error) {
    return error.line;
  }
  ADD_FAILURE() << "no TableError for: " << bytes;
  return -1;
}

TEST(CsvReader, ReadsHeaderAndTrimmedRowsPaddedToHeaderWidth) {
  const Table table = ReadCsv(" 姓名 ,电话,住址\n张三,13800138000\n李四,13900139000,一号楼,额外\n");
  EXPECT_THAT(table.header, ElementsAre("姓名", "电话", "住址"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("张三", "13800138000", ""));
  EXPECT_EQ(table.rows[1].line, 3);
  EXPECT_THAT(table.rows[1].cells, ElementsAre("李四", "13900139000", "一号楼", "额外"));
}

TEST(CsvReader, ReadsQuotedFieldsAndCountsLinesAfterMultilineFields) {
  const std::string csv =
      "\"姓名\",\"备注\"\r\n"
      "\"张三\",\"他说\"\"你好\"\"\r\n第二行\r\n第三行\"\r\n"
      "李四,\"a,b\"\r\n"
      "王五, \"带空格\" \r\n";
  const Table table = ReadCsv(csv);
  EXPECT_THAT(table.header, ElementsAre("姓名", "备注"));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("张三", "他说\"你好\"\n第二行\n第三行"));
  EXPECT_EQ(table.rows[1].line, 5);  // the record above spans lines 2-4
  EXPECT_THAT(table.rows[1].cells, ElementsAre("李四", "a,b"));
  EXPECT_EQ(table.rows[2].line, 6);
  EXPECT_THAT(table.rows[2].cells, ElementsAre("王五", "带空格"));
}

TEST(CsvReader, AcceptsLfAndLoneCrLineEnds) {
  const Table lf = ReadCsv("a,b\n1,2");
  ASSERT_EQ(lf.rows.size(), 1u);
  EXPECT_THAT(lf.rows[0].cells, ElementsAre("1", "2"));
  const Table cr = ReadCsv("a,b\r1,2\r3,4\r");
  ASSERT_EQ(cr.rows.size(), 2u);
  EXPECT_EQ(cr.rows[1].line, 3);
  EXPECT_THAT(cr.rows[1].cells, ElementsAre("3", "4"));
}

TEST(CsvReader, StripsUtf8Bom) {
  const Table table = ReadCsv("\xEF\xBB\xBF姓名,电话\n张三,1\n");
  EXPECT_THAT(table.header, ElementsAre("姓名", "电话"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("张三", "1"));
}

TEST(CsvReader, DecodesGb18030FromChineseExcel) {
  const std::string bytes = Encode("姓名,公民身份号码\n张三,11010519491231002X\n", "GB18030");
  ASSERT_NE(bytes.find('\xD5'), std::string::npos);  // really GBK bytes, not UTF-8
  const Table table = ReadCsv(bytes);
  EXPECT_THAT(table.header, ElementsAre("姓名", "公民身份号码"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("张三", "11010519491231002X"));
}

TEST(CsvReader, DecodesUtf16WithBomAsExcelUnicodeText) {
  const std::string bytes = "\xFF\xFE" + Encode("姓名\t电话\r\n张三\t13800138000\r\n", "UTF-16LE");
  const Table table = ReadCsv(bytes);
  EXPECT_THAT(table.header, ElementsAre("姓名", "电话"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("张三", "13800138000"));
}

TEST(CsvReader, RejectsBytesThatAreNeitherUtf8NorGb18030WithTheirLine) {
  EXPECT_EQ(ErrorLine("a,b\n1,2\n3,\x80\n"), 3);
  // A UTF-8 BOM rules out the GB18030 fallback.
  EXPECT_EQ(ErrorLine("\xEF\xBB\xBF"
                      "a,b\n\xD5\xC5,1\n"),
            2);
}

TEST(CsvReader, DetectsSemicolonAndTabSeparators) {
  const Table semicolons = ReadCsv("姓名;电话\n张三;\"1;2\"\n");
  EXPECT_THAT(semicolons.header, ElementsAre("姓名", "电话"));
  ASSERT_EQ(semicolons.rows.size(), 1u);
  EXPECT_THAT(semicolons.rows[0].cells, ElementsAre("张三", "1;2"));

  const Table tabs = ReadCsv("姓名\t电话\t备注\n张三\t138\t有;分号\n");
  EXPECT_THAT(tabs.header, ElementsAre("姓名", "电话", "备注"));
  ASSERT_EQ(tabs.rows.size(), 1u);
  EXPECT_THAT(tabs.rows[0].cells, ElementsAre("张三", "138", "有;分号"));

  // A comma in the header line keeps the standard separator.
  const Table commas = ReadCsv("a,b;c\n1,2;3\n");
  EXPECT_THAT(commas.header, ElementsAre("a", "b;c"));
}

TEST(CsvReader, UnterminatedQuoteNamesTheLineWhereTheFieldStarted) {
  EXPECT_EQ(ErrorLine("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n"), 3);
  try {
    ReadCsv("a,b\n\"x");
    FAIL() << "expected TableError";
  } catch (const TableError& error) {
    EXPECT_EQ(error.line, 2);
    EXPECT_THAT(error.what(), ::testing::StartsWith("line 2: "));
  }
}

TEST(CsvReader, SkipsBlankRowsIncludingThoseBeforeTheHeader) {
  const Table table = ReadCsv("\n  \n,,\n姓名,电话\n\n张三,1\n , \n李四,2\n\n");
  EXPECT_THAT(table.header, ElementsAre("姓名", "电话"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 6);
  EXPECT_EQ(table.rows[1].line, 8);
  EXPECT_THAT(table.rows[1].cells, ElementsAre("李四", "2"));
}

TEST(CsvReader, EmptyInputIsAnEmptyTable) {
  const Table table = ReadCsv("");
  EXPECT_TRUE(table.header.empty());
  EXPECT_TRUE(table.rows.empty());
}

TEST(CsvReader, DropsTrailingBlankCellsButKeepsDataColumns) {
  const Table table = ReadCsv("a,b,,\n1,,,\n");
  EXPECT_THAT(table.header, ElementsAre("a", "b"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("1", ""));
}

TEST(CsvReader, EnforcesLimits) {
  ReadLimits limits;
  limits.max_rows = 2;
  EXPECT_NO_THROW(ReadCsv("h\n1\n2\n", limits));
  EXPECT_EQ(ErrorLine("h\n1\n\n2\n3\n", limits), 5);

  limits = ReadLimits{};
  limits.max_columns = 3;
  EXPECT_NO_THROW(ReadCsv("a,b,c,,,,,,\n", limits));  // blank cells past the limit are harmless
  EXPECT_EQ(ErrorLine("a,b,c\n1,2,3\n1,2,3,,4\n", limits), 3);

  limits = ReadLimits{};
  limits.max_uncompressed_bytes = 8;
  EXPECT_THROW(ReadCsv("a,b\n1234,5678\n", limits), TableError);
}

}  // namespace
}  // namespace shequ::tabular
