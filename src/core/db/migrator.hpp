// Applies each module's numbered migrations in order and records them in schema_migrations.
//
// Invariants:
//  1. A migration and its record commit in one transaction: a crash leaves it applied and
//     recorded, or neither.
//  2. An applied migration is never edited: its checksum is recorded and a changed file stops
//     start-up rather than leaving the schema and the code out of step.
//  3. Running again applies nothing new (idempotent); two processes migrating at once serialise
//     on the write transaction (SQLite) or an advisory lock (PostgreSQL).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/db/migration.hpp"

namespace shequ::db {

struct AppliedMigration {
  std::string module;
  int version;
  std::string name;
};

class Migrator {
 public:
  explicit Migrator(Database& database) : database_(database) {}

  // Returns the migrations applied by this call (empty when the schema was current).
  std::vector<AppliedMigration> Apply(std::span<const ModuleMigrations> modules);

  std::vector<AppliedMigration> Applied();

 private:
  Database& database_;
};

// Expands the few type placeholders that differ between backends ({{id_pk}}, {{bytes}}, {{code}}).
std::string ExpandForBackend(std::string_view sql, Backend backend);

}  // namespace shequ::db
