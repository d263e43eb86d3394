// The in-memory shape of an imported spreadsheet (header plus data rows) shared by the CSV and
// .xlsx readers, the limits that keep hostile uploads from exhausting memory, and the error both
// readers throw for files they cannot read.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace shequ::tabular {

struct TableRow {
  // 1-based row number as the user sees it: for CSV the physical line where the record starts,
  // for .xlsx the sheet's row number. Lets import errors point at the row to fix.
  int line = 0;
  std::vector<std::string> cells;
};

// Cells are UTF-8, trimmed of surrounding ASCII whitespace. `header` is the first non-empty row;
// `rows` are the following non-empty rows (rows whose cells are all blank are skipped). Rows shorter
// than the header are padded with "" to its width; longer rows keep their extra cells. Trailing blank
// cells beyond the header's width are dropped, and trailing blank header cells too.
struct Table {
  std::vector<std::string> header;
  std::vector<TableRow> rows;
};

// Upper bounds for one import; exceeding any of them is a TableError, not a truncated table.
struct ReadLimits {
  // .xlsx: total uncompressed size of the parts read (the zip-bomb guard). CSV: size of the file.
  std::size_t max_uncompressed_bytes = std::size_t{256} * 1024 * 1024;
  std::size_t max_rows = 2'000'000;  // data rows, not counting the header
  std::size_t max_columns = 200;     // a non-blank cell further right is an error
};

// A file that cannot be read as a table. `line` is the 1-based row the problem is on, 0 when it is
// not about one row (not a zip, missing part, file too large). what() is English and starts with
// "line N: " when line > 0.
class TableError : public std::runtime_error {
 public:
  TableError(int line, const std::string& message);

  int line = 0;
};

}  // namespace shequ::tabular
