#include "registry/person_handlers.hpp"

#include "core/errors/error.hpp"
#include "core/json/json_reader.hpp"
#include "core/time_format.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::optional<int> AgeOn(const std::optional<std::string>& birth_date, const std::string& today) {
  if (!birth_date || birth_date->size() != 10) return std::nullopt;
  int age = std::stoi(today.substr(0, 4)) - std::stoi(birth_date->substr(0, 4));
  if (today.substr(5) < birth_date->substr(5)) --age;
  return age;
}

nlohmann::json PersonJson(const Person& p, const std::string& address, const std::string& today) {
  const auto age = AgeOn(p.birth_date, today);
  return {{"id", p.id},
          {"name", p.name},
          {"name_initials", p.name_initials},
          {"id_number", p.id_number_mask},
          {"birth_date", Nullable(p.birth_date)},
          {"age", age ? nlohmann::json(*age) : nlohmann::json(nullptr)},
          {"sex", p.sex},
          {"phone", p.phone_mask},
          {"ethnicity", p.ethnicity},
          {"hukou_address", p.hukou_address},
          {"hukou_code", Nullable(p.hukou_code)},
          {"residence_code", p.residence_code},
          {"residence_address", address},
          {"residence_type", p.residence_type},
          {"employment", p.employment},
          {"education", p.education},
          {"political_status", p.political_status},
          {"photo_ref", p.photo_ref},
          {"status", p.status},
          {"version", p.version},
          {"created_at", FormatTimestamp(p.created_at)},
          {"updated_at", FormatTimestamp(p.updated_at)}};
}

nlohmann::json GroupJson(const PersonGroup& g, bool with_details) {
  nlohmann::json json = {
      {"id", g.id},
      {"person_id", g.person_id},
      {"type_code", g.type_code},
      {"concern_level", g.concern_level},
      {"verification", g.verification},
      {"verified_by", g.verified_by ? nlohmann::json(*g.verified_by) : nlohmann::json(nullptr)},
      {"verified_at",
       g.verified_at ? nlohmann::json(FormatTimestamp(*g.verified_at)) : nlohmann::json(nullptr)},
      {"started_on", g.started_on},
      {"ended_on", Nullable(g.ended_on)},
      {"end_reason", g.end_reason}};
  if (with_details) json["details"] = g.details;
  return json;
}

nlohmann::json ViewJson(const PersonView& view, const std::string& today) {
  auto json = PersonJson(view.person, view.residence_address, today);
  auto groups = nlohmann::json::array();
  for (const auto& group : view.groups) groups.push_back(GroupJson(group, false));
  json["groups"] = groups;
  json["household"] = view.household ? nlohmann::json{{"household_id", view.household->household_id},
                                                      {"relation", view.household->relation}}
                                     : nlohmann::json(nullptr);
  return json;
}

nlohmann::json EventJson(const PersonEvent& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"occurred_on", e.occurred_on},
          {"from_code", Nullable(e.from_code)},
          {"to_code", Nullable(e.to_code)},
          {"place", e.place},
          {"note", e.note},
          {"recorded_by", e.recorded_by_name},
          {"recorded_at", FormatTimestamp(e.recorded_at)}};
}

nlohmann::json TypeJson(const GroupType& t) {
  return {{"code", t.code},
          {"name", t.name},
          {"name_en", t.name_en},
          {"category", t.category},
          {"sensitivity", t.sensitivity},
          {"fields", t.fields},
          {"active", t.active},
          {"sort_order", t.sort_order}};
}

PersonFields ReadFields(const nlohmann::json& body) {
  json::ObjectReader reader(body);
  PersonFields f;
  f.name = reader.OptionalString("name");
  f.id_number = reader.OptionalString("id_number");
  f.phone = reader.OptionalString("phone");
  f.birth_date = reader.OptionalString("birth_date");
  f.sex = reader.OptionalString("sex");
  f.ethnicity = reader.OptionalString("ethnicity");
  f.hukou_address = reader.OptionalString("hukou_address");
  f.hukou_code = reader.OptionalString("hukou_code");
  f.residence_code = reader.OptionalString("residence_code");
  f.residence_type = reader.OptionalString("residence_type");
  f.employment = reader.OptionalString("employment");
  f.education = reader.OptionalString("education");
  f.political_status = reader.OptionalString("political_status");
  f.photo_ref = reader.OptionalString("photo_ref");
  f.expected_version = reader.OptionalInt("version");
  return f;
}

GroupFields ReadGroupFields(const json::ObjectReader& reader, const nlohmann::json& body) {
  GroupFields f;
  f.concern_level = reader.OptionalString("concern_level");
  f.verification = reader.OptionalString("verification");
  if (body.contains("details")) f.details = body["details"];
  f.started_on = reader.OptionalString("started_on");
  f.ended_on = reader.OptionalString("ended_on");
  f.end_reason = reader.OptionalString("end_reason");
  return f;
}

const nlohmann::json kString = {{"type", "string"}};
const nlohmann::json kNullableString = {{"type", "string"}, {"nullable", true}};
const nlohmann::json kInteger = {{"type", "integer"}};

}  // namespace

nlohmann::json PersonSchema() {
  nlohmann::json properties = {{"id", kInteger},
                               {"name", kString},
                               {"name_initials", kString},
                               {"id_number", {{"type", "string"}, {"description", "Masked 6+…+2"}}},
                               {"birth_date", kNullableString},
                               {"age", {{"type", "integer"}, {"nullable", true}}},
                               {"sex", kString},
                               {"phone", {{"type", "string"}, {"description", "Masked 3+****+4"}}},
                               {"ethnicity", kString},
                               {"hukou_address", kString},
                               {"hukou_code", kNullableString},
                               {"residence_code", kString},
                               {"residence_address", kString},
                               {"residence_type", kString},
                               {"employment", kString},
                               {"education", kString},
                               {"political_status", kString},
                               {"photo_ref", kString},
                               {"status", kString},
                               {"version", kInteger},
                               {"created_at", {{"type", "string"}, {"format", "date-time"}}},
                               {"updated_at", {{"type", "string"}, {"format", "date-time"}}},
                               {"groups", {{"type", "array"}, {"items", PersonGroupSchema()}}},
                               {"household", {{"type", "object"}, {"nullable", true}}},
                               {"current_groups", {{"type", "array"}, {"items", kString}}}};
  return {{"type", "object"},
          {"required", {"id", "name", "id_number", "phone", "residence_code", "status", "version"}},
          {"properties", properties}};
}

nlohmann::json PersonPageSchema() {
  return {{"type", "object"},
          {"required", {"items", "total", "limit", "offset"}},
          {"properties",
           {{"items", {{"type", "array"}, {"items", PersonSchema()}}},
            {"total", kInteger},
            {"limit", kInteger},
            {"offset", kInteger}}}};
}

nlohmann::json PersonHistorySchema() {
  const nlohmann::json event = {{"type", "object"},
                                {"required", {"id", "kind", "occurred_on"}},
                                {"properties",
                                 {{"id", kInteger},
                                  {"kind", kString},
                                  {"occurred_on", kString},
                                  {"from_code", kNullableString},
                                  {"to_code", kNullableString},
                                  {"place", kString},
                                  {"note", kString},
                                  {"recorded_by", kString},
                                  {"recorded_at", {{"type", "string"}, {"format", "date-time"}}}}}};
  return {{"type", "object"},
          {"required", {"events", "changes"}},
          {"properties",
           {{"events", {{"type", "array"}, {"items", event}}},
            {"changes", {{"type", "array"}, {"items", ChangeRecordSchema()}}}}}};
}

nlohmann::json GroupTypeSchema() {
  return {{"type", "object"},
          {"required", {"code", "name", "sensitivity", "fields", "active"}},
          {"properties",
           {{"code", kString},
            {"name", kString},
            {"name_en", kString},
            {"category", kString},
            {"sensitivity", {{"type", "string"}, {"enum", {"normal", "sensitive", "restricted"}}}},
            {"fields", {{"type", "array"}, {"items", {{"type", "object"}}}}},
            {"active", {{"type", "boolean"}}},
            {"sort_order", kInteger}}}};
}

nlohmann::json PersonGroupSchema() {
  return {{"type", "object"},
          {"required", {"id", "person_id", "type_code", "concern_level", "verification", "started_on"}},
          {"properties",
           {{"id", kInteger},
            {"person_id", kInteger},
            {"type_code", kString},
            {"concern_level", {{"type", "string"}, {"enum", {"general", "focus", "special"}}}},
            {"verification", {{"type", "string"}, {"enum", {"pending", "verified", "rejected"}}}},
            {"verified_by", {{"type", "integer"}, {"nullable", true}}},
            {"verified_at", kNullableString},
            {"started_on", kString},
            {"ended_on", kNullableString},
            {"end_reason", kString},
            {"details", {{"type", "object"}}}}}};
}

nlohmann::json PersonFieldsSchema(bool creating) {
  nlohmann::json properties = {
      {"name", kString},
      {"id_number", {{"type", "string"}, {"description", "GB 11643, 18 or 15 characters"}}},
      {"phone", kString},
      {"birth_date", {{"type", "string"}, {"format", "date"}}},
      {"sex", {{"type", "string"}, {"enum", {"M", "F", "男", "女"}}}},
      {"ethnicity", kString},
      {"hukou_address", kString},
      {"hukou_code", kString},
      {"residence_type", kString},
      {"employment", kString},
      {"education", kString},
      {"political_status", kString},
      {"photo_ref", kString}};
  if (creating) {
    properties["residence_code"] = kString;
    properties["arrival"] = {{"type", "string"}, {"enum", {"birth", "registered", "move_in"}}};
    properties["arrived_on"] = {{"type", "string"}, {"format", "date"}};
    return {{"type", "object"}, {"required", {"name", "residence_code"}}, {"properties", properties}};
  }
  properties["version"] = {{"type", "integer"}, {"description", "Refuse the change if the record moved on"}};
  return {{"type", "object"}, {"properties", properties}};
}

std::vector<http::QueryParamDoc> PersonQueryDocs() {
  return {{"q", "string", "Part of the name, or pinyin initials (zs finds 张三)"},
          {"id_number", "string", "Exact ID number"},
          {"phone", "string", "Exact phone number"},
          {"region", "string", "Only people living in this subtree (an address)"},
          {"group_type", "string", "Only members of this key group"},
          {"age_min", "integer", "Age at least"},
          {"age_max", "integer", "Age at most"},
          {"sex", "string", "M or F"},
          {"residence_type", "string", "registered, floating or lodging"},
          {"status", "string", "living, moved_out or deceased"},
          {"sort", "string", "name (default), birth_date, updated_at or id"},
          {"order", "string", "asc (default) or desc"},
          {"limit", "integer", "Page size 1-200 (default 20)"},
          {"offset", "integer", "Rows to skip"}};
}

PersonQuery ReadPersonQuery(const http::RequestContext& context) {
  const auto& request = context.request();
  PersonQuery query;
  query.text = request.Query("q").value_or("");
  query.id_number = request.Query("id_number").value_or("");
  query.phone = request.Query("phone").value_or("");
  query.region = request.Query("region").value_or("");
  query.group_type = request.Query("group_type").value_or("");
  if (request.Query("age_min")) query.age_min = static_cast<int>(context.QueryInt("age_min", 0, 0, 150));
  if (request.Query("age_max")) query.age_max = static_cast<int>(context.QueryInt("age_max", 150, 0, 150));
  query.sex = request.Query("sex").value_or("");
  query.residence_type = request.Query("residence_type").value_or("");
  query.status = request.Query("status").value_or("");
  query.sort = request.Query("sort").value_or("name");
  const auto order = request.Query("order").value_or("asc");
  if (order != "asc" && order != "desc") {
    throw Error(ErrorCode::kInvalidQueryParameter, "order is asc or desc.", "order 须为 asc 或 desc。",
                nlohmann::json::array({FieldDetail("order", "invalid")}));
  }
  query.descending = order == "desc";
  query.limit = context.QueryInt("limit", 20, 1, 200);
  query.offset = context.QueryInt("offset", 0, 0, 100'000'000);
  return query;
}

http::Response SearchPeople(const PersonService& people, http::RequestContext& context) {
  const auto query = ReadPersonQuery(context);
  const auto page = people.Search(context.principal(), query);
  const auto today = people.Today();
  auto items = nlohmann::json::array();
  for (const auto& person : page.items) {
    const auto address = page.addresses.find(person.residence_code);
    auto json = PersonJson(person, address == page.addresses.end() ? "" : address->second, today);
    const auto groups = page.current_groups.find(person.id);
    json["current_groups"] =
        groups == page.current_groups.end() ? nlohmann::json::array() : nlohmann::json(groups->second);
    items.push_back(std::move(json));
  }
  return http::Json(
      {{"items", items}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}});
}

http::Response CreatePerson(PersonService& people, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"name", "id_number", "phone", "birth_date", "sex", "ethnicity", "hukou_address",
                        "hukou_code", "residence_code", "residence_type", "employment", "education",
                        "political_status", "photo_ref", "arrival", "arrived_on"});
  NewPerson request;
  request.fields = ReadFields(body);
  request.arrival = reader.OptionalString("arrival").value_or("registered");
  request.arrived_on = reader.OptionalString("arrived_on");
  return http::Json(ViewJson(people.Create(context.principal(), request), people.Today()), 201);
}

http::Response GetPerson(const PersonService& people, http::RequestContext& context) {
  return http::Json(ViewJson(people.Get(context.principal(), context.PathId("id")), people.Today()));
}

http::Response UpdatePerson(PersonService& people, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader(body).RejectUnknown({"name", "id_number", "phone", "birth_date", "sex", "ethnicity",
                                          "hukou_address", "hukou_code", "residence_code", "residence_type",
                                          "employment", "education", "political_status", "photo_ref",
                                          "version"});
  return http::Json(ViewJson(people.Update(context.principal(), id, ReadFields(body)), people.Today()));
}

http::Response RevealPerson(PersonService& people, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"fields", "reason"});
  const auto values = people.Reveal(context.principal(), id, reader.StringArray("fields", true),
                                    reader.RequireString("reason"));
  nlohmann::json json = nlohmann::json::object();
  if (values.id_number) json["id_number"] = *values.id_number;
  if (values.phone) json["phone"] = *values.phone;
  return http::Json(json);
}

http::Response RecordPersonEvent(PersonService& people, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"kind", "occurred_on", "to_code", "place", "note"});
  NewPersonEvent request;
  request.kind = reader.RequireString("kind");
  request.occurred_on = reader.OptionalString("occurred_on");
  request.to_code = reader.OptionalString("to_code");
  request.place = reader.OptionalString("place").value_or("");
  request.note = reader.OptionalString("note").value_or("");
  return http::Json(EventJson(people.RecordEvent(context.principal(), id, request)), 201);
}

http::Response PersonHistoryOf(const PersonService& people, http::RequestContext& context) {
  const auto history = people.History(context.principal(), context.PathId("id"));
  auto events = nlohmann::json::array();
  for (const auto& e : history.events) events.push_back(EventJson(e));
  auto changes = nlohmann::json::array();
  for (const auto& change : history.changes) changes.push_back(ChangeRecordJson(change));
  return http::Json({{"events", events}, {"changes", changes}});
}

http::Response ListGroupTypes(const KeyGroupService& groups, http::RequestContext&) {
  auto items = nlohmann::json::array();
  for (const auto& type : groups.Types()) items.push_back(TypeJson(type));
  return http::Json({{"items", items}});
}

http::Response CreateGroupType(KeyGroupService& groups, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown(
      {"code", "name", "name_en", "category", "sensitivity", "fields", "active", "sort_order"});
  GroupType type;
  type.code = reader.RequireString("code");
  type.name = reader.RequireString("name");
  type.name_en = reader.OptionalString("name_en").value_or("");
  type.category = reader.OptionalString("category").value_or("other");
  type.sensitivity = reader.OptionalString("sensitivity").value_or("normal");
  type.fields = body.value("fields", nlohmann::json::array());
  type.active = reader.OptionalBool("active").value_or(true);
  type.sort_order = reader.OptionalInt("sort_order").value_or(1000);
  return http::Json(TypeJson(groups.CreateType(context.principal(), type)), 201);
}

http::Response UpdateGroupType(KeyGroupService& groups, http::RequestContext& context) {
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"name", "name_en", "category", "sensitivity", "fields", "active", "sort_order"});
  GroupTypePatch patch;
  patch.name = reader.OptionalString("name");
  patch.name_en = reader.OptionalString("name_en");
  patch.category = reader.OptionalString("category");
  patch.sensitivity = reader.OptionalString("sensitivity");
  if (body.contains("fields")) patch.fields = body["fields"];
  patch.active = reader.OptionalBool("active");
  patch.sort_order = reader.OptionalInt("sort_order");
  return http::Json(TypeJson(groups.UpdateType(context.principal(), context.PathParam("code"), patch)));
}

http::Response ListPersonGroups(const KeyGroupService& groups, http::RequestContext& context) {
  auto items = nlohmann::json::array();
  for (const auto& group : groups.ForPerson(context.principal(), context.PathId("id"))) {
    items.push_back(GroupJson(group, true));
  }
  return http::Json({{"items", items}});
}

http::Response AddPersonGroup(KeyGroupService& groups, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"type_code", "concern_level", "verification", "details", "started_on"});
  const auto type = reader.RequireString("type_code");
  return http::Json(GroupJson(groups.Add(context.principal(), id, type, ReadGroupFields(reader, body)), true),
                    201);
}

http::Response UpdatePersonGroup(KeyGroupService& groups, http::RequestContext& context) {
  const auto id = context.PathId("id");
  const auto body = context.JsonBody();
  json::ObjectReader reader(body);
  reader.RejectUnknown({"concern_level", "verification", "details", "started_on", "ended_on", "end_reason"});
  return http::Json(GroupJson(groups.Update(context.principal(), id, ReadGroupFields(reader, body)), false));
}

}  // namespace shequ::registry
