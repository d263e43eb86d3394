#include "open311/open311_handlers.hpp"

#include <cstdlib>
#include <functional>
#include <iostream>

#include "core/db/database.hpp"
#include "core/errors/error.hpp"

namespace shequ::open311 {
namespace {

constexpr std::string_view kSpecification = "http://wiki.open311.org/GeoReport_v2";
constexpr std::int64_t kMostRequests = 1000;  // the spec's "first 1000 requests"

[[noreturn]] void BadParameter(std::string_view parameter, std::string en, std::string zh) {
  throw Error(ErrorCode::kInvalidQueryParameter, std::move(en), std::move(zh),
              nlohmann::json::array({{{"parameter", parameter}}}));
}

// The query string and the form body together: real clients put jurisdiction_id and api_key in
// either, whatever the method. An empty value counts as absent (the spec's optional arguments).
class Parameters {
 public:
  explicit Parameters(const http::Request& request) : pairs_(request.QueryPairs()) {
    if (request.body.empty()) return;
    const auto type = request.Header("content-type").value_or("");
    if (!type.starts_with("application/x-www-form-urlencoded")) {
      BadParameter("body", "Send the parameters as application/x-www-form-urlencoded.",
                   "参数须以 application/x-www-form-urlencoded 提交。");
    }
    // A form body is encoded exactly as a query string is.
    http::Request form;
    form.query_string = request.body;
    for (auto& pair : form.QueryPairs()) pairs_.push_back(std::move(pair));
  }

  // The last value given.
  std::string Get(std::string_view name) const {
    std::string value;
    for (const auto& [key, given] : pairs_) {
      if (key == name && !given.empty()) value = given;
    }
    return value;
  }
  std::vector<std::string> All(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, given] : pairs_) {
      if (key == name && !given.empty()) values.push_back(given);
    }
    return values;
  }
  // A comma-separated list, items trimmed.
  std::vector<std::string> List(std::string_view name) const {
    std::vector<std::string> items;
    const std::string text = Get(name);
    std::string_view rest = text;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      auto item = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) items.emplace_back(item);
    }
    return items;
  }
  std::optional<double> Number(std::string_view name) const {
    const auto text = Get(name);
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) {
      BadParameter(name, std::string(name) + " must be a decimal number.",
                   std::string(name) + " 须为十进制数。");
    }
    return value;
  }
  std::int64_t Integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const {
    const auto text = Get(name);
    if (text.empty()) return fallback;
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (end != text.c_str() + text.size() || value < min || value > max) {
      BadParameter(
          name,
          std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
              std::to_string(max) + ".",
          std::string(name) + " 须为 " + std::to_string(min) + " 到 " + std::to_string(max) + " 的整数。");
    }
    return value;
  }
  std::optional<std::int64_t> DateTime(std::string_view name) const {
    const auto text = Get(name);
    if (text.empty()) return std::nullopt;
    const auto value = ParseDateTime(text);
    if (!value) {
      BadParameter(
          name,
          std::string(name) + " must be a W3C datetime with a time zone, e.g. 2026-02-13T16:30:00+08:00.",
          std::string(name) + " 须为带时区的 W3C 时间，如 2026-02-13T16:30:00+08:00。");
    }
    return value;
  }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
};

int StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound:
    case ErrorCode::kRouteNotFound:
      return 404;
    case ErrorCode::kForbidden:
    case ErrorCode::kUnauthenticated:
      return 403;
    case ErrorCode::kInternal:
      return 500;
    default:
      return 400;
  }
}

// Runs one request; any failure leaves in the spec's error format.
http::Response Answer(Format format, const http::Request& request,
                      const std::function<http::Response()>& run) {
  try {
    return run();
  } catch (const Error& error) {
    return RenderErrors(format, StatusFor(error.code()), error.message());
  } catch (const std::exception& error) {
    std::cerr << "{\"level\":\"error\",\"event\":\"open311_failure\",\"path\":"
              << nlohmann::json(request.path) << ",\"message\":" << nlohmann::json(error.what()) << "}\n";
    return RenderErrors(format, 500, "The request could not be handled; try again later.");
  }
}

nlohmann::ordered_json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

template <typename T>
nlohmann::ordered_json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json ServiceJson(const Service& service) {
  nlohmann::ordered_json out;
  out["service_code"] = service.code;
  out["service_name"] = service.name;
  out["description"] = service.description;
  out["metadata"] = false;  // no category asks questions of its own
  out["type"] = "realtime";
  out["keywords"] = service.keywords;
  out["group"] = service.group;
  return out;
}

nlohmann::ordered_json RequestJson(const ServiceRequest& request) {
  nlohmann::ordered_json out;
  out["service_request_id"] = request.id;
  out["status"] = request.open ? "open" : "closed";
  out["status_notes"] = request.status_notes;
  out["service_name"] = request.service_name;
  out["service_code"] = request.service_code;
  out["description"] = OrNull(request.description);
  out["agency_responsible"] = OrNull(request.agency_responsible);
  out["service_notice"] = OrNull(request.service_notice);
  out["requested_datetime"] = FormatDateTime(request.requested_at);
  out["updated_datetime"] = FormatDateTime(request.updated_at);
  out["expected_datetime"] =
      request.expected_at ? nlohmann::ordered_json(FormatDateTime(*request.expected_at)) : nullptr;
  out["address"] = OrNull(request.address);
  out["address_id"] = request.address_id;
  out["zipcode"] = nullptr;
  out["lat"] = OrNull(request.latitude);
  out["long"] = OrNull(request.longitude);
  out["media_url"] = OrNull(request.media_url);
  return out;
}

nlohmann::json Nullable(std::string type) { return {{"type", std::move(type)}, {"nullable", true}}; }

}  // namespace

http::Response Discovery(Open311Service& service, Format format, http::RequestContext& context) {
  const auto& request = context.request();
  return Answer(format, request, [&] {
    const auto changeset = FormatDateTime(service.Changeset());
    const auto url = request.Header("x-forwarded-proto").value_or("http") + "://" +
                     request.Header("host").value_or("localhost") + "/open311/v2";
    nlohmann::ordered_json endpoint;
    endpoint["specification"] = kSpecification;
    endpoint["url"] = url;
    endpoint["changeset"] = changeset;
    endpoint["type"] = "production";
    endpoint["formats"] = {"text/xml", "application/json"};
    nlohmann::ordered_json body;
    body["changeset"] = changeset;
    body["contact"] = "The administrators of this shequ installation (社区网格化治理与服务平台).";
    body["key_service"] =
        "Ask the administrators for a key; they issue one per client with `shequ apikey add`.";
    body["endpoints"] = nlohmann::ordered_json::array({endpoint});
    return Render(format, "discovery", body);
  });
}

http::Response ListServices(Open311Service& service, Format format, http::RequestContext& context) {
  return Answer(format, context.request(), [&] {
    const Parameters parameters(context.request());
    auto list = nlohmann::ordered_json::array();
    for (const auto& item : service.Services(parameters.Get("jurisdiction_id")))
      list.push_back(ServiceJson(item));
    return Render(format, "services", list);
  });
}

http::Response ServiceDefinition(Open311Service& service, Format format, http::RequestContext& context) {
  return Answer(format, context.request(), [&] {
    const Parameters parameters(context.request());
    const auto definition =
        service.Definition(parameters.Get("jurisdiction_id"), context.PathParam("service_code"));
    nlohmann::ordered_json body;
    body["service_code"] = definition.code;
    body["attributes"] = nlohmann::ordered_json::array();  // metadata is false: nothing to ask
    return Render(format, "service_definition", body);
  });
}

http::Response ListRequests(Open311Service& service, Format format, http::RequestContext& context) {
  return Answer(format, context.request(), [&] {
    const Parameters parameters(context.request());
    RequestQuery query;
    query.jurisdiction_id = parameters.Get("jurisdiction_id");
    query.ids = parameters.List("service_request_id");
    if (static_cast<std::int64_t>(query.ids.size()) > kMostRequests) {
      BadParameter("service_request_id", "Ask for at most 1000 requests at once.",
                   "一次最多查询 1000 条诉求。");
    }
    query.service_codes = parameters.List("service_code");
    query.start = parameters.DateTime("start_date");
    query.end = parameters.DateTime("end_date");
    bool open = false;
    bool closed = false;
    for (const auto& status : parameters.List("status")) {
      if (status != "open" && status != "closed") {
        BadParameter("status", "status is open, closed or both.", "status 须为 open、closed 或二者。");
      }
      (status == "open" ? open : closed) = true;
    }
    if (open != closed) query.open = open;
    query.page = parameters.Integer("page", 1, 1, 1'000'000);
    query.page_size = parameters.Integer("page_size", kMostRequests, 1, kMostRequests);
    auto list = nlohmann::ordered_json::array();
    for (const auto& item : service.Requests(parameters.Get("api_key"), query))
      list.push_back(RequestJson(item));
    return Render(format, "service_requests", list);
  });
}

http::Response PostRequest(Open311Service& service, Format format, http::RequestContext& context) {
  return Answer(format, context.request(), [&] {
    const Parameters parameters(context.request());
    NewServiceRequest request;
    request.api_key = parameters.Get("api_key");
    request.jurisdiction_id = parameters.Get("jurisdiction_id");
    request.service_code = parameters.Get("service_code");
    request.latitude = parameters.Number("lat");
    request.longitude = parameters.Number("long");
    request.address_string = parameters.Get("address_string");
    request.address_id = parameters.Get("address_id");
    request.description = parameters.Get("description");
    request.first_name = parameters.Get("first_name");
    request.last_name = parameters.Get("last_name");
    request.media_urls = parameters.All("media_url");
    const auto submitted = service.Submit(request);
    nlohmann::ordered_json item;
    item["service_request_id"] = submitted.id;
    item["service_notice"] = OrNull(submitted.service_notice);
    item["account_id"] = nullptr;  // reporters have no account here
    return Render(format, "service_requests", nlohmann::ordered_json::array({item}));
  });
}

http::Response GetRequest(Open311Service& service, Format format, http::RequestContext& context) {
  return Answer(format, context.request(), [&] {
    const Parameters parameters(context.request());
    const auto found = service.Request(parameters.Get("api_key"), parameters.Get("jurisdiction_id"),
                                       context.PathParam("service_request_id"));
    return Render(format, "service_requests", nlohmann::ordered_json::array({RequestJson(found)}));
  });
}

http::Response GetToken(Open311Service& service, Format format, http::RequestContext& context) {
  return Answer(format, context.request(), [&] {
    const Parameters parameters(context.request());
    // Every service is realtime: a request gets its id when it is filed, and no token is issued.
    service.Services(parameters.Get("jurisdiction_id"));
    return RenderErrors(format, 404, "token names no pending request: requests here get their id at once.");
  });
}

http::Response UnknownResource(http::RequestContext& context) {
  return RenderErrors(Format::kXml, 404,
                      "No such resource: " + context.request().path +
                          " (resources end in .xml or .json: discovery, services, requests, tokens).");
}

nlohmann::json DiscoverySchema() {
  const nlohmann::json text = {{"type", "string"}};
  return {{"type", "object"},
          {"required", {"changeset", "contact", "key_service", "endpoints"}},
          {"properties",
           {{"changeset", text},
            {"contact", text},
            {"key_service", text},
            {"endpoints",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"required", {"specification", "url", "changeset", "type", "formats"}},
                {"properties",
                 {{"specification", text},
                  {"url", text},
                  {"changeset", text},
                  {"type", {{"type", "string"}, {"enum", {"production", "test"}}}},
                  {"formats", {{"type", "array"}, {"items", text}}}}}}}}}}}};
}

nlohmann::json ServiceListSchema() {
  const nlohmann::json text = {{"type", "string"}};
  return {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required",
             {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}},
            {"properties",
             {{"service_code", text},
              {"service_name", text},
              {"description", text},
              {"metadata", {{"type", "boolean"}}},
              {"type", {{"type", "string"}, {"enum", {"realtime", "batch", "blackbox"}}}},
              {"keywords", text},
              {"group", text}}}}}};
}

nlohmann::json ServiceDefinitionSchema() {
  return {{"type", "object"},
          {"required", {"service_code", "attributes"}},
          {"properties",
           {{"service_code", {{"type", "string"}}},
            {"attributes", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
}

nlohmann::json RequestListSchema() {
  const nlohmann::json text = {{"type", "string"}};
  return {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required",
             {"service_request_id", "status", "service_code", "requested_datetime", "updated_datetime"}},
            {"properties",
             {{"service_request_id", text},
              {"status", {{"type", "string"}, {"enum", {"open", "closed"}}}},
              {"status_notes", text},
              {"service_name", text},
              {"service_code", text},
              {"description", Nullable("string")},
              {"agency_responsible", Nullable("string")},
              {"service_notice", Nullable("string")},
              {"requested_datetime", text},
              {"updated_datetime", text},
              {"expected_datetime", Nullable("string")},
              {"address", Nullable("string")},
              {"address_id", text},
              {"zipcode", Nullable("string")},
              {"lat", Nullable("number")},
              {"long", Nullable("number")},
              {"media_url", Nullable("string")}}}}}};
}

nlohmann::json SubmittedSchema() {
  return {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required", {"service_request_id"}},
            {"properties",
             {{"service_request_id", {{"type", "string"}}},
              {"service_notice", Nullable("string")},
              {"account_id", Nullable("string")}}}}}};
}

nlohmann::json TokenSchema() {
  return {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"required", {"token"}},
        {"properties", {{"service_request_id", {{"type", "string"}}}, {"token", {{"type", "string"}}}}}}}};
}

}  // namespace shequ::open311
