#pragma once

#include <string>

#include "core/db/database.hpp"

namespace shequ::db {

// PostgreSQL through libpq: a pool of connections, statements prepared once per connection.
class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, std::size_t pool_size);
  Backend backend() const override { return Backend::kPostgres; }

 protected:
  std::unique_ptr<Connection> Connect() override;

 private:
  std::string url_;
};

}  // namespace shequ::db
