// Event categories and the working calendar, as kept by administrators, and the deadlines they
// give: each stage's due time counted on from the end of the one before it.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "events/category.hpp"
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
  CalendarService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
      : database_(database), clock_(clock), audit_(audit) {}

  // Every report and deadline needs it, so it is read once and kept: dropped when this process
  // changes a day, and read again after a minute for changes made by other servers.
  std::shared_ptr<const WorkCalendar> Current() const;
  // The listed days (holidays and make-up working days) of a year.
  std::vector<CalendarDay> Days(int year) const;
  CalendarDay Put(const auth::Principal& actor, const CalendarDay& day);
  void Remove(const auth::Principal& actor, const std::string& date);

 private:
  void Forget() const;

  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const WorkCalendar> cached_;
  mutable std::int64_t loaded_at_ = 0;
};

class CategoryService {
 public:
  CategoryService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                  const CalendarService& calendar)
      : database_(database), clock_(clock), audit_(audit), calendar_(calendar) {}

  std::vector<EventCategory> List(bool include_inactive) const;
  EventCategory Create(const auth::Principal& actor, const EventCategory& request);
  EventCategory Update(const auth::Principal& actor, const std::string& code, const CategoryPatch& patch);
  // The stages of a category with their due times for an event reported at `start`.
  std::vector<StageDeadline> Deadlines(const std::string& code, std::int64_t start) const;

 private:
  db::Database& database_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const CalendarService& calendar_;
};

}  // namespace shequ::events
