#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace shequ::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  nlohmann::json Json() const { return nlohmann::json::parse(body); }
  std::string ErrorCode() const;  // body.error.code, or "" when the body is not an error
};

// A small blocking HTTP/1.1 client over one keep-alive connection, for black-box tests.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port, std::string host = "127.0.0.1");
  ~HttpClient();

  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::vector<std::pair<std::string, std::string>>& headers = {});
  HttpResponse Get(const std::string& target, const std::string& token = "");
  HttpResponse PostJson(const std::string& target, const nlohmann::json& body, const std::string& token = "");
  HttpResponse PatchJson(const std::string& target, const nlohmann::json& body,
                         const std::string& token = "");
  // Sends raw bytes and reads one response (for malformed requests).
  HttpResponse SendRaw(const std::string& bytes);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

struct StreamEvent {
  std::string event;
  std::string data;
};

// An open server-sent events stream.
class EventStreamReader {
 public:
  EventStreamReader(std::uint16_t port, const std::string& target, const std::string& token);
  ~EventStreamReader();
  int status() const;
  // The next event (comments skipped), or nullopt at timeout or end of stream.
  std::optional<StreamEvent> Next(std::chrono::milliseconds timeout);
  bool Ended() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shequ::testing
