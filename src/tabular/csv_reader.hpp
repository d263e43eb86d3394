// Reads CSV uploads (what Excel, WPS and hand-made exports produce) into a Table.
#pragma once

#include <string_view>

#include "tabular/table.hpp"

namespace shequ::tabular {

// RFC 4180: quoted fields with "" escapes and embedded line breaks, CRLF, LF or CR line ends, comma
// separated; a header line without commas but with tabs or semicolons selects that separator.
// Encoding: valid UTF-8 is used as is (BOM stripped); a UTF-16 BOM (Excel's "Unicode text") is
// honoured; anything else is taken as GB18030, which Chinese Excel writes for "CSV".
// Throws TableError: undecodable bytes, an unterminated quote (naming the line the field started
// on), or a limit exceeded.
Table ReadCsv(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace shequ::tabular
