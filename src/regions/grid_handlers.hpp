#pragma once

#include "core/http/route.hpp"
#include "regions/grid_service.hpp"

namespace shequ::regions {

nlohmann::json GridSchema();

http::Response ListCommunityGrids(const GridService& grids, http::RequestContext& context);
http::Response CreateGrid(GridService& grids, http::RequestContext& context);
http::Response GetGrid(const GridService& grids, http::RequestContext& context);
http::Response UpdateGrid(GridService& grids, http::RequestContext& context);
http::Response AddGridMember(GridService& grids, http::RequestContext& context);
http::Response EndGridMember(GridService& grids, http::RequestContext& context);

}  // namespace shequ::regions
