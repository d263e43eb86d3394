#pragma once

#include <vector>

#include "core/db/database.hpp"
#include "events/work_calendar.hpp"

namespace shequ::events {

// All SQL of the working calendar.
class CalendarStore {
 public:
  static std::vector<CalendarDay> Days(db::Connection& c);
  static void Put(db::Connection& c, const CalendarDay& day);
  // False when the day was not listed.
  static bool Remove(db::Connection& c, const std::string& date);
};

}  // namespace shequ::events
