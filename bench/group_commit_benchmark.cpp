// Durable single-row inserts on SQLite (WAL, synchronous=FULL, a file on the real disk): one
// transaction per insert through Database::Write, against inserts shared out over group commits.
// Rates are wall-clock rows per second summed over the threads (items_per_second).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/crypto/crypto.hpp"
#include "core/db/database.hpp"
#include "core/db/group_committer.hpp"

namespace {

using shequ::db::Connection;

constexpr std::string_view kInsert = "INSERT INTO events (payload) VALUES ($1)";
constexpr std::string_view kPayload = R"({"category":"road.pothole","region":"610921100001001"})";

struct Fixture {
  Fixture()
      : dir(std::filesystem::temp_directory_path() /
            ("shequ-bench-group-commit-" + shequ::crypto::RandomToken(6))) {
    std::filesystem::create_directories(dir);
    database = shequ::db::Database::Open("sqlite://" + (dir / "bench.db").string(), 8);
    database->Acquire()->ExecuteScript("CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
    committer = std::make_unique<shequ::db::GroupCommitter>(*database);
  }
  ~Fixture() {
    committer.reset();
    database.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  std::filesystem::path dir;
  std::unique_ptr<shequ::db::Database> database;
  std::unique_ptr<shequ::db::GroupCommitter> committer;
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

void BM_InsertViaWrite(benchmark::State& state) {
  auto& fixture = Shared();
  for (auto _ : state) fixture.database->Write([](Connection& c) { c.Run(kInsert, kPayload); });
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InsertViaWrite)->Threads(1)->Threads(8)->Threads(64)->UseRealTime();

void BM_InsertViaGroupCommitter(benchmark::State& state) {
  auto& fixture = Shared();
  const auto transactions_before = fixture.committer->transactions();
  for (auto _ : state) fixture.committer->Submit([](Connection& c) { c.Run(kInsert, kPayload); });
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    // The timed loop ends on a barrier, so every thread's rows are in by now.
    const auto transactions = fixture.committer->transactions() - transactions_before;
    state.counters["rows_per_commit"] = benchmark::Counter(
        static_cast<double>(state.iterations() * state.threads()) / static_cast<double>(transactions));
  }
}
BENCHMARK(BM_InsertViaGroupCommitter)->Threads(1)->Threads(8)->Threads(64)->UseRealTime();

}  // namespace
