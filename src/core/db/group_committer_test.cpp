#include "core/db/group_committer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/db/migrator.hpp"
#include "core/errors/error.hpp"
#include "support/test_database.hpp"

namespace shequ::db {
namespace {

using namespace std::chrono_literals;

class GroupCommitterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = Database::Open(testing::FreshDatabaseUrl(), 4);
    database_->Acquire()->ExecuteScript(
        ExpandForBackend("CREATE TABLE items (id {{id_pk}}, name TEXT NOT NULL UNIQUE);"
                         "CREATE TABLE parents (id {{id_pk}});"
                         // Checked at COMMIT, which gives a test a way to make the commit itself fail.
                         "CREATE TABLE children (id {{id_pk}},"
                         " parent_id BIGINT NOT NULL REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);",
                         database_->backend()));
  }

  std::set<std::string> Names() {
    return database_->Read([](Connection& c) {
      std::set<std::string> names;
      auto rows = c.Run("SELECT name FROM items");
      for (std::size_t i = 0; i < rows.size(); ++i) names.insert(rows[i].Text(0));
      return names;
    });
  }

  static std::int64_t Insert(Connection& c, const std::string& name) {
    return c.Run("INSERT INTO items (name) VALUES ($1) RETURNING id", name)[0].Int(0);
  }

  std::unique_ptr<Database> database_;
};

// Holds one submission inside its transaction until released, so that every submission made
// meanwhile waits, and they form the next batch together in the order they arrived.
class HeldBatch {
 public:
  explicit HeldBatch(GroupCommitter& committer) : committer_(committer) {
    holder_ = std::thread([this] {
      committer_.Submit([this](Connection& c) {
        c.Run("INSERT INTO items (name) VALUES ('held')");
        entered_.set_value();
        release_.get_future().wait();
      });
    });
    entered_.get_future().wait();
  }
  ~HeldBatch() {
    if (holder_.joinable()) Release();
  }

  // Starts `submit` on its own thread and returns once it is queued behind the held batch.
  template <typename Submit>
  void Queue(Submit submit) {
    const std::size_t before = committer_.pending();
    queued_.emplace_back(std::move(submit));
    while (committer_.pending() == before) std::this_thread::sleep_for(1ms);
  }

  // Lets the held batch commit and waits for every queued submission to return.
  void Release() {
    release_.set_value();
    holder_.join();
    for (auto& thread : queued_) thread.join();
    queued_.clear();
  }

 private:
  GroupCommitter& committer_;
  std::promise<void> entered_;
  std::promise<void> release_;
  std::thread holder_;
  std::vector<std::thread> queued_;
};

TEST_F(GroupCommitterTest, EveryAcknowledgedRowFromManyThreadsIsKept) {
  GroupCommitter committer(*database_);
  constexpr int kThreads = 16;
  constexpr int kPerThread = 1000;
  constexpr int kSubmissions = kThreads * kPerThread;
  std::vector<std::vector<std::int64_t>> acknowledged(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string name = std::to_string(t) + "-" + std::to_string(i);
        acknowledged[t].push_back(committer.Submit([&](Connection& c) { return Insert(c, name); }));
      }
    });
  }
  for (auto& thread : threads) thread.join();

  std::set<std::int64_t> ids;
  for (const auto& of_thread : acknowledged) ids.insert(of_thread.begin(), of_thread.end());
  EXPECT_EQ(ids.size(), std::size_t{kSubmissions}) << "every submission got its own row id";
  const auto stored = database_->Read(
      [](Connection& c) { return c.Run("SELECT COUNT(*), COUNT(DISTINCT name) FROM items"); });
  EXPECT_EQ(stored[0].Int(0), kSubmissions);
  EXPECT_EQ(stored[0].Int(1), kSubmissions);
  const auto named = database_->Read([&](Connection& c) {
    return c.Run("SELECT name FROM items WHERE id = $1", acknowledged[7][999])[0].Text(0);
  });
  EXPECT_EQ(named, "7-999") << "each caller got the id of its own row";
  EXPECT_LT(committer.transactions(), std::uint64_t{kSubmissions}) << "batches formed";
  EXPECT_EQ(committer.pending(), 0u);
}

TEST_F(GroupCommitterTest, SubmissionsWaitingTogetherShareOneTransactionAndGetTheirOwnResults) {
  GroupCommitter committer(*database_);
  constexpr int kQueued = 8;
  std::vector<std::int64_t> ids(kQueued);
  std::vector<std::string> echoed(kQueued);
  {
    HeldBatch held(committer);
    for (int i = 0; i < kQueued; ++i) {
      held.Queue([&, i] {
        std::tie(ids[i], echoed[i]) = committer.Submit([i](Connection& c) {
          const std::string name = "queued-" + std::to_string(i);
          return std::pair{Insert(c, name), name};
        });
      });
    }
    EXPECT_EQ(committer.transactions(), 0u) << "nothing is acknowledged while the first batch is open";
  }
  EXPECT_EQ(committer.transactions(), 2u) << "the held submission, then all the queued ones at once";
  for (int i = 0; i < kQueued; ++i) {
    EXPECT_EQ(echoed[i], "queued-" + std::to_string(i));
    const auto name = database_->Read(
        [&](Connection& c) { return c.Run("SELECT name FROM items WHERE id = $1", ids[i])[0].Text(0); });
    EXPECT_EQ(name, echoed[i]);
  }
  EXPECT_EQ(Names().size(), std::size_t{kQueued + 1});
}

TEST_F(GroupCommitterTest, AFailingSubmissionLosesOnlyItsOwnWorkAndOnlyItsCallerHearsOfIt) {
  database_->Write([](Connection& c) { Insert(c, "taken"); });
  GroupCommitter committer(*database_);
  std::vector<std::string> outcomes(5);
  const auto insert = [&](int slot, std::string name) {
    return [&, slot, name] {
      try {
        committer.Submit([&](Connection& c) { Insert(c, name); });
        outcomes[slot] = "committed";
      } catch (const std::exception& error) {
        outcomes[slot] = std::string("failed: ") + error.what();
      }
    };
  };
  {
    HeldBatch held(committer);
    held.Queue(insert(0, "first"));
    held.Queue([&] {
      try {
        committer.Submit([](Connection& c) {
          Insert(c, "half-done");
          throw Error(ErrorCode::kConflict);
        });
        outcomes[1] = "committed";
      } catch (const Error& error) {
        outcomes[1] = error.code() == ErrorCode::kConflict ? "conflict" : "other error";
      }
    });
    held.Queue([&] {
      try {
        committer.Submit([](Connection& c) {
          Insert(c, "before the duplicate");
          Insert(c, "taken");
        });
        outcomes[2] = "committed";
      } catch (const DatabaseError& error) {
        outcomes[2] = error.kind() == DatabaseError::Kind::kUniqueViolation ? "unique violation" : "other";
      }
    });
    // After a failed statement PostgreSQL refuses everything until the savepoint is rolled back.
    held.Queue(insert(3, "after the failures"));
    held.Queue(insert(4, "last"));
  }
  EXPECT_EQ(committer.transactions(), 2u) << "the five queued submissions formed one batch";
  EXPECT_EQ(outcomes, (std::vector<std::string>{"committed", "conflict", "unique violation", "committed",
                                                "committed"}));
  EXPECT_EQ(Names(), (std::set<std::string>{"held", "taken", "first", "after the failures", "last"}));
}

TEST_F(GroupCommitterTest, AFailedCommitKeepsNothingOfTheBatchAndFailsEveryCaller) {
  GroupCommitter committer(*database_);
  std::vector<std::string> outcomes(3);
  const auto submit = [&](int slot, std::function<void(Connection&)> work) {
    return [&, slot, work = std::move(work)] {
      try {
        committer.Submit(work);
        outcomes[slot] = "committed";
      } catch (const DatabaseError& error) {
        outcomes[slot] =
            error.kind() == DatabaseError::Kind::kForeignKeyViolation ? "commit refused" : "other";
      }
    };
  };
  {
    HeldBatch held(committer);
    held.Queue(submit(0, [](Connection& c) { Insert(c, "lost with the batch"); }));
    held.Queue(submit(1, [](Connection& c) { c.Run("INSERT INTO children (parent_id) VALUES (404)"); }));
    held.Queue(submit(2, [](Connection& c) { Insert(c, "also lost"); }));
  }
  EXPECT_EQ(outcomes, (std::vector<std::string>{"commit refused", "commit refused", "commit refused"}));
  EXPECT_EQ(Names(), (std::set<std::string>{"held"}));
  EXPECT_EQ(database_->Read([](Connection& c) { return c.Run("SELECT COUNT(*) FROM children")[0].Int(0); }),
            0);

  committer.Submit([](Connection& c) { Insert(c, "afterwards"); });
  EXPECT_EQ(Names(), (std::set<std::string>{"held", "afterwards"})) << "the committer recovers";
}

TEST_F(GroupCommitterTest, ASubmissionAloneBehavesLikeWrite) {
  GroupCommitter committer(*database_);
  EXPECT_EQ(committer.Submit([](Connection& c) { return Insert(c, "alone") > 0; }), true);
  try {
    committer.Submit([](Connection& c) {
      Insert(c, "thrown away");
      throw Error(ErrorCode::kFieldInvalid);
    });
    FAIL() << "the submission's exception reaches its caller";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFieldInvalid);
  }
  EXPECT_THROW(committer.Submit([](Connection& c) { Insert(c, "alone"); }), DatabaseError);
  committer.Submit([](Connection& c) { Insert(c, "void result"); });
  EXPECT_EQ(Names(), (std::set<std::string>{"alone", "void result"}));
  EXPECT_EQ(committer.transactions(), 4u);
}

TEST_F(GroupCommitterTest, ABatchHoldsAtMostMaxBatchSubmissions) {
  GroupCommitter committer(*database_, 2);
  {
    HeldBatch held(committer);
    for (int i = 0; i < 5; ++i) {
      held.Queue([&, i] { committer.Submit([i](Connection& c) { Insert(c, std::to_string(i)); }); });
    }
  }
  EXPECT_EQ(committer.transactions(), 1u + 3u) << "the held one, then 2 + 2 + 1";
  EXPECT_EQ(Names().size(), 6u);
}

}  // namespace
}  // namespace shequ::db
