// Reads the first worksheet of an .xlsx upload into a Table, defending against zip bombs.
#pragma once

#include <string_view>

#include "tabular/table.hpp"

namespace shequ::tabular {

// Reads the first sheet in tab order. Cell text: shared and inline strings (rich-text runs joined),
// formula results, booleans as "TRUE"/"FALSE", numbers in shortest form without exponent for whole
// numbers (13800138000 stays "13800138000"), numbers with a date format as YYYY-MM-DD.
// Throws TableError when the bytes are not an .xlsx workbook (not a zip, a required part missing or
// malformed) or when a limit is exceeded; uncompressed sizes are checked before and while reading.
Table ReadXlsx(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace shequ::tabular
