// Scope containment: run on every read of a region-bound object, so it must stay a few
// nanoseconds. Setup (building the scope) is outside the timed loop.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/auth/scope.hpp"

namespace {

void BM_ScopeContainsCommunityInCounty(benchmark::State& state) {
  const auto scope = shequ::auth::Scope::Of({"610921000000"});
  const std::string inside = "610921103002";
  for (auto _ : state) benchmark::DoNotOptimize(scope.Contains(inside));
}
BENCHMARK(BM_ScopeContainsCommunityInCounty);

void BM_ScopeContainsAmongManyGrids(benchmark::State& state) {
  std::vector<std::string> grids;
  for (int i = 0; i < state.range(0); ++i) grids.push_back("610921103002" + std::to_string(100 + i));
  const auto scope = shequ::auth::Scope::Of(grids);
  const std::string outside = "610921103003101";  // the worst case: checks every node
  for (auto _ : state) benchmark::DoNotOptimize(scope.Contains(outside));
}
BENCHMARK(BM_ScopeContainsAmongManyGrids)->Arg(1)->Arg(8)->Arg(64);

}  // namespace
