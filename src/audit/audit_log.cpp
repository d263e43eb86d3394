#include "audit/audit_log.hpp"

#include "audit/audit_store.hpp"

namespace shequ::audit {

void AuditLog::Record(db::Connection& transaction, AuditEntry entry) const {
  if (entry.at == 0) entry.at = clock_.NowMillis();
  AuditStore::Insert(transaction, entry);
}

void AuditLog::RecordNow(AuditEntry entry) const {
  database_.Write([&](db::Connection& c) { Record(c, std::move(entry)); });
}

std::vector<AuditEntry> AuditLog::Search(const AuditFilter& filter) const {
  return database_.Read([&](db::Connection& c) { return AuditStore::Search(c, filter); });
}

AuditEntry AuditLog::By(const auth::Principal& actor, std::string action, std::string object_type,
                        std::string object_id) {
  AuditEntry entry;
  entry.actor_id = actor.user_id;
  entry.actor_name = actor.username;
  entry.actor_role = std::string(auth::RoleName(actor.role));
  entry.action = std::move(action);
  entry.object_type = std::move(object_type);
  entry.object_id = std::move(object_id);
  entry.ip = actor.ip;
  return entry;
}

}  // namespace shequ::audit
