#include "audit/audit_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/time_format.hpp"

namespace shequ::audit {
namespace {

std::optional<std::int64_t> TimeParam(const http::RequestContext& context, std::string_view name) {
  const auto text = context.request().Query(name);
  if (!text) return std::nullopt;
  const auto parsed = ParseTimestamp(*text);
  if (!parsed) {
    throw Error(ErrorCode::kInvalidQueryParameter,
                "Query parameter '" + std::string(name) + "' must be an RFC 3339 time or a date.",
                "查询参数“" + std::string(name) + "”须为 RFC 3339 时间或日期。",
                nlohmann::json::array({{{"parameter", name}}}));
  }
  return parsed;
}

}  // namespace

nlohmann::json ToJson(const AuditEntry& entry) {
  return {{"id", entry.id},
          {"at", FormatTimestamp(entry.at)},
          {"actor_id", entry.actor_id ? nlohmann::json(*entry.actor_id) : nlohmann::json(nullptr)},
          {"actor_name", entry.actor_name},
          {"actor_role", entry.actor_role},
          {"action", entry.action},
          {"object_type", entry.object_type},
          {"object_id", entry.object_id},
          {"region_code", entry.region_code},
          {"result", OutcomeName(entry.result)},
          {"ip", entry.ip},
          {"detail", entry.detail}};
}

http::Response ListAudit(const AuditLog& log, http::RequestContext& context) {
  const auto& request = context.request();
  AuditFilter filter;
  filter.actor = request.Query("actor");
  filter.action = request.Query("action");
  filter.object_type = request.Query("object_type");
  filter.object_id = request.Query("object_id");
  if (auto result = request.Query("result")) {
    filter.result = ParseOutcome(*result);
    if (!filter.result) {
      throw Error(ErrorCode::kInvalidQueryParameter,
                  "Query parameter 'result' must be success, failure or denied.",
                  "查询参数“result”须为 success、failure 或 denied。",
                  nlohmann::json::array({{{"parameter", "result"}}}));
    }
  }
  filter.from = TimeParam(context, "from");
  filter.to = TimeParam(context, "to");
  if (request.Query("before_id")) filter.before_id = context.QueryInt("before_id", 0, 1, INT64_MAX);
  filter.limit = context.QueryInt("limit", 50, 1, 500);

  const auto entries = log.Search(filter);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& entry : entries) items.push_back(ToJson(entry));
  nlohmann::json body = {{"items", items}};
  body["next_before_id"] = static_cast<std::int64_t>(entries.size()) == filter.limit
                               ? nlohmann::json(entries.back().id)
                               : nlohmann::json(nullptr);
  return http::Json(body);
}

}  // namespace shequ::audit
