#include "events/event_handlers.hpp"

#include <limits>

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"
#include "events/attachment_service.hpp"
#include "events/workflow.hpp"

namespace shequ::events {
namespace {

const nlohmann::json kString = {{"type", "string"}};
const nlohmann::json kNullableString = {{"type", "string"}, {"nullable", true}};
const nlohmann::json kInteger = {{"type", "integer"}};
const nlohmann::json kTime = {{"type", "string"}, {"format", "date-time"}};
const nlohmann::json kNullableTime = {{"type", "string"}, {"format", "date-time"}, {"nullable", true}};

template <typename T>
nlohmann::json Nullable(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json OptionalTime(const std::optional<std::int64_t>& at) {
  return at ? nlohmann::json(FormatTimestamp(*at)) : nlohmann::json(nullptr);
}

// Staff always see the reporter; a resident sees only their own reports, so anonymity never hides
// them from themselves. Remaining time is what screens count down (negative when overdue).
nlohmann::json EventJson(const Event& e, std::int64_t now) {
  const bool open = !IsFinished(e.state) && e.state != kShelved;
  const bool overdue = open && e.due_at.has_value() && *e.due_at < now;
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
          {"state_label", StateLabel(e.state)},
          {"level", e.level},
          {"department", e.department},
          {"grid_id", Nullable(e.grid_id)},
          {"owner_id", Nullable(e.owner_id)},
          {"owner_name", e.owner_name},
          {"handler_id", Nullable(e.handler_id)},
          {"handler_name", e.handler_name},
          {"reported_at", FormatTimestamp(e.reported_at)},
          {"stage_index", e.stage_index},
          {"due_at", OptionalTime(e.due_at)},
          {"remaining_minutes",
           open && e.due_at ? nlohmann::json((*e.due_at - now) / 60'000) : nlohmann::json(nullptr)},
          {"warning", open && !overdue && e.warn_at && *e.warn_at <= now},
          {"overdue", overdue},
          {"ever_overdue", e.ever_overdue},
          {"supervision", e.supervision},
          {"extension_until", OptionalTime(e.extension_until)},
          {"merged_into", Nullable(e.merged_into)},
          {"accepted_at", OptionalTime(e.accepted_at)},
          {"resolved_at", OptionalTime(e.resolved_at)},
          {"finished_at", OptionalTime(e.finished_at)},
          {"satisfaction", Nullable(e.satisfaction)},
          {"satisfaction_comment", e.satisfaction_comment},
          {"reopen_count", e.reopen_count},
          {"version", e.version}};
}

nlohmann::json SummonsJson(const Summons& s, std::int64_t now) {
  return {{"id", s.id},
          {"department_user_id", s.department_user_id},
          {"department", s.department_name},
          {"summoned_by", s.summoned_by_name},
          {"note", s.note},
          {"summoned_at", FormatTimestamp(s.summoned_at)},
          {"due_at", FormatTimestamp(s.due_at)},
          {"checked_in_at", OptionalTime(s.checked_in_at)},
          {"response", s.response},
          {"late", s.checked_in_at ? *s.checked_in_at > s.due_at : now > s.due_at}};
}

nlohmann::json AttachmentJson(const Attachment& a) {
  return {{"id", a.id},
          {"timeline_id", Nullable(a.timeline_id)},
          {"sha256", a.sha256},
          {"content_type", a.content_type},
          {"size", a.size},
          {"name", a.file_name},
          {"uploaded_by", a.uploaded_by_name},
          {"uploaded_at", FormatTimestamp(a.uploaded_at)},
          {"url", "/api/events/" + std::to_string(a.event_id) + "/attachments/" + std::to_string(a.id)}};
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
                        {"note", t.note},
                        {"detail", t.detail}});
  }
  json["timeline"] = timeline;
  auto summons = nlohmann::json::array();
  for (const auto& s : view.summons) summons.push_back(SummonsJson(s, now));
  json["summons"] = summons;
  auto duplicates = nlohmann::json::array();
  for (const auto& d : view.possible_duplicates) duplicates.push_back(EventJson(d, now));
  json["possible_duplicates"] = duplicates;
  auto attachments = nlohmann::json::array();
  for (const auto& a : view.attachments) attachments.push_back(AttachmentJson(a));
  json["attachments"] = attachments;
  return json;
}

nlohmann::json SettingsJson(const WatchSettings& s) {
  return {{"warn_ratio", s.warn_ratio},
          {"yellow_after_minutes", s.yellow_after_minutes},
          {"red_after_minutes", s.red_after_minutes},
          {"auto_escalate", s.auto_escalate},
          {"summons_minutes", s.summons_minutes}};
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
            {"state_label", kString},
            {"department", kString},
            {"grid_id", {{"type", "integer"}, {"nullable", true}}},
            {"handler_id", {{"type", "integer"}, {"nullable", true}}},
            {"handler_name", kString},
            {"stage_index", kInteger},
            {"remaining_minutes", {{"type", "integer"}, {"nullable", true}}},
            {"warning", {{"type", "boolean"}}},
            {"ever_overdue", {{"type", "boolean"}}},
            {"supervision", {{"type", "string"}, {"enum", {"normal", "yellow", "red"}}}},
            {"extension_until", kNullableTime},
            {"merged_into", {{"type", "integer"}, {"nullable", true}}},
            {"accepted_at", kNullableTime},
            {"resolved_at", kNullableTime},
            {"finished_at", kNullableTime},
            {"satisfaction", kNullableString},
            {"satisfaction_comment", kString},
            {"reopen_count", kInteger},
            {"timeline", {{"type", "array"}, {"items", {{"type", "object"}}}}},
            {"summons", {{"type", "array"}, {"items", {{"type", "object"}}}}},
            {"possible_duplicates", {{"type", "array"}, {"items", {{"type", "object"}}}}},
            {"attachments", {{"type", "array"}, {"items", AttachmentSchema()}}}}}};
}

nlohmann::json AttachmentSchema() {
  return {{"type", "object"},
          {"required", {"id", "sha256", "content_type", "size", "url"}},
          {"properties",
           {{"id", kInteger},
            {"timeline_id", {{"type", "integer"}, {"nullable", true}}},
            {"sha256", kString},
            {"content_type", kString},
            {"size", kInteger},
            {"name", kString},
            {"uploaded_by", kString},
            {"uploaded_at", kTime},
            {"url", kString}}}};
}

nlohmann::json StepSchema() {
  return {{"type", "object"},
          {"properties",
           {{"note", kString},
            {"version", kInteger},
            {"assignee_id", kInteger},
            {"passed", {{"type", "boolean"}}},
            {"until", kTime},
            {"into", kInteger},
            {"level", {{"type", "string"}, {"enum", {"community", "street", "department"}}}},
            {"department", kString},
            {"mark", {{"type", "string"}, {"enum", {"normal", "yellow", "red"}}}},
            {"department_ids", {{"type", "array"}, {"items", kInteger}}},
            {"minutes", kInteger},
            {"summons_id", kInteger},
            {"satisfaction",
             {{"type", "string"}, {"enum", {"satisfied", "basically_satisfied", "dissatisfied"}}}},
            {"reopen", {{"type", "boolean"}}},
            {"attachment_ids", {{"type", "array"}, {"items", kInteger}}}}}};
}

nlohmann::json SettingsSchema() {
  return {{"type", "object"},
          {"required",
           {"warn_ratio", "yellow_after_minutes", "red_after_minutes", "auto_escalate", "summons_minutes"}},
          {"properties",
           {{"warn_ratio", {{"type", "number"}}},
            {"yellow_after_minutes", kInteger},
            {"red_after_minutes", kInteger},
            {"auto_escalate", {{"type", "boolean"}}},
            {"summons_minutes", kInteger}}}};
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
  query.unassigned = request.Query("unassigned").value_or("") == "true";
  query.level = request.Query("level").value_or("");
  query.supervision = request.Query("supervision").value_or("");
  query.text = request.Query("q").value_or("");
  if (request.Query("handler"))
    query.handler_id = context.QueryInt("handler", 0, 1, std::numeric_limits<std::int64_t>::max());
  if (request.Query("grid"))
    query.grid_id = context.QueryInt("grid", 0, 1, std::numeric_limits<std::int64_t>::max());
  query.department = request.Query("department").value_or("");
  query.reported_from = context.QueryTime("from");
  query.reported_before = context.QueryTime("to");
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

namespace shequ::events {

namespace {

std::vector<std::int64_t> IdArray(const nlohmann::json& body, const std::string& field) {
  std::vector<std::int64_t> ids;
  if (!body.contains(field)) return ids;
  const auto& values = body[field];
  if (!values.is_array()) {
    throw Error(ErrorCode::kFieldTypeMismatch, nlohmann::json::array({FieldDetail(field, "not_an_array")}));
  }
  for (const auto& id : values) {
    if (!id.is_number_integer()) {
      throw Error(ErrorCode::kFieldTypeMismatch,
                  nlohmann::json::array({FieldDetail(field, "not_an_integer")}));
    }
    ids.push_back(id.get<std::int64_t>());
  }
  return ids;
}

}  // namespace

http::Response TakeStep(EventService& events, http::RequestContext& context, std::string_view action) {
  const auto body = context.OptionalJsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"note", "version", "assignee_id", "passed", "until", "into", "level", "department",
                        "mark", "department_ids", "minutes", "summons_id", "satisfaction", "reopen",
                        "attachment_ids"});
  StepInput input;
  input.note = reader.OptionalString("note").value_or("");
  input.version = reader.OptionalInt("version");
  input.assignee_id = reader.OptionalInt("assignee_id");
  input.passed = reader.OptionalBool("passed");
  if (const auto until = reader.OptionalString("until")) {
    input.until = ParseTimestamp(*until);
    if (!input.until) {
      throw Error(ErrorCode::kFieldInvalid, nlohmann::json::array({FieldDetail("until", "not_a_time")}));
    }
  }
  input.into = reader.OptionalInt("into");
  input.level = reader.OptionalString("level").value_or("");
  input.department = reader.OptionalString("department").value_or("");
  input.mark = reader.OptionalString("mark").value_or("");
  input.department_ids = IdArray(body, "department_ids");
  input.attachment_ids = IdArray(body, "attachment_ids");
  input.minutes = reader.OptionalInt("minutes");
  input.summons_id = reader.OptionalInt("summons_id");
  input.satisfaction = reader.OptionalString("satisfaction").value_or("");
  input.reopen = reader.OptionalBool("reopen").value_or(false);
  return http::Json(
      ViewJson(events.Take(context.principal(), context.PathId("id"), action, input), events.Now()));
}

http::Response EventDuplicates(const EventService& events, http::RequestContext& context) {
  auto items = nlohmann::json::array();
  const auto now = events.Now();
  for (const auto& e : events.Duplicates(context.principal(), context.PathId("id")))
    items.push_back(EventJson(e, now));
  return http::Json({{"items", items}});
}

http::Response GetWatchSettings(const EventService& events, http::RequestContext&) {
  return http::Json(SettingsJson(events.Settings()));
}

http::Response PutWatchSettings(EventService& events, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown(
      {"warn_ratio", "yellow_after_minutes", "red_after_minutes", "auto_escalate", "summons_minutes"});
  WatchSettings settings = events.Settings();
  if (body.contains("warn_ratio")) {
    if (!body["warn_ratio"].is_number()) {
      throw Error(ErrorCode::kFieldTypeMismatch,
                  nlohmann::json::array({FieldDetail("warn_ratio", "not_a_number")}));
    }
    settings.warn_ratio = body["warn_ratio"].get<double>();
  }
  settings.yellow_after_minutes =
      reader.OptionalInt("yellow_after_minutes").value_or(settings.yellow_after_minutes);
  settings.red_after_minutes = reader.OptionalInt("red_after_minutes").value_or(settings.red_after_minutes);
  settings.auto_escalate = reader.OptionalBool("auto_escalate").value_or(settings.auto_escalate);
  settings.summons_minutes = reader.OptionalInt("summons_minutes").value_or(settings.summons_minutes);
  return http::Json(SettingsJson(events.SaveSettings(context.principal(), settings)));
}

}  // namespace shequ::events

namespace shequ::events {

http::Response UploadAttachment(AttachmentService& attachments, http::RequestContext& context) {
  const auto& request = context.request();
  auto type = request.Header("content-type").value_or("");
  type = type.substr(0, type.find(';'));
  const auto attachment = attachments.Upload(context.principal(), context.PathId("id"), type,
                                             request.Query("name").value_or(""), request.body);
  return http::Json(AttachmentJson(attachment), 201);
}

http::Response ListAttachments(const AttachmentService& attachments, http::RequestContext& context) {
  auto items = nlohmann::json::array();
  for (const auto& a : attachments.List(context.principal(), context.PathId("id")))
    items.push_back(AttachmentJson(a));
  return http::Json({{"items", items}});
}

http::Response DownloadAttachment(const AttachmentService& attachments, http::RequestContext& context) {
  auto file = attachments.Read(context.principal(), context.PathId("id"), context.PathId("attachment_id"));
  http::Response response;
  response.content_type = file.attachment.content_type;
  response.body = std::move(file.bytes);
  // Files are content-addressed: the same URL always answers the same bytes.
  response.headers.emplace_back("Cache-Control", "private, max-age=31536000, immutable");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("ETag", "\"" + file.attachment.sha256 + "\"");
  return response;
}

}  // namespace shequ::events
