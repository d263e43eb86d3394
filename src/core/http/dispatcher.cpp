#include "core/http/dispatcher.hpp"

#include <iostream>

#include "core/db/database.hpp"

namespace shequ::http {

void PermissionTable::Grant(const std::string& permission, const std::vector<auth::Role>& roles) {
  auto& granted = grants_[permission];
  granted.insert(roles.begin(), roles.end());
}

bool PermissionTable::Allows(auth::Role role, std::string_view permission) const {
  auto it = grants_.find(permission);
  return it != grants_.end() && it->second.contains(role);
}

bool PermissionTable::Knows(std::string_view permission) const { return grants_.contains(permission); }

Response RenderError(const Error& error) {
  Response response = Json(error.ToJson(), InfoFor(error.code()).http_status);
  for (const auto& detail : error.details()) {
    if (detail.is_object() && detail.contains("retry_after_seconds")) {
      response.headers.emplace_back("Retry-After",
                                    std::to_string(detail["retry_after_seconds"].get<std::int64_t>()));
    }
  }
  return response;
}

Dispatcher::Outcome Dispatcher::Handle(const Request& request) const {
  Outcome outcome;
  try {
    auto match = router_.Find(request.method, request.path);
    if (match.route == nullptr) {
      if (match.allowed.empty()) {
        if (on_unmatched_) {
          if (auto response = on_unmatched_(request)) {
            outcome.response = std::move(*response);
            return outcome;
          }
        }
        throw Error(ErrorCode::kRouteNotFound);
      }
      std::string allow;
      for (auto method : match.allowed)
        allow += (allow.empty() ? "" : ", ") + std::string(MethodName(method));
      outcome.response = RenderError(
          Error(ErrorCode::kMethodNotAllowed, nlohmann::json::array({{{"allowed_methods", allow}}})));
      outcome.response.headers.emplace_back("Allow", allow);
      return outcome;
    }
    const Route& route = *match.route;
    outcome.route = &route;
    if (request.body.size() > route.max_body_bytes) {
      throw Error(ErrorCode::kPayloadTooLarge,
                  nlohmann::json::array({{{"max_bytes", route.max_body_bytes}}}));
    }
    if (route.permission != kPublic) {
      outcome.principal = authenticate_(request);
      if (route.permission != kSignedIn && !permissions_.Allows(outcome.principal->role, route.permission)) {
        if (on_denied_) on_denied_(request, *outcome.principal, route);
        throw Error(ErrorCode::kForbidden);
      }
    }
    RequestContext context(request, std::move(match.params),
                           outcome.principal ? &*outcome.principal : nullptr);
    outcome.response = route.handler(context);
  } catch (const Error& error) {
    outcome.response = RenderError(error);
  } catch (const db::DatabaseError& error) {
    std::cerr << "{\"level\":\"error\",\"event\":\"database_error\",\"path\":" << nlohmann::json(request.path)
              << ",\"message\":" << nlohmann::json(error.what()) << "}\n";
    outcome.response =
        RenderError(Error(error.kind() == db::DatabaseError::Kind::kUniqueViolation ? ErrorCode::kConflict
                                                                                    : ErrorCode::kInternal));
  } catch (const std::exception& error) {
    std::cerr << "{\"level\":\"error\",\"event\":\"unhandled_exception\",\"path\":"
              << nlohmann::json(request.path) << ",\"message\":" << nlohmann::json(error.what()) << "}\n";
    outcome.response = RenderError(Error(ErrorCode::kInternal));
  }
  return outcome;
}

}  // namespace shequ::http
