#include "core/db/migrator.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace shequ::db {
namespace {

class MigratorTest : public ::testing::Test {
 protected:
  MigratorTest() : database_(Database::Open(testing::FreshDatabaseUrl(), 2)) {}
  bool TableExists(const std::string& table) {
    try {
      database_->Read([&](Connection& c) { c.Run("SELECT COUNT(*) FROM " + table); });
      return true;
    } catch (const DatabaseError&) {
      return false;
    }
  }
  std::unique_ptr<Database> database_;
};

constexpr MigrationFile kV1[] = {
    {"0001_create_things.sql", "CREATE TABLE things (id {{id_pk}}, name TEXT NOT NULL);"},
    {"0002_add_colour.sqlite.sql", "ALTER TABLE things ADD COLUMN colour TEXT DEFAULT 'sqlite';"},
    {"0002_add_colour.postgres.sql", "ALTER TABLE things ADD COLUMN colour TEXT DEFAULT 'postgres';"},
};

TEST_F(MigratorTest, AppliesInOrderOnceAndPicksTheBackendsFile) {
  const ModuleMigrations modules[] = {{"things", kV1}};
  Migrator migrator(*database_);
  const auto applied = migrator.Apply(modules);
  ASSERT_EQ(applied.size(), 2u);
  EXPECT_EQ(applied[0].name, "0001_create_things.sql");
  EXPECT_EQ(applied[1].name, "0002_add_colour.sql");
  EXPECT_TRUE(migrator.Apply(modules).empty()) << "a second run applies nothing";
  database_->Write([](Connection& c) { c.Run("INSERT INTO things (name) VALUES ('a')"); });
  const auto colour =
      database_->Read([](Connection& c) { return c.Run("SELECT colour FROM things")[0].Text(0); });
  EXPECT_EQ(colour, database_->backend() == Backend::kSqlite ? "sqlite" : "postgres");
  EXPECT_EQ(migrator.Applied().size(), 2u);
}

TEST_F(MigratorTest, RefusesAnAppliedMigrationThatWasEdited) {
  const ModuleMigrations v1[] = {{"things", std::span(kV1, 1)}};
  Migrator(*database_).Apply(v1);
  constexpr MigrationFile kEdited[] = {{"0001_create_things.sql", "CREATE TABLE things (id {{id_pk}});"}};
  const ModuleMigrations edited[] = {{"things", kEdited}};
  EXPECT_THROW(Migrator(*database_).Apply(edited), std::runtime_error);
}

TEST_F(MigratorTest, AFailingMigrationLeavesNoTraceAndStopsTheRun) {
  constexpr MigrationFile kBroken[] = {
      {"0001_create_good.sql", "CREATE TABLE good (id INTEGER);"},
      {"0002_half_done.sql", "CREATE TABLE half (id INTEGER); CREATE TABLE half (id INTEGER);"},
      {"0003_never.sql", "CREATE TABLE never (id INTEGER);"},
  };
  const ModuleMigrations modules[] = {{"broken", kBroken}};
  EXPECT_THROW(Migrator(*database_).Apply(modules), DatabaseError);
  EXPECT_TRUE(TableExists("good"));
  EXPECT_FALSE(TableExists("half")) << "the failed migration rolled back whole";
  EXPECT_FALSE(TableExists("never"));
  EXPECT_EQ(Migrator(*database_).Applied().size(), 1u);
}

TEST_F(MigratorTest, RejectsBadFileNames) {
  constexpr MigrationFile kBad[] = {{"create_things.sql", "SELECT 1;"}};
  const ModuleMigrations modules[] = {{"bad", kBad}};
  EXPECT_THROW(Migrator(*database_).Apply(modules), std::invalid_argument);
}

}  // namespace
}  // namespace shequ::db
