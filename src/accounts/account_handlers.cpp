#include "accounts/account_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"

namespace shequ::accounts {
namespace {

nlohmann::json OptionalTime(const std::optional<std::int64_t>& millis) {
  return millis ? nlohmann::json(FormatTimestamp(*millis)) : nlohmann::json(nullptr);
}

std::string SessionCookie(const CookieSettings& cookies, const std::string& value,
                          std::int64_t max_age_seconds) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds) +
         (cookies.secure ? "; Secure" : "");
}

}  // namespace

nlohmann::json UserJson(const User& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", auth::RoleName(user.role)},
          {"scopes", user.scopes},
          {"disabled", user.disabled},
          {"created_at", FormatTimestamp(user.created_at)},
          {"updated_at", FormatTimestamp(user.updated_at)},
          {"last_login_at", OptionalTime(user.last_login_at)}};
}

nlohmann::json UserSchema() {
  return {{"type", "object"},
          {"required", {"id", "username", "display_name", "role", "scopes", "disabled", "created_at"}},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"username", {{"type", "string"}}},
            {"display_name", {{"type", "string"}}},
            {"role", {{"type", "string"}}},
            {"scopes", {{"type", "array"}, {"items", {{"type", "string"}}}}},
            {"disabled", {{"type", "boolean"}}},
            {"created_at", {{"type", "string"}, {"format", "date-time"}}},
            {"updated_at", {{"type", "string"}, {"format", "date-time"}}},
            {"last_login_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}}}}};
}

auth::Principal AuthenticateRequest(SessionService& sessions, const http::Request& request) {
  std::string token;
  if (auto header = request.Header("authorization"); header && header->starts_with("Bearer ")) {
    token = header->substr(7);
  } else if (auto cookie = request.Cookie(kSessionCookie)) {
    token = *cookie;
  }
  if (token.empty()) throw Error(ErrorCode::kUnauthenticated);
  return sessions.Authenticate(token, request.remote_ip);
}

http::Response Login(SessionService& sessions, const CookieSettings& cookies, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"username", "password"});
  const auto username = reader.RequireString("username");
  const auto password = reader.RequireString("password");
  const auto user_agent = context.request().Header("user-agent").value_or("");
  const auto result = sessions.Login(username, password, context.request().remote_ip, user_agent);
  auto response = http::Json({{"token", result.token},
                              {"expires_at", FormatTimestamp(result.expires_at)},
                              {"user", UserJson(result.user)}});
  response.headers.emplace_back(
      "Set-Cookie",
      SessionCookie(
          cookies, result.token,
          std::chrono::duration_cast<std::chrono::seconds>(sessions.policy().absolute_lifetime).count()));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

http::Response Logout(SessionService& sessions, const CookieSettings& cookies,
                      http::RequestContext& context) {
  sessions.Logout(context.principal());
  auto response = http::NoContent();
  response.headers.emplace_back("Set-Cookie", SessionCookie(cookies, "", 0));
  return response;
}

http::Response Me(const http::PermissionTable& permissions, http::RequestContext& context) {
  // Everything here was loaded by the sign-in check: answering costs no further query.
  const auto& principal = context.principal();
  nlohmann::json granted = nlohmann::json::array();
  for (const auto& [permission, roles] : permissions.grants()) {
    if (roles.contains(principal.role)) granted.push_back(permission);
  }
  return http::Json(
      {{"id", principal.user_id},
       {"username", principal.username},
       {"display_name", principal.display_name},
       {"role", auth::RoleName(principal.role)},
       {"scopes", principal.scope.national() ? std::vector<std::string>{} : principal.scope.codes()},
       {"national", principal.scope.national()},
       {"permissions", granted},
       {"session_expires_at", FormatTimestamp(principal.session_expires_at)}});
}

http::Response ChangeOwnPassword(AccountService& accounts, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"current_password", "new_password"});
  accounts.ChangeOwnPassword(context.principal(), reader.RequireString("current_password"),
                             reader.RequireString("new_password"));
  return http::NoContent();
}

http::Response ListUsers(const AccountService& accounts, http::RequestContext& context) {
  UserQuery query;
  if (auto role = context.request().Query("role")) {
    query.role = auth::ParseRole(*role);
    if (!query.role) {
      throw Error(ErrorCode::kInvalidQueryParameter, "Unknown role.", "角色不存在。",
                  nlohmann::json::array({{{"parameter", "role"}}}));
    }
  }
  query.text = context.request().Query("q");
  query.limit = context.QueryInt("limit", 50, 1, 500);
  query.offset = context.QueryInt("offset", 0, 0, 10'000'000);
  const auto page = accounts.List(context.principal(), query);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& user : page.items) items.push_back(UserJson(user));
  return http::Json(
      {{"items", items}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}});
}

http::Response ListDepartments(const AccountService& accounts, http::RequestContext& context) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& user : accounts.DepartmentsServing(context.principal())) {
    items.push_back({{"id", user.id}, {"username", user.username}, {"display_name", user.display_name}});
  }
  return http::Json({{"items", items}});
}

http::Response CreateUser(AccountService& accounts, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"username", "display_name", "role", "scopes", "password"});
  NewUser request;
  request.username = reader.RequireString("username");
  request.display_name = reader.OptionalString("display_name").value_or("");
  request.role = reader.RequireString("role");
  request.scopes = reader.StringArray("scopes", false);
  request.password = reader.RequireString("password");
  return http::Json(UserJson(accounts.Create(&context.principal(), request)), 201);
}

http::Response GetUser(const AccountService& accounts, http::RequestContext& context) {
  return http::Json(UserJson(accounts.Get(context.principal(), context.PathId("id"))));
}

http::Response UpdateUser(AccountService& accounts, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"display_name", "disabled", "scopes"});
  UserPatch patch;
  patch.display_name = reader.OptionalString("display_name");
  patch.disabled = reader.OptionalBool("disabled");
  if (reader.Has("scopes")) patch.scopes = reader.StringArray("scopes", true);
  return http::Json(UserJson(accounts.Update(context.principal(), id, patch)));
}

http::Response ResetPassword(AccountService& accounts, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"new_password"});
  accounts.ResetPassword(context.principal(), id, reader.RequireString("new_password"));
  return http::NoContent();
}

http::Response OpenEventStream(http::RequestContext& context) {
  context.principal();  // the stream is per user: refuse before any byte is streamed
  http::Response response;
  response.event_stream = true;
  return response;
}

}  // namespace shequ::accounts
