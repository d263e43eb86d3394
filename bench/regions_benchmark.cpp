// Scope checks against the whole national tree: every code of an imported database is checked
// against a county's, a street's and a grid worker's scope. Loading the codes is untimed.
// Needs SHEQU_BENCH_REGIONS_DB=sqlite://… naming a database after `shequ import-regions`.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "core/auth/scope.hpp"
#include "core/db/database.hpp"

namespace {

const std::vector<std::string>& AllCodes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    const char* url = std::getenv("SHEQU_BENCH_REGIONS_DB");
    if (url == nullptr) return out;
    auto database = shequ::db::Database::Open(url, 1);
    auto rows = database->Read([](shequ::db::Connection& c) { return c.Run("SELECT code FROM regions"); });
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Text(0));
    std::shuffle(out.begin(), out.end(), std::mt19937(42));
    return out;
  }();
  return codes;
}

void CheckEveryCode(benchmark::State& state, const shequ::auth::Scope& scope) {
  const auto& codes = AllCodes();
  if (codes.empty()) {
    state.SkipWithError("set SHEQU_BENCH_REGIONS_DB to an imported database");
    return;
  }
  std::size_t i = 0;
  std::size_t inside = 0;
  for (auto _ : state) {
    inside += scope.Contains(codes[i]);
    i = i + 1 == codes.size() ? 0 : i + 1;
  }
  benchmark::DoNotOptimize(inside);
  state.counters["nodes"] = static_cast<double>(codes.size());
}

void BM_FullTreeCountyScope(benchmark::State& state) {
  CheckEveryCode(state, shequ::auth::Scope::Of({"610921000000"}));
}
BENCHMARK(BM_FullTreeCountyScope)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_FullTreeStreetScope(benchmark::State& state) {
  CheckEveryCode(state, shequ::auth::Scope::Of({"610921103000"}));
}
BENCHMARK(BM_FullTreeStreetScope)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_FullTreeGridWorkerScope(benchmark::State& state) {
  CheckEveryCode(state,
                 shequ::auth::Scope::Of({"610921103002001001", "610921103002001002", "610921103002001003"}));
}
BENCHMARK(BM_FullTreeGridWorkerScope)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

#include "app/application.hpp"

namespace {

// The whole dispatch of GET /api/regions/{street}/children (30 communities), no sockets.
void BM_DispatchStreetChildren(benchmark::State& state) {
  const char* url = std::getenv("SHEQU_BENCH_REGIONS_DB");
  if (url == nullptr) {
    state.SkipWithError("set SHEQU_BENCH_REGIONS_DB to an imported database");
    return;
  }
  static shequ::app::Application app([&] {
    shequ::app::ApplicationOptions options;
    options.database_url = url;
    return options;
  }());
  static const std::string token = [] {
    app.Migrate();
    shequ::accounts::NewUser user{.username = "bench-children",
                                  .display_name = "",
                                  .role = "county",
                                  .scopes = {"110108000000"},
                                  .password = "Load-Test-Pass-26"};
    try {
      app.accounts().Create(nullptr, user);
    } catch (const std::exception&) {
    }
    return app.sessions().Login("bench-children", "Load-Test-Pass-26", "127.0.0.1", "").token;
  }();
  shequ::http::Request request;
  request.path = "/api/regions/110108011000/children";
  request.remote_ip = "127.0.0.1";
  request.headers.emplace_back("authorization", "Bearer " + token);
  for (auto _ : state) benchmark::DoNotOptimize(app.dispatcher().Handle(request));
}
BENCHMARK(BM_DispatchStreetChildren);

}  // namespace
