// Manifest of the regions module: the national tree from province to community, and the
// compounds, buildings, units and dwellings each community keeps below it.
#include "regions/module.hpp"

#include "regions/region_handlers.hpp"

namespace shequ::regions {

ModuleManifest Manifest(RegionService& regions) {
  using auth::Role;
  using http::Method;
  const nlohmann::json string = {{"type", "string"}};
  const nlohmann::json number = {{"type", "number"}};
  const nlohmann::json integer = {{"type", "integer"}};
  const nlohmann::json page = {{"type", "object"},
                               {"required", {"items", "total", "limit", "offset"}},
                               {"properties",
                                {{"items", {{"type", "array"}, {"items", RegionSchema()}}},
                                 {"total", integer},
                                 {"limit", integer},
                                 {"offset", integer}}}};
  const nlohmann::json new_node = {{"type", "object"},
                                   {"properties",
                                    {{"number", integer},
                                     {"name", string},
                                     {"floor", integer},
                                     {"latitude", number},
                                     {"longitude", number},
                                     {"polygon", {{"type", "object"}, {"description", "GeoJSON Polygon"}}}}}};
  nlohmann::json patch = new_node;
  patch["properties"].erase("number");
  patch["properties"]["short_name"] = string;
  patch["properties"]["kind"] = string;
  const std::vector<Role> everyone = auth::AllRoles();
  auto national_pages = std::make_shared<NationalPageCache>();
  const std::vector<Role> keepers = {Role::kAdmin, Role::kCounty, Role::kStreet, Role::kCommunity,
                                     Role::kGridWorker};
  return {
      .name = "regions",
      .depends = {"core", "audit"},
      .migrations = Migrations(),
      .permissions =
          {
              {"regions.read", everyone,
               "Read the region tree (nodes below a community only inside one's scope)"},
              {"regions.manage", keepers,
               "Add, edit and remove compounds, buildings, units and dwellings in scope"},
          },
      .routes =
          {
              {.method = Method::kGet,
               .pattern = "/api/regions",
               .permission = "regions.read",
               .handler = [&regions](auto& c) { return SearchRegions(regions, c); },
               .doc = {.summary = "Search nodes by name (Chinese substring) inside the caller's scope",
                       .tag = "regions",
                       .response_schema = page,
                       .query = {{"q", "string", "Part of the name, e.g. 兴隆"},
                                 {"level", "integer", "Only this level (1-9)"},
                                 {"limit", "integer", "At most this many, 1-500 (default 50)"}}}},
              {.method = Method::kGet,
               .pattern = "/api/regions/{code}",
               .permission = "regions.read",
               .handler = [&regions](auto& c) { return GetRegion(regions, c); },
               .doc = {.summary = "One node with its ancestors, level, kind, status and standard address",
                       .tag = "regions",
                       .response_schema = RegionViewSchema()}},
              {.method = Method::kGet,
               .pattern = "/api/regions/{code}/children",
               .permission = "regions.read",
               .handler = [&regions,
                           national_pages](auto& c) { return ListChildren(regions, *national_pages, c); },
               .doc = {.summary = "The children of a node, by code",
                       .tag = "regions",
                       .response_schema = page,
                       .query = {{"limit", "integer", "Page size, 1-1000 (default 100)"},
                                 {"offset", "integer", "Rows to skip"}}}},
              {.method = Method::kPost,
               .pattern = "/api/regions/{code}/children",
               .permission = "regions.manage",
               .handler = [&regions](auto& c) { return CreateChild(regions, c); },
               .doc = {.summary = "Add a compound, building, unit or dwelling below a node in scope",
                       .tag = "regions",
                       .request_schema = new_node,
                       .response_schema = RegionViewSchema(),
                       .success_status = 201},
               .max_body_bytes = 256 * 1024},
              {.method = Method::kPatch,
               .pattern = "/api/regions/{code}",
               .permission = "regions.manage",
               .handler = [&regions](auto& c) { return UpdateRegion(regions, c); },
               .doc = {.summary = "Edit a node below a community (administrators: reclassify national nodes)",
                       .tag = "regions",
                       .request_schema = patch,
                       .response_schema = RegionViewSchema()},
               .max_body_bytes = 256 * 1024},
              {.method = Method::kDelete,
               .pattern = "/api/regions/{code}",
               .permission = "regions.manage",
               .handler = [&regions](auto& c) { return DeleteRegion(regions, c); },
               .doc = {.summary = "Remove a node below a community that has nothing below it",
                       .tag = "regions",
                       .success_status = 204}},
          },
  };
}

}  // namespace shequ::regions
