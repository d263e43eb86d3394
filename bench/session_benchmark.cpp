// The sign-in check that runs before every authenticated request: token → session → user and
// scopes. Setup (database, account, sign-in) is untimed.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "app/application.hpp"
#include "core/crypto/crypto.hpp"

namespace {

struct Fixture {
  explicit Fixture(std::chrono::milliseconds cache_ttl) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("shequ-bench-" + shequ::crypto::RandomToken(6));
    std::filesystem::create_directories(dir);
    shequ::app::ApplicationOptions options;
    options.database_url = "sqlite://" + (dir / "bench.db").string();
    options.session_cache_ttl = cache_ttl;
    app = std::make_unique<shequ::app::Application>(options);
    app->Migrate();
    shequ::accounts::NewUser user{.username = "bench",
                                  .display_name = "网格员",
                                  .role = "grid_worker",
                                  .scopes = {"610921100001001", "610921100001002"},
                                  .password = "Load-Test-Pass-26"};
    app->accounts().Create(nullptr, user);
    token = app->sessions().Login("bench", "Load-Test-Pass-26", "127.0.0.1", "bench").token;
  }
  std::unique_ptr<shequ::app::Application> app;
  std::string token;
};

Fixture& Shared() {
  static Fixture fixture(std::chrono::seconds(1));
  return fixture;
}

// Every request reads its session from the database (--session-cache-ms 0).
Fixture& Uncached() {
  static Fixture fixture(std::chrono::milliseconds(0));
  return fixture;
}

void BM_AuthenticateSqliteUncached(benchmark::State& state) {
  auto& fixture = Uncached();
  for (auto _ : state)
    benchmark::DoNotOptimize(fixture.app->sessions().Authenticate(fixture.token, "127.0.0.1"));
}
BENCHMARK(BM_AuthenticateSqliteUncached)->Threads(1)->Threads(2);

void BM_AuthenticateSqlite(benchmark::State& state) {
  auto& fixture = Shared();
  for (auto _ : state)
    benchmark::DoNotOptimize(fixture.app->sessions().Authenticate(fixture.token, "127.0.0.1"));
}
BENCHMARK(BM_AuthenticateSqlite)->Threads(1)->Threads(2);

void BM_DispatchMeSqlite(benchmark::State& state) {
  auto& fixture = Shared();
  shequ::http::Request request;
  request.path = "/api/me";
  request.remote_ip = "127.0.0.1";
  request.headers.emplace_back("authorization", "Bearer " + fixture.token);
  for (auto _ : state) benchmark::DoNotOptimize(fixture.app->dispatcher().Handle(request));
}
BENCHMARK(BM_DispatchMeSqlite)->Threads(1)->Threads(2);

void BM_DispatchHealthz(benchmark::State& state) {
  auto& fixture = Shared();
  shequ::http::Request request;
  request.path = "/healthz";
  for (auto _ : state) benchmark::DoNotOptimize(fixture.app->dispatcher().Handle(request));
}
BENCHMARK(BM_DispatchHealthz);

}  // namespace
