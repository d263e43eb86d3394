#include "events/event_store.hpp"

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::events {
namespace {

constexpr std::string_view kColumns =
    "id, reference, category_code, region_code, latitude, longitude, title, description, source, reporter_id,"
    " reporter_name, anonymous, state, level, owner_id, owner_name, reported_at, due_at, version, updated_at";

std::optional<double> OptDouble(const db::Row& row, std::size_t i) {
  return row.IsNull(i) ? std::nullopt : std::optional(row.Double(i));
}

Event Read(const db::Row& row) {
  Event e;
  e.id = row.Int(0);
  e.reference = row.TakeText(1);
  e.category_code = row.TakeText(2);
  e.region_code = row.TakeText(3);
  e.latitude = OptDouble(row, 4);
  e.longitude = OptDouble(row, 5);
  e.title = row.TakeText(6);
  e.description = row.TakeText(7);
  e.source = row.TakeText(8);
  e.reporter_id = row.OptInt(9);
  e.reporter_name = row.TakeText(10);
  e.anonymous = row.Int(11) != 0;
  e.state = row.TakeText(12);
  e.level = row.TakeText(13);
  e.owner_id = row.OptInt(14);
  e.owner_name = row.TakeText(15);
  e.reported_at = row.Int(16);
  e.due_at = row.OptInt(17);
  e.version = row.Int(18);
  e.updated_at = row.Int(19);
  return e;
}

}  // namespace

std::int64_t EventStore::NextSequence(db::Connection& c, const std::string& community,
                                      const std::string& day) {
  return c
      .Run(
          "INSERT INTO event_sequences (community_code, day, last) VALUES ($1, $2, 1)"
          " ON CONFLICT (community_code, day) DO UPDATE SET last = event_sequences.last + 1 RETURNING last",
          community, day)[0]
      .Int(0);
}

std::int64_t EventStore::Insert(db::Connection& c, const Event& e) {
  return c
      .Run(
          "INSERT INTO events (reference, category_code, region_code, latitude, longitude, title, "
          "description,"
          " source, reporter_id, reporter_name, anonymous, state, level, owner_id, owner_name, reported_at, "
          "due_at,"
          " version, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
          "$16,"
          " $17, $18, $19) RETURNING id",
          e.reference, e.category_code, e.region_code, e.latitude, e.longitude, e.title, e.description,
          e.source, e.reporter_id, e.reporter_name, e.anonymous, e.state, e.level, e.owner_id, e.owner_name,
          e.reported_at, e.due_at, e.version, e.updated_at)[0]
      .Int(0);
}

std::optional<Event> EventStore::Find(db::Connection& c, std::int64_t id) {
  auto rows = c.Run("SELECT " + std::string(kColumns) + " FROM events WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

EventPage EventStore::Search(db::Connection& c, const EventFilter& f) {
  db::SqlParams params;
  std::string where;
  const auto add = [&where](const std::string& condition) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  };
  if (const auto subtree = regions::SubtreeCondition(f.prefixes, {"region_code"}, params); !subtree.empty()) {
    add(subtree);
  }
  if (f.reporter_id) add("reporter_id = " + params.Add(*f.reporter_id));
  if (f.owner_id) add("owner_id = " + params.Add(*f.owner_id));
  if (!f.state.empty()) add("state = " + params.Add(f.state));
  if (!f.category_prefix.empty()) {
    add("(category_code = " + params.Add(f.category_prefix) + " OR category_code LIKE " +
        params.Add(f.category_prefix + ".%") + ")");
  }
  const auto in_list = [&params](const std::vector<std::string>& values) {
    std::string list;
    for (const auto& value : values) list += (list.empty() ? "" : ", ") + params.Add(value);
    return "(" + list + ")";
  };
  if (!f.references.empty()) add("reference IN " + in_list(f.references));
  if (!f.source.empty()) add("source = " + params.Add(f.source));
  if (!f.category_codes.empty()) add("category_code IN " + in_list(f.category_codes));
  if (f.reported_from) add("reported_at >= " + params.Add(*f.reported_from));
  if (f.reported_to) add("reported_at <= " + params.Add(*f.reported_to));
  if (!f.states.empty()) add("state IN " + in_list(f.states));
  if (!f.excluded_states.empty()) add("state NOT IN " + in_list(f.excluded_states));
  EventPage page;
  page.total = c.Execute("SELECT COUNT(*) FROM events" + where, params.values())[0].Int(0);
  const auto limit = params.Add(f.limit);
  const auto offset = params.Add(f.offset);
  const std::string order = f.newest_first
                                ? " ORDER BY reported_at DESC, id DESC"
                                : " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id DESC";
  auto rows = c.Execute("SELECT " + std::string(kColumns) + " FROM events" + where + order + " LIMIT " +
                            limit + " OFFSET " + offset,
                        params.values());
  for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(Read(rows[i]));
  return page;
}

void EventStore::AddTimeline(db::Connection& c, const TimelineEntry& t) {
  c.Run(
      "INSERT INTO event_timeline (event_id, at, actor_id, actor_name, action, from_state, to_state, note)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      t.event_id, t.at, t.actor_id, t.actor_name, t.action, t.from_state, t.to_state, t.note);
}

std::vector<TimelineEntry> EventStore::Timeline(db::Connection& c, std::int64_t event_id) {
  auto rows = c.Run(
      "SELECT id, event_id, at, actor_id, actor_name, action, from_state, to_state, note FROM event_timeline"
      " WHERE event_id = $1 ORDER BY id",
      event_id);
  std::vector<TimelineEntry> entries;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    entries.push_back({row.Int(0), row.Int(1), row.Int(2), row.OptInt(3), row.TakeText(4), row.TakeText(5),
                       row.OptText(6), row.TakeText(7), row.TakeText(8)});
  }
  return entries;
}

}  // namespace shequ::events
