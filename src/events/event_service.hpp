// Intake of events. Anyone signed in reports inside their own area; the staff member who takes a
// report holds it (首问负责) until it is handed over; residents see only their own reports, and a
// reporter who asked for anonymity is hidden from other residents but never from staff. The first
// stage's due time comes from the category's limits on the working calendar.
#pragma once

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "events/category_service.hpp"
#include "events/event.hpp"

namespace shequ::events {

struct EventView {
  Event event;
  std::vector<TimelineEntry> timeline;
};

class EventService {
 public:
  EventService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
               const CalendarService& calendar)
      : database_(database), clock_(clock), audit_(audit), calendar_(calendar) {}

  EventView Report(const auth::Principal& actor, const NewEvent& request);
  EventView Get(const auth::Principal& actor, std::int64_t id) const;
  EventPage List(const auth::Principal& actor, const EventQuery& query) const;
  std::int64_t Now() const { return clock_.NowMillis(); }

 private:
  bool Visible(const auth::Principal& actor, const Event& event) const;

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const CalendarService& calendar_;
};

}  // namespace shequ::events
