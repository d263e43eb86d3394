// Events from report to rating. Anyone signed in reports inside their own area; the staff member
// who takes a report holds it (首问负责) until it is handed over; residents see only their own
// reports, and a reporter who asked for anonymity is hidden from other residents but never from
// staff. Each step of the workflow (workflow.hpp) is checked here: the state it starts from, who
// may take it (only the handler reports back; someone else verifies), and the deadline of the
// category stage that runs next. The deadline watch (Watch) warns before due times, alerts and
// marks 黄牌/红牌 after them, and sends events nobody was sent to up a level.
#pragma once

#include <functional>
#include <optional>

#include "audit/audit_log.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/db/database.hpp"
#include "core/db/group_committer.hpp"
#include "core/notify/notifier.hpp"
#include "events/attachment.hpp"
#include "events/category_service.hpp"
#include "events/event.hpp"

namespace shequ::events {

struct EventView {
  Event event;
  std::vector<TimelineEntry> timeline;
  std::vector<Summons> summons;
  std::vector<Event> possible_duplicates;  // on intake: open events like it nearby
  std::vector<Attachment> attachments;
};

// What a step carries; each step reads the fields it needs.
struct StepInput {
  std::string note;
  std::optional<std::int64_t> version;
  std::optional<std::int64_t> assignee_id;   // dispatch
  std::optional<bool> passed;                // verify
  std::optional<std::int64_t> until;         // extension
  std::optional<std::int64_t> into;          // merge
  std::string level;                         // escalate (default: the level above)
  std::string department;                    // escalate to department (default: the category's)
  std::string mark;                          // supervise: yellow, red or normal
  std::vector<std::int64_t> department_ids;  // summons
  std::optional<std::int64_t> minutes;       // summons: check-in limit
  std::optional<std::int64_t> summons_id;    // check-in
  std::string satisfaction;                  // rating
  bool reopen = false;                       // rating: 不满意 reopens
  std::vector<std::int64_t> attachment_ids;  // files uploaded to the event for this step (photos)
};

// An account as the workflow needs it: to dispatch to, to summon, to hand back to.
struct Assignee {
  std::int64_t id = 0;
  std::string name;
  auth::Role role = auth::Role::kResident;
  auth::Scope scope;  // including the grids they serve
  bool active = true;
};

class EventService {
 public:
  using AccountLookup = std::function<std::optional<Assignee>(std::int64_t user_id)>;
  using PermissionCheck = std::function<bool(const auth::Principal&, std::string_view permission)>;

  EventService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
               const CalendarService& calendar, const CategoryService& categories,
               notify::Notifier& notifier);

  void LookUpAccountsWith(AccountLookup lookup) { accounts_ = std::move(lookup); }
  void CheckPermissionsWith(PermissionCheck check) { permissions_ = std::move(check); }

  // Writes a channel keeps beside the event (an Open311 request's media, a sensor's alarm) go in
  // the event's own commit, so a report is either wholly there or not at all.
  using WithReport = std::function<void(db::Connection&, const Event&)>;
  EventView Report(const auth::Principal& actor, const NewEvent& request, const WithReport& with_report = {});
  EventView Get(const auth::Principal& actor, std::int64_t id) const;
  EventPage List(const auth::Principal& actor, const EventQuery& query) const;
  // Open events like this one nearby (same category, same compound or within about 200 m, the
  // last 7 days), for staff to merge.
  std::vector<Event> Duplicates(const auth::Principal& actor, std::int64_t id) const;
  // One step of the workflow (`action` as in workflow.hpp).
  EventView Take(const auth::Principal& actor, std::int64_t id, std::string_view action,
                 const StepInput& input);

  // The deadline watch: handles every event whose next check is due at `now` and every summons
  // left without a check-in. Returns how many events it looked at.
  std::size_t Watch(std::int64_t now);
  WatchSettings Settings() const;
  WatchSettings SaveSettings(const auth::Principal& actor, const WatchSettings& settings);

  std::int64_t Now() const { return clock_.NowMillis(); }

 private:
  struct Notice {
    std::string event;
    std::optional<std::int64_t> user_id;  // one user, or
    std::string level;                    // the staff of a level whose area holds the event
    nlohmann::json data;
  };
  struct Outcome {
    EventView view;
    std::vector<Notice> notices;
  };

  bool Visible(db::Connection& c, const auth::Principal& actor, const Event& event) const;
  Assignee Account(std::int64_t user_id, std::string_view field) const;
  void Publish(const std::vector<Notice>& notices);

  db::Database& database_;
  // Reports arriving together share one durable commit (a burst of patrol reports or alarms).
  db::GroupCommitter intake_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const CalendarService& calendar_;
  const CategoryService& categories_;
  // Read by every report and step; changed through SaveSettings.
  SnapshotCache<WatchSettings> settings_;
  notify::Notifier& notifier_;
  AccountLookup accounts_;
  PermissionCheck permissions_;
};

}  // namespace shequ::events
