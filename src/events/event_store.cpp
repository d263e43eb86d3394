#include "events/event_store.hpp"

#include <fmt/format.h>

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::events {
namespace {

// Someone searching for "100%" means the characters, not a LIKE wildcard.
// A department's own business (EventFilter::department_user_id) as one condition on `events`.
std::string DepartmentBusiness(db::SqlParams& params, std::int64_t user_id, const std::string& name) {
  const auto id = params.Add(user_id);
  return "(department = " + params.Add(name) + " OR owner_id = " + id + " OR handler_id = " + id +
         " OR reporter_id = " + id +
         " OR id IN (SELECT event_id FROM event_summons WHERE department_user_id = " + id + "))";
}

std::string EscapeLike(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

constexpr std::string_view kColumns =
    "id, reference, category_code, region_code, latitude, longitude, title, description, source, reporter_id,"
    " reporter_name, anonymous, state, level, owner_id, owner_name, reported_at, due_at, version, updated_at,"
    " handler_id, handler_name, dispatcher_id, department, grid_id, stage_index, stage_started_at, warn_at,"
    " next_check_at, alert_level, supervision, ever_overdue, previous_state, extension_until, extension_by,"
    " merged_into, accepted_at, resolved_at, finished_at, satisfaction, satisfaction_comment, reopen_count";

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
  e.handler_id = row.OptInt(20);
  e.handler_name = row.TakeText(21);
  e.dispatcher_id = row.OptInt(22);
  e.department = row.TakeText(23);
  e.grid_id = row.OptInt(24);
  e.stage_index = row.Int(25);
  e.stage_started_at = row.OptInt(26);
  e.warn_at = row.OptInt(27);
  e.next_check_at = row.OptInt(28);
  e.alert_level = row.Int(29);
  e.supervision = row.TakeText(30);
  e.ever_overdue = row.Int(31) != 0;
  e.previous_state = row.OptText(32);
  e.extension_until = row.OptInt(33);
  e.extension_by = row.OptInt(34);
  e.merged_into = row.OptInt(35);
  e.accepted_at = row.OptInt(36);
  e.resolved_at = row.OptInt(37);
  e.finished_at = row.OptInt(38);
  e.satisfaction = row.OptText(39);
  e.satisfaction_comment = row.TakeText(40);
  e.reopen_count = row.Int(41);
  return e;
}

std::vector<Event> ReadAll(db::Result rows) {
  std::vector<Event> events;
  events.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) events.push_back(Read(rows[i]));
  return events;
}

Summons ReadSummons(const db::Row& row) {
  return {row.Int(0),      row.Int(1), row.Int(2), row.TakeText(3), row.OptInt(4),   row.TakeText(5),
          row.TakeText(6), row.Int(7), row.Int(8), row.OptInt(9),   row.TakeText(10)};
}

constexpr std::string_view kSummonsColumns =
    "id, event_id, department_user_id, department_name, summoned_by, summoned_by_name, note, summoned_at,"
    " due_at, checked_in_at, response";

}  // namespace

std::int64_t EventStore::NextSequence(db::Connection& c, const std::string& community,
                                      const std::string& day) {
  // Two statements rather than RETURNING, which SQLite runs several times slower; the write
  // transaction holds the row, so the read sees this very increment.
  c.Run(
      "INSERT INTO event_sequences (community_code, day, last) VALUES ($1, $2, 1)"
      " ON CONFLICT (community_code, day) DO UPDATE SET last = event_sequences.last + 1",
      community, day);
  return c.Run("SELECT last FROM event_sequences WHERE community_code = $1 AND day = $2", community, day)[0]
      .Int(0);
}

std::int64_t EventStore::Insert(db::Connection& c, const Event& e) {
  return c.Insert(
      "INSERT INTO events (reference, category_code, region_code, latitude, longitude, title, "
      "description,"
      " source, reporter_id, reporter_name, anonymous, state, level, owner_id, owner_name, reported_at,"
      " due_at, version, updated_at, department, grid_id, stage_index, stage_started_at, warn_at,"
      " next_check_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
      "$17,"
      " $18, $19, $20, $21, $22, $23, $24, $25)",
      e.reference, e.category_code, e.region_code, e.latitude, e.longitude, e.title, e.description, e.source,
      e.reporter_id, e.reporter_name, e.anonymous, e.state, e.level, e.owner_id, e.owner_name, e.reported_at,
      e.due_at, e.version, e.updated_at, e.department, e.grid_id, e.stage_index, e.stage_started_at,
      e.warn_at, e.next_check_at);
}

std::optional<Event> EventStore::Find(db::Connection& c, std::int64_t id) {
  auto rows = c.Run("SELECT " + std::string(kColumns) + " FROM events WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return Read(rows[0]);
}

bool EventStore::Update(db::Connection& c, const Event& e) {
  const db::Value params[] = {db::ToValue(e.state),           db::ToValue(e.level),
                              db::ToValue(e.owner_id),        db::ToValue(e.owner_name),
                              db::ToValue(e.due_at),          db::ToValue(e.updated_at),
                              db::ToValue(e.handler_id),      db::ToValue(e.handler_name),
                              db::ToValue(e.dispatcher_id),   db::ToValue(e.department),
                              db::ToValue(e.stage_index),     db::ToValue(e.stage_started_at),
                              db::ToValue(e.warn_at),         db::ToValue(e.next_check_at),
                              db::ToValue(e.alert_level),     db::ToValue(e.supervision),
                              db::ToValue(e.ever_overdue),    db::ToValue(e.previous_state),
                              db::ToValue(e.extension_until), db::ToValue(e.extension_by),
                              db::ToValue(e.merged_into),     db::ToValue(e.accepted_at),
                              db::ToValue(e.resolved_at),     db::ToValue(e.finished_at),
                              db::ToValue(e.satisfaction),    db::ToValue(e.satisfaction_comment),
                              db::ToValue(e.reopen_count),    db::ToValue(e.id),
                              db::ToValue(e.version)};
  return c.Execute(
              "UPDATE events SET state = $1, level = $2, owner_id = $3, owner_name = $4, due_at = $5,"
              " updated_at = $6, handler_id = $7, handler_name = $8, dispatcher_id = $9, department = $10,"
              " stage_index = $11, stage_started_at = $12, warn_at = $13, next_check_at = $14,"
              " alert_level = $15, supervision = $16, ever_overdue = $17, previous_state = $18,"
              " extension_until = $19, extension_by = $20, merged_into = $21, accepted_at = $22,"
              " resolved_at = $23, finished_at = $24, satisfaction = $25, satisfaction_comment = $26,"
              " reopen_count = $27, version = version + 1 WHERE id = $28 AND version = $29",
              params)
             .affected_rows == 1;
}

bool EventStore::UpdateAlerts(db::Connection& c, const Event& e) {
  return c.Run(
              "UPDATE events SET alert_level = $1, supervision = $2, ever_overdue = $3, next_check_at = $4,"
              " updated_at = $5, version = version + 1 WHERE id = $6 AND version = $7",
              e.alert_level, e.supervision, e.ever_overdue, e.next_check_at, e.updated_at, e.id, e.version)
             .affected_rows == 1;
}

bool EventStore::IsDepartmentBusiness(db::Connection& c, std::int64_t event_id, std::int64_t user_id,
                                      const std::string& name) {
  db::SqlParams params;
  const auto sql = "SELECT COUNT(*) FROM events WHERE id = " + params.Add(event_id) + " AND " +
                   DepartmentBusiness(params, user_id, name);
  return c.Execute(sql, params.values())[0].Int(0) > 0;
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
  if (f.department_user_id) add(DepartmentBusiness(params, *f.department_user_id, f.department_user_name));
  if (f.unassigned) add("owner_id IS NULL");
  if (f.state == "open") {
    add("finished_at IS NULL");
  } else if (f.state == "overdue") {
    add("finished_at IS NULL AND state <> 'shelved' AND due_at < " + params.Add(f.now.value_or(0)));
  } else if (!f.state.empty()) {
    add("state = " + params.Add(f.state));
  }
  if (!f.category_prefix.empty()) {
    add("(category_code = " + params.Add(f.category_prefix) + " OR category_code LIKE " +
        params.Add(f.category_prefix + ".%") + ")");
  }
  if (!f.level.empty()) add("level = " + params.Add(f.level));
  if (!f.supervision.empty()) add("supervision = " + params.Add(f.supervision));
  if (!f.text.empty()) {
    const auto pattern = params.Add("%" + EscapeLike(f.text) + "%");
    add("(title LIKE " + pattern + " ESCAPE '\\' OR description LIKE " + pattern +
        " ESCAPE '\\' OR reference LIKE " + pattern + " ESCAPE '\\')");
  }
  if (f.handler_id) add("handler_id = " + params.Add(*f.handler_id));
  if (f.grid_id) add("grid_id = " + params.Add(*f.grid_id));
  if (!f.department.empty()) add("department = " + params.Add(f.department));
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
  // Work lists read the open events of one holder by due time: the partial index
  // events_open_owner_due answers them when the filter says "open".
  const std::string order = f.newest_first
                                ? " ORDER BY reported_at DESC, id DESC"
                                : " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id DESC";
  page.items = ReadAll(c.Execute("SELECT " + std::string(kColumns) + " FROM events" + where + order +
                                     " LIMIT " + limit + " OFFSET " + offset,
                                 params.values()));
  return page;
}

std::vector<Event> EventStore::Duplicates(db::Connection& c, const DuplicateProbe& p) {
  db::SqlParams params;
  std::string where = " WHERE category_code = " + params.Add(p.category_code) +
                      " AND finished_at IS NULL AND reported_at >= " + params.Add(p.since) + " AND id <> " +
                      params.Add(p.exclude_id);
  if (const auto subtree = regions::SubtreeCondition(p.prefixes, {"region_code"}, params); !subtree.empty()) {
    where += " AND " + subtree;
  }
  std::string near = regions::SubtreeCondition({p.compound_prefix}, {"region_code"}, params);
  if (p.latitude && p.longitude) {
    near = "(" + near + " OR (latitude BETWEEN " + params.Add(*p.latitude - p.box_degrees) + " AND " +
           params.Add(*p.latitude + p.box_degrees) + " AND longitude BETWEEN " +
           params.Add(*p.longitude - p.box_degrees) + " AND " + params.Add(*p.longitude + p.box_degrees) +
           "))";
  }
  where += " AND " + near;
  return ReadAll(c.Execute(
      "SELECT " + std::string(kColumns) + " FROM events" + where + " ORDER BY reported_at DESC LIMIT 10",
      params.values()));
}

std::vector<Event> EventStore::DueForCheck(db::Connection& c, std::int64_t now, std::int64_t limit) {
  return ReadAll(c.Run("SELECT " + std::string(kColumns) +
                           " FROM events WHERE next_check_at IS NOT NULL AND next_check_at <= $1"
                           " ORDER BY next_check_at LIMIT $2",
                       now, limit));
}

std::int64_t EventStore::AddTimeline(db::Connection& c, const TimelineEntry& t) {
  return c.Insert(
      "INSERT INTO event_timeline (event_id, at, actor_id, actor_name, action, from_state, to_state, note,"
      " detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      t.event_id, t.at, t.actor_id, t.actor_name, t.action, t.from_state, t.to_state, t.note,
      t.detail.empty() ? std::string() : t.detail.dump());
}

std::vector<TimelineEntry> EventStore::Timeline(db::Connection& c, std::int64_t event_id) {
  auto rows = c.Run(
      "SELECT id, event_id, at, actor_id, actor_name, action, from_state, to_state, note, detail"
      " FROM event_timeline WHERE event_id = $1 ORDER BY id",
      event_id);
  std::vector<TimelineEntry> entries;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto detail = row.TakeText(9);
    entries.push_back({row.Int(0), row.Int(1), row.Int(2), row.OptInt(3), row.TakeText(4), row.TakeText(5),
                       row.OptText(6), row.TakeText(7), row.TakeText(8),
                       detail.empty() ? nlohmann::json::object() : nlohmann::json::parse(detail)});
  }
  return entries;
}

std::int64_t EventStore::AddSummons(db::Connection& c, const Summons& s) {
  return c
      .Run(
          "INSERT INTO event_summons (event_id, department_user_id, department_name, summoned_by,"
          " summoned_by_name, note, summoned_at, due_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING "
          "id",
          s.event_id, s.department_user_id, s.department_name, s.summoned_by, s.summoned_by_name, s.note,
          s.summoned_at, s.due_at)[0]
      .Int(0);
}

std::vector<Summons> EventStore::SummonsOf(db::Connection& c, std::int64_t event_id) {
  auto rows =
      c.Run("SELECT " + std::string(kSummonsColumns) + " FROM event_summons WHERE event_id = $1 ORDER BY id",
            event_id);
  std::vector<Summons> all;
  for (std::size_t i = 0; i < rows.size(); ++i) all.push_back(ReadSummons(rows[i]));
  return all;
}

bool EventStore::CheckIn(db::Connection& c, std::int64_t summons_id, std::int64_t at,
                         const std::string& response) {
  return c.Run(
              "UPDATE event_summons SET checked_in_at = $1, response = $2 WHERE id = $3 AND checked_in_at IS "
              "NULL",
              at, response, summons_id)
             .affected_rows == 1;
}

std::vector<Summons> EventStore::TakeLateSummons(db::Connection& c, std::int64_t now) {
  auto rows = c.Run(
      "UPDATE event_summons SET alerted = 1 WHERE checked_in_at IS NULL AND alerted = 0 AND due_at <= $1"
      " RETURNING " +
          std::string(kSummonsColumns),
      now);
  std::vector<Summons> late;
  for (std::size_t i = 0; i < rows.size(); ++i) late.push_back(ReadSummons(rows[i]));
  return late;
}

WatchSettings EventStore::Settings(db::Connection& c) {
  WatchSettings s;
  auto rows = c.Run("SELECT name, value FROM event_settings");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto name = rows[i].Text(0);
    const auto value = rows[i].Text(1);
    if (name == "warn_ratio") s.warn_ratio = std::stod(value);
    if (name == "yellow_after_minutes") s.yellow_after_minutes = std::stoll(value);
    if (name == "red_after_minutes") s.red_after_minutes = std::stoll(value);
    if (name == "auto_escalate") s.auto_escalate = value == "true";
    if (name == "summons_minutes") s.summons_minutes = std::stoll(value);
  }
  return s;
}

void EventStore::SaveSettings(db::Connection& c, const WatchSettings& s) {
  const std::pair<std::string, std::string> values[] = {
      {"warn_ratio", fmt::format("{}", s.warn_ratio)},
      {"yellow_after_minutes", std::to_string(s.yellow_after_minutes)},
      {"red_after_minutes", std::to_string(s.red_after_minutes)},
      {"auto_escalate", s.auto_escalate ? "true" : "false"},
      {"summons_minutes", std::to_string(s.summons_minutes)}};
  for (const auto& [name, value] : values) {
    c.Run(
        "INSERT INTO event_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = "
        "$2",
        name, value);
  }
}

}  // namespace shequ::events
