// Server-sent events: a signed-in user's stream, told at once when their session ends.
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace shequ {
namespace {

using namespace std::chrono_literals;

class EventStreamTest : public ::testing::Test {
 protected:
  EventStreamTest() : url_(testing::FreshDatabaseUrl()) {
    testing::AddUser(url_, "lisi", "community", {"610921100001"}, "Hanyin-Street-88");
    testing::AddUser(url_, "grid7", "grid_worker", {"610921100001007"}, "Grid-Pass-2026");
    server_ = std::make_unique<testing::ServerProcess>(url_);
    client_ = std::make_unique<testing::HttpClient>(server_->port());
  }
  std::string Login(const std::string& user, const std::string& password) {
    return client_->PostJson("/api/auth/login", {{"username", user}, {"password", password}}).Json()["token"];
  }

  std::string url_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<testing::HttpClient> client_;
};

TEST_F(EventStreamTest, DisablingAnAccountReachesItsOpenStreamAtOnce) {
  const auto manager = Login("lisi", "Hanyin-Street-88");
  const auto worker = Login("grid7", "Grid-Pass-2026");
  testing::EventStreamReader stream(server_->port(), "/api/stream", worker);
  ASSERT_EQ(stream.status(), 200);
  EXPECT_FALSE(stream.Next(200ms).has_value()) << "nothing happens until something happens";

  const auto users = client_->Get("/api/users?role=grid_worker", manager).Json();
  ASSERT_EQ(users["items"].size(), 1u);
  const auto id = users["items"][0]["id"].get<std::int64_t>();
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(client_->PatchJson("/api/users/" + std::to_string(id), {{"disabled", true}}, manager).status,
            200);
  const auto event = stream.Next(1s);
  ASSERT_TRUE(event.has_value()) << "no event within a second";
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  EXPECT_EQ(event->event, "session_ended");
  EXPECT_EQ(nlohmann::json::parse(event->data)["reason"], "account_disabled");
  EXPECT_FALSE(stream.Next(1s).has_value());
  EXPECT_TRUE(stream.Ended()) << "the server closed the stream";
}

TEST_F(EventStreamTest, SigningOutClosesOnlyThatSessionsStream) {
  const auto first = Login("grid7", "Grid-Pass-2026");
  const auto second = Login("grid7", "Grid-Pass-2026");
  testing::EventStreamReader a(server_->port(), "/api/stream", first);
  testing::EventStreamReader b(server_->port(), "/api/stream", second);
  ASSERT_EQ(client_->PostJson("/api/auth/logout", nullptr, first).status, 204);
  const auto event = a.Next(1s);
  ASSERT_TRUE(event.has_value());
  EXPECT_EQ(nlohmann::json::parse(event->data)["reason"], "signed_out");
  EXPECT_FALSE(b.Next(300ms).has_value());
  EXPECT_FALSE(b.Ended());
}

TEST_F(EventStreamTest, AnonymousStreamsAreRefusedWithTheErrorShape) {
  testing::EventStreamReader stream(server_->port(), "/api/stream", "");
  EXPECT_EQ(stream.status(), 401);
  EXPECT_TRUE(stream.Ended());
}

}  // namespace
}  // namespace shequ
