// HTTP of event categories and the working calendar.
#pragma once

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "events/category_service.hpp"

namespace shequ::events {

nlohmann::json CategorySchema();
nlohmann::json CalendarDaySchema();
nlohmann::json DeadlinesSchema();

http::Response ListCategories(const CategoryService& categories, http::RequestContext& context);
http::Response CreateCategory(CategoryService& categories, http::RequestContext& context);
http::Response UpdateCategory(CategoryService& categories, http::RequestContext& context);
http::Response CategoryDeadlines(const CategoryService& categories, const Clock& clock,
                                 http::RequestContext& context);
http::Response ListCalendarDays(const CalendarService& calendar, const Clock& clock,
                                http::RequestContext& context);
http::Response PutCalendarDay(CalendarService& calendar, http::RequestContext& context);
http::Response RemoveCalendarDay(CalendarService& calendar, http::RequestContext& context);

}  // namespace shequ::events
