#pragma once

#include "accounts/account_service.hpp"
#include "accounts/session_service.hpp"
#include "core/http/dispatcher.hpp"
#include "core/http/route.hpp"

namespace shequ::accounts {

inline constexpr std::string_view kSessionCookie = "shequ_session";

struct CookieSettings {
  bool secure = false;  // add the Secure attribute (serve behind HTTPS)
};

nlohmann::json UserJson(const User& user);
nlohmann::json UserSchema();

// The token from "Authorization: Bearer …" or else the session cookie.
auth::Principal AuthenticateRequest(SessionService& sessions, const http::Request& request);

http::Response Login(SessionService& sessions, const CookieSettings& cookies, http::RequestContext& context);
http::Response Logout(SessionService& sessions, const CookieSettings& cookies, http::RequestContext& context);
http::Response Me(const http::PermissionTable& permissions, http::RequestContext& context);
http::Response ChangeOwnPassword(AccountService& accounts, http::RequestContext& context);
http::Response ListDepartments(const AccountService& accounts, http::RequestContext& context);
http::Response ListUsers(const AccountService& accounts, http::RequestContext& context);
http::Response CreateUser(AccountService& accounts, http::RequestContext& context);
http::Response GetUser(const AccountService& accounts, http::RequestContext& context);
http::Response UpdateUser(AccountService& accounts, http::RequestContext& context);
http::Response ResetPassword(AccountService& accounts, http::RequestContext& context);
http::Response OpenEventStream(http::RequestContext& context);

}  // namespace shequ::accounts
