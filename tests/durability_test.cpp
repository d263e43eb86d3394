// Nothing acknowledged is lost: kill -9 the server in the middle of a burst of writes, restart
// it, and find every write that was answered with success.
#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace shequ {
namespace {

TEST(Durability, KillNineDuringABurstLosesNoAcknowledgedWrite) {
  const auto url = testing::FreshDatabaseUrl();
  testing::AddUser(url, "admin", "admin", {}, "Ankang-Root-2026");
  std::vector<std::string> acknowledged;
  std::mutex mutex;
  {
    testing::ServerProcess server(url);
    testing::HttpClient login(server.port());
    const auto token =
        login.PostJson("/api/auth/login", {{"username", "admin"}, {"password", "Ankang-Root-2026"}})
            .Json()["token"]
            .get<std::string>();
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] {
        testing::HttpClient client(server.port());
        for (int i = 0; !stop.load(); ++i) {
          const std::string name = "w" + std::to_string(w) + "-" + std::to_string(i);
          try {
            auto response = client.PostJson("/api/users",
                                            {{"username", name},
                                             {"role", "resident"},
                                             {"scopes", {"610921100001"}},
                                             {"password", "Resident-2026"}},
                                            token);
            if (response.status == 201) {
              std::lock_guard lock(mutex);
              acknowledged.push_back(name);
            }
          } catch (const std::exception&) {
            return;  // the server died mid-request: that write was never acknowledged
          }
        }
      });
    }
    // Kill once the burst has written enough to prove something (each account hashes a password
    // with argon2id, so a loaded machine writes slowly), while the writers are still going.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard lock(mutex);
        if (acknowledged.size() >= 12) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    server.Signal(SIGKILL);
    EXPECT_EQ(server.Wait(), 128 + SIGKILL);
    stop = true;
    for (auto& writer : writers) writer.join();
  }
  ASSERT_GT(acknowledged.size(), 5u) << "the burst wrote too little to prove anything";

  testing::ServerProcess restarted(url);
  testing::HttpClient client(restarted.port());
  const auto token =
      client.PostJson("/api/auth/login", {{"username", "admin"}, {"password", "Ankang-Root-2026"}})
          .Json()["token"]
          .get<std::string>();
  auto list = client.Get("/api/users?role=resident&limit=500", token).Json();
  std::set<std::string> stored;
  for (const auto& user : list["items"]) stored.insert(user["username"].get<std::string>());
  for (const auto& name : acknowledged)
    EXPECT_TRUE(stored.contains(name)) << name << " was acknowledged, then lost";
  EXPECT_GE(stored.size(), acknowledged.size());
}

}  // namespace
}  // namespace shequ
