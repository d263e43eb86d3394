// Manifest of the Open311 module: GeoReport v2 at /open311/v2/, every resource in XML (the
// spec's first format) and JSON. The routes are public as the spec's are: reading needs no key,
// filing checks its api_key itself, and both answer in the spec's error format.
#include "open311/module.hpp"

#include "open311/open311_handlers.hpp"

namespace shequ::open311 {

ModuleManifest Manifest(Open311Service& service) {
  using http::Method;
  const std::string base = "/open311/v2/";
  const std::string open(http::kPublic);
  const std::vector<http::QueryParamDoc> jurisdiction = {
      {"jurisdiction_id", "string", "A community or a region above one (optional: all of them)"}};
  const std::vector<http::QueryParamDoc> key = {
      {"api_key", "string",
       "Optional: with a key, every request in its area; without, those filed through Open311"},
      jurisdiction.front()};
  std::vector<http::Route> routes;
  for (const auto format : {Format::kXml, Format::kJson}) {
    const auto ext = "." + std::string(Extension(format));
    const auto doc = [&](const std::string& summary, const nlohmann::json& schema,
                         std::vector<http::QueryParamDoc> query) {
      http::RouteDoc out;
      out.summary = summary + " (" + ext + "; errors in the GeoReport format)";
      out.tag = "open311";
      out.query = std::move(query);
      out.response_schema = format == Format::kJson ? schema : nlohmann::json{{"type", "string"}};
      out.content_type = format == Format::kJson ? "application/json" : "text/xml";
      return out;
    };
    const auto add = [&](Method method, const std::string& path, http::RouteDoc route_doc,
                         http::Response (*handler)(Open311Service&, Format, http::RequestContext&)) {
      routes.push_back(
          {.method = method,
           .pattern = base + path + ext,
           .permission = open,
           .handler = [&service, format, handler](auto& c) { return handler(service, format, c); },
           .doc = std::move(route_doc)});
    };
    add(Method::kGet, "discovery", doc("Open311 service discovery", DiscoverySchema(), {}), Discovery);
    add(Method::kGet, "services",
        doc("Open311 service list: the event categories", ServiceListSchema(), jurisdiction), ListServices);
    add(Method::kGet, "services/{service_code}",
        doc("Open311 service definition (no attributes: metadata is false)", ServiceDefinitionSchema(),
            jurisdiction),
        ServiceDefinition);
    auto list_query = key;
    list_query.insert(
        list_query.end(),
        {{"service_request_id", "string", "Comma-separated ids; overrides the other filters"},
         {"service_code", "string", "Comma-separated service codes"},
         {"start_date", "string", "W3C datetime with zone (default: 90 days before end_date)"},
         {"end_date", "string", "W3C datetime with zone (default: now); at most 90 days after start"},
         {"status", "string", "open, closed, or both"},
         {"page", "integer", "Page, from 1 (extension)"},
         {"page_size", "integer", "1-1000 (default 1000; extension)"}});
    add(Method::kGet, "requests",
        doc("Open311 service requests, newest first", RequestListSchema(), list_query), ListRequests);
    auto post =
        doc("File an Open311 service request (api_key required; form body or query)", SubmittedSchema(),
            {{"api_key", "string", "The client's key"},
             jurisdiction.front(),
             {"service_code", "string", "From the service list"},
             {"address_id", "string", "Region code at community level or below, inside the key's area"},
             {"lat", "number", "WGS84 latitude (with long)"},
             {"long", "number", "WGS84 longitude (with lat)"},
             {"address_string", "string", "Address as text"},
             {"description", "string", "Up to 2000 characters are kept"},
             {"first_name", "string", "Reporter's name (kept for staff, never published)"},
             {"last_name", "string", "Reporter's name (kept for staff, never published)"},
             {"media_url", "string", "Photo URL (repeatable)"}});
    post.request_content_types = {"application/x-www-form-urlencoded"};
    add(Method::kPost, "requests", std::move(post), PostRequest);
    add(Method::kGet, "requests/{service_request_id}",
        doc("One Open311 service request", RequestListSchema(), key), GetRequest);
    add(Method::kGet, "tokens/{token}",
        doc("Open311 token lookup: services are realtime, so no token is ever pending", TokenSchema(),
            jurisdiction),
        GetToken);
  }
  // Anything else under the base, such as an unknown format, is answered in the spec's format.
  const auto unknown = [&](Method method, const std::string& path) {
    routes.push_back(
        {.method = method,
         .pattern = base + path,
         .permission = open,
         .handler = [](auto& c) { return UnknownResource(c); },
         .doc = {.summary = "Unknown Open311 resource or format: 404 in the GeoReport error format",
                 .tag = "open311",
                 .response_schema = {{"type", "string"}},
                 .success_status = 404,
                 .content_type = "text/xml"}});
  };
  unknown(Method::kGet, "{resource}");
  unknown(Method::kPost, "{resource}");
  unknown(Method::kGet, "{collection}/{item}");
  return {
      .name = "open311",
      .depends = {"core", "audit", "regions", "events"},
      .migrations = Migrations(),
      .routes = std::move(routes),
  };
}

}  // namespace shequ::open311
