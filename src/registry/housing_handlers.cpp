#include "registry/housing_handlers.hpp"

#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"
#include "registry/handler_json.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

nlohmann::json HousingJson(const Housing& h, const std::string& address) {
  return {{"dwelling_code", h.dwelling_code},
          {"address", address},
          {"area_m2", Nullable(h.area_m2)},
          {"use", h.use},
          {"ownership", h.ownership},
          {"occupancy", h.occupancy},
          {"certificate_number", h.certificate_number},
          {"note", h.note},
          {"version", h.version},
          {"created_at", FormatTimestamp(h.created_at)},
          {"updated_at", FormatTimestamp(h.updated_at)}};
}

nlohmann::json PartyJson(const HousingParty& p) {
  return {{"id", p.id},
          {"role", p.role},
          {"person_id", Nullable(p.person_id)},
          {"party_name", p.party_name},
          {"share_percent", Nullable(p.share_percent)},
          {"started_on", p.started_on},
          {"ended_on", Nullable(p.ended_on)},
          {"end_reason", p.end_reason}};
}

nlohmann::json ViewJson(const HousingView& view) {
  auto json = HousingJson(view.housing, view.address);
  auto parties = nlohmann::json::array();
  for (const auto& party : view.parties) parties.push_back(PartyJson(party));
  auto past = nlohmann::json::array();
  for (const auto& party : view.past_parties) past.push_back(PartyJson(party));
  json["parties"] = parties;
  json["past_parties"] = past;
  json["share_total"] = view.share_total;
  json["shares_complete"] = view.shares_complete;
  return json;
}

HousingFields ReadFields(const json::ObjectReader& reader, const nlohmann::json& body) {
  HousingFields f;
  f.dwelling_code = reader.OptionalString("dwelling_code");
  f.area_m2 = OptionalNumber(body, "area_m2");
  f.use = reader.OptionalString("use");
  f.ownership = reader.OptionalString("ownership");
  f.occupancy = reader.OptionalString("occupancy");
  f.certificate_number = reader.OptionalString("certificate_number");
  f.note = reader.OptionalString("note");
  f.expected_version = reader.OptionalInt("version");
  return f;
}

nlohmann::json PartySchema(bool past) {
  return {
      {"type", "object"},
      {"required",
       {"id", "role", "person_id", "party_name", "share_percent", "started_on", "ended_on", "end_reason"}},
      {"properties",
       {{"id", schema::Integer()},
        {"role", schema::Codes(HousingPartyRoles())},
        {"person_id", schema::NullableInteger()},
        {"party_name", schema::String()},
        {"share_percent", schema::NullableNumber()},
        {"started_on", schema::Date()},
        {"ended_on", past ? schema::Date() : schema::NullableDate()},
        {"end_reason", schema::String()}}}};
}

nlohmann::json HousingProperties() {
  return {{"dwelling_code", schema::String()},
          {"address", schema::String()},
          {"area_m2", schema::NullableNumber()},
          {"use", schema::Codes(HousingUses())},
          {"ownership", schema::Codes(HousingOwnerships())},
          {"occupancy", schema::Codes(HousingOccupancies())},
          {"certificate_number", schema::String()},
          {"note", schema::String()},
          {"version", schema::Integer()},
          {"created_at", schema::Timestamp()},
          {"updated_at", schema::Timestamp()}};
}

const std::vector<std::string> kHousingRequired = {
    "dwelling_code",      "address", "area_m2", "use", "ownership", "occupancy",
    "certificate_number", "note",    "version"};

}  // namespace

nlohmann::json HousingSchema() {
  auto properties = HousingProperties();
  properties["parties"] = {{"type", "array"}, {"items", PartySchema(false)}};
  properties["past_parties"] = {{"type", "array"}, {"items", PartySchema(true)}};
  properties["share_total"] = {{"type", "number"}, {"description", "Current owners' and co-owners' shares"}};
  properties["shares_complete"] = {{"type", "boolean"}, {"description", "The shares total 100"}};
  auto required = kHousingRequired;
  required.insert(required.end(), {"parties", "past_parties", "share_total", "shares_complete"});
  return {{"type", "object"}, {"required", required}, {"properties", properties}};
}

nlohmann::json HousingPageSchema() {
  return PageSchema(
      {{"type", "object"}, {"required", kHousingRequired}, {"properties", HousingProperties()}});
}

nlohmann::json HousingFieldsSchema(bool creating) {
  nlohmann::json properties = {{"area_m2", {{"type", "number"}, {"description", "Floor area in m²"}}},
                               {"use", schema::CodesOrLabels(HousingUses())},
                               {"ownership", schema::CodesOrLabels(HousingOwnerships())},
                               {"occupancy", schema::CodesOrLabels(HousingOccupancies())},
                               {"certificate_number", {{"type", "string"}, {"description", "不动产权证号"}}},
                               {"note", schema::String()}};
  if (creating) {
    properties["dwelling_code"] = {{"type", "string"}, {"description", "A dwelling (level 9) in your area"}};
    return {{"type", "object"},
            {"required", {"dwelling_code", "ownership", "occupancy"}},
            {"properties", properties}};
  }
  properties["version"] = {{"type", "integer"}, {"description", "Refuse the change if the record moved on"}};
  return {{"type", "object"}, {"properties", properties}};
}

nlohmann::json HousingPartyRequestSchema() {
  return {{"type", "object"},
          {"required", {"role"}},
          {"properties",
           {{"role", schema::CodesOrLabels(HousingPartyRoles())},
            {"person_id", {{"type", "integer"}, {"description", "A registered person; or give party_name"}}},
            {"party_name", {{"type", "string"}, {"description", "A body (汉阴县住房保障中心) or a name"}}},
            {"share_percent",
             {{"type", "number"},
              {"description", "Owners and co-owners: percent; current shares total at most 100"}}},
            {"started_on", schema::Date()}}}};
}

std::vector<http::QueryParamDoc> HousingQueryDocs() {
  return {{"region", "string", "Only dwellings in this subtree (an address)"},
          {"use", "string", "residential, commercial, mixed, office, industrial or other"},
          {"ownership", "string", "private, shared, public_rental, public, collective or other"},
          {"occupancy", "string", "owner_occupied, rented, lent, vacant, business or other"},
          {"limit", "integer", "Page size 1-200 (default 20)"},
          {"offset", "integer", "Rows to skip"}};
}

std::vector<http::QueryParamDoc> PartyEndQueryDocs() {
  return {{"ended_on", "string", "Date the party ended (default today)"},
          {"reason", "string", "Why: 出售, 退租, 迁出 …"}};
}

HousingQuery ReadHousingQuery(const http::RequestContext& context) {
  const auto& request = context.request();
  HousingQuery query;
  query.region = request.Query("region").value_or("");
  query.use = request.Query("use").value_or("");
  query.ownership = request.Query("ownership").value_or("");
  query.occupancy = request.Query("occupancy").value_or("");
  return query;
}

http::Response SearchHousing(const HousingService& housing, http::RequestContext& context) {
  auto query = ReadHousingQuery(context);
  query.limit = context.QueryInt("limit", 20, 1, 200);
  query.offset = context.QueryInt("offset", 0, 0, 100'000'000);
  const auto page = housing.Search(context.principal(), query);
  auto items = nlohmann::json::array();
  for (const auto& item : page.items) {
    const auto address = page.addresses.find(item.dwelling_code);
    items.push_back(HousingJson(item, address == page.addresses.end() ? "" : address->second));
  }
  return http::Json(
      {{"items", items}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}});
}

http::Response CreateHousing(HousingService& housing, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown(
      {"dwelling_code", "area_m2", "use", "ownership", "occupancy", "certificate_number", "note"});
  return http::Json(ViewJson(housing.Create(context.principal(), ReadFields(reader, body))), 201);
}

http::Response GetHousing(const HousingService& housing, http::RequestContext& context) {
  return http::Json(ViewJson(housing.Get(context.principal(), context.PathParam("code"))));
}

http::Response UpdateHousing(HousingService& housing, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"area_m2", "use", "ownership", "occupancy", "certificate_number", "note", "version"});
  return http::Json(
      ViewJson(housing.Update(context.principal(), context.PathParam("code"), ReadFields(reader, body))));
}

http::Response AddHousingParty(HousingService& housing, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"role", "person_id", "party_name", "share_percent", "started_on"});
  NewHousingParty request;
  request.role = reader.RequireString("role");
  request.person_id = reader.OptionalInt("person_id");
  request.party_name = reader.OptionalString("party_name").value_or("");
  request.share_percent = OptionalNumber(body, "share_percent");
  request.started_on = reader.OptionalString("started_on");
  return http::Json(ViewJson(housing.AddParty(context.principal(), context.PathParam("code"), request)), 201);
}

http::Response EndHousingParty(HousingService& housing, http::RequestContext& context) {
  const auto& request = context.request();
  return http::Json(
      ViewJson(housing.EndParty(context.principal(), context.PathParam("code"), context.PathId("id"),
                                request.Query("ended_on"), request.Query("reason").value_or(""))));
}

http::Response HousingHistoryOf(const HousingService& housing, http::RequestContext& context) {
  return http::Json(ChangesJson(housing.History(context.principal(), context.PathParam("code"))));
}

}  // namespace shequ::registry
