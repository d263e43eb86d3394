// HTTP of the event figures: GET /api/events/stats.
#pragma once

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "events/kpi_service.hpp"

namespace shequ::events {

nlohmann::json KpiSchema();
http::Response EventFigures(const KpiService& kpis, http::RequestContext& context);

}  // namespace shequ::events
