#include "events/event_service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/errors/error.hpp"
#include "core/time_format.hpp"
#include "events/attachment_store.hpp"
#include "events/event_store.hpp"
#include "events/stage_clock.hpp"
#include "events/workflow.hpp"
#include "regions/grid_store.hpp"
#include "regions/region.hpp"
#include "regions/region_store.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::events {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDuplicateWindow = 7 * 24 * 60 * kMinute;

std::size_t Characters(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

auth::Role RoleOfLevel(std::string_view level) {
  if (level == "grid") return auth::Role::kGridWorker;
  if (level == "community") return auth::Role::kCommunity;
  if (level == "street") return auth::Role::kStreet;
  return auth::Role::kDepartment;
}

}  // namespace

EventService::EventService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                           const CalendarService& calendar, const CategoryService& categories,
                           notify::Notifier& notifier)
    : database_(database),
      intake_(database),
      clock_(clock),
      audit_(audit),
      calendar_(calendar),
      categories_(categories),
      settings_([this] { return database_.Read([](db::Connection& c) { return EventStore::Settings(c); }); },
                kMinute),
      notifier_(notifier) {}

bool EventService::Visible(db::Connection& c, const auth::Principal& actor, const Event& event) const {
  if (!IsStaff(actor)) return event.reporter_id && *event.reporter_id == actor.user_id;
  if (!actor.scope.Contains(event.region_code)) return false;
  return actor.role != auth::Role::kDepartment ||
         EventStore::IsDepartmentBusiness(c, event.id, actor.user_id, NameOf(actor));
}

Assignee EventService::Account(std::int64_t user_id, std::string_view field) const {
  auto account = accounts_ ? accounts_(user_id) : std::nullopt;
  if (!account || !account->active) {
    ThrowInvalid(field, "unknown_account", "No such active account.", "该账号不存在或已停用。");
  }
  return *account;
}

void EventService::Publish(const std::vector<Notice>& notices) {
  for (const auto& notice : notices) {
    if (notice.user_id) {
      notifier_.PublishToUser(*notice.user_id, notice.event, notice.data);
      continue;
    }
    const auto role = RoleOfLevel(notice.level);
    const auto region = notice.data.value("region_code", std::string());
    // At department level only the department the event is given to hears of it.
    const auto department =
        role == auth::Role::kDepartment ? notice.data.value("department", std::string()) : "";
    notifier_.Publish(
        [&](const auth::Principal& p) {
          return p.role == role && p.scope.Contains(region) &&
                 (department.empty() || NameOf(p) == department);
        },
        notice.event, notice.data);
  }
}

EventView EventService::Report(const auth::Principal& actor, const NewEvent& request,
                               const WithReport& with_report) {
  static const std::set<std::string, std::less<>> kSources = {"patrol", "resident", "call",
                                                              "visit",  "sensor",   "open311"};
  const auto title_length = Characters(request.title);
  if (title_length < 2 || title_length > 100) {
    ThrowInvalid("title", "bad_length", "Give a title of 2-100 characters.", "标题须为 2-100 个字。");
  }
  if (Characters(request.description) > 2000) {
    ThrowInvalid("description", "too_long", "At most 2000 characters.", "描述不能超过 2000 个字。");
  }
  // A resident's report is always the resident's; staff say how it reached them, and so do
  // channels that report without an account of their own (Open311 clients, sensors).
  const bool channel = actor.user_id <= 0 && !IsStaff(actor) && !request.source.empty();
  const auto source =
      IsStaff(actor) || channel ? (request.source.empty() ? "patrol" : request.source) : "resident";
  if (!kSources.contains(source)) {
    ThrowInvalid("source", "unknown_value", "source is patrol, resident, call, visit, sensor or open311.",
                 "来源须为 patrol、resident、call、visit、sensor 或 open311。");
  }
  if (request.latitude.has_value() != request.longitude.has_value() ||
      (request.latitude && (*request.latitude < 3 || *request.latitude > 54 || *request.longitude < 73 ||
                            *request.longitude > 136))) {
    ThrowInvalid("latitude", "outside_china", "Give both coordinates, inside China.",
                 "坐标须成对给出且位于中国境内。");
  }
  if (!actor.scope.Contains(request.region_code)) {
    throw Error(ErrorCode::kScopeViolation, "The place is outside your area.", "该地点不在您的管辖范围内。",
                nlohmann::json::array({FieldDetail("region_code", "outside_scope")}));
  }
  // Everything a report is checked against is read before the shared commit, so the commit holds
  // only the writes: the reference number, the event, its first timeline entry and the audit row.
  const auto category = categories_.Find(request.category_code);
  if (!category || !category->active || !category->parent_code) {
    ThrowInvalid("category_code", "unknown_category", "Name a category (not a whole class).",
                 "请选择具体的事件类别。");
  }
  const auto [place_ok, grid_id] = database_.Read([&](db::Connection& c) {
    const auto place = regions::RegionStore::Find(c, request.region_code);
    const bool ok =
        place && place->level >= static_cast<int>(regions::Level::kCommunity) && place->status == "active";
    return std::pair{ok, ok ? regions::GridStore::CoveringGrid(c, request.region_code) : std::nullopt};
  });
  if (!place_ok) {
    ThrowInvalid("region_code", "unknown_place", "Name a community or a place inside one.",
                 "地点须为社区或社区内的节点。");
  }
  const auto calendar = calendar_.Current();
  const auto settings = settings_.Get(clock_.NowMillis());

  Event event;
  event.category_code = category->code;
  event.region_code = request.region_code;
  event.latitude = request.latitude;
  event.longitude = request.longitude;
  event.title = request.title;
  event.description = request.description;
  event.source = source;
  event.reporter_id = actor.user_id > 0 ? std::optional(actor.user_id) : std::nullopt;
  event.reporter_name = channel && !request.reporter_name.empty() ? request.reporter_name : NameOf(actor);
  event.anonymous = request.anonymous;
  event.level = category->default_level;
  if (event.level == "department") event.department = category->department;
  event.grid_id = grid_id;
  if (IsStaff(actor)) {
    event.owner_id = event.reporter_id;
    event.owner_name = event.reporter_name;
  }
  TimelineEntry entry{0,
                      0,
                      0,
                      event.reporter_id,
                      event.reporter_name,
                      "report",
                      std::nullopt,
                      "",
                      request.description.substr(0, 200)};
  event = intake_.Submit([&](db::Connection& c) {
    // The time is taken inside the commit so that references and report times keep one order.
    auto made = event;
    const auto now = clock_.NowMillis();
    const auto community = request.region_code.substr(0, 12);
    const auto day = FormatChinaDate(now);
    made.reference = fmt::format("{}-{}-{:04}", community, day, EventStore::NextSequence(c, community, day));
    made.reported_at = now;
    // 限时办结 counts from the report: the first stage starts now.
    StartStage(made, *category, *calendar, *settings, 0, now);
    made.updated_at = now;
    made.id = EventStore::Insert(c, made);
    auto first = entry;
    first.event_id = made.id;
    first.at = now;
    first.to_state = made.state;
    entry.id = EventStore::AddTimeline(c, first);
    auto audit = audit::AuditLog::By(actor, "events.report", "event", std::to_string(made.id));
    audit.at = now;
    audit.region_code = made.region_code;
    audit.detail = {{"reference", made.reference}, {"category", made.category_code}};
    audit_.Record(c, audit);
    if (with_report) with_report(c, made);
    return made;
  });
  entry.event_id = event.id;
  entry.at = event.reported_at;
  entry.to_state = event.state;

  EventView view{event, {entry}, {}, {}};
  std::vector<Notice> notices;
  if (IsStaff(actor) || !event.owner_id) {
    database_.Read([&](db::Connection& c) {
      if (IsStaff(actor)) {
        view.possible_duplicates =
            EventStore::Duplicates(c, {.prefixes = regions::SearchPrefixes(actor.scope, ""),
                                       .category_code = event.category_code,
                                       .compound_prefix = request.region_code.substr(
                                           0, std::min<std::size_t>(15, request.region_code.size())),
                                       .since = event.reported_at - kDuplicateWindow,
                                       .exclude_id = event.id,
                                       .latitude = event.latitude,
                                       .longitude = event.longitude});
      }
      // A report nobody holds yet reaches the grid's workers and the community's staff.
      if (!event.owner_id && event.grid_id) {
        for (const auto id : regions::GridStore::ActiveUserIds(c, *event.grid_id)) {
          notices.push_back({"event.reported", id, "", Brief(event)});
        }
      }
    });
    if (!event.owner_id) notices.push_back({"event.reported", std::nullopt, "community", Brief(event)});
  }
  Publish(notices);
  return view;
}

EventView EventService::Get(const auth::Principal& actor, std::int64_t id) const {
  return database_.Read([&](db::Connection& c) {
    auto event = EventStore::Find(c, id);
    if (!event || !Visible(c, actor, *event)) throw Error(ErrorCode::kNotFound);
    return EventView{*event,
                     EventStore::Timeline(c, id),
                     IsStaff(actor) ? EventStore::SummonsOf(c, id) : std::vector<Summons>{},
                     {},
                     AttachmentStore::OfEvent(c, id)};
  });
}

EventPage EventService::List(const auth::Principal& actor, const EventQuery& query) const {
  EventFilter filter;
  filter.prefixes = regions::SearchPrefixes(actor.scope, query.region);
  if (!IsStaff(actor)) filter.reporter_id = actor.user_id;
  if (actor.role == auth::Role::kDepartment) {
    filter.department_user_id = actor.user_id;
    filter.department_user_name = NameOf(actor);
  }
  if (query.mine) filter.owner_id = actor.user_id;
  filter.unassigned = query.unassigned;
  filter.state = query.state;
  filter.now = clock_.NowMillis();
  filter.category_prefix = query.category;
  filter.level = query.level;
  filter.supervision = query.supervision;
  filter.text = query.text;
  filter.handler_id = query.handler_id;
  filter.grid_id = query.grid_id;
  filter.department = query.department;
  filter.reported_from = query.reported_from;
  if (query.reported_before) filter.reported_to = *query.reported_before - 1;
  filter.limit = query.limit;
  filter.offset = query.offset;
  return database_.Read([&](db::Connection& c) { return EventStore::Search(c, filter); });
}

std::vector<Event> EventService::Duplicates(const auth::Principal& actor, std::int64_t id) const {
  if (!IsStaff(actor)) throw Error(ErrorCode::kNotFound);
  return database_.Read([&](db::Connection& c) {
    const auto event = EventStore::Find(c, id);
    if (!event || !Visible(c, actor, *event)) throw Error(ErrorCode::kNotFound);
    return EventStore::Duplicates(c, {.prefixes = regions::SearchPrefixes(actor.scope, ""),
                                      .category_code = event->category_code,
                                      .compound_prefix = event->region_code.substr(
                                          0, std::min<std::size_t>(15, event->region_code.size())),
                                      .since = event->reported_at - kDuplicateWindow,
                                      .exclude_id = event->id,
                                      .latitude = event->latitude,
                                      .longitude = event->longitude});
  });
}

WatchSettings EventService::Settings() const { return *settings_.Get(clock_.NowMillis()); }

WatchSettings EventService::SaveSettings(const auth::Principal& actor, const WatchSettings& settings) {
  if (settings.warn_ratio <= 0 || settings.warn_ratio >= 1) {
    ThrowInvalid("warn_ratio", "out_of_range", "warn_ratio lies between 0 and 1.",
                 "预警比例须在 0 与 1 之间。");
  }
  if (settings.yellow_after_minutes < 0 || settings.red_after_minutes <= settings.yellow_after_minutes) {
    ThrowInvalid("red_after_minutes", "out_of_range", "Red comes after yellow; neither is negative.",
                 "红牌时限须晚于黄牌时限，且均不能为负。");
  }
  if (settings.summons_minutes < 1 || settings.summons_minutes > 1440) {
    ThrowInvalid("summons_minutes", "out_of_range", "1-1440 minutes.", "报到时限须为 1-1440 分钟。");
  }
  auto saved = database_.Write([&](db::Connection& c) {
    EventStore::SaveSettings(c, settings);
    auto audit = audit::AuditLog::By(actor, "events.settings", "event_settings", "watch");
    audit.detail = {{"warn_ratio", settings.warn_ratio},
                    {"yellow_after_minutes", settings.yellow_after_minutes},
                    {"red_after_minutes", settings.red_after_minutes},
                    {"auto_escalate", settings.auto_escalate},
                    {"summons_minutes", settings.summons_minutes}};
    audit_.Record(c, audit);
    return EventStore::Settings(c);
  });
  settings_.Forget();
  return saved;
}

}  // namespace shequ::events
