#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace shequ::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete, kHead, kOptions, kOther };
std::string_view MethodName(Method method);
Method ParseMethod(std::string_view name);

// A parsed HTTP request, independent of the server library.
struct Request {
  Method method = Method::kGet;
  std::string path;                                          // decoded path, without the query
  std::string query_string;                                  // raw, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_ip;

  std::optional<std::string> Header(std::string_view lower_name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
  // Query parameter, percent-decoded; the last occurrence wins.
  std::optional<std::string> Query(std::string_view name) const;
  std::vector<std::pair<std::string, std::string>> QueryPairs() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool event_stream = false;  // the server keeps the connection open and streams events
};

Response Json(const nlohmann::json& body, int status = 200);
// A body already written as JSON text (json::JsonWriter).
Response JsonText(std::string body, int status = 200);
Response NoContent();

std::string PercentDecode(std::string_view text);

}  // namespace shequ::http
