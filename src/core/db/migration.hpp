#pragma once

#include <span>
#include <string_view>

namespace shequ::db {

// One file of a module's migrations/ folder, embedded at build time.
// Names are NNNN_verb_noun.sql (both backends) or NNNN_verb_noun.sqlite.sql / .postgres.sql.
struct MigrationFile {
  std::string_view name;
  std::string_view sql;
};

struct ModuleMigrations {
  std::string_view module;
  std::span<const MigrationFile> files;
};

}  // namespace shequ::db
