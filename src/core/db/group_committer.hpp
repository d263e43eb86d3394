// Group commit: many request threads' writes share one durable transaction, so a disk that
// manages ~2,000 fsync'd commits a second is no longer the ceiling on acknowledged writes.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/db/database.hpp"

namespace shequ::db {

// Leader/follower, no thread of its own: the first caller to find no batch in flight becomes the
// leader, takes every submission waiting (up to max_batch), opens one write transaction, runs each
// submission inside its own SAVEPOINT, commits once and only then hands every caller its result or
// exception. Callers arriving meanwhile wait and form the next batch.
//
// Guarantees:
//  - Submit returns (or throws) only after the COMMIT that holds its work has returned, so an
//    acknowledged write is as durable as one made by Database::Write.
//  - A submission that throws (shequ::Error, DatabaseError, anything) is rolled back to its
//    savepoint: nothing of it is kept, its caller gets the exception, the rest of the batch commits.
//  - If the transaction itself fails (COMMIT refused, connection lost, a savepoint that can no
//    longer be rolled back), no work of the batch is kept and every caller whose own submission had
//    not already failed gets that error.
//  - A submission alone in its batch runs exactly as Database::Write(fn) would, without a savepoint.
//
// Rules for submitted functions: they run on whichever thread leads the batch, so they must not
// depend on thread-local state, must not call Submit (or anything else that waits on this
// committer: it would wait on itself), and should not hold other pooled connections. Side effects
// that must follow the commit (notifications) belong to the caller, after Submit returns.
class GroupCommitter {
 public:
  static constexpr std::size_t kDefaultMaxBatch = 256;

  explicit GroupCommitter(Database& database, std::size_t max_batch = kDefaultMaxBatch);
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Runs fn(Connection&) in a shared write transaction and returns its result once committed;
  // rethrows what fn threw, or the error that stopped the transaction.
  template <typename Fn>
  auto Submit(Fn&& fn) -> std::invoke_result_t<Fn&, Connection&> {
    using Result = std::invoke_result_t<Fn&, Connection&>;
    static_assert(!std::is_reference_v<Result>,
                  "a submission returns a value: its caller outlives the batch");
    if constexpr (std::is_void_v<Result>) {
      Run([&fn](Connection& connection) { fn(connection); });
    } else {
      std::optional<Result> result;
      Run([&fn, &result](Connection& connection) { result.emplace(fn(connection)); });
      return std::move(*result);
    }
  }

  // Write transactions opened so far (one per batch); fewer than submissions when batches form.
  std::uint64_t transactions() const;
  // Submissions waiting for the next batch.
  std::size_t pending() const;

 private:
  // One caller's work, living on the caller's stack until the leader marks it done.
  struct Submission {
    const std::function<void(Connection&)>* work;
    std::exception_ptr error;
    bool done = false;
    std::condition_variable wake;
  };

  void Run(const std::function<void(Connection&)>& work);
  // Without the lock: the batch is the leader's alone until it is marked done.
  void CommitBatch(std::span<Submission* const> batch);
  static void RunInSavepoint(Connection& connection, Submission& submission);

  Database& database_;
  const std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::vector<Submission*> waiting_;
  bool batch_in_flight_ = false;
  std::uint64_t transactions_ = 0;
};

}  // namespace shequ::db
