#include "events/kpi_service.hpp"

#include "core/errors/error.hpp"
#include "events/kpi_store.hpp"
#include "regions/subtree_filter.hpp"

namespace shequ::events {

KpiReport KpiService::Figures(const auth::Principal& actor, const KpiQuery& query) const {
  if (query.by != "worker" && query.by != "grid" && query.by != "community" && query.by != "department") {
    throw Error(ErrorCode::kInvalidQueryParameter, "by is worker, grid, community or department.",
                "by 须为 worker、grid、community 或 department。",
                nlohmann::json::array({{{"parameter", "by"}, {"problem", "unknown_value"}}}));
  }
  if (query.to <= query.from) {
    throw Error(ErrorCode::kInvalidQueryParameter, "The period ends after it starts.",
                "统计区间的结束须晚于开始。",
                nlohmann::json::array({{{"parameter", "to"}, {"problem", "before_from"}}}));
  }
  const auto prefixes = regions::SearchPrefixes(actor.scope, query.region);
  const auto now = clock_.NowMillis();
  return database_.Read([&](db::Connection& c) {
    KpiReport report;
    report.rows = KpiStore::Figures(c, prefixes, query.by, query.from, query.to, now);
    auto overall = KpiStore::Figures(c, prefixes, "", query.from, query.to, now);
    if (!overall.empty()) report.overall = overall.front();
    return report;
  });
}

}  // namespace shequ::events
