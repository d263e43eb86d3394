#include "core/http/openapi.hpp"

#include <cctype>

#include "core/errors/error.hpp"

namespace shequ::http {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

nlohmann::json ErrorSchema() {
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& info : AllErrors()) codes.push_back(info.name);
  return {{"type", "object"},
          {"required", {"error"}},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", {"code", "message", "message_zh", "details"}},
              {"properties",
               {{"code", {{"type", "string"}, {"enum", codes}}},
                {"message", {{"type", "string"}}},
                {"message_zh", {{"type", "string"}}},
                {"details", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}}};
}

}  // namespace

nlohmann::json BuildOpenApi(const Router& router, const PermissionTable& permissions,
                            const std::string& version) {
  nlohmann::json paths = nlohmann::json::object();
  const nlohmann::json error_ref = {{"$ref", "#/components/schemas/Error"}};
  const auto error_response = [&](std::string_view text) {
    return nlohmann::json{{"description", text},
                          {"content", {{"application/json", {{"schema", error_ref}}}}}};
  };
  for (const auto& route : router.routes()) {
    nlohmann::json operation;
    operation["summary"] = route.doc.summary;
    if (!route.doc.tag.empty()) operation["tags"] = {route.doc.tag};
    operation["operationId"] = Lower(MethodName(route.method)) + route.pattern;
    nlohmann::json parameters = nlohmann::json::array();
    std::string_view rest = route.pattern;
    for (auto open = rest.find('{'); open != std::string_view::npos; open = rest.find('{', open + 1)) {
      const auto close = rest.find('}', open);
      parameters.push_back({{"name", rest.substr(open + 1, close - open - 1)},
                            {"in", "path"},
                            {"required", true},
                            {"schema", {{"type", "string"}}}});
    }
    for (const auto& query : route.doc.query) {
      parameters.push_back({{"name", query.name},
                            {"in", "query"},
                            {"required", false},
                            {"description", query.description},
                            {"schema", {{"type", query.type}}}});
    }
    if (!parameters.empty()) operation["parameters"] = parameters;
    if (!route.doc.request_content_types.empty()) {
      nlohmann::json content = nlohmann::json::object();
      for (const auto& type : route.doc.request_content_types) {
        content[type] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
      }
      operation["requestBody"] = {{"required", true}, {"content", content}};
    } else if (!route.doc.request_schema.is_null()) {
      operation["requestBody"] = {
          {"required", true}, {"content", {{"application/json", {{"schema", route.doc.request_schema}}}}}};
    }
    nlohmann::json responses;
    nlohmann::json success = {{"description", "Success"}};
    if (route.event_stream) {
      success["content"] = {{"text/event-stream", {{"schema", {{"type", "string"}}}}}};
    } else if (!route.doc.response_schema.is_null()) {
      success["content"] = {{route.doc.content_type, {{"schema", route.doc.response_schema}}}};
    }
    responses[std::to_string(route.doc.success_status)] = success;
    responses["400"] = error_response("Malformed request");
    if (!route.doc.request_schema.is_null()) {
      responses["413"] = error_response("Body too large");
      responses["415"] = error_response("Body is not JSON");
      responses["422"] = error_response("Invalid field");
    }
    if (route.permission != kPublic) {
      responses["401"] = error_response("Not signed in or session expired");
      operation["security"] = nlohmann::json::array(
          {{{"bearerAuth", nlohmann::json::array()}}, {{"cookieAuth", nlohmann::json::array()}}});
      if (route.permission != kSignedIn) {
        responses["403"] = error_response("Role lacks the permission");
        nlohmann::json roles = nlohmann::json::array();
        if (auto it = permissions.grants().find(route.permission); it != permissions.grants().end()) {
          for (auto role : it->second) roles.push_back(auth::RoleName(role));
        }
        operation["x-permission"] = route.permission;
        operation["x-roles"] = roles;
      }
    }
    if (route.pattern.find('{') != std::string::npos)
      responses["404"] = error_response("Not found in your scope");
    responses["500"] = error_response("Internal error");
    operation["responses"] = responses;
    paths[route.pattern][Lower(MethodName(route.method))] = operation;
  }
  return {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "shequ 社区网格化治理与服务平台 API"},
        {"version", version},
        {"description", "Every error has the shape {error:{code,message,message_zh,details}}."}}},
      {"paths", paths},
      {"components",
       {{"schemas", {{"Error", ErrorSchema()}}},
        {"securitySchemes",
         {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}},
          {"cookieAuth", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "shequ_session"}}}}}}},
  };
}

}  // namespace shequ::http
