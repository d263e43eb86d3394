#pragma once

#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "events/kpi.hpp"

namespace shequ::events {

// All SQL of the figures: one grouped pass over the events reported in the period.
class KpiStore {
 public:
  // Grouped by `by` (worker, grid, community, department) or, with "", one row for everything.
  static std::vector<KpiRow> Figures(db::Connection& c, const std::vector<std::string>& prefixes,
                                     const std::string& by, std::int64_t from, std::int64_t to,
                                     std::int64_t now);
};

}  // namespace shequ::events
