// Manifest of the audit module: the append-only record of sign-ins, refusals and changes.
#include "audit/module.hpp"

#include "audit/audit_handlers.hpp"

namespace shequ::audit {

ModuleManifest Manifest(const AuditLog& log) {
  using auth::Role;
  const nlohmann::json entry_schema = {
      {"type", "object"},
      {"required", {"id", "at", "actor_name", "action", "object_type", "result", "detail"}},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"at", {{"type", "string"}, {"format", "date-time"}}},
        {"actor_id", {{"type", "integer"}, {"nullable", true}}},
        {"actor_name", {{"type", "string"}}},
        {"actor_role", {{"type", "string"}}},
        {"action", {{"type", "string"}}},
        {"object_type", {{"type", "string"}}},
        {"object_id", {{"type", "string"}}},
        {"region_code", {{"type", "string"}}},
        {"result", {{"type", "string"}, {"enum", {"success", "failure", "denied"}}}},
        {"ip", {{"type", "string"}}},
        {"detail", {{"type", "object"}}}}}};
  return {
      .name = "audit",
      .depends = {"core"},
      .migrations = Migrations(),
      .permissions = {{"audit.read", {Role::kAdmin}, "Read the audit log"}},
      .routes =
          {
              {.method = http::Method::kGet,
               .pattern = "/api/audit",
               .permission = "audit.read",
               .handler = [&log](http::RequestContext& c) { return ListAudit(log, c); },
               .doc = {.summary = "Search the audit log, newest first",
                       .tag = "audit",
                       .response_schema = {{"type", "object"},
                                           {"required", {"items", "next_before_id"}},
                                           {"properties",
                                            {{"items", {{"type", "array"}, {"items", entry_schema}}},
                                             {"next_before_id", {{"type", "integer"}, {"nullable", true}}}}}},
                       .query = {{"actor", "string", "Username of the actor"},
                                 {"action", "string", "Action, e.g. accounts.login"},
                                 {"object_type", "string", "Object type, e.g. user"},
                                 {"object_id", "string", "Object id"},
                                 {"result", "string", "success, failure or denied"},
                                 {"from", "string", "RFC 3339 time or date, inclusive"},
                                 {"to", "string", "RFC 3339 time or date, exclusive"},
                                 {"before_id", "integer", "Cursor: entries older than this id"},
                                 {"limit", "integer", "Page size, 1-500 (default 50)"}}}},
          },
  };
}

}  // namespace shequ::audit
