#pragma once

#include <vector>

#include "audit/audit_entry.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"

namespace shequ::audit {

// The audit service. A change is recorded in the same transaction as the change itself, so the
// log can neither miss a committed change nor record one that was rolled back. Refusals and
// failed sign-ins, which change nothing, are recorded in a transaction of their own.
class AuditLog {
 public:
  AuditLog(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // Inside the caller's transaction. Fills `at` when it is zero.
  void Record(db::Connection& transaction, AuditEntry entry) const;
  // In a transaction of its own.
  void RecordNow(AuditEntry entry) const;

  std::vector<AuditEntry> Search(const AuditFilter& filter) const;

  // An entry with the actor taken from the signed-in user.
  static AuditEntry By(const auth::Principal& actor, std::string action, std::string object_type,
                       std::string object_id);

 private:
  db::Database& database_;
  const Clock& clock_;
};

}  // namespace shequ::audit
