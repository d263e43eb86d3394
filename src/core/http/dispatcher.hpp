// Dispatcher: everything between a parsed request and a response, with no sockets, so the whole
// API can be exercised in-process by tests.
//
// Invariants:
//  1. Every route states its permission; the check runs here, before the handler, and a handler
//     never runs for a caller who lacks it.
//  2. Every failure leaves through RenderError in the one error shape.
//  3. A handler that throws has its transaction rolled back (Database::Write), so a failed
//     request writes nothing.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/auth/principal.hpp"
#include "core/errors/error.hpp"
#include "core/http/request.hpp"
#include "core/http/router.hpp"

namespace shequ::http {

class PermissionTable {
 public:
  void Grant(const std::string& permission, const std::vector<auth::Role>& roles);
  bool Allows(auth::Role role, std::string_view permission) const;
  bool Knows(std::string_view permission) const;
  const std::map<std::string, std::set<auth::Role>, std::less<>>& grants() const { return grants_; }

 private:
  std::map<std::string, std::set<auth::Role>, std::less<>> grants_;
};

// Resolves the session of a request (Bearer token or cookie); throws Error(kUnauthenticated /
// kSessionExpired).
using Authenticator = std::function<auth::Principal(const Request&)>;
// Told about each refused attempt (wrong role), so it can be audited.
using DeniedHook = std::function<void(const Request&, const auth::Principal&, const Route&)>;
// Answers what no route matches (the web front end's files); nullopt leaves it a 404.
using UnmatchedHandler = std::function<std::optional<Response>(const Request&)>;

class Dispatcher {
 public:
  struct Outcome {
    Response response;
    const Route* route = nullptr;
    std::optional<auth::Principal> principal;
  };

  Dispatcher(const Router& router, const PermissionTable& permissions, Authenticator authenticator)
      : router_(router), permissions_(permissions), authenticate_(std::move(authenticator)) {}

  void OnDenied(DeniedHook hook) { on_denied_ = std::move(hook); }
  void OnUnmatched(UnmatchedHandler handler) { on_unmatched_ = std::move(handler); }

  Outcome Handle(const Request& request) const;

 private:
  const Router& router_;
  const PermissionTable& permissions_;
  Authenticator authenticate_;
  DeniedHook on_denied_;
  UnmatchedHandler on_unmatched_;
};

Response RenderError(const Error& error);

}  // namespace shequ::http
