// 包联 pairings. A unit pairs with a compound; a cadre pairs with a household (at its dwelling).
// Callers see the pairings of nodes inside their scope; those whose scope holds the node assign
// and end them. The same pairing is active once at a time; an ended one stays as history.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "regions/pairing.hpp"

namespace shequ::regions {

class PairingService {
 public:
  using AccountLookup =
      std::function<std::optional<std::string>(const auth::Principal&, std::int64_t user_id)>;

  PairingService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
      : database_(database), clock_(clock), audit_(audit) {}
  void LookUpAccountsWith(AccountLookup lookup) { lookup_ = std::move(lookup); }

  Pairing Assign(const auth::Principal& actor, const NewPairing& request);
  Pairing End(const auth::Principal& actor, std::int64_t id, const std::string& reason);
  std::vector<Pairing> ListUnder(const auth::Principal& actor, const std::string& code,
                                 bool with_history) const;

 private:
  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  AccountLookup lookup_;
};

}  // namespace shequ::regions
