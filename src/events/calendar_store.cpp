#include "events/calendar_store.hpp"

namespace shequ::events {

std::vector<CalendarDay> CalendarStore::Days(db::Connection& c) {
  auto rows = c.Run("SELECT day, kind, name FROM calendar_days ORDER BY day");
  std::vector<CalendarDay> days;
  days.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    days.push_back({rows[i].Text(0), rows[i].Text(1), rows[i].Text(2)});
  return days;
}

void CalendarStore::Put(db::Connection& c, const CalendarDay& day) {
  c.Run(
      "INSERT INTO calendar_days (day, kind, name) VALUES ($1, $2, $3)"
      " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name",
      day.date, day.kind, day.name);
}

bool CalendarStore::Remove(db::Connection& c, const std::string& date) {
  return c.Run("DELETE FROM calendar_days WHERE day = $1", date).affected_rows == 1;
}

}  // namespace shequ::events
