// Events at scale, on a fresh database filled with N open events (default 1,000,000) spread over
// 50 communities and 1,000 holders, due times a month either side of now:
//  - the deadline watch: one pass that finds and handles the events whose check is due (1 % of
//    them), and a pass with nothing due;
//  - a holder's work list: their open events by due time, page of 20 with the total;
//  - intake: T threads reporting events through the service, each durable with its timeline and
//    audit entries.
// Prints each figure with p50/p99 where it has them.
//   events_bench --db sqlite://PATH [--events N] [--queries Q] [--intake M] [--threads T]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/application.hpp"
#include "regions/region_import.hpp"

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Latencies {
  std::vector<double> millis;
  void Add(SteadyClock::time_point started) {
    millis.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count());
  }
  double Percentile(double p) {
    std::sort(millis.begin(), millis.end());
    return millis[static_cast<std::size_t>(p * static_cast<double>(millis.size() - 1))];
  }
};

double SecondsSince(SteadyClock::time_point started) {
  return std::chrono::duration<double>(SteadyClock::now() - started).count();
}

constexpr int kCommunities = 50;
constexpr int kHolders = 1000;

std::string Community(int i) { return fmt::format("6109211{:02}{:03}", 10 + i / 10, i % 10 + 1); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"events at scale: deadline watch, work lists, intake"};
  std::string db_url;
  std::int64_t total = 1'000'000;
  int queries = 2000;
  int intake = 20'000;
  int threads = 64;
  cli.add_option("--db", db_url, "A fresh database URL")->required();
  cli.add_option("--events", total, "Open events to fill it with");
  cli.add_option("--queries", queries, "Work-list queries");
  cli.add_option("--intake", intake, "Events to report in the intake run (0: skip)");
  cli.add_option("--threads", threads, "Reporting threads");
  CLI11_PARSE(cli, argc, argv);

  shequ::app::ApplicationOptions options;
  options.database_url = db_url;
  options.pool_size = static_cast<std::size_t>(threads) + 4;
  shequ::app::Application app(options);
  app.Migrate();
  auto& database = app.database();
  const auto now = app.clock().NowMillis();

  // The tree: 汉阴县, five towns, 50 communities.
  std::vector<shequ::regions::ImportRow> nodes = {shequ::regions::NationalNode("610000000000", "陕西省"),
                                                  shequ::regions::NationalNode("610900000000", "安康市"),
                                                  shequ::regions::NationalNode("610921000000", "汉阴县")};
  for (int town = 0; town < kCommunities / 10; ++town) {
    nodes.push_back(
        shequ::regions::NationalNode(fmt::format("6109211{:02}000", 10 + town), fmt::format("镇{}", town)));
  }
  for (int i = 0; i < kCommunities; ++i)
    nodes.push_back(shequ::regions::NationalNode(Community(i), fmt::format("社区{}", i)));
  shequ::regions::RegionImporter(database, app.clock(), app.audit()).AddNational(nodes, "bench");

  // The open events, written straight into the table in batches (filling is not what is measured).
  const auto fill_started = SteadyClock::now();
  std::mt19937_64 random(7);
  constexpr std::int64_t kMonth = 30LL * 24 * 3600 * 1000;
  std::uniform_int_distribution<std::int64_t> spread(-kMonth, kMonth);
  const std::int64_t due_now = total / 100;  // 1 %: checks due at the moment of the pass
  for (std::int64_t done = 0; done < total;) {
    database.Write([&](shequ::db::Connection& c) {
      for (int n = 0; n < 20'000 && done < total; ++n, ++done) {
        const int holder = static_cast<int>(done % kHolders);
        const auto community = Community(holder % kCommunities);
        const bool check_due = done < due_now;
        const auto due = check_due ? now - 60'000 : now + std::abs(spread(random)) + 3'600'000;
        c.Run(
            "INSERT INTO events (reference, category_code, region_code, title, description, source, "
            "reporter_id,"
            " reporter_name, anonymous, state, level, owner_id, owner_name, reported_at, due_at, version, "
            "updated_at,"
            " stage_started_at, warn_at, next_check_at, alert_level) VALUES ($1, 'order.noise', $2, "
            "'噪声扰民', '',"
            " 'patrol', $3, 'bench', 0, 'dispatched', 'grid', $3, 'bench', $4, $5, 1, $4, $4, $6, $6, 1)",
            fmt::format("{}-bench-{}", community, done), community, std::int64_t{holder + 1}, now - kMonth,
            due, due);
      }
    });
  }
  std::printf("filled %lld open events in %.1f s\n", static_cast<long long>(total),
              SecondsSince(fill_started));

  // The deadline watch over them.
  auto started = SteadyClock::now();
  const auto handled = app.events().Watch(now);
  std::printf("watch pass: %zu due of %lld open events handled in %.3f s\n", handled,
              static_cast<long long>(total), SecondsSince(started));
  started = SteadyClock::now();
  const auto idle = app.events().Watch(now);
  std::printf("watch pass with nothing due: %zu events, %.3f ms\n", idle, SecondsSince(started) * 1000);

  // Work lists: one holder's open events by due time.
  Latencies lists;
  std::int64_t seen = 0;
  for (int q = 0; q < queries; ++q) {
    const int holder = static_cast<int>(random() % kHolders);
    shequ::auth::Principal who;
    who.user_id = holder + 1;
    who.username = "bench";
    who.role = shequ::auth::Role::kGridWorker;
    who.scope = shequ::auth::Scope::Of({Community(holder % kCommunities)});
    const auto at = SteadyClock::now();
    const auto page = app.events().List(who, {.state = "open", .mine = true, .limit = 20});
    lists.Add(at);
    seen += page.total;
  }
  std::printf("work list (mine, open, by due time, page 20 of ~%lld): p50 %.2f ms, p99 %.2f ms\n",
              static_cast<long long>(seen / queries), lists.Percentile(0.5), lists.Percentile(0.99));

  // Intake: reports through the service, durable each.
  if (intake > 0) {
    shequ::auth::Principal reporter;
    reporter.user_id = 1;
    reporter.username = "bench";
    reporter.role = shequ::auth::Role::kGridWorker;
    reporter.scope = shequ::auth::Scope::Of({Community(0)});
    std::vector<Latencies> each(static_cast<std::size_t>(threads));
    std::vector<std::thread> workers;
    started = SteadyClock::now();
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (int i = t; i < intake; i += threads) {
          const auto at = SteadyClock::now();
          app.events().Report(reporter, {.category_code = "environment.exposed_garbage",
                                         .region_code = Community(0),
                                         .title = fmt::format("暴露垃圾 {}", i)});
          each[static_cast<std::size_t>(t)].Add(at);
        }
      });
    }
    for (auto& worker : workers) worker.join();
    const auto seconds = SecondsSince(started);
    Latencies all;
    for (auto& l : each) all.millis.insert(all.millis.end(), l.millis.begin(), l.millis.end());
    std::printf("intake: %d reports, %d threads: %.0f events/s, p50 %.2f ms, p99 %.2f ms\n", intake, threads,
                intake / seconds, all.Percentile(0.5), all.Percentile(0.99));
  }
  return 0;
}
