#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/auth/principal.hpp"
#include "core/http/request.hpp"

namespace shequ::http {

// Permission names a route can require besides a module permission.
inline constexpr std::string_view kPublic = "public";       // no sign-in
inline constexpr std::string_view kSignedIn = "signed_in";  // any signed-in user

// What a handler sees: the request, its path parameters and the signed-in user (when the route
// is not public). Parsing helpers throw shequ::Error with the field named.
class RequestContext {
 public:
  RequestContext(const Request& request, std::map<std::string, std::string> path_params,
                 const auth::Principal* principal)
      : request_(request), path_params_(std::move(path_params)), principal_(principal) {}

  const Request& request() const { return request_; }
  const auth::Principal& principal() const;
  bool signed_in() const { return principal_ != nullptr; }
  const std::string& PathParam(const std::string& name) const;
  // A numeric id from the path; anything else is answered as "not found".
  std::int64_t PathId(const std::string& name) const;
  // The body as a JSON object (415 for a non-JSON content type, 400 for bad JSON).
  nlohmann::json JsonBody() const;
  // The same, with an absent body read as {} (for actions whose fields are all optional).
  nlohmann::json OptionalJsonBody() const;
  // Integer query parameter within [min, max], or `fallback` when absent.
  std::int64_t QueryInt(std::string_view name, std::int64_t fallback, std::int64_t min,
                        std::int64_t max) const;
  // A time query parameter (RFC 3339 or a date) as epoch milliseconds, nullopt when absent or empty.
  std::optional<std::int64_t> QueryTime(std::string_view name) const;

 private:
  const Request& request_;
  std::map<std::string, std::string> path_params_;
  const auth::Principal* principal_;
};

using Handler = std::function<Response(RequestContext&)>;

struct QueryParamDoc {
  std::string name;
  std::string type;  // OpenAPI type: string, integer, boolean
  std::string description;
};

// What the OpenAPI document says about a route.
struct RouteDoc {
  std::string summary;
  std::string tag;
  nlohmann::json request_schema;   // null when the route takes no body
  nlohmann::json response_schema;  // schema of the success body
  int success_status = 200;
  std::vector<QueryParamDoc> query;
  std::string content_type = "application/json";
  // Bodies other than JSON (file uploads), each described as binary; empty: the body is JSON.
  std::vector<std::string> request_content_types;
};

struct Route {
  Method method;
  std::string pattern;     // "/api/users/{id}"
  std::string permission;  // kPublic, kSignedIn or a module permission ("audit.read")
  Handler handler;
  RouteDoc doc;
  std::size_t max_body_bytes = std::size_t{64} * 1024;
  bool event_stream = false;
};

}  // namespace shequ::http
