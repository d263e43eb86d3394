// The figures of kpi.hpp for the caller's area: staff who oversee (community and above, and
// departments for their own work) read them for any node inside their scope.
#pragma once

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "events/kpi.hpp"

namespace shequ::events {

class KpiService {
 public:
  KpiService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  KpiReport Figures(const auth::Principal& actor, const KpiQuery& query) const;
  std::int64_t Now() const { return clock_.NowMillis(); }

 private:
  db::Database& database_;
  const Clock& clock_;
};

}  // namespace shequ::events
