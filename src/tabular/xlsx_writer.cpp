#include "tabular/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace shequ::tabular {
namespace {

constexpr std::size_t kMaxSheetNameCharacters = 31;
constexpr std::size_t kRowsSampledForWidth = 100;
constexpr double kMinEstimatedWidth = 8;
constexpr double kMaxEstimatedWidth = 50;
constexpr double kMaxColumnWidth = 255;  // Excel's own limit
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr std::uint8_t kTextNumberFormat = 49;     // Excel's built-in "@"
constexpr std::size_t kMaxCellCharacters = 32767;  // Excel's limit; libxlsxwriter reports it as an error

// --- UTF-8 ------------------------------------------------------------------------------------

struct CodePoint {
  char32_t value;
  std::size_t length;  // bytes consumed
  bool valid;
};

CodePoint DecodeAt(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
  } else {
    return {0xFFFD, 1, false};
  }
  if (i + length > text.size()) return {0xFFFD, 1, false};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1, false};
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {0xFFFD, 1, false};
  }
  return {value, length, true};
}

// Characters XML 1.0 cannot carry; a file containing them is one Excel refuses to open.
bool IsXmlForbidden(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

// Text safe to put in the workbook: invalid UTF-8 becomes U+FFFD, control characters are dropped.
std::string CleanText(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint c = DecodeAt(text, i);
    if (!c.valid) {
      clean += "\xEF\xBF\xBD";
    } else if (!IsXmlForbidden(c.value)) {
      clean.append(text.substr(i, c.length));
    }
    i += c.length;
  }
  return clean;
}

// East Asian wide characters take two columns in Excel's default fonts.
bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Width of the longest line of `text`, counting wide characters twice.
std::size_t DisplayWidth(std::string_view text) {
  std::size_t widest = 0;
  std::size_t current = 0;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint c = DecodeAt(text, i);
    i += c.length;
    if (c.value == '\n') {
      current = 0;
      continue;
    }
    current += IsWide(c.value) ? 2 : 1;
    widest = std::max(widest, current);
  }
  return widest;
}

std::string FirstCharacters(std::string_view text, std::size_t count) {
  std::size_t end = 0;
  for (std::size_t taken = 0; end < text.size() && taken < count; ++taken) end += DecodeAt(text, end).length;
  return std::string(text.substr(0, end));
}

std::size_t CharacterCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) i += DecodeAt(text, i).length;
  return count;
}

std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// --- sheet names ------------------------------------------------------------------------------

// Makes `requested` acceptable to Excel and distinct (case-insensitively) from the names in `used`,
// which it then joins.
std::string SheetName(std::string_view requested, std::size_t position, std::set<std::string>& used) {
  std::string name;
  for (const char c : CleanText(requested)) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos && c != '\t' && c != '\n' &&
        c != '\r') {
      name += c;
    }
  }
  // Excel rejects names that begin or end with an apostrophe; spaces at the ends only confuse.
  const auto trimmable = [](char c) { return c == ' ' || c == '\''; };
  while (!name.empty() && trimmable(name.front())) name.erase(0, 1);
  while (!name.empty() && trimmable(name.back())) name.pop_back();
  name = FirstCharacters(name, kMaxSheetNameCharacters);
  if (name.empty()) name = "Sheet" + std::to_string(position + 1);

  std::string unique = name;
  for (int copy = 2; used.contains(AsciiLower(unique)); ++copy) {
    const std::string suffix = " (" + std::to_string(copy) + ")";
    unique = FirstCharacters(name, kMaxSheetNameCharacters - suffix.size()) + suffix;
  }
  used.insert(AsciiLower(unique));
  return unique;
}

// --- workbook ---------------------------------------------------------------------------------

std::string TempDirectory() {
  const char* directory = std::getenv("TMPDIR");
  return directory != nullptr && *directory != '\0' ? directory : "/tmp";
}

std::string SystemError(int error) { return std::error_code(error, std::generic_category()).message(); }

// A file name reserved with mkstemp, removed again however the export ends.
class TempFile {
 public:
  explicit TempFile(const std::string& directory) : path_(directory + "/shequ-export-XXXXXX") {
    const int descriptor = mkstemp(path_.data());
    if (descriptor < 0) {
      throw std::runtime_error("cannot create a temporary file in " + directory + ": " + SystemError(errno));
    }
    close(descriptor);
  }
  ~TempFile() { unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string ReadWholeFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) throw std::runtime_error("cannot read back the written workbook " + path);
  const std::streamsize size = file.tellg();
  std::string content(static_cast<std::size_t>(size), '\0');
  file.seekg(0);
  if (!file.read(content.data(), size))
    throw std::runtime_error("cannot read back the written workbook " + path);
  return content;
}

struct WorkbookDeleter {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDeleter>;

struct Formats {
  lxw_format* header;
  lxw_format* text;
};

Formats AddFormats(lxw_workbook* workbook) {
  Formats formats{workbook_add_format(workbook), workbook_add_format(workbook)};
  format_set_bold(formats.header);
  format_set_bg_color(formats.header, kHeaderFill);
  format_set_pattern(formats.header, LXW_PATTERN_SOLID);
  format_set_num_format_index(formats.header, kTextNumberFormat);
  format_set_num_format_index(formats.text, kTextNumberFormat);
  return formats;
}

double ColumnWidth(const Sheet& sheet, std::size_t column) {
  if (column < sheet.column_widths.size() && sheet.column_widths[column] > 0) {
    return std::min(sheet.column_widths[column], kMaxColumnWidth);
  }
  // The header plus a sample of rows, so a short header over long values (电话 over phone numbers)
  // still gets a readable column.
  std::size_t widest = column < sheet.header.size() ? DisplayWidth(sheet.header[column]) : 0;
  const std::size_t sampled = std::min(sheet.rows.size(), kRowsSampledForWidth);
  for (std::size_t row = 0; row < sampled; ++row) {
    if (column < sheet.rows[row].size()) widest = std::max(widest, DisplayWidth(sheet.rows[row][column]));
  }
  return std::clamp(static_cast<double>(widest) + 2, kMinEstimatedWidth, kMaxEstimatedWidth);
}

void WriteCell(lxw_worksheet* worksheet, std::size_t row, std::size_t column, std::string_view value,
               lxw_format* format) {
  const std::string text = CleanText(value);
  const lxw_error error = worksheet_write_string(worksheet, static_cast<lxw_row_t>(row),
                                                 static_cast<lxw_col_t>(column), text.c_str(), format);
  if (error == LXW_NO_ERROR) return;
  const std::string where = "row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1);
  if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    throw std::invalid_argument("the cell at " + where + " has " + std::to_string(CharacterCount(text)) +
                                " characters; Excel allows at most " + std::to_string(kMaxCellCharacters));
  }
  throw std::runtime_error("cannot write the cell at " + where + ": " + lxw_strerror(error));
}

void WriteSheet(lxw_workbook* workbook, const Sheet& sheet, const std::string& name, const Formats& formats) {
  std::size_t columns = sheet.header.size();
  for (const std::vector<std::string>& row : sheet.rows) columns = std::max(columns, row.size());
  const std::size_t first_data_row = sheet.header.empty() ? 0 : 1;
  if (columns > LXW_COL_MAX) {
    throw std::invalid_argument("sheet \"" + name + "\" has " + std::to_string(columns) +
                                " columns; Excel allows at most " + std::to_string(LXW_COL_MAX));
  }
  if (first_data_row + sheet.rows.size() > LXW_ROW_MAX) {
    throw std::invalid_argument("sheet \"" + name + "\" has " + std::to_string(sheet.rows.size()) +
                                " rows; Excel allows at most " +
                                std::to_string(LXW_ROW_MAX - first_data_row));
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
  if (worksheet == nullptr) throw std::runtime_error("cannot add the sheet \"" + name + "\"");

  // Text format on whole columns, so values typed in later stay text as well.
  for (std::size_t column = 0; column < columns; ++column) {
    const auto index = static_cast<lxw_col_t>(column);
    worksheet_set_column(worksheet, index, index, ColumnWidth(sheet, column), formats.text);
  }
  if (!sheet.header.empty()) {
    for (std::size_t column = 0; column < sheet.header.size(); ++column) {
      WriteCell(worksheet, 0, column, sheet.header[column], formats.header);
    }
    worksheet_freeze_panes(worksheet, 1, 0);
    worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                         static_cast<lxw_col_t>(sheet.header.size() - 1));
  }
  // constant_memory mode flushes each row when the next one starts, so rows go strictly in order.
  for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
    const std::vector<std::string>& cells = sheet.rows[row];
    for (std::size_t column = 0; column < cells.size(); ++column) {
      WriteCell(worksheet, first_data_row + row, column, cells[column], formats.text);
    }
  }
}

// --- CSV --------------------------------------------------------------------------------------

bool StartsLikeFormula(std::string_view cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

void AppendCsvField(std::string& out, std::string_view cell) {
  const bool needs_quotes = cell.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
  if (needs_quotes) out += '"';
  if (StartsLikeFormula(cell)) out += '\'';
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  if (needs_quotes) out += '"';
}

void AppendCsvRecord(std::string& out, const std::vector<std::string>& cells, std::size_t width) {
  for (std::size_t column = 0; column < std::max(width, cells.size()); ++column) {
    if (column > 0) out += ',';
    if (column < cells.size()) AppendCsvField(out, cells[column]);
  }
  out += "\r\n";
}

}  // namespace

std::string WriteXlsx(const std::vector<Sheet>& sheets) {
  const std::string directory = TempDirectory();
  const TempFile output(directory);
  std::string tmpdir = directory;  // libxlsxwriter wants a mutable char*
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir.data();
  WorkbookPtr workbook(workbook_new_opt(output.path().c_str(), &options));
  if (!workbook) throw std::runtime_error("cannot start an .xlsx workbook");

  const Formats formats = AddFormats(workbook.get());
  std::set<std::string> used_names;
  const std::vector<Sheet> default_sheets(sheets.empty() ? 1 : 0);  // a workbook needs one sheet
  const std::vector<Sheet>& to_write = sheets.empty() ? default_sheets : sheets;
  for (std::size_t i = 0; i < to_write.size(); ++i) {
    WriteSheet(workbook.get(), to_write[i], SheetName(to_write[i].name, i, used_names), formats);
  }
  // workbook_close frees the workbook whether or not it succeeds.
  const lxw_error error = workbook_close(workbook.release());
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("cannot write the .xlsx file: ") + lxw_strerror(error));
  }
  return ReadWholeFile(output.path());
}

std::string WriteCsv(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  if (!header.empty()) AppendCsvRecord(out, header, header.size());
  for (const std::vector<std::string>& row : rows) AppendCsvRecord(out, row, header.size());
  return out;
}

}  // namespace shequ::tabular
