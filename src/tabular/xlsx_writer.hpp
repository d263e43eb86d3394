// Export writers: lists as .xlsx workbooks (every cell text, so ID and phone numbers survive) and,
// for tools that want it, as CSV that Excel opens correctly.
#pragma once

#include <string>
#include <vector>

namespace shequ::tabular {

struct Sheet {
  std::string name;  // cleaned up for Excel: []:*?/\ removed, at most 31 characters, made unique
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> column_widths;  // optional, in Excel character units; missing ones are estimated
};

// Returns the .xlsx file's bytes. The header row is bold on a light fill, frozen and filterable.
// Every cell is a string cell in a text ("@") column, so Excel never turns 11010519491231002X or
// 13800138000 into a number. Rows are streamed to a temporary file (in $TMPDIR, else /tmp), so a
// million-row export does not hold the workbook's cells in memory twice.
// Throws std::invalid_argument for data Excel cannot hold (more than 1,048,575 rows, 16,384 columns
// or a cell longer than 32,767 characters) and std::runtime_error when the file cannot be written.
std::string WriteXlsx(const std::vector<Sheet>& sheets);

// UTF-8 with a BOM (so Excel does not read it as GB18030), CRLF line ends, fields quoted when they
// hold a comma, quote or line break. Cells starting with = + - @ (or tab / carriage return) get a
// leading ' so a spreadsheet does not run them as formulas (CSV injection).
std::string WriteCsv(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows);

}  // namespace shequ::tabular
