// HTTP of Open311 GeoReport v2: parameters from the query and the form body, one service call,
// the answer in the format the path's extension names, and every failure in the spec's error
// format with its status (400, 403, 404, 500).
#pragma once

#include <nlohmann/json.hpp>

#include "core/http/route.hpp"
#include "open311/georeport_format.hpp"
#include "open311/open311_service.hpp"

namespace shequ::open311 {

http::Response Discovery(Open311Service& service, Format format, http::RequestContext& context);
http::Response ListServices(Open311Service& service, Format format, http::RequestContext& context);
http::Response ServiceDefinition(Open311Service& service, Format format, http::RequestContext& context);
http::Response ListRequests(Open311Service& service, Format format, http::RequestContext& context);
http::Response PostRequest(Open311Service& service, Format format, http::RequestContext& context);
http::Response GetRequest(Open311Service& service, Format format, http::RequestContext& context);
http::Response GetToken(Open311Service& service, Format format, http::RequestContext& context);
// A path under /open311/v2/ that names no resource, or one without .xml or .json.
http::Response UnknownResource(http::RequestContext& context);

// JSON schemas of the answers (for the OpenAPI document).
nlohmann::json DiscoverySchema();
nlohmann::json ServiceListSchema();
nlohmann::json ServiceDefinitionSchema();
nlohmann::json RequestListSchema();
nlohmann::json SubmittedSchema();
nlohmann::json TokenSchema();

}  // namespace shequ::open311
