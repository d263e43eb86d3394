#include "regions/region_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"

namespace shequ::regions {
namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json ViewJson(const RegionView& view) {
  auto body = RegionJson(view.node);
  nlohmann::json ancestors = nlohmann::json::array();
  for (const auto& ancestor : view.ancestors) {
    ancestors.push_back({{"code", ancestor.code}, {"name", ancestor.name}, {"level", ancestor.level}});
  }
  body["ancestors"] = ancestors;
  body["address"] = view.address;
  body["child_count"] = view.child_count;
  return body;
}

nlohmann::json PageJson(const RegionPage& page, std::int64_t limit, std::int64_t offset) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& region : page.items) items.push_back(RegionJson(region));
  return {{"items", items}, {"total", page.total}, {"limit", limit}, {"offset", offset}};
}

std::optional<double> OptionalNumber(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    throw Error(ErrorCode::kFieldTypeMismatch, "Field '" + std::string(key) + "' must be a number.",
                "字段“" + std::string(key) + "”须为数字。",
                nlohmann::json::array({{{"field", key}, {"expected", "number"}}}));
  }
  return it->get<double>();
}

std::optional<std::string> OptionalPolygon(const nlohmann::json& body) {
  auto it = body.find("polygon");
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_object()) {
    throw Error(ErrorCode::kFieldTypeMismatch,
                nlohmann::json::array({{{"field", "polygon"}, {"expected", "object"}}}));
  }
  return it->dump();
}

std::optional<int> OptionalSmallInt(const json::ObjectReader& reader, std::string_view key) {
  const auto value = reader.OptionalInt(key);
  if (!value) return std::nullopt;
  if (*value < -1'000'000 || *value > 1'000'000) {
    throw Error(ErrorCode::kFieldInvalid, nlohmann::json::array({FieldDetail(key, "out_of_range")}));
  }
  return static_cast<int>(*value);
}

}  // namespace

nlohmann::json RegionJson(const Region& region) {
  return {{"code", region.code},
          {"parent_code",
           region.parent_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(region.parent_code)},
          {"level", region.level},
          {"kind", region.kind},
          {"name", region.name},
          {"short_name", region.short_name},
          {"status", region.status},
          {"valid_from", FormatTimestamp(region.valid_from)},
          {"valid_to",
           region.valid_to ? nlohmann::json(FormatTimestamp(*region.valid_to)) : nlohmann::json(nullptr)},
          {"source", region.source},
          {"floor", OrNull(region.floor)},
          {"latitude", OrNull(region.latitude)},
          {"longitude", OrNull(region.longitude)},
          {"polygon", region.polygon ? nlohmann::json::parse(*region.polygon, nullptr, false)
                                     : nlohmann::json(nullptr)}};
}

nlohmann::json RegionSchema() {
  const nlohmann::json string = {{"type", "string"}};
  const nlohmann::json nullable_number = {{"type", "number"}, {"nullable", true}};
  return {{"type", "object"},
          {"required", {"code", "parent_code", "level", "kind", "name", "short_name", "status", "source"}},
          {"properties",
           {{"code", string},
            {"parent_code", {{"type", "string"}, {"nullable", true}}},
            {"level",
             {{"type", "integer"},
              {"description", "1 province … 5 community, 6 compound, 7 building, 8 unit, 9 dwelling"}}},
            {"kind", string},
            {"name", string},
            {"short_name", string},
            {"status", {{"type", "string"}, {"enum", {"active", "retired"}}}},
            {"valid_from", {{"type", "string"}, {"format", "date-time"}}},
            {"valid_to", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}},
            {"source", {{"type", "string"}, {"enum", {"national", "local"}}}},
            {"floor", {{"type", "integer"}, {"nullable", true}}},
            {"latitude", nullable_number},
            {"longitude", nullable_number},
            {"polygon", {{"type", "object"}, {"nullable", true}}}}}};
}

nlohmann::json RegionViewSchema() {
  auto schema = RegionSchema();
  schema["properties"]["ancestors"] = {{"type", "array"},
                                       {"items",
                                        {{"type", "object"},
                                         {"required", {"code", "name", "level"}},
                                         {"properties",
                                          {{"code", {{"type", "string"}}},
                                           {"name", {{"type", "string"}}},
                                           {"level", {{"type", "integer"}}}}}}}};
  schema["properties"]["address"] = {{"type", "string"}};
  schema["properties"]["child_count"] = {{"type", "integer"}};
  schema["required"].push_back("ancestors");
  schema["required"].push_back("address");
  return schema;
}

http::Response GetRegion(const RegionService& regions, http::RequestContext& context) {
  return http::Json(ViewJson(regions.Get(context.principal(), context.PathParam("code"))));
}

http::Response ListChildren(const RegionService& regions, http::RequestContext& context) {
  const auto limit = context.QueryInt("limit", 100, 1, 1000);
  const auto offset = context.QueryInt("offset", 0, 0, 10'000'000);
  return http::Json(PageJson(regions.Children(context.principal(), context.PathParam("code"), limit, offset),
                             limit, offset));
}

http::Response SearchRegions(const RegionService& regions, http::RequestContext& context) {
  const auto text = context.request().Query("q").value_or("");
  std::optional<int> level;
  if (context.request().Query("level")) level = static_cast<int>(context.QueryInt("level", 0, 1, 9));
  const auto limit = context.QueryInt("limit", 50, 1, 500);
  return http::Json(PageJson(regions.Search(context.principal(), text, level, limit), limit, 0));
}

http::Response CreateChild(RegionService& regions, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"number", "name", "floor", "latitude", "longitude", "polygon"});
  NewRegion request;
  request.number = OptionalSmallInt(reader, "number");
  request.name = reader.OptionalString("name");
  request.floor = OptionalSmallInt(reader, "floor");
  request.latitude = OptionalNumber(body, "latitude");
  request.longitude = OptionalNumber(body, "longitude");
  request.polygon = OptionalPolygon(body);
  return http::Json(ViewJson(regions.CreateChild(context.principal(), context.PathParam("code"), request)),
                    201);
}

http::Response UpdateRegion(RegionService& regions, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"name", "short_name", "kind", "floor", "latitude", "longitude", "polygon"});
  RegionPatch patch;
  patch.name = reader.OptionalString("name");
  patch.short_name = reader.OptionalString("short_name");
  patch.kind = reader.OptionalString("kind");
  patch.floor = OptionalSmallInt(reader, "floor");
  patch.latitude = OptionalNumber(body, "latitude");
  patch.longitude = OptionalNumber(body, "longitude");
  patch.polygon = OptionalPolygon(body);
  return http::Json(ViewJson(regions.Update(context.principal(), context.PathParam("code"), patch)));
}

http::Response DeleteRegion(RegionService& regions, http::RequestContext& context) {
  regions.Delete(context.principal(), context.PathParam("code"));
  return http::NoContent();
}

}  // namespace shequ::regions
