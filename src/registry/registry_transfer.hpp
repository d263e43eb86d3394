// Spreadsheets in and out of the registry: people, households, housing and vehicles come in; all
// five ledgers go out. An import reads .xlsx or .csv, maps its columns by their (Chinese) headers,
// checks every row first — ID check characters, addresses, vocabularies, people it names,
// duplicates in the file and against the registry — and writes all rows in one transaction or,
// on any fault, nothing, reporting each fault by row and column. Exports apply the masks of lists.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/principal.hpp"
#include "registry/household.hpp"
#include "registry/housing.hpp"
#include "registry/org_unit.hpp"
#include "registry/person.hpp"
#include "registry/registry_context.hpp"
#include "registry/vehicle.hpp"

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
  std::int64_t members = 0;  // households: the memberships written, heads included
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
  std::string_view note;    // for the template's instructions
  bool in_template = true;  // a column of the template's data sheet, not only of its instructions
};
const std::vector<ImportColumn>& PersonImportColumns();
// Households come one row per household (户主公民身份号码) or one row per member (户号 +
// 成员公民身份号码 + 与户主关系, the rows of one 户号 forming one household).
const std::vector<ImportColumn>& HouseholdImportColumns();
const std::vector<ImportColumn>& HousingImportColumns();
const std::vector<ImportColumn>& VehicleImportColumns();

class RegistryTransfer {
 public:
  explicit RegistryTransfer(const RegistryContext& context) : context_(context) {}

  ImportReport ImportPeople(const auth::Principal& actor, std::string_view bytes,
                            const ImportOptions& options);
  // An .xlsx with the import's headers, an example row and a sheet explaining each column.
  std::string PeopleTemplate() const;
  ExportFile ExportPeople(const auth::Principal& actor, const class PersonService& people,
                          const PersonQuery& query, std::string_view format) const;

  ImportReport ImportHouseholds(const auth::Principal& actor, std::string_view bytes,
                                const ImportOptions& options);
  ImportReport ImportHousing(const auth::Principal& actor, std::string_view bytes,
                             const ImportOptions& options);
  ImportReport ImportVehicles(const auth::Principal& actor, std::string_view bytes,
                              const ImportOptions& options);
  std::string HouseholdsTemplate() const;
  std::string HousingTemplate() const;
  std::string VehiclesTemplate() const;
  // Every match of a list's filters, masked (heads' ID numbers, units' contact phones), audited.
  ExportFile ExportHouseholds(const auth::Principal& actor, const class HouseholdService& households,
                              const HouseholdQuery& query, std::string_view format) const;
  ExportFile ExportHousing(const auth::Principal& actor, const class HousingService& housing,
                           const HousingQuery& query, std::string_view format) const;
  ExportFile ExportVehicles(const auth::Principal& actor, const class VehicleService& vehicles,
                            const VehicleQuery& query, std::string_view format) const;
  ExportFile ExportUnits(const auth::Principal& actor, const class OrgUnitService& units,
                         const OrgUnitQuery& query, std::string_view format) const;

 private:
  const RegistryContext& context_;
};

// The bytes of a response for a list export: .xlsx by default, CSV on request.
ExportFile MakeExportFile(std::string_view format, std::string_view basename, const std::string& sheet_name,
                          const std::vector<std::string>& header,
                          const std::vector<std::vector<std::string>>& rows);
// Refuses a format other than xlsx or csv (400, naming the parameter).
void CheckExportFormat(std::string_view format);

}  // namespace shequ::registry
