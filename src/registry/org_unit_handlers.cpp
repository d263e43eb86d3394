#include "registry/org_unit_handlers.hpp"

#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"
#include "registry/handler_json.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

// The contact phone is always the mask here; the clear number only comes from /reveal.
nlohmann::json OrgUnitJson(const OrgUnit& u, const std::string& address) {
  return {{"id", u.id},
          {"name", u.name},
          {"credit_code", Nullable(u.credit_code)},
          {"kind", u.kind},
          {"industry", u.industry},
          {"region_code", u.region_code},
          {"region_address", address},
          {"address", u.address},
          {"legal_representative", u.legal_representative},
          {"contact_name", u.contact_name},
          {"contact_phone", u.contact_phone_mask},
          {"employees", Nullable(u.employees)},
          {"status", u.status},
          {"version", u.version},
          {"created_at", FormatTimestamp(u.created_at)},
          {"updated_at", FormatTimestamp(u.updated_at)}};
}

OrgUnitFields ReadFields(const json::ObjectReader& reader) {
  OrgUnitFields f;
  f.name = reader.OptionalString("name");
  f.credit_code = reader.OptionalString("credit_code");
  f.kind = reader.OptionalString("kind");
  f.industry = reader.OptionalString("industry");
  f.region_code = reader.OptionalString("region_code");
  f.address = reader.OptionalString("address");
  f.legal_representative = reader.OptionalString("legal_representative");
  f.contact_name = reader.OptionalString("contact_name");
  f.contact_phone = reader.OptionalString("contact_phone");
  f.employees = reader.OptionalInt("employees");
  f.expected_version = reader.OptionalInt("version");
  return f;
}

}  // namespace

nlohmann::json OrgUnitSchema() {
  return {
      {"type", "object"},
      {"required",
       {"id", "name", "credit_code", "kind", "industry", "region_code", "region_address", "address",
        "legal_representative", "contact_name", "contact_phone", "employees", "status", "version"}},
      {"properties",
       {{"id", schema::Integer()},
        {"name", schema::String()},
        {"credit_code", {{"type", "string"}, {"nullable", true}, {"description", "GB 32100, 18 characters"}}},
        {"kind", schema::Codes(OrgUnitKinds())},
        {"industry", schema::String()},
        {"region_code", schema::String()},
        {"region_address", schema::String()},
        {"address", schema::String()},
        {"legal_representative", schema::String()},
        {"contact_name", schema::String()},
        {"contact_phone", {{"type", "string"}, {"description", "Masked 3+****+4"}}},
        {"employees", schema::NullableInteger()},
        {"status", schema::String()},
        {"version", schema::Integer()},
        {"created_at", schema::Timestamp()},
        {"updated_at", schema::Timestamp()}}}};
}

nlohmann::json OrgUnitPageSchema() { return PageSchema(OrgUnitSchema()); }

nlohmann::json OrgUnitFieldsSchema(bool creating) {
  nlohmann::json properties = {
      {"name", schema::String()},
      {"credit_code", {{"type", "string"}, {"description", "统一社会信用代码 (GB 32100); \"\" clears it"}}},
      {"kind", schema::CodesOrLabels(OrgUnitKinds())},
      {"industry", schema::String()},
      {"region_code", {{"type", "string"}, {"description", "A community or a node below it, in your area"}}},
      {"address", {{"type", "string"}, {"description", "门牌 as written"}}},
      {"legal_representative", schema::String()},
      {"contact_name", schema::String()},
      {"contact_phone", {{"type", "string"}, {"description", "Stored encrypted; shown masked"}}},
      {"employees", {{"type", "integer"}, {"description", "0 or more"}}}};
  if (creating) {
    return {{"type", "object"}, {"required", {"name", "kind", "region_code"}}, {"properties", properties}};
  }
  properties["version"] = {{"type", "integer"}, {"description", "Refuse the change if the record moved on"}};
  return {{"type", "object"}, {"properties", properties}};
}

std::vector<http::QueryParamDoc> OrgUnitQueryDocs() {
  return {{"q", "string", "Part of the name, or a whole credit code"},
          {"kind", "string",
           "enterprise, individual_business, social_organisation, public_institution, government or other"},
          {"region", "string", "Only units in this subtree (an address)"},
          {"limit", "integer", "Page size 1-200 (default 20)"},
          {"offset", "integer", "Rows to skip"}};
}

OrgUnitQuery ReadOrgUnitQuery(const http::RequestContext& context) {
  const auto& request = context.request();
  OrgUnitQuery query;
  query.text = request.Query("q").value_or("");
  query.kind = request.Query("kind").value_or("");
  query.region = request.Query("region").value_or("");
  return query;
}

http::Response SearchOrgUnits(const OrgUnitService& units, http::RequestContext& context) {
  auto query = ReadOrgUnitQuery(context);
  query.limit = context.QueryInt("limit", 20, 1, 200);
  query.offset = context.QueryInt("offset", 0, 0, 100'000'000);
  const auto page = units.Search(context.principal(), query);
  auto items = nlohmann::json::array();
  for (const auto& unit : page.items) {
    const auto address = page.addresses.find(unit.region_code);
    items.push_back(OrgUnitJson(unit, address == page.addresses.end() ? "" : address->second));
  }
  return http::Json(
      {{"items", items}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}});
}

http::Response CreateOrgUnit(OrgUnitService& units, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"name", "credit_code", "kind", "industry", "region_code", "address",
                        "legal_representative", "contact_name", "contact_phone", "employees"});
  const auto view = units.Create(context.principal(), ReadFields(reader));
  return http::Json(OrgUnitJson(view.unit, view.region_address), 201);
}

http::Response GetOrgUnit(const OrgUnitService& units, http::RequestContext& context) {
  const auto view = units.Get(context.principal(), context.PathId("id"));
  return http::Json(OrgUnitJson(view.unit, view.region_address));
}

http::Response UpdateOrgUnit(OrgUnitService& units, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"name", "credit_code", "kind", "industry", "region_code", "address",
                        "legal_representative", "contact_name", "contact_phone", "employees", "version"});
  const auto view = units.Update(context.principal(), id, ReadFields(reader));
  return http::Json(OrgUnitJson(view.unit, view.region_address));
}

http::Response RevealOrgUnit(OrgUnitService& units, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"reason"});
  return http::Json({{"contact_phone",
                      Nullable(units.RevealPhone(context.principal(), id, reader.RequireString("reason")))}});
}

http::Response OrgUnitHistoryOf(const OrgUnitService& units, http::RequestContext& context) {
  return http::Json(ChangesJson(units.History(context.principal(), context.PathId("id"))));
}

}  // namespace shequ::registry
