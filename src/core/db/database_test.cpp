#include "core/db/database.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/db/migrator.hpp"
#include "core/db/sqlite_database.hpp"
#include "support/test_database.hpp"

namespace shequ::db {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = Database::Open(testing::FreshDatabaseUrl(), 4);
    auto c = database_->Acquire();
    c->ExecuteScript(ExpandForBackend(
        "CREATE TABLE items (id {{id_pk}}, name TEXT NOT NULL UNIQUE, weight DOUBLE PRECISION, note TEXT,"
        " count BIGINT)",
        database_->backend()));
  }
  std::int64_t Count() {
    return database_->Read([](Connection& c) { return c.Run("SELECT COUNT(*) FROM items")[0].Int(0); });
  }
  std::unique_ptr<Database> database_;
};

TEST_F(DatabaseTest, RoundTripsEveryValueType) {
  const auto id = database_->Write([](Connection& c) {
    return c
        .Run("INSERT INTO items (name, weight, note, count) VALUES ($1, $2, $3, $4) RETURNING id",
             "社区 '$1'", 2.5, std::nullopt, std::int64_t{9'000'000'000})[0]
        .Int(0);
  });
  auto rows = database_->Read(
      [&](Connection& c) { return c.Run("SELECT name, weight, note, count FROM items WHERE id = $1", id); });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "社区 '$1'") << "placeholders inside values are left alone";
  EXPECT_DOUBLE_EQ(rows[0].Double(1), 2.5);
  EXPECT_TRUE(rows[0].IsNull(2));
  EXPECT_EQ(rows[0].Int(3), 9'000'000'000);
}

TEST_F(DatabaseTest, InsertGivesEachNewRowsOwnId) {
  const auto ids = database_->Write([](Connection& c) {
    const auto first = c.Insert("INSERT INTO items (name, count) VALUES ($1, $2)", "first", std::int64_t{1});
    const auto second =
        c.Insert("INSERT INTO items (name, count) VALUES ($1, $2)", "second", std::int64_t{2});
    return std::pair{first, second};
  });
  EXPECT_NE(ids.first, ids.second);
  const auto name_of = [&](std::int64_t id) {
    return database_->Read(
        [&](Connection& c) { return c.Run("SELECT name FROM items WHERE id = $1", id)[0].Text(0); });
  };
  EXPECT_EQ(name_of(ids.first), "first");
  EXPECT_EQ(name_of(ids.second), "second");
}

TEST_F(DatabaseTest, ReusesAParameterNumberedTwice) {
  database_->Write([](Connection& c) { c.Run("INSERT INTO items (name, note) VALUES ($1, $1)", "same"); });
  auto rows =
      database_->Read([](Connection& c) { return c.Run("SELECT note FROM items WHERE name = $1", "same"); });
  EXPECT_EQ(rows[0].Text(0), "same");
}

TEST_F(DatabaseTest, AFailedTransactionWritesNothing) {
  EXPECT_THROW(database_->Write([](Connection& c) {
    c.Run("INSERT INTO items (name) VALUES ($1)", "first");
    throw std::runtime_error("the request failed half-way");
  }),
               std::runtime_error);
  EXPECT_EQ(Count(), 0);
}

TEST_F(DatabaseTest, ReportsUniqueViolationsByKind) {
  database_->Write([](Connection& c) { c.Run("INSERT INTO items (name) VALUES ($1)", "x"); });
  try {
    database_->Write([](Connection& c) { c.Run("INSERT INTO items (name) VALUES ($1)", "x"); });
    FAIL();
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.kind(), DatabaseError::Kind::kUniqueViolation);
  }
  EXPECT_EQ(Count(), 1);
  // The connection that saw the error is still usable.
  database_->Write([](Connection& c) { c.Run("INSERT INTO items (name) VALUES ($1)", "y"); });
  EXPECT_EQ(Count(), 2);
}

TEST_F(DatabaseTest, CountsAffectedRows) {
  database_->Write([](Connection& c) {
    c.Run("INSERT INTO items (name, count) VALUES ('a', 1), ('b', 1), ('c', 2)");
    EXPECT_EQ(c.Run("UPDATE items SET note = 'n' WHERE count = $1", 1).affected_rows, 2);
  });
}

TEST_F(DatabaseTest, ConcurrentWritersAllCommit) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < 25; ++i) {
        database_->Write([&](Connection& c) {
          c.Run("INSERT INTO items (name) VALUES ($1)", std::to_string(t) + "-" + std::to_string(i));
        });
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(Count(), 100);
}

TEST(DatabaseUrl, RejectsUnknownSchemes) {
  EXPECT_THROW(Database::Open("mysql://localhost/x"), std::invalid_argument);
}

TEST(DatabasePlaceholders, TranslatesOnlyOutsideQuotes) {
  EXPECT_EQ(TranslatePlaceholdersForSqlite("SELECT $1, '$2', \"$3\" WHERE a = $10"),
            "SELECT ?1, '$2', \"$3\" WHERE a = ?10");
}

}  // namespace
}  // namespace shequ::db
