// Graceful shutdown: SIGTERM lets requests already being handled finish, then the server exits.
#include <gtest/gtest.h>

#include <signal.h>

#include <thread>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace shequ {
namespace {

TEST(Shutdown, SigtermFinishesInFlightRequestsThenExits) {
  const auto url = testing::FreshDatabaseUrl();
  testing::AddUser(url, "lisi", "community", {"610921100001"}, "Hanyin-Street-88");
  testing::ServerProcess server(url);
  // Each sign-in spends tens of milliseconds in argon2id, so a handful queue up on the two
  // worker threads and are still being handled when the signal arrives.
  constexpr int kClients = 8;
  std::vector<int> statuses(kClients, 0);
  std::vector<std::unique_ptr<testing::HttpClient>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<testing::HttpClient>(server.port()));
    ASSERT_EQ(clients.back()->Get("/healthz").status, 200);  // connected before the signal
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      try {
        statuses[i] =
            clients[i]
                ->PostJson("/api/auth/login", {{"username", "lisi"}, {"password", "Hanyin-Street-88"}})
                .status;
      } catch (const std::exception&) {
        statuses[i] = -1;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  server.Signal(SIGTERM);
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(server.Wait(), 0) << "a drained server exits cleanly";
  int finished = 0;
  for (int status : statuses) {
    EXPECT_TRUE(status == 200 || status == 503) << "a request got status " << status;
    finished += status == 200;
  }
  EXPECT_GT(finished, 0) << "requests in flight at the signal were answered";
  EXPECT_THROW(testing::HttpClient(server.port()).Get("/healthz"), std::exception) << "no longer listening";
}

}  // namespace
}  // namespace shequ
