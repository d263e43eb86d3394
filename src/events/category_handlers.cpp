#include "events/category_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"

namespace shequ::events {
namespace {

const nlohmann::json kString = {{"type", "string"}};
const nlohmann::json kInteger = {{"type", "integer"}};

nlohmann::json LimitJson(const StageLimit& l) {
  return {{"stage", l.stage}, {"label", l.label}, {"amount", l.amount}, {"unit", l.unit}};
}

nlohmann::json CategoryJson(const EventCategory& e) {
  auto limits = nlohmann::json::array();
  for (const auto& l : e.limits) limits.push_back(LimitJson(l));
  return {{"code", e.code},
          {"parent_code", e.parent_code ? nlohmann::json(*e.parent_code) : nlohmann::json(nullptr)},
          {"name", e.name},
          {"name_en", e.name_en},
          {"kind", e.kind},
          {"default_level", e.default_level},
          {"department", e.department},
          {"limits", limits},
          {"active", e.active},
          {"sort_order", e.sort_order}};
}

std::vector<StageLimit> ReadLimits(const nlohmann::json& body) {
  const auto& json = body.at("limits");
  if (!json.is_array()) {
    throw Error(ErrorCode::kFieldTypeMismatch,
                nlohmann::json::array({FieldDetail("limits", "not_an_array")}));
  }
  std::vector<StageLimit> limits;
  for (std::size_t i = 0; i < json.size(); ++i) {
    json::ObjectReader reader(json[i], "limits[" + std::to_string(i) + "]");
    reader.RejectUnknown({"stage", "label", "amount", "unit"});
    limits.push_back({reader.RequireString("stage"), reader.RequireString("label"),
                      reader.RequireInt("amount"), reader.RequireString("unit")});
  }
  return limits;
}

}  // namespace

nlohmann::json CategorySchema() {
  const nlohmann::json limit = {
      {"type", "object"},
      {"required", {"stage", "label", "amount", "unit"}},
      {"properties",
       {{"stage", kString},
        {"label", kString},
        {"amount", kInteger},
        {"unit",
         {{"type", "string"},
          {"enum", {"working_minutes", "working_hours", "working_days", "minutes", "hours", "days"}}}}}}};
  return {{"type", "object"},
          {"required", {"code", "name", "kind", "default_level", "limits", "active"}},
          {"properties",
           {{"code", kString},
            {"parent_code", {{"type", "string"}, {"nullable", true}}},
            {"name", kString},
            {"name_en", kString},
            {"kind", {{"type", "string"}, {"enum", {"event", "component"}}}},
            {"default_level", {{"type", "string"}, {"enum", {"grid", "community", "street", "department"}}}},
            {"department", kString},
            {"limits", {{"type", "array"}, {"items", limit}}},
            {"active", {{"type", "boolean"}}},
            {"sort_order", kInteger}}}};
}

nlohmann::json CalendarDaySchema() {
  return {{"type", "object"},
          {"required", {"day", "kind", "name"}},
          {"properties",
           {{"day", {{"type", "string"}, {"format", "date"}}},
            {"kind", {{"type", "string"}, {"enum", {"holiday", "workday"}}}},
            {"name", kString}}}};
}

nlohmann::json DeadlinesSchema() {
  const nlohmann::json stage = {{"type", "object"},
                                {"required", {"stage", "label", "starts_at", "due_at"}},
                                {"properties",
                                 {{"stage", kString},
                                  {"label", kString},
                                  {"amount", kInteger},
                                  {"unit", kString},
                                  {"starts_at", {{"type", "string"}, {"format", "date-time"}}},
                                  {"due_at", {{"type", "string"}, {"format", "date-time"}}}}}};
  return {{"type", "object"},
          {"required", {"category", "from", "stages"}},
          {"properties",
           {{"category", kString},
            {"from", {{"type", "string"}, {"format", "date-time"}}},
            {"stages", {{"type", "array"}, {"items", stage}}}}}};
}

http::Response ListCategories(const CategoryService& categories, http::RequestContext& context) {
  auto items = nlohmann::json::array();
  for (const auto& c : categories.List(context.request().Query("all").value_or("") == "true")) {
    items.push_back(CategoryJson(c));
  }
  return http::Json({{"items", items}});
}

http::Response CreateCategory(CategoryService& categories, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"code", "parent_code", "name", "name_en", "kind", "default_level", "department",
                        "limits", "active", "sort_order"});
  EventCategory category;
  category.code = reader.RequireString("code");
  category.parent_code = reader.OptionalString("parent_code");
  category.name = reader.RequireString("name");
  category.name_en = reader.OptionalString("name_en").value_or("");
  category.kind = reader.OptionalString("kind").value_or("event");
  category.default_level = reader.OptionalString("default_level").value_or("grid");
  category.department = reader.OptionalString("department").value_or("");
  if (body.contains("limits")) category.limits = ReadLimits(body);
  category.active = reader.OptionalBool("active").value_or(true);
  category.sort_order = reader.OptionalInt("sort_order").value_or(10'000);
  return http::Json(CategoryJson(categories.Create(context.principal(), category)), 201);
}

http::Response UpdateCategory(CategoryService& categories, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"name", "name_en", "default_level", "department", "limits", "active", "sort_order"});
  CategoryPatch patch;
  patch.name = reader.OptionalString("name");
  patch.name_en = reader.OptionalString("name_en");
  patch.default_level = reader.OptionalString("default_level");
  patch.department = reader.OptionalString("department");
  if (body.contains("limits")) patch.limits = ReadLimits(body);
  patch.active = reader.OptionalBool("active");
  patch.sort_order = reader.OptionalInt("sort_order");
  return http::Json(CategoryJson(categories.Update(context.principal(), context.PathParam("code"), patch)));
}

http::Response CategoryDeadlines(const CategoryService& categories, const Clock& clock,
                                 http::RequestContext& context) {
  auto from = clock.NowMillis();
  if (const auto text = context.request().Query("from")) {
    const auto parsed = ParseTimestamp(*text);
    if (!parsed) {
      throw Error(ErrorCode::kInvalidQueryParameter, "from is an RFC 3339 time.", "from 须为 RFC 3339 时间。",
                  nlohmann::json::array({FieldDetail("from", "invalid")}));
    }
    from = *parsed;
  }
  const auto& code = context.PathParam("code");
  auto stages = nlohmann::json::array();
  for (const auto& d : categories.Deadlines(code, from)) {
    auto stage = LimitJson(d.limit);
    stage["starts_at"] = FormatTimestamp(d.starts_at);
    stage["due_at"] = FormatTimestamp(d.due_at);
    stages.push_back(std::move(stage));
  }
  return http::Json({{"category", code}, {"from", FormatTimestamp(from)}, {"stages", stages}});
}

http::Response ListCalendarDays(const CalendarService& calendar, const Clock& clock,
                                http::RequestContext& context) {
  const auto this_year = std::stoi(FormatTimestamp(clock.NowMillis()).substr(0, 4));
  const auto year = static_cast<int>(context.QueryInt("year", this_year, 2000, 2100));
  auto items = nlohmann::json::array();
  for (const auto& d : calendar.Days(year))
    items.push_back({{"day", d.date}, {"kind", d.kind}, {"name", d.name}});
  return http::Json({{"year", year}, {"items", items}});
}

http::Response PutCalendarDay(CalendarService& calendar, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"kind", "name"});
  const auto day = calendar.Put(context.principal(), {context.PathParam("day"), reader.RequireString("kind"),
                                                      reader.RequireString("name")});
  return http::Json({{"day", day.date}, {"kind", day.kind}, {"name", day.name}});
}

http::Response RemoveCalendarDay(CalendarService& calendar, http::RequestContext& context) {
  calendar.Remove(context.principal(), context.PathParam("day"));
  return http::NoContent();
}

}  // namespace shequ::events
