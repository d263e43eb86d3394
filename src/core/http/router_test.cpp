#include "core/http/router.hpp"

#include <gtest/gtest.h>

namespace shequ::http {
namespace {

Route Make(Method method, std::string pattern) {
  return Route{.method = method, .pattern = std::move(pattern), .permission = "public", .handler = {}};
}

TEST(Router, MatchesStaticAndParameterisedPaths) {
  Router router;
  router.Add(Make(Method::kGet, "/api/users"));
  router.Add(Make(Method::kGet, "/api/users/{id}"));
  router.Add(Make(Method::kPost, "/api/users/{id}/password"));
  auto match = router.Find(Method::kGet, "/api/users/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/users/{id}");
  EXPECT_EQ(match.params["id"], "42");
  EXPECT_EQ(router.Find(Method::kGet, "/api/users").route->pattern, "/api/users");
  EXPECT_EQ(router.Find(Method::kPost, "/api/users/7/password").params["id"], "7");
}

TEST(Router, TellsAMissingPathFromAWrongMethod) {
  Router router;
  router.Add(Make(Method::kGet, "/api/users/{id}"));
  router.Add(Make(Method::kPatch, "/api/users/{id}"));
  auto wrong_method = router.Find(Method::kDelete, "/api/users/1");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_EQ(wrong_method.allowed, std::vector<Method>({Method::kGet, Method::kPatch}));
  auto missing = router.Find(Method::kGet, "/api/people/1");
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_TRUE(missing.allowed.empty());
  EXPECT_EQ(router.Find(Method::kGet, "/api/users/1/extra").route, nullptr);
}

TEST(Router, DecodesParametersAndServesHeadAsGet) {
  Router router;
  router.Add(Make(Method::kGet, "/api/regions/{code}"));
  EXPECT_EQ(router.Find(Method::kGet, "/api/regions/%E6%B1%89%E9%98%B4").params["code"], "汉阴");
  EXPECT_NE(router.Find(Method::kHead, "/api/regions/1").route, nullptr);
}

TEST(Router, MatchesParametersWithALiteralSuffix) {
  Router router;
  router.Add(Make(Method::kGet, "/open311/v2/services/{service_code}.json"));
  router.Add(Make(Method::kGet, "/open311/v2/services/{service_code}.xml"));
  auto json = router.Find(Method::kGet, "/open311/v2/services/order.noise.json");
  ASSERT_NE(json.route, nullptr);
  EXPECT_EQ(json.route->pattern, "/open311/v2/services/{service_code}.json");
  EXPECT_EQ(json.params["service_code"], "order.noise");
  EXPECT_EQ(router.Find(Method::kGet, "/open311/v2/services/a.xml").params["service_code"], "a");
  EXPECT_EQ(router.Find(Method::kGet, "/open311/v2/services/order.noise.html").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/open311/v2/services/.json").route, nullptr) << "the name is required";
}

TEST(Router, RefusesTheSameRouteTwice) {
  Router router;
  router.Add(Make(Method::kGet, "/healthz"));
  EXPECT_THROW(router.Add(Make(Method::kGet, "/healthz")), std::logic_error);
}

}  // namespace
}  // namespace shequ::http
