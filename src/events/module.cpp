// Manifest of the events module (五有). So far: the categories of event with their time limits,
// the working calendar deadlines are counted on, and the intake of events with their first due
// time. The workflow (dispatch, escalation, verification) comes next.
#include "events/module.hpp"

#include "events/category_handlers.hpp"
#include "events/event_handlers.hpp"

namespace shequ::events {

ModuleManifest Manifest(CategoryService& categories, CalendarService& calendar, EventService& events,
                        const Clock& clock) {
  using auth::Role;
  using http::Method;
  const auto items_of = [](const nlohmann::json& schema) {
    return nlohmann::json{{"type", "object"},
                          {"required", {"items"}},
                          {"properties", {{"items", {{"type", "array"}, {"items", schema}}}}}};
  };
  auto calendar_page = items_of(CalendarDaySchema());
  calendar_page["properties"]["year"] = {{"type", "integer"}};
  const nlohmann::json day_body = {
      {"type", "object"},
      {"required", {"kind", "name"}},
      {"properties",
       {{"kind", {{"type", "string"}, {"enum", {"holiday", "workday"}}}}, {"name", {{"type", "string"}}}}}};
  return {
      .name = "events",
      .depends = {"core", "audit", "accounts"},
      .migrations = Migrations(),
      .permissions = {{"events.configure",
                       {Role::kAdmin, Role::kCounty},
                       "Edit the event categories, their time limits, and the working calendar"}},
      .routes =
          {
              {.method = Method::kPost,
               .pattern = "/api/events",
               .permission = std::string(http::kSignedIn),
               .handler = [&events](auto& c) { return ReportEvent(events, c); },
               .doc = {.summary = "Report an event in one's area; staff who take it hold it (首问负责)",
                       .tag = "events",
                       .request_schema = NewEventSchema(),
                       .response_schema = EventSchema(),
                       .success_status = 201}},
              {.method = Method::kGet,
               .pattern = "/api/events",
               .permission = std::string(http::kSignedIn),
               .handler = [&events](auto& c) { return ListEvents(events, c); },
               .doc = {.summary = "Events in scope (a resident's own reports) by due time",
                       .tag = "events",
                       .response_schema = EventPageSchema(),
                       .query = {{"state", "string", "Only this state"},
                                 {"category", "string", "A category or a whole class"},
                                 {"region", "string", "Only this subtree"},
                                 {"mine", "boolean", "true: the events the caller holds"},
                                 {"limit", "integer", "1-200 (default 20)"},
                                 {"offset", "integer", "Rows to skip"}}}},
              {.method = Method::kGet,
               .pattern = "/api/events/{id}",
               .permission = std::string(http::kSignedIn),
               .handler = [&events](auto& c) { return GetEvent(events, c); },
               .doc = {.summary = "One event with its timeline",
                       .tag = "events",
                       .response_schema = EventSchema()}},
              {.method = Method::kGet,
               .pattern = "/api/event-categories",
               .permission = std::string(http::kSignedIn),
               .handler = [&categories](auto& c) { return ListCategories(categories, c); },
               .doc = {.summary = "The category tree with each category's stage time limits",
                       .tag = "events",
                       .response_schema = items_of(CategorySchema()),
                       .query = {{"all", "boolean", "true: include retired categories"}}}},
              {.method = Method::kPost,
               .pattern = "/api/event-categories",
               .permission = "events.configure",
               .handler = [&categories](auto& c) { return CreateCategory(categories, c); },
               .doc = {.summary = "Add a category (with its stages' time limits)",
                       .tag = "events",
                       .request_schema = CategorySchema(),
                       .response_schema = CategorySchema(),
                       .success_status = 201}},
              {.method = Method::kPatch,
               .pattern = "/api/event-categories/{code}",
               .permission = "events.configure",
               .handler = [&categories](auto& c) { return UpdateCategory(categories, c); },
               .doc = {.summary = "Edit a category: name, level, department, time limits, retire",
                       .tag = "events",
                       .request_schema = {{"type", "object"}},
                       .response_schema = CategorySchema()}},
              {.method = Method::kGet,
               .pattern = "/api/event-categories/{code}/deadlines",
               .permission = std::string(http::kSignedIn),
               .handler = [&categories, &clock](auto& c) { return CategoryDeadlines(categories, clock, c); },
               .doc = {.summary =
                           "The due time of each stage for an event of this category reported at `from`",
                       .tag = "events",
                       .response_schema = DeadlinesSchema(),
                       .query = {{"from", "string", "RFC 3339 time (default: now)"}}}},
              {.method = Method::kGet,
               .pattern = "/api/calendar",
               .permission = std::string(http::kSignedIn),
               .handler = [&calendar, &clock](auto& c) { return ListCalendarDays(calendar, clock, c); },
               .doc = {.summary = "A year's public holidays and make-up working days (调休)",
                       .tag = "events",
                       .response_schema = calendar_page,
                       .query = {{"year", "integer", "2000-2100 (default: this year)"}}}},
              {.method = Method::kPut,
               .pattern = "/api/calendar/{day}",
               .permission = "events.configure",
               .handler = [&calendar](auto& c) { return PutCalendarDay(calendar, c); },
               .doc = {.summary = "Mark a day a holiday or a make-up working day",
                       .tag = "events",
                       .request_schema = day_body,
                       .response_schema = CalendarDaySchema()}},
              {.method = Method::kDelete,
               .pattern = "/api/calendar/{day}",
               .permission = "events.configure",
               .handler = [&calendar](auto& c) { return RemoveCalendarDay(calendar, c); },
               .doc = {.summary = "Return a listed day to the plain weekday/weekend rule",
                       .tag = "events",
                       .success_status = 204}},
          },
  };
}

}  // namespace shequ::events
