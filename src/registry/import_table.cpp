#include "registry/import_table.hpp"

#include <algorithm>

#include "core/errors/error.hpp"
#include "tabular/csv_reader.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace shequ::registry {
namespace {

constexpr std::size_t kMaxReportedErrors = 1000;

}  // namespace

void ImportErrors::Add(RowError error) {
  ++count_;
  if (errors_.size() < kMaxReportedErrors) errors_.push_back(std::move(error));
}

void ImportErrors::Throw() const {
  auto details = nlohmann::json::array();
  for (const auto& e : errors_) {
    details.push_back({{"line", e.line},
                       {"column", e.column},
                       {"field", e.field},
                       {"problem", e.code},
                       {"message", e.message},
                       {"message_zh", e.message_zh}});
  }
  const auto n = std::to_string(count_);
  throw Error(ErrorCode::kFieldInvalid,
              "The file has " + n + (count_ == 1 ? " fault" : " faults") + "; nothing was imported.",
              "文件中有 " + n + " 处错误，未导入任何数据。请按行号和列名修改后重新导入。",
              std::move(details));
}

void FileError(std::string_view problem, const std::string& en, const std::string& zh, int line) {
  auto detail = FieldDetail("file", problem);
  detail["line"] = line;
  throw Error(ErrorCode::kFieldInvalid, en, zh, nlohmann::json::array({detail}));
}

tabular::Table ReadImportTable(std::string_view bytes, const std::string& format) {
  const bool zip = bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  const bool xlsx = format == "xlsx" || (format.empty() && zip);
  if (!format.empty() && format != "xlsx" && format != "csv") {
    FileError("unknown_format", "format is xlsx or csv.", "文件格式须为 xlsx 或 csv。");
  }
  tabular::Table table;
  try {
    table = xlsx ? tabular::ReadXlsx(bytes) : tabular::ReadCsv(bytes);
  } catch (const tabular::TableError& e) {
    FileError(
        "unreadable_file", std::string("The file cannot be read: ") + e.what(),
        xlsx ? "无法读取该 Excel 文件，请另存为 .xlsx 后重试。" : "无法读取该 CSV 文件，请检查格式和编码。",
        e.line);
  }
  if (table.header.empty()) FileError("empty_file", "The file holds no rows.", "文件中没有数据。");
  return table;
}

ImportTable::ImportTable(const tabular::Table& table, const std::vector<ImportColumn>& columns,
                         const ImportOptions& options, ImportReport& report)
    : table_(table) {
  report.dry_run = options.dry_run;
  report.rows = static_cast<std::int64_t>(table.rows.size());
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const auto& header = table.header[i];
    std::string field;
    if (auto it = options.mapping.find(header); it != options.mapping.end()) {
      field = it->second;
      const bool known = field == "ignore" || std::any_of(columns.begin(), columns.end(),
                                                          [&](const auto& c) { return c.field == field; });
      if (!known)
        FileError("unknown_field", "The mapping names an unknown field: " + field,
                  "列映射中的字段无效：" + field);
    } else {
      for (const auto& column : columns) {
        if (header == column.field ||
            std::find(column.headers.begin(), column.headers.end(), header) != column.headers.end()) {
          field = column.field;
        }
      }
    }
    if (field.empty() || field == "ignore") {
      report.ignored_columns.push_back(header);
      continue;
    }
    if (column_of_.contains(field)) {
      FileError("duplicate_column", "Two columns hold " + field + ".", "有两列对应同一字段：" + header + "。",
                1);
    }
    column_of_[field] = i;
    report.columns[header] = field;
  }
}

std::optional<std::string> ImportTable::Cell(const tabular::TableRow& row, std::string_view field) const {
  const auto it = column_of_.find(std::string(field));
  if (it == column_of_.end() || it->second >= row.cells.size()) return std::nullopt;
  return row.cells[it->second];
}

std::string ImportTable::HeaderOf(std::string_view field) const {
  const auto it = column_of_.find(std::string(field));
  return it == column_of_.end() ? std::string(field) : table_.header[it->second];
}

void ImportTable::Require(std::initializer_list<std::string_view> fields, const std::string& headers) const {
  std::string names;
  for (const auto field : fields) {
    if (Has(field)) return;
    names += (names.empty() ? "" : " or ") + std::string(field);
  }
  FileError("missing_column", "The file has no column for " + names + ".", "文件缺少“" + headers + "”列。",
            1);
}

std::string ImportTemplate(const std::string& sheet_name, const std::vector<ImportColumn>& columns,
                           const std::vector<std::vector<std::string>>& examples,
                           const std::vector<std::string>& notes) {
  tabular::Sheet data{sheet_name, {}, examples, {}};
  tabular::Sheet help{"填写说明", {"列名", "也可写作", "是否必填", "说明"}, {}, {}};
  for (const auto& column : columns) {
    if (column.in_template) data.header.emplace_back(column.headers.front());
    std::string aliases;
    for (std::size_t i = 1; i < column.headers.size(); ++i)
      aliases += (aliases.empty() ? "" : "、") + std::string(column.headers[i]);
    help.rows.push_back({std::string(column.headers.front()), aliases, column.required ? "是" : "否",
                         std::string(column.note)});
  }
  for (const auto& note : notes) help.rows.push_back({"", "", "", note});
  help.rows.push_back({"", "", "", "整份文件先逐行校验，任一行有错则全部不导入，并按行号和列名列出错误。"});
  return tabular::WriteXlsx({data, help});
}

std::string NormaliseImportDate(const std::string& text) {
  // Year, month and day as digits split by - / or . — anything else is left for the date check.
  std::vector<std::string> parts(1);
  for (char ch : text) {
    if (ch == '-' || ch == '/' || ch == '.') {
      parts.emplace_back();
    } else if (ch >= '0' && ch <= '9') {
      parts.back() += ch;
    } else {
      return text;
    }
  }
  if (parts.size() != 3 || parts[0].size() != 4 || parts[1].empty() || parts[1].size() > 2 ||
      parts[2].empty() || parts[2].size() > 2) {
    return text;
  }
  const auto two = [](const std::string& part) { return part.size() == 1 ? "0" + part : part; };
  return parts[0] + "-" + two(parts[1]) + "-" + two(parts[2]);
}

}  // namespace shequ::registry
