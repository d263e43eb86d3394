// Storage interface shared by the SQLite and PostgreSQL backends. Modules speak SQL in the subset
// both accept, with numbered parameters ($1, $2 ...); each backend adapts what it must.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace shequ::db {

enum class Backend { kSqlite, kPostgres };
std::string_view BackendName(Backend backend);

// Lets statement caches keyed by SQL text be searched with a string_view, without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline Value ToValue(std::nullopt_t) { return std::monostate{}; }
inline Value ToValue(std::int64_t v) { return v; }
inline Value ToValue(int v) { return static_cast<std::int64_t>(v); }
inline Value ToValue(bool v) { return static_cast<std::int64_t>(v ? 1 : 0); }
inline Value ToValue(double v) { return v; }
inline Value ToValue(std::string v) { return v; }
inline Value ToValue(std::string_view v) { return std::string(v); }
inline Value ToValue(const char* v) { return std::string(v); }
template <typename T>
Value ToValue(const std::optional<T>& v) {
  return v ? ToValue(*v) : Value{};
}

class Row {
 public:
  explicit Row(const std::vector<Value>* cells) : cells_(cells) {}
  explicit Row(std::vector<Value>* cells) : cells_(cells), mutable_cells_(cells) {}
  bool IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>((*cells_)[i]); }
  std::int64_t Int(std::size_t i) const;
  double Double(std::size_t i) const;
  std::string Text(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  // Moves a text cell out instead of copying it; the cell is left empty. For readers that turn
  // each row into a model once.
  std::string TakeText(std::size_t i) const;

 private:
  const std::vector<Value>* cells_;
  std::vector<Value>* mutable_cells_ = nullptr;
};

struct Result {
  std::vector<std::vector<Value>> rows;
  std::int64_t affected_rows = 0;

  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  Row operator[](std::size_t i) const { return Row(&rows[i]); }
  Row operator[](std::size_t i) { return Row(&rows[i]); }
};

class DatabaseError : public std::runtime_error {
 public:
  enum class Kind { kUniqueViolation, kForeignKeyViolation, kBusy, kConnection, kOther };
  DatabaseError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

enum class TxMode { kRead, kWrite };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  virtual Result Execute(std::string_view sql, std::span<const Value> params) = 0;
  // Runs an INSERT (without RETURNING) into a table keyed by `id` and gives the new row's id.
  // SQLite reads it off the connection, which costs far less than its RETURNING clause.
  virtual std::int64_t ExecuteInsert(std::string_view sql, std::span<const Value> params);
  // Runs several statements without parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;
  virtual void Begin(TxMode mode) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool Healthy() const { return true; }

  template <typename... Args>
  std::int64_t Insert(std::string_view sql, Args&&... args) {
    const Value params[] = {ToValue(std::forward<Args>(args))...};
    return ExecuteInsert(sql, params);
  }

  template <typename... Args>
  Result Run(std::string_view sql, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      return Execute(sql, {});
    } else {
      const Value params[] = {ToValue(std::forward<Args>(args))...};
      return Execute(sql, params);
    }
  }
};

class Database;

// A connection borrowed from the pool; returned when it goes out of scope.
class PooledConnection {
 public:
  PooledConnection(Database* owner, std::unique_ptr<Connection> connection)
      : owner_(owner), connection_(std::move(connection)) {}
  PooledConnection(PooledConnection&&) = default;
  PooledConnection& operator=(PooledConnection&&) = default;
  ~PooledConnection();
  Connection& operator*() { return *connection_; }
  Connection* operator->() { return connection_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> connection_;
};

class Database {
 public:
  // sqlite://PATH (relative or absolute) or postgresql://... (libpq URI).
  static std::unique_ptr<Database> Open(const std::string& url, std::size_t pool_size = 8);

  virtual ~Database() = default;
  virtual Backend backend() const = 0;

  PooledConnection Acquire();
  // Throws when the database does not answer a trivial statement.
  void Ping();

  // Runs `fn` in a transaction that commits when it returns and rolls back when it throws, so a
  // failed request never leaves a partial write.
  template <typename Fn>
  auto InTransaction(TxMode mode, Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
    auto connection = Acquire();
    connection->Begin(mode);
    try {
      if constexpr (std::is_void_v<decltype(fn(*connection))>) {
        fn(*connection);
        connection->Commit();
      } else {
        auto result = fn(*connection);
        connection->Commit();
        return result;
      }
    } catch (...) {
      connection->Rollback();
      throw;
    }
  }
  template <typename Fn>
  auto Write(Fn&& fn) {
    return InTransaction(TxMode::kWrite, std::forward<Fn>(fn));
  }
  template <typename Fn>
  auto Read(Fn&& fn) {
    return InTransaction(TxMode::kRead, std::forward<Fn>(fn));
  }
  // For a single statement, which is atomic and consistent on its own: skips BEGIN/COMMIT.
  template <typename Fn>
  auto Once(Fn&& fn) {
    auto connection = Acquire();
    return fn(*connection);
  }

 protected:
  explicit Database(std::size_t pool_size) : pool_size_(pool_size) {}
  virtual std::unique_ptr<Connection> Connect() = 0;

 private:
  friend class PooledConnection;
  void Release(std::unique_ptr<Connection> connection);

  std::size_t pool_size_;
  std::size_t open_count_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace shequ::db
