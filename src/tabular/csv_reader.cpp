#include "tabular/csv_reader.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "tabular/table_builder.hpp"

namespace shequ::tabular {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// 1-based line of `offset`, counting LF, CRLF and a lone CR as one line break each, the same way
// the parser does.
int LineAt(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
  }
  return line;
}

// Offset of the first byte that is not part of well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF), or npos when all of `text` is UTF-8.
std::size_t FirstInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char min_second = 0x80;
    unsigned char max_second = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) min_second = 0xA0;  // overlong
      if (lead == 0xED) max_second = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) min_second = 0x90;  // overlong
      if (lead == 0xF4) max_second = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > size || bytes[i + 1] < min_second || bytes[i + 1] > max_second) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

class Iconv {
 public:
  explicit Iconv(const char* from_encoding) : handle_(iconv_open("UTF-8", from_encoding)) {
    if (handle_ ==
        reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr): iconv's failure value
      throw TableError(0, std::string("this system cannot decode ") + from_encoding + " text");
    }
  }
  ~Iconv() { iconv_close(handle_); }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;

  iconv_t get() const { return handle_; }

 private:
  iconv_t handle_;
};

std::string ConvertToUtf8(std::string_view bytes, const char* from_encoding) {
  Iconv converter(from_encoding);
  std::string out(bytes.size() * 2 + 16, '\0');
  // iconv's interface is not const-correct; it never writes through the input pointer.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  for (;;) {
    char* out_pointer = out.data() + used;
    std::size_t out_left = out.size() - used;
    const std::size_t result = in_left == 0
                                   ? iconv(converter.get(), nullptr, nullptr, &out_pointer, &out_left)
                                   : iconv(converter.get(), &in, &in_left, &out_pointer, &out_left);
    const int error = errno;
    used = static_cast<std::size_t>(out_pointer - out.data());
    if (result != static_cast<std::size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (error == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ or EINVAL (truncated sequence at the end): name the line in what was decoded so far.
    throw TableError(LineAt(std::string_view(out.data(), used), used),
                     std::string("the file is neither UTF-8 nor ") + from_encoding +
                         " text; save it as \"CSV UTF-8\" and upload it again");
  }
  out.resize(used);
  return out;
}

// Returns the file as UTF-8 without a BOM.
std::string DecodeToUtf8(std::string_view bytes) {
  if (bytes.starts_with(kUtf16LeBom)) return ConvertToUtf8(bytes.substr(kUtf16LeBom.size()), "UTF-16LE");
  if (bytes.starts_with(kUtf16BeBom)) return ConvertToUtf8(bytes.substr(kUtf16BeBom.size()), "UTF-16BE");
  const std::size_t invalid = FirstInvalidUtf8(bytes);
  if (bytes.starts_with(kUtf8Bom)) {
    // A BOM declares UTF-8, so guessing another encoding would only produce garbage.
    if (invalid != std::string_view::npos) {
      throw TableError(LineAt(bytes, invalid),
                       "the file is marked as UTF-8 but contains bytes that are not UTF-8");
    }
    return std::string(bytes.substr(kUtf8Bom.size()));
  }
  if (invalid == std::string_view::npos) return std::string(bytes);
  std::string converted = ConvertToUtf8(bytes, "GB18030");
  if (std::string_view(converted).starts_with(kUtf8Bom)) converted.erase(0, kUtf8Bom.size());
  return converted;
}

// The header line decides: commas win, then tabs, then semicolons (European Excel's "CSV").
char DetectDelimiter(std::string_view text) {
  std::size_t commas = 0;
  std::size_t tabs = 0;
  std::size_t semicolons = 0;
  bool in_quotes = false;
  bool line_has_content = false;
  for (const char c : text) {
    if (c == '"') {
      in_quotes = !in_quotes;
      line_has_content = true;
      continue;
    }
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') {
      if (line_has_content) break;  // blank lines before the header do not count
      continue;
    }
    if (c == ',') ++commas;
    if (c == '\t') ++tabs;
    if (c == ';') ++semicolons;
    if (c != ' ') line_has_content = true;
  }
  if (commas > 0) return ',';
  if (tabs > 0 && tabs >= semicolons) return '\t';
  if (semicolons > 0) return ';';
  return ',';
}

class CsvParser {
 public:
  CsvParser(std::string_view text, const ReadLimits& limits)
      : text_(text), delimiter_(DetectDelimiter(text)), limits_(limits), builder_(limits) {}

  Table Parse() && {
    while (position_ < text_.size()) ParseRecord();
    return std::move(builder_).Finish();
  }

 private:
  // Reads one record starting at position_, leaving position_ after its line break.
  void ParseRecord() {
    const int record_line = line_;
    std::vector<std::string> cells;
    for (;;) {
      std::string field = ParseField();
      AddField(cells, std::move(field), record_line);
      if (position_ >= text_.size()) break;
      const char c = text_[position_];
      if (c == delimiter_) {
        ++position_;
        continue;
      }
      SkipLineBreak();
      break;
    }
    builder_.AddRow(record_line, std::move(cells));
  }

  std::string ParseField() {
    std::string field;
    // Tolerate spaces before an opening quote (`a, "b"`), which hand-edited files often have.
    std::size_t start = position_;
    while (start < text_.size() && (text_[start] == ' ' || (text_[start] == '\t' && delimiter_ != '\t')))
      ++start;
    if (start < text_.size() && text_[start] == '"') {
      position_ = start + 1;
      ParseQuotedPart(field);
    }
    // Unquoted text, or text after a closing quote, which Excel keeps literally ("ab"c -> abc).
    const char stops[] = {delimiter_, '\r', '\n'};
    std::size_t end = text_.find_first_of(std::string_view(stops, sizeof stops), position_);
    if (end == std::string_view::npos) end = text_.size();
    field.append(text_.substr(position_, end - position_));
    position_ = end;
    return field;
  }

  void ParseQuotedPart(std::string& field) {
    const int start_line = line_;
    for (;;) {
      const std::size_t special = text_.find_first_of("\"\r\n", position_);
      if (special == std::string_view::npos) {
        throw TableError(start_line, "a quoted field starting on this line has no closing quote (\")");
      }
      field.append(text_.substr(position_, special - position_));
      position_ = special;
      const char c = text_[position_];
      if (c == '"') {
        if (position_ + 1 < text_.size() && text_[position_ + 1] == '"') {
          field.push_back('"');
          position_ += 2;
          continue;
        }
        ++position_;
        return;
      }
      // Line breaks inside a cell become "\n" whatever the file's line ends are.
      field.push_back('\n');
      SkipLineBreak();
    }
  }

  void SkipLineBreak() {
    if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') ++position_;
    ++position_;
    ++line_;
  }

  // Blank fields past the column limit are dropped rather than stored, so a line of a million
  // commas costs no memory; a non-blank one there is an error.
  void AddField(std::vector<std::string>& cells, std::string field, int record_line) const {
    if (cells.size() < limits_.max_columns) {
      cells.push_back(std::move(field));
      return;
    }
    if (!IsBlank(field)) {
      throw TableError(record_line, "row has data in a column beyond the first " +
                                        std::to_string(limits_.max_columns) + ", more than can be imported");
    }
  }

  std::string_view text_;
  char delimiter_;
  ReadLimits limits_;
  TableBuilder builder_;
  std::size_t position_ = 0;
  int line_ = 1;
};

}  // namespace

Table ReadCsv(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_uncompressed_bytes) {
    throw TableError(0, "the file is larger than " + std::to_string(limits.max_uncompressed_bytes) +
                            " bytes, the most that can be imported at once");
  }
  const std::string text = DecodeToUtf8(bytes);
  return CsvParser(text, limits).Parse();
}

}  // namespace shequ::tabular
