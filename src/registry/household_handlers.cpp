#include "registry/household_handlers.hpp"

#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"
#include "registry/handler_json.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

nlohmann::json HouseholdJson(const Household& h, const std::string& address) {
  return {{"id", h.id},
          {"number", h.number},
          {"kind", h.kind},
          {"dwelling_code", h.dwelling_code},
          {"dwelling_address", address},
          {"head_person_id", Nullable(h.head_person_id)},
          {"status", h.status},
          {"note", h.note},
          {"version", h.version},
          {"created_at", FormatTimestamp(h.created_at)},
          {"updated_at", FormatTimestamp(h.updated_at)}};
}

nlohmann::json MemberJson(const HouseholdMember& m) {
  return {{"person_id", m.person_id},      {"name", m.name},
          {"id_number", m.id_number_mask}, {"relation", m.relation},
          {"joined_on", m.joined_on},      {"left_on", Nullable(m.left_on)},
          {"left_reason", m.left_reason},  {"person_status", m.person_status}};
}

nlohmann::json ViewJson(const HouseholdView& view) {
  auto json = HouseholdJson(view.household, view.dwelling_address);
  json["head_name"] = "";
  auto members = nlohmann::json::array();
  for (const auto& member : view.members) {
    if (member.relation == "head") json["head_name"] = member.name;
    members.push_back(MemberJson(member));
  }
  auto past = nlohmann::json::array();
  for (const auto& member : view.past_members) past.push_back(MemberJson(member));
  json["members"] = members;
  json["past_members"] = past;
  return json;
}

nlohmann::json LedgerJson(const LedgerEntry& e) {
  return {{"id", e.id},
          {"household_id", e.household_id},
          {"category", e.category},
          {"item", e.item},
          {"amount", Nullable(e.amount)},
          {"unit", e.unit},
          {"period", e.period},
          {"entry_date", e.entry_date},
          {"person_id", Nullable(e.person_id)},
          {"person_name", e.person_name},
          {"note", e.note},
          {"recorded_by", e.recorded_by_name},
          {"recorded_at", FormatTimestamp(e.recorded_at)}};
}

HouseholdFields ReadFields(const json::ObjectReader& reader) {
  HouseholdFields f;
  f.number = reader.OptionalString("number");
  f.kind = reader.OptionalString("kind");
  f.note = reader.OptionalString("note");
  f.dwelling_code = reader.OptionalString("dwelling_code");
  f.head_person_id = reader.OptionalInt("head_person_id");
  f.former_head_relation = reader.OptionalString("former_head_relation");
  f.joined_on = reader.OptionalString("joined_on");
  f.expected_version = reader.OptionalInt("version");
  return f;
}

nlohmann::json MemberSchema(bool past) {
  return {{"type", "object"},
          {"required",
           {"person_id", "name", "id_number", "relation", "joined_on", "left_on", "left_reason",
            "person_status"}},
          {"properties",
           {{"person_id", schema::Integer()},
            {"name", schema::String()},
            {"id_number", {{"type", "string"}, {"description", "Masked 6+…+2"}}},
            {"relation", schema::Codes(HouseholdRelations())},
            {"joined_on", schema::Date()},
            {"left_on", past ? schema::Date() : schema::NullableDate()},
            {"left_reason", schema::String()},
            {"person_status", schema::Codes(PersonStatuses())}}}};
}

nlohmann::json HouseholdProperties() {
  return {{"id", schema::Integer()},
          {"number", schema::String()},
          {"kind", schema::Codes(HouseholdKinds())},
          {"dwelling_code", schema::String()},
          {"dwelling_address", schema::String()},
          {"head_person_id", schema::NullableInteger()},
          {"head_name", schema::String()},
          {"status", schema::String()},
          {"note", schema::String()},
          {"version", schema::Integer()},
          {"created_at", schema::Timestamp()},
          {"updated_at", schema::Timestamp()}};
}

}  // namespace

nlohmann::json HouseholdSchema() {
  auto properties = HouseholdProperties();
  properties["members"] = {{"type", "array"}, {"items", MemberSchema(false)}};
  properties["past_members"] = {{"type", "array"}, {"items", MemberSchema(true)}};
  return {{"type", "object"},
          {"required",
           {"id", "number", "kind", "dwelling_code", "dwelling_address", "head_person_id", "head_name",
            "note", "version", "members", "past_members"}},
          {"properties", properties}};
}

nlohmann::json HouseholdPageSchema() {
  auto properties = HouseholdProperties();
  properties["member_count"] = schema::Integer();
  return PageSchema({{"type", "object"},
                     {"required",
                      {"id", "number", "kind", "dwelling_code", "dwelling_address", "head_person_id",
                       "head_name", "member_count", "version"}},
                     {"properties", properties}});
}

nlohmann::json HouseholdFieldsSchema(bool creating) {
  nlohmann::json properties = {
      {"number", {{"type", "string"}, {"description", "户号, at most 30 characters"}}},
      {"kind", schema::CodesOrLabels(HouseholdKinds())},
      {"note", schema::String()}};
  if (creating) {
    properties["dwelling_code"] = {{"type", "string"}, {"description", "A dwelling (level 9) in your area"}};
    properties["head_person_id"] = {{"type", "integer"},
                                    {"description", "A living person in no household, who joins as head"}};
    properties["joined_on"] = schema::Date();
    return {{"type", "object"}, {"required", {"dwelling_code"}}, {"properties", properties}};
  }
  properties["head_person_id"] = {{"type", "integer"}, {"description", "A current member, who becomes head"}};
  auto former = schema::CodesOrLabels(HouseholdRelations());
  former["description"] = "The old head's relation to the new one (default other_relative): " +
                          former["description"].get<std::string>();
  properties["former_head_relation"] = former;
  properties["version"] = {{"type", "integer"}, {"description", "Refuse the change if the record moved on"}};
  return {{"type", "object"}, {"properties", properties}};
}

nlohmann::json HouseholdMemberRequestSchema() {
  return {{"type", "object"},
          {"required", {"person_id", "relation"}},
          {"properties",
           {{"person_id", schema::Integer()},
            {"relation", schema::CodesOrLabels(HouseholdRelations())},
            {"joined_on", schema::Date()}}}};
}

nlohmann::json LedgerEntrySchema() {
  return {{"type", "object"},
          {"required",
           {"id", "household_id", "category", "item", "amount", "unit", "period", "entry_date", "person_id",
            "person_name", "note", "recorded_by", "recorded_at"}},
          {"properties",
           {{"id", schema::Integer()},
            {"household_id", schema::Integer()},
            {"category", schema::Codes(LedgerCategories())},
            {"item", schema::String()},
            {"amount", schema::NullableNumber()},
            {"unit", schema::String()},
            {"period", schema::String()},
            {"entry_date", schema::Date()},
            {"person_id", schema::NullableInteger()},
            {"person_name", schema::String()},
            {"note", schema::String()},
            {"recorded_by", schema::String()},
            {"recorded_at", schema::Timestamp()}}}};
}

nlohmann::json LedgerEntryRequestSchema() {
  return {{"type", "object"},
          {"required", {"category", "item"}},
          {"properties",
           {{"category", schema::CodesOrLabels(LedgerCategories())},
            {"item", schema::String()},
            {"amount", schema::Number()},
            {"unit", {{"type", "string"}, {"description", "元, 亩, 人 …; required with an amount"}}},
            {"period",
             {{"type", "string"},
              {"description", "2026, 2026-10, 2026-Q3 or 2026-H1; default the entry's year"}}},
            {"entry_date", schema::Date()},
            {"person_id", {{"type", "integer"}, {"description", "A current member the entry is about"}}},
            {"note", schema::String()}}}};
}

nlohmann::json LedgerSchema() {
  return {{"type", "object"},
          {"required", {"items"}},
          {"properties", {{"items", {{"type", "array"}, {"items", LedgerEntrySchema()}}}}}};
}

std::vector<http::QueryParamDoc> HouseholdQueryDocs() {
  return {{"q", "string", "Part of the household number or of the head's name"},
          {"region", "string", "Only households in this subtree (an address)"},
          {"kind", "string", "family or collective"},
          {"limit", "integer", "Page size 1-200 (default 20)"},
          {"offset", "integer", "Rows to skip"}};
}

std::vector<http::QueryParamDoc> LedgerQueryDocs() {
  return {{"category", "string", "Only entries of this category"},
          {"period", "string", "Only entries of this period or inside it (2026 holds 2026-10)"}};
}

std::vector<http::QueryParamDoc> MemberLeaveQueryDocs() {
  return {{"left_on", "string", "Date of leaving (default today)"},
          {"reason", "string", "Why: 分户, 迁出, 婚嫁 …"}};
}

HouseholdQuery ReadHouseholdQuery(const http::RequestContext& context) {
  const auto& request = context.request();
  HouseholdQuery query;
  query.text = request.Query("q").value_or("");
  query.region = request.Query("region").value_or("");
  query.kind = request.Query("kind").value_or("");
  return query;
}

http::Response SearchHouseholds(const HouseholdService& households, http::RequestContext& context) {
  auto query = ReadHouseholdQuery(context);
  query.limit = context.QueryInt("limit", 20, 1, 200);
  query.offset = context.QueryInt("offset", 0, 0, 100'000'000);
  const auto page = households.Search(context.principal(), query);
  auto items = nlohmann::json::array();
  for (const auto& row : page.items) {
    const auto address = page.addresses.find(row.household.dwelling_code);
    auto json = HouseholdJson(row.household, address == page.addresses.end() ? "" : address->second);
    json["head_person_id"] = Nullable(row.head_person_id);
    json["head_name"] = row.head_name;
    json["member_count"] = row.member_count;
    items.push_back(std::move(json));
  }
  return http::Json(
      {{"items", items}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}});
}

http::Response CreateHousehold(HouseholdService& households, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"number", "kind", "note", "dwelling_code", "head_person_id", "joined_on"});
  return http::Json(ViewJson(households.Create(context.principal(), ReadFields(reader))), 201);
}

http::Response GetHousehold(const HouseholdService& households, http::RequestContext& context) {
  return http::Json(ViewJson(households.Get(context.principal(), context.PathId("id"))));
}

http::Response UpdateHousehold(HouseholdService& households, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"number", "kind", "note", "head_person_id", "former_head_relation", "version"});
  return http::Json(ViewJson(households.Update(context.principal(), id, ReadFields(reader))));
}

http::Response AddHouseholdMember(HouseholdService& households, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"person_id", "relation", "joined_on"});
  NewHouseholdMember request;
  request.person_id = reader.RequireInt("person_id");
  request.relation = reader.RequireString("relation");
  request.joined_on = reader.OptionalString("joined_on");
  return http::Json(ViewJson(households.AddMember(context.principal(), id, request)), 201);
}

http::Response RemoveHouseholdMember(HouseholdService& households, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto person_id = context.PathId("person_id");
  const auto& request = context.request();
  return http::Json(ViewJson(households.RemoveMember(
      context.principal(), id, person_id, request.Query("left_on"), request.Query("reason").value_or(""))));
}

http::Response AddHouseholdLedgerEntry(HouseholdService& households, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"category", "item", "amount", "unit", "period", "entry_date", "person_id", "note"});
  NewLedgerEntry request;
  request.category = reader.RequireString("category");
  request.item = reader.RequireString("item");
  request.amount = OptionalNumber(body, "amount");
  request.unit = reader.OptionalString("unit").value_or("");
  request.period = reader.OptionalString("period").value_or("");
  request.entry_date = reader.OptionalString("entry_date");
  request.person_id = reader.OptionalInt("person_id");
  request.note = reader.OptionalString("note").value_or("");
  return http::Json(LedgerJson(households.AddLedgerEntry(context.principal(), id, request)), 201);
}

http::Response ListHouseholdLedger(const HouseholdService& households, http::RequestContext& context) {
  const auto& request = context.request();
  LedgerQuery query;
  query.category = request.Query("category").value_or("");
  query.period = request.Query("period").value_or("");
  auto items = nlohmann::json::array();
  for (const auto& entry : households.Ledger(context.principal(), context.PathId("id"), query)) {
    items.push_back(LedgerJson(entry));
  }
  return http::Json({{"items", items}});
}

http::Response HouseholdHistoryOf(const HouseholdService& households, http::RequestContext& context) {
  return http::Json(ChangesJson(households.History(context.principal(), context.PathId("id"))));
}

}  // namespace shequ::registry
