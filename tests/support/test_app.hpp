#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/application.hpp"
#include "core/clock.hpp"
#include "core/errors/error.hpp"
#include "core/http/request.hpp"

namespace shequ::testing {

// The whole application in-process on a fresh database, with a clock the test moves, driven
// through the Dispatcher: every rule and route without sockets.
class TestApp {
 public:
  explicit TestApp(app::ApplicationOptions options = {});

  app::Application& app() { return *app_; }
  ManualClock& clock() { return clock_; }
  const std::string& database_url() const { return database_url_; }

  // Creates an account through the service (as the console would).
  void CreateUser(const std::string& username, const std::string& role,
                  const std::vector<std::string>& scopes, const std::string& password = "Shequ-Test-2026");
  // Signs in and returns the bearer token; fails the test when sign-in fails.
  std::string Login(const std::string& username, const std::string& password = "Shequ-Test-2026");

  http::Response Call(http::Method method, const std::string& target, const std::string& token = "",
                      const std::string& body = "", const std::string& content_type = "application/json",
                      const std::string& ip = "127.0.0.1");
  http::Response Get(const std::string& target, const std::string& token = "");
  http::Response Post(const std::string& target, const nlohmann::json& body, const std::string& token = "");
  http::Response Patch(const std::string& target, const nlohmann::json& body, const std::string& token = "");

 private:
  ManualClock clock_;
  std::string database_url_;
  std::unique_ptr<app::Application> app_;
};

// The code of the shequ::Error that `action` throws, or nullopt when it throws none.
std::optional<ErrorCode> ErrorOf(const std::function<void()>& action);

// The body's error.code, or "" when it is not an error.
std::string ErrorCodeOf(const http::Response& response);
nlohmann::json BodyOf(const http::Response& response);

}  // namespace shequ::testing
