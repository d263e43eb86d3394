#include "regions/pairing_handlers.hpp"

#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"

namespace shequ::regions {
namespace {

nlohmann::json PairingJson(const Pairing& p) {
  return {{"id", p.id},
          {"kind", p.kind},
          {"unit_name", p.unit_name},
          {"cadre_user_id", p.cadre_user_id ? nlohmann::json(*p.cadre_user_id) : nlohmann::json(nullptr)},
          {"cadre_name", p.cadre_name},
          {"region_code", p.region_code},
          {"started_at", FormatTimestamp(p.started_at)},
          {"ended_at", p.ended_at ? nlohmann::json(FormatTimestamp(*p.ended_at)) : nlohmann::json(nullptr)},
          {"end_reason", p.end_reason}};
}

}  // namespace

nlohmann::json PairingSchema() {
  const nlohmann::json string = {{"type", "string"}};
  return {{"type", "object"},
          {"required", {"id", "kind", "unit_name", "cadre_name", "region_code", "started_at", "ended_at"}},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"kind", {{"type", "string"}, {"enum", {"unit_compound", "cadre_household"}}}},
            {"unit_name", string},
            {"cadre_user_id", {{"type", "integer"}, {"nullable", true}}},
            {"cadre_name", string},
            {"region_code", string},
            {"started_at", {{"type", "string"}, {"format", "date-time"}}},
            {"ended_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}},
            {"end_reason", string}}}};
}

http::Response ListPairings(const PairingService& pairings, http::RequestContext& context) {
  const bool history = context.request().Query("history").value_or("") == "true";
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : pairings.ListUnder(context.principal(), context.PathParam("code"), history)) {
    items.push_back(PairingJson(p));
  }
  return http::Json({{"items", items}});
}

http::Response AssignPairing(PairingService& pairings, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"kind", "unit_name", "cadre_user_id", "cadre_name", "region_code"});
  NewPairing request;
  request.kind = reader.RequireString("kind");
  request.unit_name = reader.RequireString("unit_name");
  request.cadre_user_id = reader.OptionalInt("cadre_user_id");
  request.cadre_name = reader.OptionalString("cadre_name").value_or("");
  request.region_code = reader.RequireString("region_code");
  return http::Json(PairingJson(pairings.Assign(context.principal(), request)), 201);
}

http::Response EndPairing(PairingService& pairings, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.OptionalJsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"reason"});
  return http::Json(
      PairingJson(pairings.End(context.principal(), id, reader.OptionalString("reason").value_or(""))));
}

}  // namespace shequ::regions
