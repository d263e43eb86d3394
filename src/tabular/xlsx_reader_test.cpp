#include "tabular/xlsx_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace shequ::tabular {
namespace {

using ::testing::ElementsAre;

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// Builds a zip archive in memory, the way the workbooks under test would arrive as an upload.
std::string MakeZip(const ZipEntries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  zip_source_keep(buffer);  // keep the bytes after zip_close
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0) << name;
  }
  EXPECT_EQ(zip_close(archive), 0);

  std::string bytes;
  zip_stat_t stat;
  EXPECT_EQ(zip_source_stat(buffer, &stat), 0);
  bytes.resize(stat.size);
  EXPECT_EQ(zip_source_open(buffer), 0);
  EXPECT_EQ(zip_source_read(buffer, bytes.data(), bytes.size()), static_cast<zip_int64_t>(bytes.size()));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelationshipTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string Worksheet(const std::string& rows) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"") +
         kMain + "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

// A minimal workbook: the parts Excel itself needs, plus optional shared strings and styles.
ZipEntries MinimalXlsxParts(const std::string& sheet_rows, const std::string& shared_strings = "",
                            const std::string& styles = "") {
  const std::string rels_header =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::string workbook_rels = rels_header + "<Relationship Id=\"rId1\" Type=\"" + kRelationshipTypes +
                              "worksheet\" Target=\"worksheets/sheet1.xml\"/>";
  if (!shared_strings.empty()) {
    workbook_rels += std::string("<Relationship Id=\"rId2\" Type=\"") + kRelationshipTypes +
                     "sharedStrings\" Target=\"sharedStrings.xml\"/>";
  }
  if (!styles.empty()) {
    workbook_rels += std::string("<Relationship Id=\"rId3\" Type=\"") + kRelationshipTypes +
                     "styles\" Target=\"styles.xml\"/>";
  }
  workbook_rels += "</Relationships>";
  ZipEntries parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels", rels_header + "<Relationship Id=\"rId1\" Type=\"" + kRelationshipTypes +
                          "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml",
       std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"") + kMain + "\" xmlns:r=\"" +
           kRelationshipNs +
           "\"><sheets><sheet name=\"人员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", workbook_rels},
      {"xl/worksheets/sheet1.xml", Worksheet(sheet_rows)},
  };
  if (!shared_strings.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings);
  if (!styles.empty()) parts.emplace_back("xl/styles.xml", styles);
  return parts;
}

std::string MinimalXlsx(const std::string& sheet_rows, const std::string& shared_strings = "",
                        const std::string& styles = "") {
  return MakeZip(MinimalXlsxParts(sheet_rows, shared_strings, styles));
}

const std::string kSharedStrings = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"") +
                                   kMain +
                                   "\" count=\"3\" uniqueCount=\"3\">"
                                   "<si><t>姓名</t></si>"
                                   "<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space=\"preserve\"> </t></r>"
                                   "<r><t>三</t></r><rPh sb=\"0\" eb=\"1\"><t>zhang</t></rPh></si>"
                                   "<si><t>第一行_x000D_\n第二行</t></si>"
                                   "</sst>";

TEST(XlsxReader, ReadsEveryCellTypeAndFillsGaps) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>电话</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"b\"><v>1</v></c>"
      "<c r=\"C2\"><v>13800138000</v></c><c r=\"D2\" t=\"n\"><v>1.5</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" s=\"0\"/><c r=\"B3\" t=\"inlineStr\"><is><t>  </t></is></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"str\"><f>A1&amp;\"!\"</f><v>姓名!</v></c>"
      "<c r=\"B5\" t=\"b\"><v>0</v></c><c r=\"C5\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"6\"><c r=\"B6\" t=\"inlineStr\"><is><r><t>李</t></r><r><t>四</t></r></is></c></row>";
  const Table table = ReadXlsx(MinimalXlsx(rows, kSharedStrings));
  EXPECT_THAT(table.header, ElementsAre("姓名", "", "电话"));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("张 三", "TRUE", "13800138000", "1.5"));
  EXPECT_EQ(table.rows[1].line, 5);  // rows 3 (blank) and 4 (absent) are skipped
  EXPECT_THAT(table.rows[1].cells, ElementsAre("姓名!", "FALSE", "第一行\r\n第二行"));
  EXPECT_EQ(table.rows[2].line, 6);
  EXPECT_THAT(table.rows[2].cells, ElementsAre("", "李四", ""));
}

TEST(XlsxReader, RendersNumbersWithoutExponentOrBinaryNoise) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>值</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1.3800138E10</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>0.30000000000000004</v></c></row>"
      "<row r=\"4\"><c r=\"A4\"><v>-0</v></c></row>"
      "<row r=\"5\"><c r=\"A5\"><v>-42</v></c></row>"
      "<row r=\"6\"><c r=\"A6\"><v>1.1010519491231E+17</v></c></row>"
      "<row r=\"7\"><c r=\"A7\"><v>0.001</v></c></row>"
      "<row r=\"8\"><c r=\"A8\" t=\"e\"><v>#N/A</v></c></row>";
  const Table table = ReadXlsx(MinimalXlsx(rows));
  std::vector<std::string> values;
  for (const TableRow& row : table.rows) values.push_back(row.cells.at(0));
  EXPECT_THAT(values, ElementsAre("13800138000", "0.3", "0", "-42", "110105194912310000", "0.001", "#N/A"));
}

TEST(XlsxReader, RendersDateFormattedNumbersAsIsoDates) {
  const std::string styles =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"") + kMain +
      "\"><numFmts count=\"2\">"
      "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm&quot;d&quot;\"/>"
      "</numFmts><cellXfs count=\"6\">"
      "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
      "<xf numFmtId=\"31\"/><xf numFmtId=\"20\"/>"
      "</cellXfs></styleSheet>";
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>日期</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45292</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" s=\"2\"><v>18264.75</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" s=\"4\"><v>59</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" s=\"4\"><v>61</v></c></row>"
      "<row r=\"6\"><c r=\"A6\" s=\"3\"><v>0.5</v></c></row>"
      "<row r=\"7\"><c r=\"A7\" s=\"5\"><v>0.25</v></c></row>"
      "<row r=\"8\"><c r=\"A8\" s=\"0\"><v>45292</v></c></row>";
  const Table table = ReadXlsx(MinimalXlsx(rows, "", styles));
  std::vector<std::string> values;
  for (const TableRow& row : table.rows) values.push_back(row.cells.at(0));
  EXPECT_THAT(values,
              ElementsAre("2024-01-01", "1950-01-01", "1900-02-28", "1900-03-01", "0.5", "0.25", "45292"));
}

TEST(XlsxReader, ReadsTheFirstSheetInTabOrderWithPrefixedElements) {
  ZipEntries parts = MinimalXlsxParts("<row r=\"1\"><c t=\"inlineStr\"><is><t>第二张</t></is></c></row>");
  for (auto& [name, content] : parts) {
    if (name == "xl/workbook.xml") {
      content = std::string("<x:workbook xmlns:x=\"") + kMain + "\" xmlns:rel=\"" + kRelationshipNs +
                "\"><x:sheets><x:sheet name=\"户\" sheetId=\"2\" rel:id=\"rId7\"/>"
                "<x:sheet name=\"人员\" sheetId=\"1\" rel:id=\"rId1\"/></x:sheets></x:workbook>";
    }
    if (name == "xl/_rels/workbook.xml.rels") {
      content = std::string(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rId1\" Type=\"") +
                kRelationshipTypes +
                "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId7\" Type=\"" +
                kRelationshipTypes +
                "worksheet\" Target=\"/xl/worksheets/../worksheets/households.xml\"/></Relationships>";
    }
  }
  parts.emplace_back(
      "xl/worksheets/households.xml",
      std::string("<x:worksheet xmlns:x=\"") + kMain +
          "\"><x:sheetData><x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t>户号</x:t></x:is>"
          "</x:c></x:row><x:row r=\"4\"><x:c r=\"B4\"><x:v>7</x:v></x:c></x:row></x:sheetData>"
          "</x:worksheet>");
  const Table table = ReadXlsx(MakeZip(parts));
  EXPECT_THAT(table.header, ElementsAre("", "户号"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].line, 4);
  EXPECT_THAT(table.rows[0].cells, ElementsAre("", "7"));
}

TEST(XlsxReader, RejectsFilesThatAreNotXlsx) {
  EXPECT_THROW(ReadXlsx(""), TableError);
  EXPECT_THROW(ReadXlsx("姓名,电话\n张三,13800138000\n"), TableError);
  EXPECT_THROW(ReadXlsx(MakeZip({{"hello.txt", "hello"}})), TableError);
  try {
    ReadXlsx("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old .xls file");
    FAIL() << "expected TableError";
  } catch (const TableError& error) {
    EXPECT_EQ(error.line, 0);
    EXPECT_THAT(error.what(), ::testing::HasSubstr("not a zip"));
  }
  ZipEntries broken = MinimalXlsxParts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  broken.back().second = "<worksheet><sheetData><row>";
  EXPECT_THROW(ReadXlsx(MakeZip(broken)), TableError);
}

TEST(XlsxReader, RejectsReferencesToMissingSharedStrings) {
  const std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row>";
  try {
    ReadXlsx(MinimalXlsx(rows, kSharedStrings));
    FAIL() << "expected TableError";
  } catch (const TableError& error) {
    EXPECT_EQ(error.line, 1);
  }
}

TEST(XlsxReader, StopsZipBombsAtTheUncompressedLimit) {
  // 4 MiB of padding compresses to a few kilobytes.
  const std::string padding(std::size_t{4} * 1024 * 1024, ' ');
  const std::string bytes =
      MinimalXlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>" + padding);
  ASSERT_LT(bytes.size(), 64u * 1024);
  EXPECT_EQ(ReadXlsx(bytes).header, std::vector<std::string>{"姓名"});

  ReadLimits limits;
  limits.max_uncompressed_bytes = std::size_t{1024} * 1024;
  try {
    ReadXlsx(bytes, limits);
    FAIL() << "expected TableError";
  } catch (const TableError& error) {
    EXPECT_EQ(error.line, 0);
    EXPECT_THAT(error.what(), ::testing::HasSubstr("too large"));
  }
  limits.max_uncompressed_bytes = 16;
  EXPECT_THROW(ReadXlsx(bytes, limits), TableError);
}

TEST(XlsxReader, EnforcesRowAndColumnLimits) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" s=\"3\"/></row>"
      "<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>3</v></c><c r=\"E3\"><v>5</v></c></row>";
  ReadLimits limits;
  limits.max_columns = 4;
  try {
    ReadXlsx(MinimalXlsx(rows), limits);
    FAIL() << "expected TableError";
  } catch (const TableError& error) {
    EXPECT_EQ(error.line, 3);  // the empty styled cell in XFD1 does not count
  }
  limits = ReadLimits{};
  limits.max_rows = 1;
  try {
    ReadXlsx(MinimalXlsx(rows), limits);
    FAIL() << "expected TableError";
  } catch (const TableError& error) {
    EXPECT_EQ(error.line, 3);
  }
}

}  // namespace
}  // namespace shequ::tabular
