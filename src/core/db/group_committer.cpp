#include "core/db/group_committer.hpp"

#include <stdexcept>

namespace shequ::db {

GroupCommitter::GroupCommitter(Database& database, std::size_t max_batch)
    : database_(database), max_batch_(max_batch) {
  if (max_batch_ == 0) throw std::invalid_argument("a group commit batch holds at least one submission");
}

std::uint64_t GroupCommitter::transactions() const {
  std::lock_guard lock(mutex_);
  return transactions_;
}

std::size_t GroupCommitter::pending() const {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

void GroupCommitter::Run(const std::function<void(Connection&)>& work) {
  Submission submission{.work = &work};
  std::unique_lock lock(mutex_);
  waiting_.push_back(&submission);
  while (!submission.done) {
    if (batch_in_flight_) {
      submission.wake.wait(lock);
      continue;
    }
    // Lead: take the oldest waiting submissions (ours among them unless more than a batch is
    // queued ahead of us, in which case we lead again afterwards).
    batch_in_flight_ = true;
    std::vector<Submission*> batch;
    if (waiting_.size() <= max_batch_) {
      batch.swap(waiting_);
    } else {
      const auto end = waiting_.begin() + static_cast<std::ptrdiff_t>(max_batch_);
      batch.assign(waiting_.begin(), end);
      waiting_.erase(waiting_.begin(), end);
    }
    lock.unlock();
    CommitBatch(batch);
    lock.lock();
    ++transactions_;
    batch_in_flight_ = false;
    // Notified under the lock: a follower cannot see `done`, return and destroy its Submission
    // (and the condition variable) before notify_one has finished with it.
    for (Submission* member : batch) {
      member->done = true;
      member->wake.notify_one();
    }
    if (!waiting_.empty()) waiting_.front()->wake.notify_one();  // the next leader
  }
  lock.unlock();
  if (submission.error) std::rethrow_exception(submission.error);
}

void GroupCommitter::CommitBatch(std::span<Submission* const> batch) {
  if (batch.size() == 1) {
    Submission& alone = *batch.front();
    try {
      database_.Write(*alone.work);
    } catch (...) {
      alone.error = std::current_exception();
    }
    return;
  }
  try {
    auto connection = database_.Acquire();
    connection->Begin(TxMode::kWrite);
    try {
      for (Submission* submission : batch) RunInSavepoint(*connection, *submission);
      connection->Commit();
    } catch (...) {
      connection->Rollback();  // SQLite keeps a transaction open after a refused COMMIT
      throw;
    }
  } catch (...) {
    const auto error = std::current_exception();
    for (Submission* submission : batch) {
      if (!submission->error) submission->error = error;
    }
  }
}

// The statements go through Execute, so each backend prepares them once per connection. PostgreSQL
// accepts ROLLBACK TO in a transaction aborted by the failed statement, which is when it is needed.
void GroupCommitter::RunInSavepoint(Connection& connection, Submission& submission) {
  connection.Execute("SAVEPOINT group_commit_submission", {});
  try {
    (*submission.work)(connection);
    connection.Execute("RELEASE SAVEPOINT group_commit_submission", {});
  } catch (...) {
    submission.error = std::current_exception();
    // Should this throw too (SQLite rolls the whole transaction back on some errors, such as a
    // full disk), the batch cannot commit and CommitBatch fails every other member.
    connection.Execute("ROLLBACK TO SAVEPOINT group_commit_submission", {});
    connection.Execute("RELEASE SAVEPOINT group_commit_submission", {});
  }
}

}  // namespace shequ::db
