// Figures of how events are handled (考核指标): per worker, grid, community or department over a
// period of reports — 结案率, 按期结案率 (closed without ever passing a due time), 满意率 (满意 and
// 基本满意 among the rated), response and closing times, and what is overdue now. Duplicates merged
// away and reports refused (不予受理) are not counted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shequ::events {

struct KpiQuery {
  std::string by = "community";  // worker, grid, community or department
  std::string region;            // narrows the caller's scope
  std::int64_t from = 0;         // reports from (inclusive) …
  std::int64_t to = 0;           // … to (exclusive)
};

struct KpiRow {
  std::string key;  // the worker's or grid's id, the community's code, the department's name
  std::string name;
  std::int64_t total = 0;
  std::int64_t closed = 0;
  std::int64_t closed_on_time = 0;
  std::int64_t rated = 0;
  std::int64_t satisfied = 0;  // 满意 or 基本满意
  std::int64_t overdue_open = 0;
  std::int64_t responded = 0;        // taken in (受理 or 派遣)
  std::int64_t response_millis = 0;  // summed over those taken in
  std::int64_t closing_millis = 0;   // summed over those closed

  std::optional<double> ClosureRate() const { return Share(closed, total); }
  std::optional<double> OnTimeRate() const { return Share(closed_on_time, closed); }
  std::optional<double> SatisfactionRate() const { return Share(satisfied, rated); }
  std::optional<double> AverageResponseMinutes() const {
    return responded == 0 ? std::nullopt
                          : std::optional(static_cast<double>(response_millis) / responded / 60'000);
  }
  std::optional<double> AverageClosingHours() const {
    return closed == 0 ? std::nullopt
                       : std::optional(static_cast<double>(closing_millis) / closed / 3'600'000);
  }

 private:
  static std::optional<double> Share(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? std::nullopt : std::optional(static_cast<double>(part) / static_cast<double>(whole));
  }
};

struct KpiReport {
  std::vector<KpiRow> rows;
  KpiRow overall;
};

}  // namespace shequ::events
