// Internal to src/tabular: turns the raw rows a reader finds into a Table, applying the rules both
// readers share (trimming, BOM, blank rows, padding) and the row/column limits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tabular/table.hpp"

namespace shequ::tabular {

// True when `text` is empty or only ASCII whitespace: such cells count as empty.
bool IsBlank(std::string_view text);
std::string_view TrimAsciiWhitespace(std::string_view text);

class TableBuilder {
 public:
  explicit TableBuilder(const ReadLimits& limits) : limits_(limits) {}

  // Takes one row as it appears in the file, cells untrimmed; blank rows are ignored. Throws
  // TableError when the row has data beyond max_columns or is one data row too many.
  void AddRow(int line, std::vector<std::string> cells);
  Table Finish() && { return std::move(table_); }

 private:
  ReadLimits limits_;
  bool has_header_ = false;
  Table table_;
};

}  // namespace shequ::tabular
