#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "events/event.hpp"

namespace shequ::events {

struct EventFilter {
  std::vector<std::string> prefixes;  // code ranges of the caller's scope ({""}: all)
  std::optional<std::int64_t> reporter_id;
  std::optional<std::int64_t> owner_id;
  // A department's account sees its own business only: events given to its department by name,
  // held, handled or reported by it, or that it was summoned to (吹哨).
  std::optional<std::int64_t> department_user_id;
  std::string department_user_name;
  bool unassigned = false;
  std::string state;  // a state, "open" or "overdue"
  std::string category_prefix;
  std::string level;
  std::string supervision;
  std::string text;  // part of the title, the description or the reference number
  std::optional<std::int64_t> handler_id;
  std::optional<std::int64_t> grid_id;
  std::string department;
  std::optional<std::int64_t> now;  // for "overdue"
  std::int64_t limit = 20;
  std::int64_t offset = 0;
  // For outside channels (Open311): only these references, source, categories, report times and
  // states; empty or absent means no restriction.
  std::vector<std::string> references;
  std::string source;
  std::vector<std::string> category_codes;
  std::optional<std::int64_t> reported_from;  // inclusive, epoch ms
  std::optional<std::int64_t> reported_to;    // inclusive, epoch ms
  std::vector<std::string> states;            // any of these
  std::vector<std::string> excluded_states;   // none of these
  bool newest_first = false;                  // by report time instead of by due time
};

// Likely duplicates of a new report: same category, still open, recent, at the same place or its
// compound, or within a box around its coordinates.
struct DuplicateProbe {
  std::vector<std::string> prefixes;
  std::string category_code;
  std::string compound_prefix;  // the place's compound (or community) code
  std::int64_t since = 0;
  std::int64_t exclude_id = 0;
  std::optional<double> latitude, longitude;
  double box_degrees = 0.002;  // about 200 m
};

// All SQL of events, their timelines, summons and the deadline watch's settings.
class EventStore {
 public:
  // The next number of a community's day, for references.
  static std::int64_t NextSequence(db::Connection& c, const std::string& community, const std::string& day);
  static std::int64_t Insert(db::Connection& c, const Event& event);
  static std::optional<Event> Find(db::Connection& c, std::int64_t id);
  // Whether the event is the department account's own business, by the rule its work list uses.
  static bool IsDepartmentBusiness(db::Connection& c, std::int64_t event_id, std::int64_t user_id,
                                   const std::string& name);
  // Writes every changed field and raises the version; false when `event.version` is no longer
  // the stored one (someone else moved it on).
  static bool Update(db::Connection& c, const Event& event);
  // Only what the deadline watch changes when the event stays where it is (alert level, 督办
  // mark, next check): the one index it touches is the next-check index, not all eight.
  static bool UpdateAlerts(db::Connection& c, const Event& event);
  // Sorted by due time (none last), then newest first.
  static EventPage Search(db::Connection& c, const EventFilter& filter);
  static std::vector<Event> Duplicates(db::Connection& c, const DuplicateProbe& probe);
  // Events whose next deadline check is due, earliest first.
  static std::vector<Event> DueForCheck(db::Connection& c, std::int64_t now, std::int64_t limit);
  static std::int64_t AddTimeline(db::Connection& c, const TimelineEntry& entry);
  static std::vector<TimelineEntry> Timeline(db::Connection& c, std::int64_t event_id);

  static std::int64_t AddSummons(db::Connection& c, const Summons& summons);
  static std::vector<Summons> SummonsOf(db::Connection& c, std::int64_t event_id);
  static bool CheckIn(db::Connection& c, std::int64_t summons_id, std::int64_t at,
                      const std::string& response);
  // Summons past their limit without a check-in, not yet alerted; marks them alerted.
  static std::vector<Summons> TakeLateSummons(db::Connection& c, std::int64_t now);

  static WatchSettings Settings(db::Connection& c);
  static void SaveSettings(db::Connection& c, const WatchSettings& settings);
};

}  // namespace shequ::events
