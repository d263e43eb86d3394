#include "core/http/route.hpp"

#include <charconv>

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"

namespace shequ::http {

const auth::Principal& RequestContext::principal() const {
  if (principal_ == nullptr) throw Error(ErrorCode::kUnauthenticated);
  return *principal_;
}

const std::string& RequestContext::PathParam(const std::string& name) const {
  auto it = path_params_.find(name);
  if (it == path_params_.end()) throw Error(ErrorCode::kInternal);
  return it->second;
}

std::int64_t RequestContext::PathId(const std::string& name) const {
  const auto& text = PathParam(name);
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) throw Error(ErrorCode::kNotFound);
  return id;
}

nlohmann::json RequestContext::JsonBody() const {
  const auto type = request_.Header("content-type");
  if (!type || type->find("application/json") == std::string::npos) {
    throw Error(ErrorCode::kUnsupportedMediaType);
  }
  return json::ParseObject(request_.body);
}

nlohmann::json RequestContext::OptionalJsonBody() const {
  return request_.body.empty() ? nlohmann::json::object() : JsonBody();
}

std::int64_t RequestContext::QueryInt(std::string_view name, std::int64_t fallback, std::int64_t min,
                                      std::int64_t max) const {
  const auto text = request_.Query(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    throw Error(ErrorCode::kInvalidQueryParameter,
                "Query parameter '" + std::string(name) + "' must be an integer from " + std::to_string(min) +
                    " to " + std::to_string(max) + ".",
                "查询参数“" + std::string(name) + "”须为 " + std::to_string(min) + " 到 " +
                    std::to_string(max) + " 之间的整数。",
                nlohmann::json::array({{{"parameter", name}, {"min", min}, {"max", max}}}));
  }
  return value;
}

std::optional<std::int64_t> RequestContext::QueryTime(std::string_view name) const {
  const auto text = request_.Query(name);
  if (!text || text->empty()) return std::nullopt;
  const auto at = ParseTimestamp(*text);
  if (!at) {
    throw Error(
        ErrorCode::kInvalidQueryParameter,
        "Query parameter '" + std::string(name) + "' must be a time (RFC 3339) or a date (YYYY-MM-DD).",
        "查询参数“" + std::string(name) + "”须为时间（RFC 3339）或日期（YYYY-MM-DD）。",
        nlohmann::json::array({{{"parameter", name}, {"problem", "not_a_time"}}}));
  }
  return at;
}

}  // namespace shequ::http
