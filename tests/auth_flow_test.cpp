// Sign-in, cookies, sign-out, throttling and the audit trail, against the real server.
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace shequ {
namespace {

class AuthFlowTest : public ::testing::Test {
 protected:
  AuthFlowTest() : url_(testing::FreshDatabaseUrl()) {
    testing::AddUser(url_, "admin", "admin", {}, "Ankang-Root-2026");
    testing::AddUser(url_, "lisi", "community", {"610921100001"}, "Hanyin-Street-88");
    server_ = std::make_unique<testing::ServerProcess>(url_);
    client_ = std::make_unique<testing::HttpClient>(server_->port());
  }

  testing::HttpResponse Login(const std::string& user, const std::string& password) {
    return client_->PostJson("/api/auth/login", {{"username", user}, {"password", password}});
  }

  std::string url_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<testing::HttpClient> client_;
};

TEST_F(AuthFlowTest, CookieAndBearerBothWorkUntilSignOut) {
  auto login = Login("lisi", "Hanyin-Street-88");
  ASSERT_EQ(login.status, 200) << login.body;
  const auto cookie = login.headers["set-cookie"];
  EXPECT_NE(cookie.find("shequ_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const auto token = login.Json()["token"].get<std::string>();
  EXPECT_EQ(login.Json()["user"]["role"], "community");

  auto by_cookie = client_->Send("GET", "/api/me", "", {{"Cookie", "theme=dark; shequ_session=" + token}});
  ASSERT_EQ(by_cookie.status, 200) << by_cookie.body;
  EXPECT_EQ(by_cookie.Json()["username"], "lisi");
  EXPECT_EQ(by_cookie.Json()["scopes"], nlohmann::json::array({"610921100001"}));
  EXPECT_NE(by_cookie.Json()["permissions"].dump().find("users.read"), std::string::npos);

  auto logout = client_->PostJson("/api/auth/logout", nullptr, token);
  EXPECT_EQ(logout.status, 204);
  EXPECT_NE(logout.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  auto after = client_->Get("/api/me", token);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.ErrorCode(), "unauthenticated");
}

TEST_F(AuthFlowTest, RepeatedFailuresAreThrottledWith429AndRetryAfter) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Login("lisi", "wrong-password").status, 401);
  auto throttled = Login("lisi", "Hanyin-Street-88");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.ErrorCode(), "too_many_requests");
  ASSERT_TRUE(throttled.headers.contains("retry-after"));
  EXPECT_GT(std::stoi(throttled.headers["retry-after"]), 0);
  EXPECT_LE(std::stoi(throttled.headers["retry-after"]), 15 * 60);
  EXPECT_EQ(Login("admin", "Ankang-Root-2026").status, 200) << "another user is not throttled";
}

TEST_F(AuthFlowTest, EverySignInAndChangeIsInTheAuditLog) {
  EXPECT_EQ(Login("lisi", "nope").status, 401);
  const auto lisi = Login("lisi", "Hanyin-Street-88").Json()["token"].get<std::string>();
  const auto admin = Login("admin", "Ankang-Root-2026").Json()["token"].get<std::string>();
  auto created = client_->PostJson("/api/users",
                                   {{"username", "zhaoliu"},
                                    {"role", "grid_worker"},
                                    {"display_name", "赵六"},
                                    {"scopes", {"610921100001001"}},
                                    {"password", "Zhao-Pass-2026"}},
                                   lisi);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(client_->Get("/api/audit", lisi).status, 403) << "only administrators read the audit log";

  auto failures = client_->Get("/api/audit?action=accounts.login&result=failure", admin);
  ASSERT_EQ(failures.status, 200) << failures.body;
  ASSERT_EQ(failures.Json()["items"].size(), 1u);
  EXPECT_EQ(failures.Json()["items"][0]["actor_name"], "lisi");
  EXPECT_EQ(failures.Json()["items"][0]["ip"], "127.0.0.1");

  auto logins = client_->Get("/api/audit?action=accounts.login&result=success", admin);
  EXPECT_EQ(logins.Json()["items"].size(), 2u);
  auto creation = client_->Get("/api/audit?action=accounts.create_user&actor=lisi", admin);
  ASSERT_EQ(creation.Json()["items"].size(), 1u);
  EXPECT_EQ(creation.Json()["items"][0]["actor_role"], "community");
  EXPECT_EQ(creation.Json()["items"][0]["detail"]["username"], "zhaoliu");
  auto console = client_->Get("/api/audit?action=accounts.create_user&actor=console", admin);
  EXPECT_EQ(console.Json()["items"].size(), 2u) << "accounts made at the server console are recorded too";
  auto denied = client_->Get("/api/audit?action=access.denied", admin);
  ASSERT_EQ(denied.Json()["items"].size(), 1u);
  EXPECT_EQ(denied.Json()["items"][0]["result"], "denied");
  EXPECT_EQ(denied.Json()["items"][0]["object_id"], "/api/audit");
}

TEST_F(AuthFlowTest, PasswordChangeSignsOutOtherDevices) {
  const auto phone = Login("lisi", "Hanyin-Street-88").Json()["token"].get<std::string>();
  const auto desk = Login("lisi", "Hanyin-Street-88").Json()["token"].get<std::string>();
  auto wrong = client_->PostJson("/api/me/password",
                                 {{"current_password", "nope"}, {"new_password", "Hanyin-Renewed-99"}}, desk);
  EXPECT_EQ(wrong.status, 401);
  auto weak = client_->PostJson("/api/me/password",
                                {{"current_password", "Hanyin-Street-88"}, {"new_password", "lisi1"}}, desk);
  EXPECT_EQ(weak.ErrorCode(), "weak_password");
  auto changed = client_->PostJson(
      "/api/me/password", {{"current_password", "Hanyin-Street-88"}, {"new_password", "Hanyin-Renewed-99!"}},
      desk);
  EXPECT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(client_->Get("/api/me", desk).status, 200);
  EXPECT_EQ(client_->Get("/api/me", phone).status, 401);
  EXPECT_EQ(Login("lisi", "Hanyin-Renewed-99!").status, 200);
}

}  // namespace
}  // namespace shequ
