#include "events/kpi_store.hpp"

#include "core/db/sql_params.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::events {

std::vector<KpiRow> KpiStore::Figures(db::Connection& c, const std::vector<std::string>& prefixes,
                                      const std::string& by, std::int64_t from, std::int64_t to,
                                      std::int64_t now) {
  // The key and a name for it; grids and communities are named from their own tables.
  std::string key = "''";
  std::string name = "''";
  std::string join;
  std::string having;
  if (by == "worker") {
    key = "CAST(e.handler_id AS TEXT)";
    name = "MAX(e.handler_name)";
    having = " AND e.handler_id IS NOT NULL";
  } else if (by == "grid") {
    key = "CAST(e.grid_id AS TEXT)";
    name = "MAX(g.name)";
    join = " LEFT JOIN grids g ON g.id = e.grid_id";
    having = " AND e.grid_id IS NOT NULL";
  } else if (by == "community") {
    key = "SUBSTR(e.region_code, 1, 12)";
    name = "MAX(r.name)";
    join = " LEFT JOIN regions r ON r.code = SUBSTR(e.region_code, 1, 12)";
  } else if (by == "department") {
    key = "e.department";
    name = "e.department";
    having = " AND e.department <> ''";
  }
  db::SqlParams params;
  std::string where = " WHERE e.reported_at >= " + params.Add(from) + " AND e.reported_at < " +
                      params.Add(to) + " AND e.state NOT IN ('merged', 'rejected')" + having;
  if (const auto subtree = regions::SubtreeCondition(prefixes, {"e.region_code"}, params); !subtree.empty()) {
    where += " AND " + subtree;
  }
  const auto at = params.Add(now);
  const std::string sql =
      "SELECT " + key + ", " + name +
      ", COUNT(*),"
      " SUM(CASE WHEN e.state = 'closed' THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN e.state = 'closed' AND e.ever_overdue = 0 THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN e.satisfaction IS NOT NULL THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN e.satisfaction IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN e.finished_at IS NULL AND e.state <> 'shelved' AND e.due_at < " +
      at +
      " THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN e.accepted_at IS NOT NULL THEN 1 ELSE 0 END),"
      " CAST(COALESCE(SUM(e.accepted_at - e.reported_at), 0) AS BIGINT),"
      " CAST(COALESCE(SUM(CASE WHEN e.state = 'closed' THEN e.finished_at - e.reported_at ELSE 0 END), 0) AS "
      "BIGINT)"
      " FROM events e" +
      join + where + (by.empty() ? "" : " GROUP BY " + key + " ORDER BY 1");
  auto rows = c.Execute(sql, params.values());
  std::vector<KpiRow> figures;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    if (row.Int(2) == 0) continue;
    KpiRow f;
    f.key = row.IsNull(0) ? "" : row.Text(0);
    f.name = row.IsNull(1) ? "" : row.Text(1);
    f.total = row.Int(2);
    f.closed = row.Int(3);
    f.closed_on_time = row.Int(4);
    f.rated = row.Int(5);
    f.satisfied = row.Int(6);
    f.overdue_open = row.Int(7);
    f.responded = row.Int(8);
    f.response_millis = row.Int(9);
    f.closing_millis = row.Int(10);
    figures.push_back(std::move(f));
  }
  return figures;
}

}  // namespace shequ::events
