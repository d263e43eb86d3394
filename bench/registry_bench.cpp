// Registry latencies at scale, on a database filled by `shequ demo --people N`:
//  - a street's filtered search (key group + age range + street subtree, page of 20, sorted by name);
//  - an exact ID-number lookup by a county user (blind index).
// Prints p50/p99/max of each, the process's peak RSS and the database size.
//   registry_bench --db URL [--key-file F] [--queries N]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/application.hpp"
#include "registry/vocabulary.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Latencies {
  std::vector<double> micros;
  void Add(Clock::time_point started) {
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - started).count());
  }
  double Percentile(double p) {
    std::sort(micros.begin(), micros.end());
    return micros[static_cast<std::size_t>(p * static_cast<double>(micros.size() - 1))];
  }
};

shequ::auth::Principal As(shequ::auth::Role role, const std::string& code) {
  shequ::auth::Principal principal;
  principal.username = "bench";
  principal.role = role;
  principal.scope = shequ::auth::Scope::Of({code});
  return principal;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"registry latencies on a generated database"};
  std::string db_url;
  std::string key_file;
  int queries = 2000;
  cli.add_option("--db", db_url, "Database URL")->required();
  cli.add_option("--key-file", key_file, "Key file (default: beside an SQLite database)");
  cli.add_option("--queries", queries, "Queries of each kind");
  CLI11_PARSE(cli, argc, argv);

  shequ::app::ApplicationOptions options;
  options.database_url = db_url;
  options.key_file = key_file;
  shequ::app::Application app(options);
  auto& people = app.registry().people;
  const auto total = app.database().Read(
      [](shequ::db::Connection& c) { return c.Run("SELECT COUNT(*) FROM people")[0].Int(0); });

  // A street (平梁镇) searching its elderly of one key group in an age band, a page at a time.
  const auto street = As(shequ::auth::Role::kStreet, "610921103000");
  const char* const groups[] = {"empty_nest_elderly", "elderly_living_alone", "disabled", "advanced_age"};
  std::mt19937 random(7);
  Latencies search;
  std::int64_t matched = 0;
  for (int i = 0; i < queries; ++i) {
    shequ::registry::PersonQuery query;
    query.group_type = groups[i % 4];
    query.age_min = 55 + static_cast<int>(random() % 15);
    query.age_max = *query.age_min + 10 + static_cast<int>(random() % 20);
    query.region = "610921103000";
    query.offset = static_cast<std::int64_t>(random() % 5) * 20;
    const auto started = Clock::now();
    matched += people.Search(street, query).total;
    search.Add(started);
  }

  // Exact ID lookups of residents picked at random, their numbers opened with the key file.
  const auto county = As(shequ::auth::Role::kCounty, "610921000000");
  std::vector<std::string> ids;
  app.database().Read([&](shequ::db::Connection& c) {
    auto rows = c.Run(
        "SELECT id_number_enc FROM people WHERE id_number_enc IS NOT NULL AND residence_code LIKE '610921%'"
        " ORDER BY RANDOM() LIMIT $1",
        queries);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      ids.push_back(app.vault().Decrypt(rows[i].Text(0), shequ::registry::kIdNumberContext));
    }
  });
  Latencies lookup;
  std::int64_t found = 0;
  for (const auto& id : ids) {
    shequ::registry::PersonQuery query;
    query.id_number = id;
    query.limit = 1;
    const auto started = Clock::now();
    found += people.Search(county, query).total;
    lookup.Add(started);
  }

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::uintmax_t db_bytes = 0;
  if (db_url.starts_with("sqlite://")) {
    const std::filesystem::path path = db_url.substr(9);
    db_bytes = std::filesystem::file_size(path);
    if (std::filesystem::exists(path.string() + "-wal"))
      db_bytes += std::filesystem::file_size(path.string() + "-wal");
  }
  std::printf("people: %lld\n", static_cast<long long>(total));
  std::printf(
      "street search (group + age + subtree, page 20): p50 %.2f ms, p99 %.2f ms, max %.2f ms (%lld "
      "matches)\n",
      search.Percentile(0.5) / 1000, search.Percentile(0.99) / 1000, search.Percentile(1.0) / 1000,
      static_cast<long long>(matched / queries));
  std::printf("exact ID lookup: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%lld of %zu found)\n",
              lookup.Percentile(0.5) / 1000, lookup.Percentile(0.99) / 1000, lookup.Percentile(1.0) / 1000,
              static_cast<long long>(found), ids.size());
  std::printf("peak RSS: %ld MiB; database: %.0f MiB\n", usage.ru_maxrss / 1024,
              static_cast<double>(db_bytes) / 1048576.0);
  return 0;
}
