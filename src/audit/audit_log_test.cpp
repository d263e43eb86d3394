#include "audit/audit_log.hpp"

#include <gtest/gtest.h>

#include "audit/module.hpp"
#include "core/db/migrator.hpp"
#include "support/test_database.hpp"

namespace shequ::audit {
namespace {

class AuditLogTest : public ::testing::Test {
 protected:
  AuditLogTest()
      : database_(db::Database::Open(testing::FreshDatabaseUrl(), 2)),
        clock_(1'795'000'000'000),
        log_(*database_, clock_) {
    const db::ModuleMigrations modules[] = {{"audit", Migrations()}};
    db::Migrator(*database_).Apply(modules);
  }
  AuditEntry Entry(std::string actor, std::string action, Outcome result = Outcome::kSuccess) {
    AuditEntry entry;
    entry.actor_name = std::move(actor);
    entry.action = std::move(action);
    entry.object_type = "user";
    entry.object_id = "7";
    entry.result = result;
    return entry;
  }
  std::unique_ptr<db::Database> database_;
  ManualClock clock_;
  AuditLog log_;
};

TEST_F(AuditLogTest, AnEntryRecordedInARolledBackTransactionDisappearsWithIt) {
  EXPECT_THROW(database_->Write([&](db::Connection& c) {
    log_.Record(c, Entry("li", "accounts.update_user"));
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  EXPECT_TRUE(log_.Search({}).empty());
  log_.RecordNow(Entry("li", "accounts.login", Outcome::kFailure));
  const auto entries = log_.Search({});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].at, clock_.NowMillis());
  EXPECT_EQ(entries[0].result, Outcome::kFailure);
}

TEST_F(AuditLogTest, FiltersAndPagesNewestFirst) {
  for (int i = 0; i < 5; ++i) {
    log_.RecordNow(
        Entry(i % 2 == 0 ? "wang" : "zhao", "accounts.login", i == 4 ? Outcome::kDenied : Outcome::kSuccess));
    clock_.Advance(std::chrono::minutes(1));
  }
  AuditFilter by_actor;
  by_actor.actor = "wang";
  EXPECT_EQ(log_.Search(by_actor).size(), 3u);
  AuditFilter denied;
  denied.result = Outcome::kDenied;
  EXPECT_EQ(log_.Search(denied).size(), 1u);
  AuditFilter window;
  window.from = 1'795'000'000'000 + 60'000;
  window.to = 1'795'000'000'000 + 180'000;
  EXPECT_EQ(log_.Search(window).size(), 2u);
  AuditFilter page;
  page.limit = 2;
  const auto first = log_.Search(page);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_GT(first[0].id, first[1].id);
  page.before_id = first[1].id;
  const auto second = log_.Search(page);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_LT(second[0].id, first[1].id);
}

TEST_F(AuditLogTest, KeepsTheDetailOfAChange) {
  auto entry = Entry("admin", "accounts.update_user");
  entry.detail = {{"display_name", {"张三", "张三丰"}}};
  log_.RecordNow(entry);
  EXPECT_EQ(log_.Search({})[0].detail["display_name"][1], "张三丰");
}

}  // namespace
}  // namespace shequ::audit
