// What every registry import shares: reading the upload into a table, recognising its columns by
// their headers (or a mapping), collecting faults by line and column to report them all at once,
// and the .xlsx template of a column list. Internal to the registry's imports.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/registry_transfer.hpp"
#include "tabular/table.hpp"

namespace shequ::registry {

// A fault of one cell of an import.
struct RowError {
  int line = 0;
  std::string column;  // the header as the file has it
  std::string field;
  std::string code;
  std::string message;
  std::string message_zh;
};

// The faults of a whole file: all are counted, the first thousand reported, in one 422.
class ImportErrors {
 public:
  void Add(RowError error);
  bool empty() const { return count_ == 0; }
  [[noreturn]] void Throw() const;

 private:
  std::size_t count_ = 0;
  std::vector<RowError> errors_;
};

// A fault of the file as a whole (unreadable, a column missing): 422 naming "file".
[[noreturn]] void FileError(std::string_view problem, const std::string& en, const std::string& zh,
                            int line = 0);

// The upload as a table: .xlsx or CSV as `format` says, or as its first bytes tell.
tabular::Table ReadImportTable(std::string_view bytes, const std::string& format);

// The columns of a file matched to fields. Fills the report's columns and ignored columns;
// refuses an unknown field in the mapping and two columns of one field.
class ImportTable {
 public:
  ImportTable(const tabular::Table& table, const std::vector<ImportColumn>& columns,
              const ImportOptions& options, ImportReport& report);

  bool Has(std::string_view field) const { return column_of_.contains(std::string(field)); }
  // The trimmed cell of `field` in `row`; nullopt when the file has no such column.
  std::optional<std::string> Cell(const tabular::TableRow& row, std::string_view field) const;
  // The header of `field` for reports, or the field's name when the file lacks it.
  std::string HeaderOf(std::string_view field) const;
  // A "missing_column" file fault unless one of `fields` is a column; `headers` names them.
  void Require(std::initializer_list<std::string_view> fields, const std::string& headers) const;

  const tabular::Table& table() const { return table_; }

 private:
  const tabular::Table& table_;
  std::map<std::string, std::size_t> column_of_;  // field → column index
};

// An .xlsx with the columns' first headers, example rows and a sheet explaining each column
// (`notes` are added below the columns' explanations).
std::string ImportTemplate(const std::string& sheet_name, const std::vector<ImportColumn>& columns,
                           const std::vector<std::vector<std::string>>& examples,
                           const std::vector<std::string>& notes);

// A date as spreadsheets hold it (2026-1-5, 2026/01/05, 2026.1.5) as YYYY-MM-DD; other text as it is.
std::string NormaliseImportDate(const std::string& text);

}  // namespace shequ::registry
