// Manifest of the accounts module: users, their roles and scopes, sign-in sessions and the
// per-user live event stream.
#include "accounts/module.hpp"

namespace shequ::accounts {

ModuleManifest Manifest(AccountService& accounts, SessionService& sessions, const CookieSettings& cookies,
                        const http::PermissionTable& permissions) {
  using auth::Role;
  using http::Method;
  const nlohmann::json user = UserSchema();
  const nlohmann::json string = {{"type", "string"}};
  const auto object = [](nlohmann::json properties, nlohmann::json required) {
    return nlohmann::json{{"type", "object"}, {"properties", properties}, {"required", required}};
  };
  const nlohmann::json user_page = object({{"items", {{"type", "array"}, {"items", user}}},
                                           {"total", {{"type", "integer"}}},
                                           {"limit", {{"type", "integer"}}},
                                           {"offset", {{"type", "integer"}}}},
                                          {"items", "total", "limit", "offset"});
  const nlohmann::json me = object(
      {{"id", {{"type", "integer"}}},
       {"username", string},
       {"display_name", string},
       {"role", string},
       {"scopes", {{"type", "array"}, {"items", string}}},
       {"national", {{"type", "boolean"}}},
       {"permissions", {{"type", "array"}, {"items", string}}},
       {"session_expires_at", {{"type", "string"}, {"format", "date-time"}}}},
      {"id", "username", "display_name", "role", "scopes", "national", "permissions", "session_expires_at"});
  const std::vector<Role> managers = {Role::kAdmin, Role::kCounty, Role::kStreet, Role::kCommunity};
  const std::vector<Role> staff = {Role::kAdmin,     Role::kCounty,     Role::kStreet,
                                   Role::kCommunity, Role::kGridWorker, Role::kDepartment};

  return {
      .name = "accounts",
      .depends = {"core", "audit"},
      .migrations = Migrations(),
      .permissions =
          {
              {"users.read", managers, "See the accounts inside one's scope"},
              {"users.manage", managers, "Create accounts of narrower roles, disable them, reset passwords"},
              {"departments.read", staff,
               "See the department accounts serving one's area (to summon or route to)"},
          },
      .routes =
          {
              {.method = Method::kPost,
               .pattern = "/api/auth/login",
               .permission = std::string(http::kPublic),
               .handler = [&sessions, &cookies](auto& c) { return Login(sessions, cookies, c); },
               .doc = {.summary =
                           "Sign in with username and password; returns a bearer token and sets a cookie",
                       .tag = "auth",
                       .request_schema =
                           object({{"username", string}, {"password", string}}, {"username", "password"}),
                       .response_schema =
                           object({{"token", string},
                                   {"expires_at", {{"type", "string"}, {"format", "date-time"}}},
                                   {"user", user}},
                                  {"token", "expires_at", "user"})},
               .max_body_bytes = 4096},
              {.method = Method::kPost,
               .pattern = "/api/auth/logout",
               .permission = std::string(http::kSignedIn),
               .handler = [&sessions, &cookies](auto& c) { return Logout(sessions, cookies, c); },
               .doc = {.summary = "End the current session", .tag = "auth", .success_status = 204}},
              {.method = Method::kGet,
               .pattern = "/api/me",
               .permission = std::string(http::kSignedIn),
               .handler = [&permissions](auto& c) { return Me(permissions, c); },
               .doc = {.summary = "The signed-in user, with role, scope and permissions",
                       .tag = "auth",
                       .response_schema = me}},
              {.method = Method::kPost,
               .pattern = "/api/me/password",
               .permission = std::string(http::kSignedIn),
               .handler = [&accounts](auto& c) { return ChangeOwnPassword(accounts, c); },
               .doc = {.summary = "Change one's own password; other sessions are signed out",
                       .tag = "auth",
                       .request_schema = object({{"current_password", string}, {"new_password", string}},
                                                {"current_password", "new_password"}),
                       .success_status = 204},
               .max_body_bytes = 4096},
              {.method = Method::kGet,
               .pattern = "/api/stream",
               .permission = std::string(http::kSignedIn),
               .handler = [](auto& c) { return OpenEventStream(c); },
               .doc = {.summary = "Server-sent events for the signed-in user (assignments, alarms, sign-out)",
                       .tag = "auth"},
               .event_stream = true},
              {.method = Method::kGet,
               .pattern = "/api/users",
               .permission = "users.read",
               .handler = [&accounts](auto& c) { return ListUsers(accounts, c); },
               .doc = {.summary = "Accounts inside the caller's scope",
                       .tag = "users",
                       .response_schema = user_page,
                       .query = {{"role", "string", "Only this role"},
                                 {"q", "string", "Substring of username or display name"},
                                 {"limit", "integer", "Page size, 1-500 (default 50)"},
                                 {"offset", "integer", "Rows to skip"}}}},
              {.method = Method::kGet,
               .pattern = "/api/departments",
               .permission = "departments.read",
               .handler = [&accounts](auto& c) { return ListDepartments(accounts, c); },
               .doc = {.summary = "Department accounts whose scope covers the caller's: whom a street can "
                                  "summon (吹哨) or an event can go to",
                       .tag = "users",
                       .response_schema = object({{"items",
                                                   {{"type", "array"},
                                                    {"items", object({{"id", {{"type", "integer"}}},
                                                                      {"username", string},
                                                                      {"display_name", string}},
                                                                     {"id", "username", "display_name"})}}}},
                                                 {"items"})}},
              {.method = Method::kPost,
               .pattern = "/api/users",
               .permission = "users.manage",
               .handler = [&accounts](auto& c) { return CreateUser(accounts, c); },
               .doc = {.summary = "Create an account of a narrower role inside the caller's scope",
                       .tag = "users",
                       .request_schema = object({{"username", string},
                                                 {"display_name", string},
                                                 {"role", string},
                                                 {"scopes", {{"type", "array"}, {"items", string}}},
                                                 {"password", string}},
                                                {"username", "role", "password"}),
                       .response_schema = user,
                       .success_status = 201},
               .max_body_bytes = 8192},
              {.method = Method::kGet,
               .pattern = "/api/users/{id}",
               .permission = "users.read",
               .handler = [&accounts](auto& c) { return GetUser(accounts, c); },
               .doc = {.summary = "One account", .tag = "users", .response_schema = user}},
              {.method = Method::kPatch,
               .pattern = "/api/users/{id}",
               .permission = "users.manage",
               .handler = [&accounts](auto& c) { return UpdateUser(accounts, c); },
               .doc = {.summary = "Rename, disable/enable or re-scope an account",
                       .tag = "users",
                       .request_schema = object({{"display_name", string},
                                                 {"disabled", {{"type", "boolean"}}},
                                                 {"scopes", {{"type", "array"}, {"items", string}}}},
                                                nlohmann::json::array()),
                       .response_schema = user},
               .max_body_bytes = 8192},
              {.method = Method::kPost,
               .pattern = "/api/users/{id}/password",
               .permission = "users.manage",
               .handler = [&accounts](auto& c) { return ResetPassword(accounts, c); },
               .doc = {.summary = "Set a new password for an account; its sessions end",
                       .tag = "users",
                       .request_schema = object({{"new_password", string}}, {"new_password"}),
                       .success_status = 204},
               .max_body_bytes = 4096},
          },
  };
}

}  // namespace shequ::accounts
