#include "core/http/static_site.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "core/http/dispatcher.hpp"

namespace shequ::http {
namespace {

class StaticSiteTest : public ::testing::Test {
 protected:
  StaticSiteTest() {
    root_ = std::filesystem::temp_directory_path() / ("shequ-site-" + std::to_string(std::random_device{}()));
    Write("index.html", "<html>console</html>");
    Write("m/index.html", "<html>phone</html>");
    Write("assets/app-abc123.js", "console.log(1)");
    Write("assets/app-abc123.js.gz", "GZIPPED");
    Write("favicon.svg", "<svg/>");
    // A file beside the root that must never be reachable.
    std::ofstream(root_.parent_path() / (root_.filename().string() + "-secret.txt")) << "secret";
  }
  ~StaticSiteTest() override {
    std::filesystem::remove_all(root_);
    std::filesystem::remove(root_.parent_path() / (root_.filename().string() + "-secret.txt"));
  }

  void Write(const std::string& relative, const std::string& text) {
    const auto path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  static Request Get(std::string path, bool gzip = false) {
    Request request;
    request.path = std::move(path);
    if (gzip) request.headers.emplace_back("accept-encoding", "gzip, deflate, br");
    return request;
  }

  static std::string HeaderOf(const Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "";
  }

  std::filesystem::path root_;
};

TEST_F(StaticSiteTest, ServesFilesWithTheirTypesAndCaching) {
  StaticSite site(root_);
  const auto asset = site.Serve(Get("/assets/app-abc123.js"));
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->body, "console.log(1)");
  EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(*asset, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(HeaderOf(*asset, "Content-Encoding"), "");

  const auto svg = site.Serve(Get("/favicon.svg"));
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->content_type, "image/svg+xml");
  EXPECT_EQ(HeaderOf(*svg, "Cache-Control"), "no-cache");
}

TEST_F(StaticSiteTest, SendsThePrecompressedFileToBrowsersThatAcceptGzip) {
  StaticSite site(root_);
  const auto asset = site.Serve(Get("/assets/app-abc123.js", true));
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->body, "GZIPPED");
  EXPECT_EQ(HeaderOf(*asset, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(*asset, "Vary"), "Accept-Encoding");
  // No .gz beside it: the plain file, unencoded.
  const auto svg = site.Serve(Get("/favicon.svg", true));
  ASSERT_TRUE(svg);
  EXPECT_EQ(HeaderOf(*svg, "Content-Encoding"), "");
}

TEST_F(StaticSiteTest, PagesOfTheAppsFallBackToTheirIndex) {
  StaticSite site(root_);
  EXPECT_EQ(site.Serve(Get("/"))->body, "<html>console</html>");
  EXPECT_EQ(site.Serve(Get("/events/42"))->body, "<html>console</html>");
  EXPECT_EQ(site.Serve(Get("/m/"))->body, "<html>phone</html>");
  EXPECT_EQ(site.Serve(Get("/m"))->body, "<html>phone</html>");
  EXPECT_EQ(site.Serve(Get("/m/worker/tasks"))->body, "<html>phone</html>");
  const auto page = site.Serve(Get("/events"));
  EXPECT_EQ(HeaderOf(*page, "Cache-Control"), "no-cache");
  EXPECT_NE(HeaderOf(*page, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
}

TEST_F(StaticSiteTest, MissingAssetsAndTheApiAreNotPages) {
  StaticSite site(root_);
  EXPECT_FALSE(site.Serve(Get("/assets/gone-123.js")));
  EXPECT_FALSE(site.Serve(Get("/assets/chunk")));
  EXPECT_FALSE(site.Serve(Get("/robots.txt")));
  EXPECT_FALSE(site.Serve(Get("/api/nothing")));
  EXPECT_FALSE(site.Serve(Get("/open311/v2/nothing")));
  Request post = Get("/");
  post.method = Method::kPost;
  EXPECT_FALSE(site.Serve(post));
}

TEST_F(StaticSiteTest, NothingOutsideTheRootIsReachable) {
  StaticSite site(root_);
  const auto secret = "/../" + root_.filename().string() + "-secret.txt";
  EXPECT_FALSE(site.Serve(Get(secret)));
  EXPECT_FALSE(site.Serve(Get("/assets/../../" + root_.filename().string() + "-secret.txt")));
  EXPECT_FALSE(site.Serve(Get("/..\\secret.txt")));
  EXPECT_FALSE(site.Serve(Get(std::string("/index.html\0.js", 15))));
}

TEST_F(StaticSiteTest, TheDispatcherServesTheSiteOnlyWhereNoRouteMatches) {
  Router router;
  PermissionTable permissions;
  router.Add({.method = Method::kGet,
              .pattern = "/api/ping",
              .permission = "public",
              .handler = [](RequestContext&) {
                return Json({{"pong", true}});
              }});
  Dispatcher dispatcher(router, permissions,
                        [](const Request&) -> auth::Principal { throw Error(ErrorCode::kUnauthenticated); });
  StaticSite site(root_);
  dispatcher.OnUnmatched([&site](const Request& request) { return site.Serve(request); });

  EXPECT_EQ(dispatcher.Handle(Get("/api/ping")).response.body, R"({"pong":true})");
  EXPECT_EQ(dispatcher.Handle(Get("/events")).response.body, "<html>console</html>");
  const auto missing = dispatcher.Handle(Get("/api/missing")).response;
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("route_not_found"), std::string::npos);
}

TEST(ContentType, KnowsTheWebsFileTypes) {
  EXPECT_EQ(ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("a.mp3"), "audio/mpeg");
  EXPECT_EQ(ContentTypeFor("noext"), "application/octet-stream");
}

}  // namespace
}  // namespace shequ::http
