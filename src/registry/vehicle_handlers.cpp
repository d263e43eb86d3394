#include "registry/vehicle_handlers.hpp"

#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"
#include "registry/handler_json.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

nlohmann::json VehicleJson(const Vehicle& v, const std::string& address) {
  return {{"id", v.id},
          {"plate", v.plate},
          {"plate_kind", v.plate_kind},
          {"vehicle_type", v.vehicle_type},
          {"brand", v.brand},
          {"color", v.color},
          {"owner_person_id", Nullable(v.owner_person_id)},
          {"owner_name", v.owner_name},
          {"region_code", v.region_code},
          {"address", address},
          {"permit_number", v.permit_number},
          {"permit_valid_until", Nullable(v.permit_valid_until)},
          {"status", v.status},
          {"version", v.version},
          {"created_at", FormatTimestamp(v.created_at)},
          {"updated_at", FormatTimestamp(v.updated_at)}};
}

VehicleFields ReadFields(const json::ObjectReader& reader) {
  VehicleFields f;
  f.plate = reader.OptionalString("plate");
  f.vehicle_type = reader.OptionalString("vehicle_type");
  f.brand = reader.OptionalString("brand");
  f.color = reader.OptionalString("color");
  f.owner_person_id = reader.OptionalInt("owner_person_id");
  f.owner_name = reader.OptionalString("owner_name");
  f.region_code = reader.OptionalString("region_code");
  f.permit_number = reader.OptionalString("permit_number");
  f.permit_valid_until = reader.OptionalString("permit_valid_until");
  f.expected_version = reader.OptionalInt("version");
  return f;
}

}  // namespace

nlohmann::json VehicleSchema() {
  return {{"type", "object"},
          {"required",
           {"id", "plate", "plate_kind", "vehicle_type", "brand", "color", "owner_person_id", "owner_name",
            "region_code", "address", "permit_number", "permit_valid_until", "status", "version"}},
          {"properties",
           {{"id", schema::Integer()},
            {"plate", {{"type", "string"}, {"description", "GA 36, normalised: 陕G12345"}}},
            {"plate_kind", schema::Enum({"ordinary", "new_energy_small", "new_energy_large", "special"})},
            {"vehicle_type", schema::Codes(VehicleTypes())},
            {"brand", schema::String()},
            {"color", schema::String()},
            {"owner_person_id", schema::NullableInteger()},
            {"owner_name", schema::String()},
            {"region_code", schema::String()},
            {"address", schema::String()},
            {"permit_number", schema::String()},
            {"permit_valid_until", schema::NullableDate()},
            {"status", schema::String()},
            {"version", schema::Integer()},
            {"created_at", schema::Timestamp()},
            {"updated_at", schema::Timestamp()}}}};
}

nlohmann::json VehiclePageSchema() { return PageSchema(VehicleSchema()); }

nlohmann::json VehicleFieldsSchema(bool creating) {
  nlohmann::json properties = {
      {"plate", {{"type", "string"}, {"description", "GA 36 plate; spaces and the middle dot are ignored"}}},
      {"vehicle_type", schema::CodesOrLabels(VehicleTypes())},
      {"brand", schema::String()},
      {"color", schema::String()},
      {"owner_person_id", {{"type", "integer"}, {"description", "A registered person (name copied)"}}},
      {"owner_name", {{"type", "string"}, {"description", "The owner's name, when not a registered person"}}},
      {"region_code", {{"type", "string"}, {"description", "Where it is kept: a community or a node below"}}},
      {"permit_number", {{"type", "string"}, {"description", "Parking permit"}}},
      {"permit_valid_until", {{"type", "string"}, {"format", "date"}, {"description", "\"\" clears it"}}}};
  if (creating)
    return {{"type", "object"}, {"required", {"plate", "region_code"}}, {"properties", properties}};
  properties["version"] = {{"type", "integer"}, {"description", "Refuse the change if the record moved on"}};
  return {{"type", "object"}, {"properties", properties}};
}

std::vector<http::QueryParamDoc> VehicleQueryDocs() {
  return {{"plate", "string", "A whole plate (exact) or part of one"},
          {"owner", "string", "Part of the owner's name"},
          {"region", "string", "Only vehicles kept in this subtree (an address)"},
          {"vehicle_type", "string", "car, large, motorcycle, electric_bike, trailer or other"},
          {"permit_expired", "boolean", "true: only parking permits that ended before today"},
          {"limit", "integer", "Page size 1-200 (default 20)"},
          {"offset", "integer", "Rows to skip"}};
}

VehicleQuery ReadVehicleQuery(const http::RequestContext& context) {
  const auto& request = context.request();
  VehicleQuery query;
  query.plate = request.Query("plate").value_or("");
  query.owner = request.Query("owner").value_or("");
  query.region = request.Query("region").value_or("");
  query.vehicle_type = request.Query("vehicle_type").value_or("");
  query.permit_expired = QueryFlag(context, "permit_expired");
  return query;
}

http::Response SearchVehicles(const VehicleService& vehicles, http::RequestContext& context) {
  auto query = ReadVehicleQuery(context);
  query.limit = context.QueryInt("limit", 20, 1, 200);
  query.offset = context.QueryInt("offset", 0, 0, 100'000'000);
  const auto page = vehicles.Search(context.principal(), query);
  auto items = nlohmann::json::array();
  for (const auto& vehicle : page.items) {
    const auto address = page.addresses.find(vehicle.region_code);
    items.push_back(VehicleJson(vehicle, address == page.addresses.end() ? "" : address->second));
  }
  return http::Json(
      {{"items", items}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}});
}

http::Response CreateVehicle(VehicleService& vehicles, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"plate", "vehicle_type", "brand", "color", "owner_person_id", "owner_name",
                        "region_code", "permit_number", "permit_valid_until"});
  const auto view = vehicles.Create(context.principal(), ReadFields(reader));
  return http::Json(VehicleJson(view.vehicle, view.address), 201);
}

http::Response GetVehicle(const VehicleService& vehicles, http::RequestContext& context) {
  const auto view = vehicles.Get(context.principal(), context.PathId("id"));
  return http::Json(VehicleJson(view.vehicle, view.address));
}

http::Response UpdateVehicle(VehicleService& vehicles, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"plate", "vehicle_type", "brand", "color", "owner_person_id", "owner_name",
                        "region_code", "permit_number", "permit_valid_until", "version"});
  const auto view = vehicles.Update(context.principal(), id, ReadFields(reader));
  return http::Json(VehicleJson(view.vehicle, view.address));
}

http::Response VehicleHistoryOf(const VehicleService& vehicles, http::RequestContext& context) {
  return http::Json(ChangesJson(vehicles.History(context.principal(), context.PathId("id"))));
}

}  // namespace shequ::registry
