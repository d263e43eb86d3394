#include "core/db/sqlite_database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace shequ::db {
namespace {

DatabaseError ErrorFrom(sqlite3* handle, int code) {
  const std::string message = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
  switch (sqlite3_extended_errcode(handle)) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DatabaseError(DatabaseError::Kind::kUniqueViolation, message);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DatabaseError(DatabaseError::Kind::kForeignKeyViolation, message);
    default:
      break;
  }
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return DatabaseError(DatabaseError::Kind::kBusy, message);
  }
  return DatabaseError(DatabaseError::Kind::kOther, message);
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
    if (rc != SQLITE_OK) {
      DatabaseError error(DatabaseError::Kind::kConnection,
                          "cannot open " + path + ": " + (handle_ ? sqlite3_errmsg(handle_) : ""));
      sqlite3_close_v2(handle_);
      throw error;
    }
    sqlite3_busy_timeout(handle_, 10000);
    // Reads through a shared memory map instead of each connection's own page cache filled by
    // pread: a pool of connections then shares one copy of the hot pages (the OS's).
    ExecuteScript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=1073741824;");
  }

  ~SqliteConnection() override {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close_v2(handle_);
  }

  Backend backend() const override { return Backend::kSqlite; }

  Result Execute(std::string_view sql, std::span<const Value> params) override {
    sqlite3_stmt* statement = Prepare(sql);
    // Reset on every exit path so the statement never holds a read snapshot open.
    struct Resetter {
      sqlite3_stmt* s;
      ~Resetter() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } resetter{statement};
    for (std::size_t i = 0; i < params.size(); ++i) Bind(statement, static_cast<int>(i + 1), params[i]);

    Result result;
    const int columns = sqlite3_column_count(statement);
    while (true) {
      const int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw ErrorFrom(handle_, rc);
      std::vector<Value> row;
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) row.push_back(ReadColumn(statement, c));
      result.rows.push_back(std::move(row));
    }
    result.affected_rows = sqlite3_changes64(handle_);
    return result;
  }

  std::int64_t ExecuteInsert(std::string_view sql, std::span<const Value> params) override {
    Execute(sql, params);
    return sqlite3_last_insert_rowid(handle_);
  }

  void ExecuteScript(std::string_view sql) override {
    char* message = nullptr;
    const int rc = sqlite3_exec(handle_, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message != nullptr ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      DatabaseError error = ErrorFrom(handle_, rc);
      throw DatabaseError(error.kind(), text);
    }
  }

  // Through Execute, so these are prepared once per connection rather than parsed per request.
  void Begin(TxMode mode) override { Execute(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN", {}); }
  void Commit() override { Execute("COMMIT", {}); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(handle_)) sqlite3_exec(handle_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3_stmt* Prepare(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    const std::string translated = TranslatePlaceholdersForSqlite(sql);
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(handle_, translated.c_str(), static_cast<int>(translated.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) throw ErrorFrom(handle_, rc);
    statements_.emplace(std::string(sql), statement);
    return statement;
  }

  void Bind(sqlite3_stmt* statement, int index, const Value& value) {
    int rc = SQLITE_OK;
    if (const auto* v = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(statement, index, *v);
    } else if (const auto* v = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(statement, index, *v);
    } else if (const auto* v = std::get_if<std::string>(&value)) {
      rc = sqlite3_bind_text64(statement, index, v->data(), v->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) throw ErrorFrom(handle_, rc);
  }

  static Value ReadColumn(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
      case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
      case SQLITE_NULL:
        return std::monostate{};
      default: {
        const auto* text = static_cast<const char*>(sqlite3_column_blob(statement, column));
        return std::string(text != nullptr ? text : "", sqlite3_column_bytes(statement, column));
      }
    }
  }

  sqlite3* handle_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> statements_;
};

}  // namespace

std::string TranslatePlaceholdersForSqlite(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('?');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

SqliteDatabase::SqliteDatabase(std::string path, std::size_t pool_size)
    : Database(pool_size), path_(std::move(path)) {
  // Memory statistics take a process-wide mutex on every allocation, which serialises the worker
  // threads; nothing reads them. Must precede sqlite3_initialize, hence once and first.
  static std::once_flag configured;
  std::call_once(configured, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_initialize();
  });
  const auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  Acquire();  // opens the file now, so a bad path fails at start-up rather than on first request
}

std::unique_ptr<Connection> SqliteDatabase::Connect() { return std::make_unique<SqliteConnection>(path_); }

}  // namespace shequ::db
