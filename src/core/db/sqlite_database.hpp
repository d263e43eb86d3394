#pragma once

#include <string>

#include "core/db/database.hpp"

namespace shequ::db {

// SQLite in WAL mode: readers never block the writer, and with synchronous=FULL a commit is on
// disk before the request that made it is acknowledged. Write transactions start IMMEDIATE so
// two writers queue on the busy timeout instead of failing on lock upgrade.
class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, std::size_t pool_size);
  Backend backend() const override { return Backend::kSqlite; }
  const std::string& path() const { return path_; }

 protected:
  std::unique_ptr<Connection> Connect() override;

 private:
  std::string path_;
};

// `$1` → `?1`: the schema and queries are written once for both backends.
std::string TranslatePlaceholdersForSqlite(std::string_view sql);

}  // namespace shequ::db
