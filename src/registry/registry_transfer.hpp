// Spreadsheets in and out of the registry. An import reads .xlsx or .csv, maps its columns by
// their (Chinese) headers, checks every row first — ID check characters, addresses, key groups,
// duplicates in the file and against the registry — and writes all rows in one transaction or,
// on any fault, nothing, reporting each fault by row and column. Exports apply the masks of lists.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/person.hpp"
#include "registry/registry_context.hpp"

namespace shequ::registry {

struct ImportOptions {
  std::string format;                          // csv or xlsx; empty: told by the file's first bytes
  std::map<std::string, std::string> mapping;  // a header → a field name, or "ignore"
  bool dry_run = false;                        // check only
};

struct ImportReport {
  std::int64_t rows = 0;
  std::int64_t imported = 0;
  std::int64_t group_memberships = 0;
  bool dry_run = false;
  std::map<std::string, std::string> columns;  // header → field it was read as
  std::vector<std::string> ignored_columns;
};

struct ExportFile {
  std::string bytes;
  std::string content_type;
  std::string filename;
  std::int64_t rows = 0;
};

// A column of an import: the field and the headers it is recognised by.
struct ImportColumn {
  std::string_view field;
  std::vector<std::string_view> headers;  // the first is the template's
  bool required = false;
  std::string_view note;  // for the template's instructions
};
const std::vector<ImportColumn>& PersonImportColumns();

class RegistryTransfer {
 public:
  explicit RegistryTransfer(const RegistryContext& context) : context_(context) {}

  ImportReport ImportPeople(const auth::Principal& actor, std::string_view bytes,
                            const ImportOptions& options);
  // An .xlsx with the import's headers, an example row and a sheet explaining each column.
  std::string PeopleTemplate() const;
  ExportFile ExportPeople(const auth::Principal& actor, const class PersonService& people,
                          const PersonQuery& query, std::string_view format) const;

 private:
  const RegistryContext& context_;
};

// The bytes of a response for a list export: .xlsx by default, CSV on request.
ExportFile MakeExportFile(std::string_view format, std::string_view basename, const std::string& sheet_name,
                          const std::vector<std::string>& header,
                          const std::vector<std::vector<std::string>>& rows);

}  // namespace shequ::registry
