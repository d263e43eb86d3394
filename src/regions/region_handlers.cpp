#include "regions/region_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/json/json_writer.hpp"
#include "core/time_format.hpp"

namespace shequ::regions {
namespace {

void WriteRegionFields(json::JsonWriter& out, const Region& region) {
  out.Key("code").String(region.code);
  out.Key("parent_code");
  region.parent_code.empty() ? out.Null() : out.String(region.parent_code);
  out.Key("level").Int(region.level);
  out.Key("kind").String(region.kind);
  out.Key("name").String(region.name);
  out.Key("short_name").String(region.short_name);
  out.Key("status").String(region.status);
  out.Key("valid_from").String(FormatTimestamp(region.valid_from));
  out.Key("valid_to");
  region.valid_to ? out.String(FormatTimestamp(*region.valid_to)) : out.Null();
  out.Key("source").String(region.source);
  out.Key("floor").Optional(region.floor);
  out.Key("latitude").Optional(region.latitude);
  out.Key("longitude").Optional(region.longitude);
  out.Key("polygon");
  region.polygon ? out.Raw(*region.polygon) : out.Null();  // checked as GeoJSON when stored
}

std::string ViewJson(const RegionView& view) {
  json::JsonWriter out;
  out.BeginObject();
  WriteRegionFields(out, view.node);
  out.Key("ancestors").BeginArray();
  for (const auto& ancestor : view.ancestors) {
    out.BeginObject().Key("code").String(ancestor.code).Key("name").String(ancestor.name);
    out.Key("short_name").String(ancestor.short_name).Key("level").Int(ancestor.level).EndObject();
  }
  out.EndArray();
  out.Key("address").String(view.address);
  out.Key("child_count").Int(view.child_count);
  out.EndObject();
  return out.Take();
}

std::string PageJson(const RegionPage& page, std::int64_t limit, std::int64_t offset) {
  json::JsonWriter out;
  out.BeginObject().Key("items").BeginArray();
  for (const auto& region : page.items) {
    out.BeginObject();
    WriteRegionFields(out, region);
    out.EndObject();
  }
  out.EndArray();
  out.Key("total").Int(page.total).Key("limit").Int(limit).Key("offset").Int(offset).EndObject();
  return out.Take();
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
                                         {"required", {"code", "name", "short_name", "level"}},
                                         {"properties",
                                          {{"code", {{"type", "string"}}},
                                           {"name", {{"type", "string"}}},
                                           {"short_name", {{"type", "string"}}},
                                           {"level", {{"type", "integer"}}}}}}}};
  schema["properties"]["address"] = {{"type", "string"}};
  schema["properties"]["child_count"] = {{"type", "integer"}};
  schema["required"].push_back("ancestors");
  schema["required"].push_back("address");
  return schema;
}

http::Response GetRegion(const RegionService& regions, http::RequestContext& context) {
  return http::JsonText(ViewJson(regions.Get(context.principal(), context.PathParam("code"))));
}

http::Response ListChildren(const RegionService& regions, NationalPageCache& cache,
                            http::RequestContext& context) {
  const auto limit = context.QueryInt("limit", 100, 1, 1000);
  const auto offset = context.QueryInt("offset", 0, 0, 10'000'000);
  const auto& code = context.PathParam("code");
  if (!NationalPageCache::Keeps(code)) {
    return http::JsonText(
        PageJson(regions.Children(context.principal(), code, limit, offset), limit, offset));
  }
  const auto key = code + "?" + std::to_string(limit) + "&" + std::to_string(offset);
  const auto version = regions.TreeVersion();
  if (auto body = cache.Find(key, version)) return http::JsonText(std::move(*body));
  auto body = PageJson(regions.Children(context.principal(), code, limit, offset), limit, offset);
  cache.Remember(key, version, body);
  return http::JsonText(std::move(body));
}

http::Response SearchRegions(const RegionService& regions, http::RequestContext& context) {
  const auto text = context.request().Query("q").value_or("");
  std::optional<int> level;
  if (context.request().Query("level")) level = static_cast<int>(context.QueryInt("level", 0, 1, 9));
  const auto limit = context.QueryInt("limit", 50, 1, 500);
  return http::JsonText(PageJson(regions.Search(context.principal(), text, level, limit), limit, 0));
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
  return http::JsonText(
      ViewJson(regions.CreateChild(context.principal(), context.PathParam("code"), request)), 201);
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
  return http::JsonText(ViewJson(regions.Update(context.principal(), context.PathParam("code"), patch)));
}

http::Response DeleteRegion(RegionService& regions, http::RequestContext& context) {
  regions.Delete(context.principal(), context.PathParam("code"));
  return http::NoContent();
}

}  // namespace shequ::regions
