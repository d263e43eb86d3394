#include "core/errors/error.hpp"

#include <array>
#include <span>

namespace shequ {
namespace {

constexpr std::array kErrors = {
    ErrorInfo{ErrorCode::kInvalidJson, "invalid_json", 400, "The request body is not valid JSON.",
              "请求内容不是有效的 JSON。"},
    ErrorInfo{ErrorCode::kFieldMissing, "field_missing", 422, "A required field is missing.",
              "缺少必填字段。"},
    ErrorInfo{ErrorCode::kFieldTypeMismatch, "field_type_mismatch", 422, "A field has the wrong type.",
              "字段类型不正确。"},
    ErrorInfo{ErrorCode::kFieldInvalid, "field_invalid", 422, "A field has an invalid value.",
              "字段取值无效。"},
    ErrorInfo{ErrorCode::kPayloadTooLarge, "payload_too_large", 413, "The request body is too large.",
              "请求内容过大。"},
    ErrorInfo{ErrorCode::kUnsupportedMediaType, "unsupported_media_type", 415,
              "The request body must be sent as application/json.", "请求内容须为 application/json 格式。"},
    ErrorInfo{ErrorCode::kRouteNotFound, "route_not_found", 404, "No such endpoint.", "接口不存在。"},
    ErrorInfo{ErrorCode::kMethodNotAllowed, "method_not_allowed", 405,
              "This endpoint does not accept that method.", "该接口不支持此请求方法。"},
    ErrorInfo{ErrorCode::kInvalidQueryParameter, "invalid_query_parameter", 400,
              "A query parameter is invalid.", "查询参数无效。"},
    ErrorInfo{ErrorCode::kUnauthenticated, "unauthenticated", 401, "Sign in first.", "请先登录。"},
    ErrorInfo{ErrorCode::kSessionExpired, "session_expired", 401, "Your session has expired; sign in again.",
              "登录已过期，请重新登录。"},
    ErrorInfo{ErrorCode::kInvalidCredentials, "invalid_credentials", 401, "Wrong username or password.",
              "用户名或密码错误。"},
    ErrorInfo{ErrorCode::kForbidden, "forbidden", 403, "You do not have permission for this action.",
              "您没有执行此操作的权限。"},
    ErrorInfo{ErrorCode::kNotFound, "not_found", 404, "The object does not exist.", "对象不存在。"},
    ErrorInfo{ErrorCode::kConflict, "conflict", 409, "The change conflicts with existing data.",
              "该操作与现有数据冲突。"},
    ErrorInfo{ErrorCode::kWeakPassword, "weak_password", 422,
              "The password does not meet the password policy.", "密码不符合安全策略。"},
    ErrorInfo{ErrorCode::kTooManyRequests, "too_many_requests", 429, "Too many attempts; try again later.",
              "尝试次数过多，请稍后再试。"},
    ErrorInfo{ErrorCode::kShuttingDown, "shutting_down", 503, "The server is restarting; try again shortly.",
              "服务正在重启，请稍后再试。"},
    ErrorInfo{ErrorCode::kInternal, "internal_error", 500, "An internal error occurred.", "服务器内部错误。"},
    ErrorInfo{ErrorCode::kUsernameTaken, "username_taken", 409, "That username is already taken.",
              "该用户名已被占用。"},
    ErrorInfo{ErrorCode::kScopeViolation, "scope_violation", 422,
              "The value names a region outside your area.", "所填区域超出您的管辖范围。"},
};

}  // namespace

const ErrorInfo& InfoFor(ErrorCode code) {
  for (const auto& info : kErrors) {
    if (info.code == code) return info;
  }
  return kErrors.back();  // unreachable while every enumerator has a row (checked by a test)
}

std::span<const ErrorInfo> AllErrors() { return kErrors; }

Error::Error(ErrorCode code, nlohmann::json details)
    : code_(code),
      message_(InfoFor(code).message),
      message_zh_(InfoFor(code).message_zh),
      details_(std::move(details)) {}

Error::Error(ErrorCode code, std::string message, std::string message_zh, nlohmann::json details)
    : code_(code),
      message_(std::move(message)),
      message_zh_(std::move(message_zh)),
      details_(std::move(details)) {}

nlohmann::json Error::ToJson() const {
  return {{"error",
           {{"code", std::string(InfoFor(code_).name)},
            {"message", message_},
            {"message_zh", message_zh_},
            {"details", details_.is_array() ? details_ : nlohmann::json::array({details_})}}}};
}

nlohmann::json FieldDetail(std::string_view field, std::string_view problem) {
  return {{"field", field}, {"problem", problem}};
}

}  // namespace shequ
