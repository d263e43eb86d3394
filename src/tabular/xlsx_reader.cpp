#include "tabular/xlsx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tabular/table_builder.hpp"

namespace shequ::tabular {
namespace {

constexpr std::size_t kMaxSheetColumns = 16384;  // XFD, Excel's last column
constexpr long kMaxSheetRows = 1048576;

[[noreturn]] void ThrowNotXlsx(const std::string& reason) {
  throw TableError(0, "the file is not a readable .xlsx workbook: " + reason);
}

// --- zip access -------------------------------------------------------------------------------

// Read-only view of the upload as a zip archive. Every part read is charged to one budget of
// uncompressed bytes, checked against the size the zip directory claims and again while
// inflating, since a crafted archive can understate sizes.
class ZipArchive {
 public:
  ZipArchive(std::string_view bytes, std::size_t max_uncompressed_bytes)
      : max_uncompressed_bytes_(max_uncompressed_bytes), budget_left_(max_uncompressed_bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      throw TableError(0, "out of memory while opening the workbook");
    }
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (archive_ == nullptr) {
      zip_source_free(source);  // only owned by the archive once opening succeeded
      ThrowNotXlsx(
          "it is not a zip archive (old .xls files and password-protected workbooks are not supported; "
          "save the file as .xlsx without a password)");
    }
  }
  ~ZipArchive() { zip_discard(archive_); }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  std::optional<std::string> Read(const std::string& name) {
    // Part names are case-insensitive in OPC.
    const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
      ThrowNotXlsx("the zip entry " + name + " is damaged");
    }
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > budget_left_) ThrowTooLarge();

    zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) {
      ThrowNotXlsx("the zip entry " + name + " cannot be opened (" + zip_strerror(archive_) + ")");
    }
    std::string content;
    constexpr std::size_t kChunk = std::size_t{64} * 1024;
    for (;;) {
      const std::size_t used = content.size();
      content.resize(used + kChunk);
      const zip_int64_t got = zip_fread(file, content.data() + used, kChunk);
      if (got < 0) {
        const std::string reason = zip_file_strerror(file);
        zip_fclose(file);
        ThrowNotXlsx("the zip entry " + name + " is damaged (" + reason + ")");
      }
      content.resize(used + static_cast<std::size_t>(got));
      if (static_cast<std::size_t>(got) > budget_left_) {
        zip_fclose(file);
        ThrowTooLarge();
      }
      budget_left_ -= static_cast<std::size_t>(got);
      if (got == 0) break;
    }
    zip_fclose(file);
    return content;
  }

  std::string ReadRequired(const std::string& name) {
    std::optional<std::string> content = Read(name);
    if (!content) ThrowNotXlsx("the part " + name + " is missing");
    return std::move(*content);
  }

 private:
  [[noreturn]] void ThrowTooLarge() const {
    throw TableError(0, "the workbook is too large to import: uncompressed, its contents exceed " +
                            std::to_string(max_uncompressed_bytes_) + " bytes");
  }

  zip_t* archive_ = nullptr;
  std::size_t max_uncompressed_bytes_;
  std::size_t budget_left_;
};

// --- XML helpers ------------------------------------------------------------------------------

// Some producers prefix every element (<x:row>), so elements are matched by local name.
std::string_view LocalName(const char* qualified_name) {
  const std::string_view name = qualified_name;
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool IsElement(const pugi::xml_node& node, std::string_view local_name) {
  return node.type() == pugi::node_element && LocalName(node.name()) == local_name;
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local_name) {
  for (const pugi::xml_node child : parent.children()) {
    if (IsElement(child, local_name)) return child;
  }
  return {};
}

pugi::xml_attribute AttributeByLocalName(const pugi::xml_node& node, std::string_view local_name) {
  for (const pugi::xml_attribute attribute : node.attributes()) {
    if (LocalName(attribute.name()) == local_name) return attribute;
  }
  return {};
}

// Parses in place: `text` must outlive `document`.
void ParseXml(std::string& text, const std::string& part, pugi::xml_document& document) {
  // parse_ws_pcdata_single keeps <t xml:space="preserve"> </t>, a space that is a cell's whole run.
  const pugi::xml_parse_result result = document.load_buffer_inplace(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!result) ThrowNotXlsx(part + " is not well-formed XML (" + result.description() + ")");
}

std::optional<unsigned long> ParseUnsigned(std::string_view text) {
  unsigned long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

void AppendUtf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Excel writes characters XML cannot hold as _xHHHH_ (a carriage return in a cell is _x000D_) and
// a literal "_x" as _x005F_x.
std::string DecodeEscapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_') {
      std::uint32_t code_point = 0;
      const auto [end, error] = std::from_chars(text.data() + i + 2, text.data() + i + 6, code_point, 16);
      const bool is_surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
      if (error == std::errc() && end == text.data() + i + 6 && !is_surrogate) {
        AppendUtf8(out, code_point);
        i += 7;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

// Text of an <si> or <is>: a plain <t>, or rich-text runs <r><t>…</t></r> joined. Phonetic
// guides (<rPh>) are not part of the value.
std::string RichText(const pugi::xml_node& node) {
  std::string text;
  for (const pugi::xml_node child : node.children()) {
    if (IsElement(child, "t")) {
      text += child.child_value();
    } else if (IsElement(child, "r")) {
      text += Child(child, "t").child_value();
    }
  }
  return DecodeEscapes(text);
}

// --- package structure ------------------------------------------------------------------------

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // resolved to a part name inside the zip
};

std::string DirectoryOf(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// Resolves a relationship target against the directory of the part that owns it.
std::string ResolveTarget(const std::string& directory, std::string_view target) {
  std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : directory + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

std::vector<Relationship> ReadRelationships(ZipArchive& zip, const std::string& owner_part) {
  const std::string directory = DirectoryOf(owner_part);
  const std::string file_name = owner_part.substr(directory.size());
  const std::string rels_part = directory + "_rels/" + file_name + ".rels";
  std::optional<std::string> text = zip.Read(rels_part);
  std::vector<Relationship> relationships;
  if (!text) return relationships;
  pugi::xml_document document;
  ParseXml(*text, rels_part, document);
  for (const pugi::xml_node node : Child(document, "Relationships").children()) {
    if (!IsElement(node, "Relationship")) continue;
    if (std::string_view(node.attribute("TargetMode").value()) == "External") continue;
    relationships.push_back(Relationship{node.attribute("Id").value(), node.attribute("Type").value(),
                                         ResolveTarget(directory, node.attribute("Target").value())});
  }
  return relationships;
}

// Relationship types differ between transitional and strict OOXML only before the last slash.
const Relationship* FindByType(const std::vector<Relationship>& relationships, std::string_view type_suffix) {
  for (const Relationship& relationship : relationships) {
    if (std::string_view(relationship.type).ends_with(type_suffix)) return &relationship;
  }
  return nullptr;
}

// --- cell values ------------------------------------------------------------------------------

bool IsBuiltinDateFormat(unsigned long id) {
  // 14-17 and 22 everywhere; 27-31, 36, 50-54, 57, 58 are the zh-CN built-ins such as
  // yyyy"年"m"月"d"日" (31), which Chinese Excel stores without a custom format entry. 18-21 and
  // the zh-CN 32-35, 55, 56 are times of day and stay numbers.
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) ||
         id == 57 || id == 58;
}

// A custom format is a date when, outside quoted literals, escapes and [..] sections, it uses
// y or d. A bare m is left alone: it also means minutes.
bool IsDateFormatCode(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is a literal, padding or fill
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      return true;
    }
  }
  return false;
}

// For each cell style index (<c s="…">), whether its number format shows a date.
std::vector<bool> ReadDateStyles(const pugi::xml_node& style_sheet) {
  std::unordered_map<unsigned long, bool> custom_formats;
  for (const pugi::xml_node format : Child(style_sheet, "numFmts").children()) {
    if (!IsElement(format, "numFmt")) continue;
    custom_formats[format.attribute("numFmtId").as_uint()] =
        IsDateFormatCode(format.attribute("formatCode").value());
  }
  std::vector<bool> date_styles;
  for (const pugi::xml_node xf : Child(style_sheet, "cellXfs").children()) {
    if (!IsElement(xf, "xf")) continue;
    const unsigned long format_id = xf.attribute("numFmtId").as_uint();
    const auto custom = custom_formats.find(format_id);
    date_styles.push_back(custom != custom_formats.end() ? custom->second : IsBuiltinDateFormat(format_id));
  }
  return date_styles;
}

// Shortest text that reads back as `value`; whole numbers in plain digits, never with an exponent,
// so a phone number stored as a number still imports as 13800138000.
std::string FormatNumber(std::string_view stored) {
  double value = 0;
  const auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
  if (error != std::errc() || end != stored.data() + stored.size() || !std::isfinite(value)) {
    return std::string(stored);
  }
  // Excel keeps 15 significant digits; rounding to them drops binary noise such as the
  // 0.30000000000000004 some writers store for 0.3.
  char buffer[64];
  auto rounded = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  std::from_chars(buffer, rounded.ptr, value);
  if (value == 0) return "0";  // also turns -0 into 0
  const bool whole = std::trunc(value) == value && std::fabs(value) < 1e21;
  const auto written = whole ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                             : std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, written.ptr);
}

// Serial day number to YYYY-MM-DD, or nullopt when outside Excel's date range. The time of day is
// dropped; imports want dates such as birthdays.
std::optional<std::string> FormatDate(std::string_view stored, bool date1904) {
  double serial = 0;
  const auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), serial);
  if (error != std::errc() || end != stored.data() + stored.size()) return std::nullopt;
  // Round to the millisecond first so 45000.99999999999 (midnight, stored inexactly) is the next day.
  const double day = std::floor(std::round(serial * 86'400'000.0) / 86'400'000.0);
  using std::chrono::days;
  using std::chrono::sys_days;
  using std::chrono::year_month_day;
  using namespace std::chrono_literals;
  sys_days date;
  if (date1904) {
    if (day < 0 || day > 2957003) return std::nullopt;
    date = sys_days{1904y / 1 / 1} + days{static_cast<long>(day)};
  } else {
    if (day < 1 || day > 2958465) return std::nullopt;  // 1900-01-01 .. 9999-12-31
    // Serial 60 is Excel's fictitious 1900-02-29; serials before it are one day off the real calendar.
    date = (day < 60 ? sys_days{1899y / 12 / 31} : sys_days{1899y / 12 / 30}) + days{static_cast<long>(day)};
  }
  const year_month_day ymd{date};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return std::string(buffer);
}

struct WorkbookContext {
  std::vector<std::string> shared_strings;
  std::vector<bool> date_styles;
  bool date1904 = false;
};

std::string CellText(const pugi::xml_node& cell, const WorkbookContext& workbook, int line) {
  const std::string_view type = cell.attribute("t").value();
  const pugi::xml_node value = Child(cell, "v");
  if (type == "s") {
    const std::optional<unsigned long> index = ParseUnsigned(value.child_value());
    if (!index || *index >= workbook.shared_strings.size()) {
      throw TableError(line, "a cell refers to a shared string that does not exist; the workbook is damaged");
    }
    return workbook.shared_strings[*index];
  }
  if (type == "inlineStr") {
    const pugi::xml_node inline_string = Child(cell, "is");
    return inline_string ? RichText(inline_string) : DecodeEscapes(value.child_value());
  }
  if (type == "b") {
    const std::string_view flag = value.child_value();
    if (flag.empty()) return {};
    return flag == "0" ? "FALSE" : "TRUE";
  }
  if (type == "str" || type == "e" || type == "d") return DecodeEscapes(value.child_value());
  // A number, "n" or no type at all.
  const std::string_view stored = TrimAsciiWhitespace(value.child_value());
  if (stored.empty()) return {};
  const unsigned long style = cell.attribute("s").as_uint();
  if (style < workbook.date_styles.size() && workbook.date_styles[style]) {
    if (std::optional<std::string> date = FormatDate(stored, workbook.date1904)) return std::move(*date);
  }
  return FormatNumber(stored);
}

// "BC12" -> 54 (0-based column); nullopt unless letters A..XFD are followed by digits.
std::optional<std::size_t> ColumnOf(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  while (letters < reference.size()) {
    const char c = reference[letters];
    if (c >= 'A' && c <= 'Z') {
      column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      column = column * 26 + static_cast<std::size_t>(c - 'a' + 1);
    } else {
      break;
    }
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0 || column > kMaxSheetColumns) return std::nullopt;
  if (letters == reference.size() || !ParseUnsigned(reference.substr(letters))) return std::nullopt;
  return column - 1;
}

void ReadRows(const pugi::xml_node& worksheet, const WorkbookContext& workbook, const ReadLimits& limits,
              TableBuilder& builder) {
  long previous_row = 0;
  for (const pugi::xml_node row : Child(worksheet, "sheetData").children()) {
    if (!IsElement(row, "row")) continue;
    // Row and cell references may be omitted, meaning "the next one".
    long line = previous_row + 1;
    if (const pugi::xml_attribute number = row.attribute("r")) {
      const std::optional<unsigned long> parsed = ParseUnsigned(number.value());
      if (!parsed || *parsed < 1 || *parsed > static_cast<unsigned long>(kMaxSheetRows)) {
        ThrowNotXlsx("a row has the invalid number \"" + std::string(number.value()) + "\"");
      }
      line = static_cast<long>(*parsed);
    }
    if (line > kMaxSheetRows) ThrowNotXlsx("the sheet has more rows than Excel allows");
    previous_row = line;

    std::vector<std::string> cells;
    std::size_t next_column = 0;
    for (const pugi::xml_node cell : row.children()) {
      if (!IsElement(cell, "c")) continue;
      std::size_t column = next_column;
      if (const pugi::xml_attribute reference = cell.attribute("r")) {
        const std::optional<std::size_t> parsed = ColumnOf(reference.value());
        if (!parsed) {
          throw TableError(static_cast<int>(line), "a cell has the invalid reference \"" +
                                                       std::string(reference.value()) +
                                                       "\"; the workbook is damaged");
        }
        column = *parsed;
      }
      next_column = column + 1;
      std::string text = CellText(cell, workbook, static_cast<int>(line));
      // Styled but empty cells far to the right are common and must not count against the limit.
      if (IsBlank(text)) continue;
      if (column >= limits.max_columns) {
        throw TableError(static_cast<int>(line), "row has data in column " + std::to_string(column + 1) +
                                                     "; at most " + std::to_string(limits.max_columns) +
                                                     " columns can be imported");
      }
      if (cells.size() <= column) cells.resize(column + 1);  // gaps between cells become ""
      cells[column] = std::move(text);
    }
    builder.AddRow(static_cast<int>(line), std::move(cells));
  }
}

}  // namespace

Table ReadXlsx(std::string_view bytes, const ReadLimits& limits) {
  ZipArchive zip(bytes, limits.max_uncompressed_bytes);

  std::string workbook_part = "xl/workbook.xml";
  const std::vector<Relationship> package_relationships = ReadRelationships(zip, "");
  if (const Relationship* office_document = FindByType(package_relationships, "/officeDocument")) {
    workbook_part = office_document->target;
  }
  std::string workbook_text = zip.ReadRequired(workbook_part);
  pugi::xml_document workbook_document;
  ParseXml(workbook_text, workbook_part, workbook_document);
  const pugi::xml_node workbook_root = Child(workbook_document, "workbook");
  if (!workbook_root) ThrowNotXlsx(workbook_part + " is not a workbook");

  WorkbookContext workbook;
  const std::string_view date1904 =
      AttributeByLocalName(Child(workbook_root, "workbookPr"), "date1904").value();
  workbook.date1904 = date1904 == "1" || date1904 == "true";

  const pugi::xml_node first_sheet = Child(Child(workbook_root, "sheets"), "sheet");
  if (!first_sheet) ThrowNotXlsx("the workbook has no sheets");
  const std::string_view sheet_id = AttributeByLocalName(first_sheet, "id").value();

  const std::vector<Relationship> relationships = ReadRelationships(zip, workbook_part);
  const std::string directory = DirectoryOf(workbook_part);
  const auto sheet_relationship = std::find_if(relationships.begin(), relationships.end(),
                                               [&](const Relationship& r) { return r.id == sheet_id; });
  if (sheet_relationship == relationships.end()) ThrowNotXlsx("the first sheet's part cannot be found");

  const Relationship* shared_strings = FindByType(relationships, "/sharedStrings");
  if (std::optional<std::string> text =
          zip.Read(shared_strings ? shared_strings->target : directory + "sharedStrings.xml")) {
    pugi::xml_document document;
    ParseXml(*text, "sharedStrings.xml", document);
    for (const pugi::xml_node item : Child(document, "sst").children()) {
      if (IsElement(item, "si")) workbook.shared_strings.push_back(RichText(item));
    }
  }

  const Relationship* styles = FindByType(relationships, "/styles");
  if (std::optional<std::string> text = zip.Read(styles ? styles->target : directory + "styles.xml")) {
    pugi::xml_document document;
    ParseXml(*text, "styles.xml", document);
    workbook.date_styles = ReadDateStyles(Child(document, "styleSheet"));
  }

  std::string sheet_text = zip.ReadRequired(sheet_relationship->target);
  pugi::xml_document sheet_document;
  ParseXml(sheet_text, sheet_relationship->target, sheet_document);
  const pugi::xml_node worksheet = Child(sheet_document, "worksheet");
  if (!worksheet) ThrowNotXlsx("the first sheet is not a worksheet (is it a chart?)");

  TableBuilder builder(limits);
  ReadRows(worksheet, workbook, limits, builder);
  return std::move(builder).Finish();
}

}  // namespace shequ::tabular
