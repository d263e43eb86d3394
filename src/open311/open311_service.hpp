// Open311 GeoReport v2 without HTTP. Reading needs no key (the spec's GETs are open): without one a
// client sees only the requests that came in through Open311, never a community's own cases; with
// a valid key, every event inside the key's scope. Filing needs a valid, unrevoked key, and the
// place must lie inside its scope. Nothing here names or reaches the reporter.
//
// Errors are shequ::Error: kForbidden for a key, kNotFound for an unknown jurisdiction, service or
// request, kInvalidQueryParameter / kFieldMissing / kFieldInvalid / kScopeViolation for bad input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "events/event_service.hpp"
#include "open311/open311.hpp"

namespace shequ::open311 {

class Open311Service {
 public:
  Open311Service(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                 events::EventService& events)
      : database_(database), clock_(clock), audit_(audit), events_(events) {}

  // Keys, from the server's console.
  IssuedKey IssueKey(const auth::Principal& actor, const std::string& name, const std::string& scope_code);
  std::vector<ApiKey> Keys() const;
  // By name, or by id when `name_or_id` is all digits and no key has that name.
  ApiKey RevokeKey(const auth::Principal& actor, const std::string& name_or_id);

  // The active leaf categories. An unknown jurisdiction is kNotFound.
  std::vector<Service> Services(const std::string& jurisdiction_id) const;
  Service Definition(const std::string& jurisdiction_id, const std::string& service_code) const;
  // When the service list last changed (epoch ms).
  std::int64_t Changeset() const;

  std::vector<ServiceRequest> Requests(const std::string& api_key, const RequestQuery& query) const;
  ServiceRequest Request(const std::string& api_key, const std::string& jurisdiction_id,
                         const std::string& id) const;
  SubmittedRequest Submit(const NewServiceRequest& request);

 private:
  // The key named by `api_key`; nullopt when none is given; kForbidden when it is unknown or revoked.
  std::optional<ApiKey> KeyFor(const std::string& api_key) const;

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  events::EventService& events_;
};

}  // namespace shequ::open311
