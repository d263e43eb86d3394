#include "core/http/dispatcher.hpp"

#include <gtest/gtest.h>

#include "core/db/database.hpp"

namespace shequ::http {
namespace {

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest()
      : dispatcher_(router_, permissions_, [this](const Request& r) { return Authenticate(r); }) {
    permissions_.Grant("things.read", {auth::Role::kCommunity});
    router_.Add(
        {.method = Method::kGet, .pattern = "/open", .permission = "public", .handler = [](RequestContext&) {
           return Json({{"ok", true}});
         }});
    router_.Add({.method = Method::kGet,
                 .pattern = "/things/{id}",
                 .permission = "things.read",
                 .handler = [this](RequestContext& c) {
                   ++handler_runs_;
                   return Json({{"id", c.PathId("id")}, {"by", c.principal().username}});
                 }});
    router_.Add({.method = Method::kPost,
                 .pattern = "/things",
                 .permission = "signed_in",
                 .handler = [](RequestContext& c) { return Json(c.JsonBody(), 201); },
                 .max_body_bytes = 32});
    router_.Add(
        {.method = Method::kGet,
         .pattern = "/boom",
         .permission = "public",
         .handler = [](RequestContext&) -> Response { throw std::runtime_error("secret internals"); }});
    router_.Add({.method = Method::kGet,
                 .pattern = "/dup",
                 .permission = "public",
                 .handler = [](RequestContext&) -> Response {
                   throw db::DatabaseError(db::DatabaseError::Kind::kUniqueViolation, "users_username_key");
                 }});
    dispatcher_.OnDenied([this](const Request&, const auth::Principal&, const Route&) { ++denied_; });
  }

  auth::Principal Authenticate(const Request& request) {
    const auto header = request.Header("authorization");
    if (!header) throw Error(ErrorCode::kUnauthenticated);
    auth::Principal principal;
    principal.username = header->substr(7);
    principal.role = principal.username == "community" ? auth::Role::kCommunity : auth::Role::kResident;
    return principal;
  }

  Response Call(Method method, std::string path, const std::string& user = "", std::string body = "") {
    Request request;
    request.method = method;
    request.path = std::move(path);
    request.body = std::move(body);
    if (!user.empty()) request.headers.emplace_back("authorization", "Bearer " + user);
    request.headers.emplace_back("content-type", "application/json");
    return dispatcher_.Handle(request).response;
  }

  static std::string Code(const Response& response) {
    return nlohmann::json::parse(response.body)["error"]["code"];
  }

  Router router_;
  PermissionTable permissions_;
  Dispatcher dispatcher_;
  int handler_runs_ = 0;
  int denied_ = 0;
};

TEST_F(DispatcherTest, ChecksSignInThenRoleBeforeTheHandlerRuns) {
  EXPECT_EQ(Call(Method::kGet, "/open").status, 200);
  auto anonymous = Call(Method::kGet, "/things/1");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(Code(anonymous), "unauthenticated");
  auto resident = Call(Method::kGet, "/things/1", "resident");
  EXPECT_EQ(resident.status, 403);
  EXPECT_EQ(Code(resident), "forbidden");
  EXPECT_EQ(handler_runs_, 0);
  EXPECT_EQ(denied_, 1);
  auto community = Call(Method::kGet, "/things/1", "community");
  EXPECT_EQ(community.status, 200);
  EXPECT_EQ(nlohmann::json::parse(community.body)["by"], "community");
  EXPECT_EQ(handler_runs_, 1);
}

TEST_F(DispatcherTest, UnknownRoutesAndMethodsHaveTheirOwnCodes) {
  EXPECT_EQ(Code(Call(Method::kGet, "/nowhere")), "route_not_found");
  auto wrong = Call(Method::kDelete, "/things/1", "community");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(Code(wrong), "method_not_allowed");
  ASSERT_EQ(wrong.headers.size(), 1u);
  EXPECT_EQ(wrong.headers[0], std::make_pair(std::string("Allow"), std::string("GET")));
}

TEST_F(DispatcherTest, BodyLimitAndJsonChecksApply) {
  EXPECT_EQ(Call(Method::kPost, "/things", "resident", R"({"a":1})").status, 201);
  auto large = Call(Method::kPost, "/things", "resident", R"({"a":")" + std::string(64, 'x') + "\"}");
  EXPECT_EQ(large.status, 413);
  EXPECT_EQ(Code(large), "payload_too_large");
  EXPECT_EQ(Code(Call(Method::kPost, "/things", "resident", "{oops")), "invalid_json");
}

TEST_F(DispatcherTest, NonNumericIdsAreNotFound) {
  EXPECT_EQ(Code(Call(Method::kGet, "/things/abc", "community")), "not_found");
  EXPECT_EQ(Code(Call(Method::kGet, "/things/-1", "community")), "not_found");
}

TEST_F(DispatcherTest, InternalFailuresNeverLeakTheirText) {
  auto boom = Call(Method::kGet, "/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(Code(boom), "internal_error");
  EXPECT_EQ(boom.body.find("secret"), std::string::npos);
  auto duplicate = Call(Method::kGet, "/dup");
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.body.find("users_username_key"), std::string::npos);
}

}  // namespace
}  // namespace shequ::http
