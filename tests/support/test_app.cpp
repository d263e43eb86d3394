#include "support/test_app.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace shequ::testing {

TestApp::TestApp(app::ApplicationOptions options)
    : clock_(1'795'000'000'000), database_url_(FreshDatabaseUrl()) {
  options.database_url = database_url_;
  options.clock = &clock_;
  if (!options.vault && options.key_file.empty()) options.vault = registry::Vault::ForTesting();
  if (options.attachments_dir.empty()) {
    // Each test's files apart, whichever backend holds its rows.
    static std::atomic<int> next{0};
    options.attachments_dir =
        (std::filesystem::temp_directory_path() /
         ("shequ-attachments-" + std::to_string(::getpid()) + "-" + std::to_string(++next)))
            .string();
  }
  app_ = std::make_unique<app::Application>(options);
  app_->Migrate();
}

void TestApp::CreateUser(const std::string& username, const std::string& role,
                         const std::vector<std::string>& scopes, const std::string& password) {
  accounts::NewUser user;
  user.username = username;
  user.role = role;
  user.scopes = scopes;
  user.password = password;
  app_->accounts().Create(nullptr, user);
}

std::string TestApp::Login(const std::string& username, const std::string& password) {
  auto response = Post("/api/auth/login", {{"username", username}, {"password", password}});
  EXPECT_EQ(response.status, 200) << response.body;
  return BodyOf(response).value("token", "");
}

http::Response TestApp::Call(http::Method method, const std::string& target, const std::string& token,
                             const std::string& body, const std::string& content_type,
                             const std::string& ip) {
  http::Request request;
  request.method = method;
  const auto question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query_string = target.substr(question + 1);
  request.body = body;
  request.remote_ip = ip;
  if (!token.empty()) request.headers.emplace_back("authorization", "Bearer " + token);
  if (!body.empty() && !content_type.empty()) request.headers.emplace_back("content-type", content_type);
  return app_->dispatcher().Handle(request).response;
}

http::Response TestApp::Get(const std::string& target, const std::string& token) {
  return Call(http::Method::kGet, target, token);
}

http::Response TestApp::Post(const std::string& target, const nlohmann::json& body,
                             const std::string& token) {
  return Call(http::Method::kPost, target, token, body.dump());
}

http::Response TestApp::Patch(const std::string& target, const nlohmann::json& body,
                              const std::string& token) {
  return Call(http::Method::kPatch, target, token, body.dump());
}

std::optional<ErrorCode> ErrorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.code();
  }
  return std::nullopt;
}

std::string ErrorCodeOf(const http::Response& response) {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object() && body.contains("error")) return body["error"].value("code", "");
  return "";
}

nlohmann::json BodyOf(const http::Response& response) {
  return nlohmann::json::parse(response.body, nullptr, false);
}

}  // namespace shequ::testing
