#include "core/db/postgres_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <unordered_map>

namespace shequ::db {
namespace {

// Type OIDs from pg_type.h; everything else is read as text.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

void IgnoreNotice(void*, const char*) {}

class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  ~PgResult() { PQclear(result_); }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PGresult* get() const { return result_; }

 private:
  PGresult* result_;
};

DatabaseError ErrorFrom(PGconn* connection, const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  const std::string_view sqlstate = state != nullptr ? state : "";
  if (sqlstate == "23505") return DatabaseError(DatabaseError::Kind::kUniqueViolation, message);
  if (sqlstate == "23503") return DatabaseError(DatabaseError::Kind::kForeignKeyViolation, message);
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03") {
    return DatabaseError(DatabaseError::Kind::kBusy, message);
  }
  if (PQstatus(connection) != CONNECTION_OK) return DatabaseError(DatabaseError::Kind::kConnection, message);
  return DatabaseError(DatabaseError::Kind::kOther, message);
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) : handle_(PQconnectdb(url.c_str())) {
    if (PQstatus(handle_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(handle_);
      PQfinish(handle_);
      throw DatabaseError(DatabaseError::Kind::kConnection, "cannot connect to PostgreSQL: " + message);
    }
    PQsetNoticeProcessor(handle_, IgnoreNotice, nullptr);
  }
  ~PostgresConnection() override { PQfinish(handle_); }

  Backend backend() const override { return Backend::kPostgres; }
  bool Healthy() const override { return PQstatus(handle_) == CONNECTION_OK; }

  Result Execute(std::string_view sql, std::span<const Value> params) override {
    const std::string& name = Prepare(sql, static_cast<int>(params.size()));
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* v = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*v);
      } else if (const auto* v = std::get_if<double>(&params[i])) {
        char buffer[64];
        auto end = std::to_chars(buffer, buffer + sizeof buffer, *v).ptr;
        texts[i].assign(buffer, end);
      } else if (const auto* v = std::get_if<std::string>(&params[i])) {
        texts[i] = *v;
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    PgResult result(PQexecPrepared(handle_, name.c_str(), static_cast<int>(params.size()), values.data(),
                                   nullptr, nullptr, 0));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw ErrorFrom(handle_, result.get());
    return Convert(result.get());
  }

  void ExecuteScript(std::string_view sql) override {
    PgResult result(PQexec(handle_, std::string(sql).c_str()));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw ErrorFrom(handle_, result.get());
  }

  void Begin(TxMode mode) override { ExecuteScript(mode == TxMode::kWrite ? "BEGIN" : "BEGIN READ ONLY"); }
  void Commit() override { ExecuteScript("COMMIT"); }
  void Rollback() override {
    if (PQtransactionStatus(handle_) != PQTRANS_IDLE) {
      PgResult ignored(PQexec(handle_, "ROLLBACK"));
    }
  }

 private:
  const std::string& Prepare(std::string_view sql, int param_count) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    std::string name = "s" + std::to_string(statements_.size() + 1);
    PgResult result(PQprepare(handle_, name.c_str(), std::string(sql).c_str(), param_count, nullptr));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) throw ErrorFrom(handle_, result.get());
    return statements_.emplace(std::string(sql), std::move(name)).first->second;
  }

  static Result Convert(PGresult* pg) {
    Result result;
    const int rows = PQntuples(pg);
    const int columns = PQnfields(pg);
    result.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> row;
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(pg, r, c)) {
          row.emplace_back(std::monostate{});
          continue;
        }
        const char* text = PQgetvalue(pg, r, c);
        switch (PQftype(pg, c)) {
          case kInt8Oid:
          case kInt4Oid:
          case kInt2Oid:
            row.emplace_back(static_cast<std::int64_t>(std::stoll(text)));
            break;
          case kFloat4Oid:
          case kFloat8Oid:
          case kNumericOid:
            row.emplace_back(std::stod(text));
            break;
          case kBoolOid:
            row.emplace_back(static_cast<std::int64_t>(text[0] == 't' ? 1 : 0));
            break;
          default:
            row.emplace_back(std::string(text, PQgetlength(pg, r, c)));
        }
      }
      result.rows.push_back(std::move(row));
    }
    const char* affected = PQcmdTuples(pg);
    result.affected_rows = (affected != nullptr && *affected != '\0') ? std::stoll(affected) : 0;
    return result;
  }

  PGconn* handle_;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> statements_;
};

}  // namespace

PostgresDatabase::PostgresDatabase(std::string url, std::size_t pool_size)
    : Database(pool_size), url_(std::move(url)) {
  Acquire();  // fail at start-up, not on the first request, when the server is unreachable
}

std::unique_ptr<Connection> PostgresDatabase::Connect() { return std::make_unique<PostgresConnection>(url_); }

}  // namespace shequ::db
