// Event categories and the working calendar, as kept by administrators, and the deadlines they
// give: each stage's due time counted on from the end of the one before it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "events/category.hpp"
#include "events/snapshot_cache.hpp"
#include "events/work_calendar.hpp"

namespace shequ::events {

struct StageDeadline {
  StageLimit limit;
  std::int64_t starts_at = 0;
  std::int64_t due_at = 0;
};

// The due time of a stage that starts at `start`.
std::int64_t DueAt(const WorkCalendar& calendar, std::int64_t start, const StageLimit& limit);

class CalendarService {
 public:
  CalendarService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

  // Every report and deadline needs it, so it is read once and kept (see SnapshotCache).
  std::shared_ptr<const WorkCalendar> Current() const;
  // The listed days (holidays and make-up working days) of a year.
  std::vector<CalendarDay> Days(int year) const;
  CalendarDay Put(const auth::Principal& actor, const CalendarDay& day);
  void Remove(const auth::Principal& actor, const std::string& date);

 private:
  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  SnapshotCache<WorkCalendar> current_;
};

class CategoryService {
 public:
  CategoryService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                  const CalendarService& calendar);

  std::vector<EventCategory> List(bool include_inactive) const;
  // One category by code, active or not, from the shared snapshot (every report needs one).
  std::optional<EventCategory> Find(const std::string& code) const;
  EventCategory Create(const auth::Principal& actor, const EventCategory& request);
  EventCategory Update(const auth::Principal& actor, const std::string& code, const CategoryPatch& patch);
  // The stages of a category with their due times for an event reported at `start`.
  std::vector<StageDeadline> Deadlines(const std::string& code, std::int64_t start) const;

 private:
  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const CalendarService& calendar_;
  SnapshotCache<std::map<std::string, EventCategory, std::less<>>> by_code_;
};

}  // namespace shequ::events
