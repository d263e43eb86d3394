// The one error type of shequ: a stable machine code with English and Chinese text, mapped to an
// HTTP status only by the HTTP layer (core/http), never by services.
#pragma once

#include <cstdint>
#include <exception>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace shequ {

// Values are stable: they are serialised into logs and the published error table (docs/errors.md).
enum class ErrorCode : std::uint8_t {
  kInvalidJson = 1,            // body is not parseable JSON
  kFieldMissing = 2,           // a required field is absent
  kFieldTypeMismatch = 3,      // a field has the wrong JSON type
  kFieldInvalid = 4,           // a field has the right type but a bad value
  kPayloadTooLarge = 5,        // body over the route's limit
  kUnsupportedMediaType = 6,   // body sent with a content type other than JSON
  kRouteNotFound = 7,          // no route has this path
  kMethodNotAllowed = 8,       // the path exists, not with this method
  kInvalidQueryParameter = 9,  // a query parameter is malformed or out of range
  kUnauthenticated = 10,       // no valid session
  kSessionExpired = 11,        // the session timed out
  kInvalidCredentials = 12,    // wrong username or password
  kForbidden = 13,             // the role lacks the permission
  kNotFound = 14,              // no such object within the caller's scope
  kConflict = 15,              // the change collides with existing data
  kWeakPassword = 16,          // password policy not met
  kTooManyRequests = 17,       // throttled
  kShuttingDown = 18,          // server is draining for shutdown
  kInternal = 19,              // a bug or an unavailable dependency
  kUsernameTaken = 20,         // a user with that name exists
  kScopeViolation = 21,        // a value names a region outside the caller's scope
};

struct ErrorInfo {
  ErrorCode code;
  std::string_view name;  // snake_case machine code sent to clients
  int http_status;
  std::string_view message;     // English
  std::string_view message_zh;  // 中文
};

const ErrorInfo& InfoFor(ErrorCode code);
std::span<const ErrorInfo> AllErrors();

// Thrown by services and parsers; rendered once by the HTTP layer. `details` carries
// machine-readable specifics (field paths, limits) and never internal text.
class Error : public std::exception {
 public:
  explicit Error(ErrorCode code, nlohmann::json details = nlohmann::json::array());
  Error(ErrorCode code, std::string message, std::string message_zh,
        nlohmann::json details = nlohmann::json::array());

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& message_zh() const { return message_zh_; }
  const nlohmann::json& details() const { return details_; }
  const char* what() const noexcept override { return message_.c_str(); }

  nlohmann::json ToJson() const;

 private:
  ErrorCode code_;
  std::string message_;
  std::string message_zh_;
  nlohmann::json details_;
};

// One entry of `details` naming the offending field by its JSON path.
nlohmann::json FieldDetail(std::string_view field, std::string_view problem);

}  // namespace shequ
