#pragma once

#include <vector>

#include "audit/audit_entry.hpp"
#include "core/db/database.hpp"

namespace shequ::audit {

// All SQL of the audit log.
class AuditStore {
 public:
  static std::int64_t Insert(db::Connection& connection, const AuditEntry& entry);
  static std::vector<AuditEntry> Search(db::Connection& connection, const AuditFilter& filter);
};

}  // namespace shequ::audit
