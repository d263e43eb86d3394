#include "events/kpi_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/time_format.hpp"

namespace shequ::events {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

nlohmann::json Maybe(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json RowJson(const KpiRow& r) {
  return {{"key", r.key},
          {"name", r.name},
          {"total", r.total},
          {"closed", r.closed},
          {"closed_on_time", r.closed_on_time},
          {"rated", r.rated},
          {"satisfied", r.satisfied},
          {"overdue_open", r.overdue_open},
          {"closure_rate", Maybe(r.ClosureRate())},
          {"on_time_rate", Maybe(r.OnTimeRate())},
          {"satisfaction_rate", Maybe(r.SatisfactionRate())},
          {"average_response_minutes", Maybe(r.AverageResponseMinutes())},
          {"average_closing_hours", Maybe(r.AverageClosingHours())}};
}

}  // namespace

nlohmann::json KpiSchema() {
  const nlohmann::json rate = {{"type", "number"}, {"nullable", true}};
  const nlohmann::json count = {{"type", "integer"}};
  const nlohmann::json row = {{"type", "object"},
                              {"required", {"key", "total", "closed"}},
                              {"properties",
                               {{"key", {{"type", "string"}}},
                                {"name", {{"type", "string"}}},
                                {"total", count},
                                {"closed", count},
                                {"closed_on_time", count},
                                {"rated", count},
                                {"satisfied", count},
                                {"overdue_open", count},
                                {"closure_rate", rate},
                                {"on_time_rate", rate},
                                {"satisfaction_rate", rate},
                                {"average_response_minutes", rate},
                                {"average_closing_hours", rate}}}};
  return {{"type", "object"},
          {"required", {"by", "from", "to", "items", "overall"}},
          {"properties",
           {{"by", {{"type", "string"}}},
            {"from", {{"type", "string"}, {"format", "date-time"}}},
            {"to", {{"type", "string"}, {"format", "date-time"}}},
            {"items", {{"type", "array"}, {"items", row}}},
            {"overall", row}}}};
}

http::Response EventFigures(const KpiService& kpis, http::RequestContext& context) {
  const auto& request = context.request();
  KpiQuery query;
  query.by = request.Query("by").value_or("community");
  query.region = request.Query("region").value_or("");
  const auto now = kpis.Now();
  query.to = context.QueryTime("to").value_or(now + 1);
  query.from = context.QueryTime("from").value_or(query.to - 30 * kDay);
  const auto report = kpis.Figures(context.principal(), query);
  auto items = nlohmann::json::array();
  for (const auto& row : report.rows) items.push_back(RowJson(row));
  return http::Json({{"by", query.by},
                     {"from", FormatTimestamp(query.from)},
                     {"to", FormatTimestamp(query.to)},
                     {"items", items},
                     {"overall", RowJson(report.overall)}});
}

}  // namespace shequ::events
