#include "events/event_handlers.hpp"

#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"

namespace shequ::events {
namespace {

const nlohmann::json kString = {{"type", "string"}};
const nlohmann::json kNullableString = {{"type", "string"}, {"nullable", true}};
const nlohmann::json kInteger = {{"type", "integer"}};
const nlohmann::json kTime = {{"type", "string"}, {"format", "date-time"}};

template <typename T>
nlohmann::json Nullable(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Staff always see the reporter; a resident sees only their own reports, so anonymity never hides
// them from themselves.
nlohmann::json EventJson(const Event& e, std::int64_t now) {
  return {{"id", e.id},
          {"reference", e.reference},
          {"category_code", e.category_code},
          {"region_code", e.region_code},
          {"latitude", Nullable(e.latitude)},
          {"longitude", Nullable(e.longitude)},
          {"title", e.title},
          {"description", e.description},
          {"source", e.source},
          {"reporter_name", e.reporter_name},
          {"anonymous", e.anonymous},
          {"state", e.state},
          {"level", e.level},
          {"owner_id", Nullable(e.owner_id)},
          {"owner_name", e.owner_name},
          {"reported_at", FormatTimestamp(e.reported_at)},
          {"due_at", e.due_at ? nlohmann::json(FormatTimestamp(*e.due_at)) : nlohmann::json(nullptr)},
          {"overdue", e.due_at.has_value() && *e.due_at < now},
          {"version", e.version}};
}

nlohmann::json ViewJson(const EventView& view, std::int64_t now) {
  auto json = EventJson(view.event, now);
  auto timeline = nlohmann::json::array();
  for (const auto& t : view.timeline) {
    timeline.push_back({{"id", t.id},
                        {"at", FormatTimestamp(t.at)},
                        {"actor", t.actor_name},
                        {"action", t.action},
                        {"from_state", Nullable(t.from_state)},
                        {"to_state", t.to_state},
                        {"note", t.note}});
  }
  json["timeline"] = timeline;
  return json;
}

}  // namespace

nlohmann::json EventSchema() {
  return {{"type", "object"},
          {"required",
           {"id", "reference", "category_code", "region_code", "title", "state", "level", "reported_at"}},
          {"properties",
           {{"id", kInteger},
            {"reference", kString},
            {"category_code", kString},
            {"region_code", kString},
            {"latitude", {{"type", "number"}, {"nullable", true}}},
            {"longitude", {{"type", "number"}, {"nullable", true}}},
            {"title", kString},
            {"description", kString},
            {"source", kString},
            {"reporter_name", kString},
            {"anonymous", {{"type", "boolean"}}},
            {"state", kString},
            {"level", kString},
            {"owner_id", {{"type", "integer"}, {"nullable", true}}},
            {"owner_name", kString},
            {"reported_at", kTime},
            {"due_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}},
            {"overdue", {{"type", "boolean"}}},
            {"version", kInteger},
            {"timeline", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
}

nlohmann::json EventPageSchema() {
  return {{"type", "object"},
          {"required", {"items", "total", "limit", "offset"}},
          {"properties",
           {{"items", {{"type", "array"}, {"items", EventSchema()}}},
            {"total", kInteger},
            {"limit", kInteger},
            {"offset", kInteger}}}};
}

nlohmann::json NewEventSchema() {
  return {{"type", "object"},
          {"required", {"category_code", "region_code", "title"}},
          {"properties",
           {{"category_code", kString},
            {"region_code", kString},
            {"latitude", {{"type", "number"}}},
            {"longitude", {{"type", "number"}}},
            {"title", kString},
            {"description", kString},
            {"source",
             {{"type", "string"}, {"enum", {"patrol", "resident", "call", "visit", "sensor", "open311"}}}},
            {"anonymous", {{"type", "boolean"}}}}}};
}

http::Response ReportEvent(EventService& events, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"category_code", "region_code", "latitude", "longitude", "title", "description",
                        "source", "anonymous"});
  NewEvent request;
  request.category_code = reader.RequireString("category_code");
  request.region_code = reader.RequireString("region_code");
  if (body.contains("latitude") && body["latitude"].is_number())
    request.latitude = body["latitude"].get<double>();
  if (body.contains("longitude") && body["longitude"].is_number())
    request.longitude = body["longitude"].get<double>();
  request.title = reader.RequireString("title");
  request.description = reader.OptionalString("description").value_or("");
  request.source = reader.OptionalString("source").value_or("");
  request.anonymous = reader.OptionalBool("anonymous").value_or(false);
  return http::Json(ViewJson(events.Report(context.principal(), request), events.Now()), 201);
}

http::Response GetEvent(const EventService& events, http::RequestContext& context) {
  return http::Json(ViewJson(events.Get(context.principal(), context.PathId("id")), events.Now()));
}

http::Response ListEvents(const EventService& events, http::RequestContext& context) {
  const auto& request = context.request();
  EventQuery query;
  query.state = request.Query("state").value_or("");
  query.category = request.Query("category").value_or("");
  query.region = request.Query("region").value_or("");
  query.mine = request.Query("mine").value_or("") == "true";
  query.limit = context.QueryInt("limit", 20, 1, 200);
  query.offset = context.QueryInt("offset", 0, 0, 100'000'000);
  const auto page = events.List(context.principal(), query);
  auto items = nlohmann::json::array();
  const auto now = events.Now();
  for (const auto& e : page.items) items.push_back(EventJson(e, now));
  return http::Json(
      {{"items", items}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}});
}

}  // namespace shequ::events
