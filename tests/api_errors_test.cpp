// The one error shape, for every kind of bad input, and that a refused request writes nothing.
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_app.hpp"
#include "support/test_database.hpp"

namespace shequ {
namespace {

using testing::BodyOf;

class ApiErrorsTest : public ::testing::Test {
 protected:
  ApiErrorsTest() {
    app_.CreateUser("admin", "admin", {});
    token_ = app_.Login("admin");
  }

  void ExpectError(const http::Response& response, int status, const std::string& code) {
    EXPECT_EQ(response.status, status) << response.body;
    const auto body = BodyOf(response);
    ASSERT_TRUE(body.is_object()) << response.body;
    ASSERT_TRUE(body.contains("error")) << response.body;
    EXPECT_EQ(body["error"]["code"], code);
    EXPECT_TRUE(body["error"]["message"].is_string());
    EXPECT_FALSE(body["error"]["message_zh"].get<std::string>().empty());
    EXPECT_TRUE(body["error"]["details"].is_array());
  }

  std::int64_t UserCount() { return static_cast<std::int64_t>(app_.app().accounts().ListAll().size()); }

  testing::TestApp app_;
  std::string token_;
};

TEST_F(ApiErrorsTest, EachKindOfBadInputHasItsOwnCode) {
  using http::Method;
  ExpectError(app_.Call(Method::kPost, "/api/users", token_, "{\"username\":"), 400, "invalid_json");
  ExpectError(app_.Post("/api/users", {{"role", "resident"}, {"password", "x"}}, token_), 422,
              "field_missing");
  ExpectError(app_.Post("/api/users", {{"username", 42}, {"role", "resident"}, {"password", "x"}}, token_),
              422, "field_type_mismatch");
  ExpectError(
      app_.Post("/api/users", {{"username", "abc"}, {"role", "resident"}, {"password", "x"}, {"colour", 1}},
                token_),
      422, "field_invalid");
  ExpectError(
      app_.Call(Method::kPost, "/api/users", token_, "username=abc", "application/x-www-form-urlencoded"),
      415, "unsupported_media_type");
  ExpectError(app_.Call(Method::kPost, "/api/users", token_, std::string(9000, ' ')), 413,
              "payload_too_large");
  ExpectError(app_.Get("/api/no-such-thing", token_), 404, "route_not_found");
  ExpectError(app_.Call(Method::kDelete, "/api/users", token_), 405, "method_not_allowed");
  ExpectError(app_.Get("/api/users?limit=0", token_), 400, "invalid_query_parameter");
  ExpectError(app_.Get("/api/users?limit=abc", token_), 400, "invalid_query_parameter");
  ExpectError(app_.Get("/api/audit?from=yesterday", token_), 400, "invalid_query_parameter");
  ExpectError(app_.Get("/api/users/999999", token_), 404, "not_found");
  ExpectError(app_.Get("/api/users", "not-a-token"), 401, "unauthenticated");
  ExpectError(
      app_.Post(
          "/api/users",
          {{"username", "weak"}, {"role", "resident"}, {"scopes", {"610921100001"}}, {"password", "123"}},
          token_),
      422, "weak_password");
}

TEST_F(ApiErrorsTest, ARefusedRequestWritesNothing) {
  const auto users_before = UserCount();
  const auto audit_before = app_.app().audit().Search({}).size();
  const nlohmann::json bad_bodies[] = {
      {{"username", "ok-name"}, {"role", "resident"}, {"scopes", {"610921100001"}}, {"password", "short"}},
      {{"username", "ok-name"},
       {"role", "emperor"},
       {"scopes", {"610921100001"}},
       {"password", "Long-Enough-2026"}},
      {{"username", "ok-name"},
       {"role", "resident"},
       {"scopes", {"61092"}},
       {"password", "Long-Enough-2026"}},
      {{"username", "ok-name"},
       {"role", "resident"},
       {"scopes", nlohmann::json::array()},
       {"password", "Long-Enough-2026"}},
      {{"username", "admin"},
       {"role", "resident"},
       {"scopes", {"610921100001"}},
       {"password", "Long-Enough-2026"}},
  };
  for (const auto& body : bad_bodies) {
    const auto response = app_.Post("/api/users", body, token_);
    EXPECT_GE(response.status, 400) << body.dump();
    EXPECT_LT(response.status, 500) << response.body;
  }
  EXPECT_EQ(UserCount(), users_before);
  EXPECT_EQ(app_.app().audit().Search({}).size(), audit_before);
}

TEST_F(ApiErrorsTest, TheRealServerAnswersBadRequestsInTheSameShape) {
  testing::ServerProcess server(app_.database_url());
  testing::HttpClient client(server.port());
  auto missing = client.Get("/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.ErrorCode(), "route_not_found");
  auto large = client.PostJson("/api/auth/login", {{"username", std::string(5000, 'a')}, {"password", "x"}});
  EXPECT_EQ(large.status, 413);
  EXPECT_EQ(large.ErrorCode(), "payload_too_large");
  // A request the HTTP parser cannot read at all is dropped, and the server carries on.
  try {
    client.SendRaw("NONSENSE\r\n\r\n");
  } catch (const std::exception&) {
  }
  EXPECT_EQ(client.Get("/healthz").status, 200);
  auto head = client.Send("HEAD", "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

}  // namespace
}  // namespace shequ
