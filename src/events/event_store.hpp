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
  std::string state;
  std::string category_prefix;
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

// All SQL of events and their timelines.
class EventStore {
 public:
  // The next number of a community's day, for references.
  static std::int64_t NextSequence(db::Connection& c, const std::string& community, const std::string& day);
  static std::int64_t Insert(db::Connection& c, const Event& event);
  static std::optional<Event> Find(db::Connection& c, std::int64_t id);
  // Sorted by due time (none last), then newest first.
  static EventPage Search(db::Connection& c, const EventFilter& filter);
  static void AddTimeline(db::Connection& c, const TimelineEntry& entry);
  static std::vector<TimelineEntry> Timeline(db::Connection& c, std::int64_t event_id);
};

}  // namespace shequ::events
