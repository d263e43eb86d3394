#pragma once

#include "core/http/route.hpp"
#include "regions/national_page_cache.hpp"
#include "regions/region_service.hpp"

namespace shequ::regions {

nlohmann::json RegionSchema();
nlohmann::json RegionViewSchema();

http::Response GetRegion(const RegionService& regions, http::RequestContext& context);
http::Response ListChildren(const RegionService& regions, NationalPageCache& cache,
                            http::RequestContext& context);
http::Response SearchRegions(const RegionService& regions, http::RequestContext& context);
http::Response CreateChild(RegionService& regions, http::RequestContext& context);
http::Response UpdateRegion(RegionService& regions, http::RequestContext& context);
http::Response DeleteRegion(RegionService& regions, http::RequestContext& context);

}  // namespace shequ::regions
