#include "regions/grid_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"

namespace shequ::regions {
namespace {

nlohmann::json MemberJson(const GridMember& m) {
  return {{"id", m.id},
          {"grid_id", m.grid_id},
          {"user_id", m.user_id ? nlohmann::json(*m.user_id) : nlohmann::json(nullptr)},
          {"name", m.name},
          {"role", m.role},
          {"organisation", m.organisation},
          {"started_at", FormatTimestamp(m.started_at)},
          {"ended_at", m.ended_at ? nlohmann::json(FormatTimestamp(*m.ended_at)) : nlohmann::json(nullptr)},
          {"end_reason", m.end_reason}};
}

nlohmann::json GridJson(const Grid& g) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : g.members) members.push_back(MemberJson(m));
  return {{"id", g.id},
          {"code", g.code},
          {"community_code", g.community_code},
          {"parent_id", g.parent_id ? nlohmann::json(*g.parent_id) : nlohmann::json(nullptr)},
          {"level", g.level},
          {"name", g.name},
          {"kind", g.kind},
          {"status", g.status},
          {"nodes", g.nodes},
          {"members", members},
          {"created_at", FormatTimestamp(g.created_at)},
          {"updated_at", FormatTimestamp(g.updated_at)}};
}

nlohmann::json MemberSchema() {
  const nlohmann::json string = {{"type", "string"}};
  return {{"type", "object"},
          {"required", {"id", "grid_id", "name", "role", "started_at"}},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"grid_id", {{"type", "integer"}}},
            {"user_id", {{"type", "integer"}, {"nullable", true}}},
            {"name", string},
            {"role", string},
            {"organisation", string},
            {"started_at", {{"type", "string"}, {"format", "date-time"}}},
            {"ended_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}},
            {"end_reason", string}}}};
}

}  // namespace

nlohmann::json GridSchema() {
  const nlohmann::json string = {{"type", "string"}};
  return {
      {"type", "object"},
      {"required", {"id", "code", "community_code", "level", "name", "kind", "status", "nodes", "members"}},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"code", string},
        {"community_code", string},
        {"parent_id", {{"type", "integer"}, {"nullable", true}}},
        {"level", {{"type", "integer"}}},
        {"name", string},
        {"kind", {{"type", "string"}, {"enum", {"comprehensive", "dedicated"}}}},
        {"status", string},
        {"nodes", {{"type", "array"}, {"items", string}}},
        {"members", {{"type", "array"}, {"items", MemberSchema()}}},
        {"created_at", {{"type", "string"}, {"format", "date-time"}}},
        {"updated_at", {{"type", "string"}, {"format", "date-time"}}}}}};
}

http::Response ListCommunityGrids(const GridService& grids, http::RequestContext& context) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& grid : grids.ListByCommunity(context.principal(), context.PathParam("code"))) {
    items.push_back(GridJson(grid));
  }
  return http::Json({{"items", items}});
}

http::Response CreateGrid(GridService& grids, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"community_code", "parent_id", "name", "kind", "nodes"});
  NewGrid request;
  request.community_code = reader.RequireString("community_code");
  request.parent_id = reader.OptionalInt("parent_id");
  request.name = reader.RequireString("name");
  request.kind = reader.OptionalString("kind").value_or("comprehensive");
  request.nodes = reader.StringArray("nodes", true);
  return http::Json(GridJson(grids.Create(context.principal(), request)), 201);
}

http::Response GetGrid(const GridService& grids, http::RequestContext& context) {
  const bool history = context.request().Query("history").value_or("") == "true";
  return http::Json(GridJson(grids.Get(context.principal(), context.PathId("id"), history)));
}

http::Response UpdateGrid(GridService& grids, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"name", "kind", "nodes"});
  GridPatch patch;
  patch.name = reader.OptionalString("name");
  patch.kind = reader.OptionalString("kind");
  if (reader.Has("nodes")) patch.nodes = reader.StringArray("nodes", true);
  return http::Json(GridJson(grids.Update(context.principal(), id, patch)));
}

http::Response AddGridMember(GridService& grids, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"user_id", "name", "role", "organisation", "started_at"});
  NewMember request;
  request.user_id = reader.OptionalInt("user_id");
  request.name = reader.OptionalString("name").value_or("");
  request.role = reader.RequireString("role");
  request.organisation = reader.OptionalString("organisation").value_or("");
  if (auto started = reader.OptionalString("started_at")) {
    request.started_at = ParseTimestamp(*started);
    if (!request.started_at) {
      throw Error(ErrorCode::kFieldInvalid, nlohmann::json::array({FieldDetail("started_at", "not_a_time")}));
    }
  }
  return http::Json(MemberJson(grids.AddMember(context.principal(), id, request)), 201);
}

http::Response EndGridMember(GridService& grids, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto member_id = context.PathId("member_id");
  const auto body = context.OptionalJsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"reason"});
  return http::Json(MemberJson(
      grids.EndMember(context.principal(), id, member_id, reader.OptionalString("reason").value_or(""))));
}

}  // namespace shequ::regions
