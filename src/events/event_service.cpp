#include "events/event_service.hpp"

#include <fmt/format.h>

#include <set>

#include "core/errors/error.hpp"
#include "events/category_store.hpp"
#include "events/event_store.hpp"
#include "regions/region.hpp"
#include "regions/region_store.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::events {
namespace {

[[noreturn]] void Invalid(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldInvalid, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

std::size_t Characters(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool Staff(const auth::Principal& actor) { return actor.role != auth::Role::kResident; }

}  // namespace

bool EventService::Visible(const auth::Principal& actor, const Event& event) const {
  if (!Staff(actor)) return event.reporter_id && *event.reporter_id == actor.user_id;
  return actor.scope.Contains(event.region_code);
}

EventView EventService::Report(const auth::Principal& actor, const NewEvent& request) {
  static const std::set<std::string, std::less<>> kSources = {"patrol", "resident", "call",
                                                              "visit",  "sensor",   "open311"};
  const auto title_length = Characters(request.title);
  if (title_length < 2 || title_length > 100) {
    Invalid("title", "bad_length", "Give a title of 2-100 characters.", "标题须为 2-100 个字。");
  }
  if (Characters(request.description) > 2000) {
    Invalid("description", "too_long", "At most 2000 characters.", "描述不能超过 2000 个字。");
  }
  // A resident's report is always the resident's; staff say how it reached them, and so do
  // channels that report without an account of their own (Open311 clients, sensors).
  const bool channel = actor.user_id <= 0 && !Staff(actor) && !request.source.empty();
  const auto source =
      Staff(actor) || channel ? (request.source.empty() ? "patrol" : request.source) : "resident";
  if (!kSources.contains(source)) {
    Invalid("source", "unknown_value", "source is patrol, resident, call, visit, sensor or open311.",
            "来源须为 patrol、resident、call、visit、sensor 或 open311。");
  }
  if (request.latitude.has_value() != request.longitude.has_value() ||
      (request.latitude && (*request.latitude < 3 || *request.latitude > 54 || *request.longitude < 73 ||
                            *request.longitude > 136))) {
    Invalid("latitude", "outside_china", "Give both coordinates, inside China.",
            "坐标须成对给出且位于中国境内。");
  }
  if (!actor.scope.Contains(request.region_code)) {
    throw Error(ErrorCode::kScopeViolation, "The place is outside your area.", "该地点不在您的管辖范围内。",
                nlohmann::json::array({FieldDetail("region_code", "outside_scope")}));
  }
  const auto calendar = calendar_.Current();
  return database_.Write([&](db::Connection& c) {
    const auto place = regions::RegionStore::Find(c, request.region_code);
    if (!place || place->level < static_cast<int>(regions::Level::kCommunity) || place->status != "active") {
      Invalid("region_code", "unknown_place", "Name a community or a place inside one.",
              "地点须为社区或社区内的节点。");
    }
    const auto category = CategoryStore::Find(c, request.category_code);
    if (!category || !category->active || !category->parent_code) {
      Invalid("category_code", "unknown_category", "Name a category (not a whole class).",
              "请选择具体的事件类别。");
    }
    const auto now = clock_.NowMillis();
    const auto community = request.region_code.substr(0, 12);
    const auto day = FormatChinaDate(now);
    Event event;
    event.reference = fmt::format("{}-{}-{:04}", community, day, EventStore::NextSequence(c, community, day));
    event.category_code = category->code;
    event.region_code = request.region_code;
    event.latitude = request.latitude;
    event.longitude = request.longitude;
    event.title = request.title;
    event.description = request.description;
    event.source = source;
    event.reporter_id = actor.user_id > 0 ? std::optional(actor.user_id) : std::nullopt;
    event.reporter_name = channel && !request.reporter_name.empty() ? request.reporter_name
                          : actor.display_name.empty()              ? actor.username
                                                                    : actor.display_name;
    event.anonymous = request.anonymous;
    event.level = category->default_level;
    if (Staff(actor)) {
      event.owner_id = event.reporter_id;
      event.owner_name = event.reporter_name;
    }
    event.reported_at = now;
    if (!category->limits.empty()) event.due_at = DueAt(*calendar, now, category->limits.front());
    event.updated_at = now;
    event.id = EventStore::Insert(c, event);
    TimelineEntry entry{0,
                        event.id,
                        now,
                        event.reporter_id,
                        event.reporter_name,
                        "report",
                        std::nullopt,
                        event.state,
                        request.description.substr(0, 200)};
    EventStore::AddTimeline(c, entry);
    auto audit = audit::AuditLog::By(actor, "events.report", "event", std::to_string(event.id));
    audit.region_code = event.region_code;
    audit.detail = {{"reference", event.reference}, {"category", event.category_code}};
    audit_.Record(c, audit);
    return EventView{event, EventStore::Timeline(c, event.id)};
  });
}

EventView EventService::Get(const auth::Principal& actor, std::int64_t id) const {
  return database_.Read([&](db::Connection& c) {
    auto event = EventStore::Find(c, id);
    if (!event || !Visible(actor, *event)) throw Error(ErrorCode::kNotFound);
    return EventView{*event, EventStore::Timeline(c, id)};
  });
}

EventPage EventService::List(const auth::Principal& actor, const EventQuery& query) const {
  EventFilter filter;
  filter.prefixes = regions::SearchPrefixes(actor.scope, query.region);
  if (!Staff(actor)) filter.reporter_id = actor.user_id;
  if (query.mine) filter.owner_id = actor.user_id;
  filter.state = query.state;
  filter.category_prefix = query.category;
  filter.limit = query.limit;
  filter.offset = query.offset;
  return database_.Read([&](db::Connection& c) { return EventStore::Search(c, filter); });
}

}  // namespace shequ::events
