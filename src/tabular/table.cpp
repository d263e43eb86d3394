#include "tabular/table.hpp"

#include <string_view>
#include <utility>

#include "tabular/table_builder.hpp"

namespace shequ::tabular {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsAsciiWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string WithLine(int line, const std::string& message) {
  return line > 0 ? "line " + std::to_string(line) + ": " + message : message;
}

}  // namespace

TableError::TableError(int line, const std::string& message)
    : std::runtime_error(WithLine(line, message)), line(line) {}

std::string_view TrimAsciiWhitespace(std::string_view text) {
  while (!text.empty() && IsAsciiWhitespace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiWhitespace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsBlank(std::string_view text) { return TrimAsciiWhitespace(text).empty(); }

void TableBuilder::AddRow(int line, std::vector<std::string> cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string_view cell = cells[i];
    // Excel and Notepad put a BOM in front of the first header cell; it must not become part of
    // the column's name.
    if (i == 0 && !has_header_ && TrimAsciiWhitespace(cell).starts_with(kUtf8Bom)) {
      cell = TrimAsciiWhitespace(cell).substr(kUtf8Bom.size());
    }
    cell = TrimAsciiWhitespace(cell);
    if (cell.size() != cells[i].size()) cells[i] = std::string(cell);
  }
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  if (cells.empty()) return;
  if (cells.size() > limits_.max_columns) {
    throw TableError(line, "row has data in column " + std::to_string(cells.size()) + "; at most " +
                               std::to_string(limits_.max_columns) + " columns can be imported");
  }
  if (!has_header_) {
    has_header_ = true;
    table_.header = std::move(cells);
    return;
  }
  if (table_.rows.size() >= limits_.max_rows) {
    throw TableError(line, "the file has more than " + std::to_string(limits_.max_rows) +
                               " data rows, the most that can be imported at once");
  }
  if (cells.size() < table_.header.size()) cells.resize(table_.header.size());
  table_.rows.push_back(TableRow{line, std::move(cells)});
}

}  // namespace shequ::tabular
