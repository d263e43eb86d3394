#include "core/db/database.hpp"

#include "core/db/postgres_database.hpp"
#include "core/db/sqlite_database.hpp"

namespace shequ::db {

std::int64_t Connection::ExecuteInsert(std::string_view sql, std::span<const Value> params) {
  std::string returning(sql);
  returning += " RETURNING id";
  return Execute(returning, params)[0].Int(0);
}

std::string_view BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgresql";
}

std::int64_t Row::Int(std::size_t i) const {
  const auto& cell = (*cells_)[i];
  if (const auto* v = std::get_if<std::int64_t>(&cell)) return *v;
  if (const auto* v = std::get_if<double>(&cell)) return static_cast<std::int64_t>(*v);
  if (const auto* v = std::get_if<std::string>(&cell)) return std::stoll(*v);
  throw DatabaseError(DatabaseError::Kind::kOther, "NULL where an integer was expected");
}

double Row::Double(std::size_t i) const {
  const auto& cell = (*cells_)[i];
  if (const auto* v = std::get_if<double>(&cell)) return *v;
  if (const auto* v = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*v);
  if (const auto* v = std::get_if<std::string>(&cell)) return std::stod(*v);
  throw DatabaseError(DatabaseError::Kind::kOther, "NULL where a number was expected");
}

std::string Row::Text(std::size_t i) const {
  const auto& cell = (*cells_)[i];
  if (const auto* v = std::get_if<std::string>(&cell)) return *v;
  if (const auto* v = std::get_if<std::int64_t>(&cell)) return std::to_string(*v);
  if (const auto* v = std::get_if<double>(&cell)) return std::to_string(*v);
  return {};
}

std::string Row::TakeText(std::size_t i) const {
  if (mutable_cells_ != nullptr) {
    if (auto* v = std::get_if<std::string>(&(*mutable_cells_)[i])) return std::move(*v);
  }
  return Text(i);
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

PooledConnection::~PooledConnection() {
  if (owner_ != nullptr && connection_) owner_->Release(std::move(connection_));
}

PooledConnection Database::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || open_count_ < pool_size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return PooledConnection(this, std::move(connection));
  }
  ++open_count_;
  lock.unlock();
  try {
    return PooledConnection(this, Connect());
  } catch (...) {
    lock.lock();
    --open_count_;
    available_.notify_one();
    throw;
  }
}

void Database::Ping() {
  auto connection = Acquire();
  connection->Run("SELECT 1");
}

void Database::Release(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->Healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_count_;  // a broken connection is dropped; the next Acquire opens a fresh one
  }
  available_.notify_one();
}

std::unique_ptr<Database> Database::Open(const std::string& url, std::size_t pool_size) {
  constexpr std::string_view kSqlite = "sqlite://";
  if (url.starts_with(kSqlite)) {
    return std::make_unique<SqliteDatabase>(url.substr(kSqlite.size()), pool_size);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return std::make_unique<PostgresDatabase>(url, pool_size);
  }
  throw std::invalid_argument("database URL must start with sqlite:// or postgresql://: " + url);
}

}  // namespace shequ::db
