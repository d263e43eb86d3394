// The OpenAPI document describes every route the server has, and real responses match the
// schemas it gives for them.
#include <gtest/gtest.h>

#include <set>

#include "app/demo_seed.hpp"
#include "regions/region_import.hpp"
#include "support/test_app.hpp"

namespace shequ {
namespace {

using regions::NationalNode;

using testing::BodyOf;

// Checks the subset of JSON Schema the document uses: type, nullable, required, properties,
// items, enum. Returns the first mismatch as a path, or "" when the value conforms.
std::string Mismatch(const nlohmann::json& schema, const nlohmann::json& value,
                     const std::string& path = "$") {
  if (value.is_null()) return schema.value("nullable", false) ? "" : path + ": null";
  const std::string type = schema.value("type", "");
  const bool ok = type.empty() || (type == "object" && value.is_object()) ||
                  (type == "array" && value.is_array()) || (type == "string" && value.is_string()) ||
                  (type == "integer" && value.is_number_integer()) ||
                  (type == "number" && value.is_number()) || (type == "boolean" && value.is_boolean());
  if (!ok) return path + ": expected " + type + ", got " + value.dump();
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
    return path + ": " + value.dump() + " not in enum";
  }
  if (value.is_object()) {
    for (const auto& name : schema.value("required", nlohmann::json::array())) {
      if (!value.contains(name.get<std::string>())) return path + "." + name.get<std::string>() + ": missing";
    }
    const auto properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [name, sub] : properties.items()) {
      if (value.contains(name)) {
        if (auto m = Mismatch(sub, value[name], path + "." + name); !m.empty()) return m;
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto m = Mismatch(schema["items"], value[i], path + "[" + std::to_string(i) + "]"); !m.empty())
        return m;
    }
  }
  return "";
}

class OpenApiTest : public ::testing::Test {
 protected:
  OpenApiTest() {
    app_.CreateUser("admin", "admin", {});
    token_ = app_.Login("admin");
    document_ = BodyOf(app_.Get("/api/openapi.json"));
  }

  // The success schema the document gives for a method and path template.
  nlohmann::json SchemaFor(const std::string& method, const std::string& pattern, int status) {
    return document_["paths"][pattern][method]["responses"][std::to_string(status)]["content"]
                    ["application/json"]["schema"];
  }

  void ExpectConforms(const std::string& method, const std::string& pattern, const http::Response& response) {
    const auto schema = SchemaFor(method, pattern, response.status);
    ASSERT_FALSE(schema.is_null()) << method << " " << pattern << " documents no " << response.status;
    EXPECT_EQ(Mismatch(schema, BodyOf(response)), "") << method << " " << pattern << ": " << response.body;
  }

  testing::TestApp app_;
  std::string token_;
  nlohmann::json document_;
};

TEST_F(OpenApiTest, DocumentsExactlyTheRoutesTheServerHas) {
  ASSERT_EQ(document_["openapi"], "3.0.3");
  std::set<std::pair<std::string, std::string>> documented, served;
  for (const auto& [path, operations] : document_["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      documented.emplace(method, path);
      EXPECT_FALSE(operation["summary"].get<std::string>().empty()) << method << " " << path;
      EXPECT_TRUE(operation["responses"].contains("500"));
    }
  }
  for (const auto& route : app_.app().router().routes()) {
    std::string method(http::MethodName(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    served.emplace(method, route.pattern);
    const auto& operation = document_["paths"][route.pattern][method];
    EXPECT_EQ(operation.contains("security"), route.permission != http::kPublic) << route.pattern;
    if (route.permission != http::kPublic && route.permission != http::kSignedIn) {
      EXPECT_EQ(operation["x-permission"], route.permission);
      EXPECT_TRUE(app_.app().permissions().Knows(route.permission))
          << route.permission << " is granted to no role";
    }
  }
  EXPECT_EQ(documented, served);
}

TEST_F(OpenApiTest, ListsEveryErrorCode) {
  const auto codes =
      document_["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
  EXPECT_EQ(codes.size(), AllErrors().size());
}

TEST_F(OpenApiTest, RealResponsesMatchTheirSchemas) {
  ExpectConforms("get", "/healthz", app_.Get("/healthz"));
  ExpectConforms("get", "/readyz", app_.Get("/readyz"));
  ExpectConforms("post", "/api/auth/login",
                 app_.Post("/api/auth/login", {{"username", "admin"}, {"password", "Shequ-Test-2026"}}));
  ExpectConforms("get", "/api/me", app_.Get("/api/me", token_));
  const auto created = app_.Post("/api/users",
                                 {{"username", "resident1"},
                                  {"role", "resident"},
                                  {"scopes", {"610921100001"}},
                                  {"password", "Resident-2026"}},
                                 token_);
  ExpectConforms("post", "/api/users", created);
  const auto id = std::to_string(BodyOf(created)["id"].get<std::int64_t>());
  ExpectConforms("get", "/api/users", app_.Get("/api/users", token_));
  ExpectConforms("get", "/api/users/{id}", app_.Get("/api/users/" + id, token_));
  ExpectConforms("patch", "/api/users/{id}",
                 app_.Patch("/api/users/" + id, {{"display_name", "王五"}}, token_));
  ExpectConforms("get", "/api/audit", app_.Get("/api/audit", token_));
  regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
      .AddNational({NationalNode("610000000000", "陕西省"), NationalNode("610900000000", "安康市"),
                    NationalNode("610921000000", "汉阴县"), NationalNode("610921100000", "城关镇"),
                    NationalNode("610921100001", "南街社区居委会")},
                   "openapi");
  const auto compound = app_.Post("/api/regions/610921100001/children", {{"name", "南街小区"}}, token_);
  ExpectConforms("post", "/api/regions/{code}/children", compound);
  const auto code = BodyOf(compound)["code"].get<std::string>();
  ExpectConforms("get", "/api/regions/{code}", app_.Get("/api/regions/" + code, token_));
  ExpectConforms("get", "/api/regions/{code}/children",
                 app_.Get("/api/regions/610921100001/children", token_));
  ExpectConforms("get", "/api/regions", app_.Get("/api/regions?q=%E5%8D%97%E8%A1%97", token_));
  ExpectConforms(
      "patch", "/api/regions/{code}",
      app_.Patch("/api/regions/" + code,
                 {{"polygon",
                   {{"type", "Polygon"}, {"coordinates", {{{108.5, 32.9}, {108.6, 32.9}, {108.5, 32.9}}}}}}},
                 token_));
  const auto error_schema = document_["components"]["schemas"]["Error"];
  EXPECT_EQ(Mismatch(error_schema, BodyOf(app_.Get("/api/users/0", token_))), "");
  EXPECT_EQ(Mismatch(error_schema, BodyOf(app_.Get("/nowhere"))), "");
}

TEST_F(OpenApiTest, RegistryResponsesMatchTheirSchemas) {
  regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
      .AddNational({NationalNode("610000000000", "陕西省"), NationalNode("610900000000", "安康市"),
                    NationalNode("610921000000", "汉阴县"), NationalNode("610921100000", "城关镇"),
                    NationalNode("610921100001", "南街社区居委会")},
                   "openapi");
  const auto created = app_.Post("/api/people",
                                 {{"name", "张三"},
                                  {"id_number", "11010519491231002X"},
                                  {"phone", "13800138000"},
                                  {"residence_code", "610921100001"}},
                                 token_);
  ExpectConforms("post", "/api/people", created);
  const auto id = std::to_string(BodyOf(created)["id"].get<std::int64_t>());
  const auto person = "/api/people/" + id;
  ExpectConforms("get", "/api/people", app_.Get("/api/people?q=zs", token_));
  ExpectConforms("get", "/api/people/{id}", app_.Get(person, token_));
  ExpectConforms("patch", "/api/people/{id}", app_.Patch(person, {{"employment", "务工"}}, token_));
  ExpectConforms("post", "/api/people/{id}/reveal",
                 app_.Post(person + "/reveal", {{"fields", {"phone"}}, {"reason", "核实"}}, token_));
  const auto group = app_.Post(
      person + "/groups", {{"type_code", "disabled"}, {"details", {{"disability_level", "二级"}}}}, token_);
  ExpectConforms("post", "/api/people/{id}/groups", group);
  ExpectConforms("get", "/api/people/{id}/groups", app_.Get(person + "/groups", token_));
  ExpectConforms("patch", "/api/key-groups/{id}",
                 app_.Patch("/api/key-groups/" + std::to_string(BodyOf(group)["id"].get<std::int64_t>()),
                            {{"verification", "verified"}}, token_));
  ExpectConforms("post", "/api/people/{id}/events",
                 app_.Post(person + "/events", {{"kind", "move_out"}, {"place", "西安市"}}, token_));
  ExpectConforms("get", "/api/people/{id}/history", app_.Get(person + "/history", token_));
  ExpectConforms("get", "/api/group-types", app_.Get("/api/group-types", token_));
  ExpectConforms("post", "/api/group-types",
                 app_.Post("/api/group-types", {{"code", "hoarding"}, {"name", "囤积物品"}}, token_));
  ExpectConforms("patch", "/api/group-types/{code}",
                 app_.Patch("/api/group-types/hoarding", {{"active", false}}, token_));
  ExpectConforms("post", "/api/people/import",
                 app_.Call(http::Method::kPost, "/api/people/import", token_,
                           "姓名,居住地编码\n李四,610921100001\n", "text/csv"));
  const auto exported = app_.Get("/api/people/export?format=csv", token_);
  EXPECT_EQ(exported.status, 200);
  EXPECT_EQ(exported.content_type, "text/csv; charset=utf-8");
}

TEST_F(OpenApiTest, RegistryLedgerResponsesMatchTheirSchemas) {
  regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
      .AddNational({NationalNode("610000000000", "陕西省"), NationalNode("610900000000", "安康市"),
                    NationalNode("610921000000", "汉阴县"), NationalNode("610921100000", "城关镇"),
                    NationalNode("610921100001", "南街社区居委会")},
                   "openapi");
  const auto child = [&](const std::string& parent, const nlohmann::json& body) {
    return BodyOf(app_.Post("/api/regions/" + parent + "/children", body, token_))["code"].get<std::string>();
  };
  const auto compound = child("610921100001", {{"name", "南街小区"}});
  const auto unit = child(child(compound, nlohmann::json::object()), nlohmann::json::object());
  const auto dwelling = child(unit, {{"number", 301}});
  const auto person = [&](const std::string& name, const std::string& id_number) {
    nlohmann::json body = {{"name", name}, {"residence_code", dwelling}};
    if (!id_number.empty()) body["id_number"] = id_number;
    return BodyOf(app_.Post("/api/people", body, token_))["id"].get<std::int64_t>();
  };
  const auto del = [&](const std::string& target) {
    return app_.Call(http::Method::kDelete, target, token_);
  };

  // 户
  const auto head = person("张三", "610921198003152511");
  const auto created = app_.Post(
      "/api/households", {{"dwelling_code", dwelling}, {"number", "0001"}, {"head_person_id", head}}, token_);
  ExpectConforms("post", "/api/households", created);
  const auto household = "/api/households/" + std::to_string(BodyOf(created)["id"].get<std::int64_t>());
  const auto member = person("张小明", "");
  ExpectConforms("post", "/api/households/{id}/members",
                 app_.Post(household + "/members", {{"person_id", member}, {"relation", "son"}}, token_));
  ExpectConforms("delete", "/api/households/{id}/members/{person_id}",
                 del(household + "/members/" + std::to_string(member) + "?reason=%E5%88%86%E6%88%B7"));
  ExpectConforms("patch", "/api/households/{id}", app_.Patch(household, {{"kind", "collective"}}, token_));
  ExpectConforms("get", "/api/households/{id}", app_.Get(household, token_));
  ExpectConforms("get", "/api/households", app_.Get("/api/households?q=0001", token_));
  ExpectConforms("post", "/api/households/{id}/ledger",
                 app_.Post(household + "/ledger",
                           {{"category", "income"},
                            {"item", "务工收入"},
                            {"amount", 3.5e4},
                            {"unit", "元"},
                            {"person_id", head}},
                           token_));
  ExpectConforms("post", "/api/households/{id}/ledger",
                 app_.Post(household + "/ledger", {{"category", "other"}, {"item", "走访"}}, token_));
  ExpectConforms("get", "/api/households/{id}/ledger", app_.Get(household + "/ledger", token_));
  ExpectConforms("get", "/api/households/{id}/history", app_.Get(household + "/history", token_));

  // 实有房屋
  ExpectConforms(
      "post", "/api/housing",
      app_.Post("/api/housing",
                {{"dwelling_code", dwelling}, {"ownership", "shared"}, {"occupancy", "owner_occupied"}},
                token_));
  const auto housing = "/api/housing/" + dwelling;
  ExpectConforms("post", "/api/housing/{code}/parties",
                 app_.Post(housing + "/parties",
                           {{"role", "owner"}, {"person_id", head}, {"share_percent", 70}}, token_));
  const auto parties = app_.Post(housing + "/parties",
                                 {{"role", "co_owner"},
                                  {"party_name", "汉阴县住房保障中心"},
                                  {"share_percent", 30},
                                  {"started_on", "2024-05-01"}},
                                 token_);
  ExpectConforms("post", "/api/housing/{code}/parties", parties);
  const auto party = BodyOf(parties)["parties"][1]["id"].get<std::int64_t>();
  ExpectConforms("delete", "/api/housing/{code}/parties/{id}",
                 del(housing + "/parties/" + std::to_string(party) + "?ended_on=2026-01-01"));
  ExpectConforms("patch", "/api/housing/{code}", app_.Patch(housing, {{"area_m2", 88.5}}, token_));
  ExpectConforms("get", "/api/housing/{code}", app_.Get(housing, token_));
  ExpectConforms("get", "/api/housing", app_.Get("/api/housing?ownership=shared", token_));
  ExpectConforms("get", "/api/housing/{code}/history", app_.Get(housing + "/history", token_));

  // 实有车辆
  const auto vehicle_created = app_.Post(
      "/api/vehicles", {{"plate", "陕G12345"}, {"owner_person_id", head}, {"region_code", dwelling}}, token_);
  ExpectConforms("post", "/api/vehicles", vehicle_created);
  ExpectConforms("post", "/api/vehicles",
                 app_.Post("/api/vehicles",
                           {{"plate", "陕GD12345"},
                            {"owner_name", "李四"},
                            {"region_code", compound},
                            {"permit_valid_until", "2026-12-31"}},
                           token_));
  const auto vehicle = "/api/vehicles/" + std::to_string(BodyOf(vehicle_created)["id"].get<std::int64_t>());
  ExpectConforms("patch", "/api/vehicles/{id}", app_.Patch(vehicle, {{"color", "白"}}, token_));
  ExpectConforms("get", "/api/vehicles/{id}", app_.Get(vehicle, token_));
  ExpectConforms("get", "/api/vehicles", app_.Get("/api/vehicles?plate=123", token_));
  ExpectConforms("get", "/api/vehicles/{id}/history", app_.Get(vehicle + "/history", token_));

  // 实有单位
  const auto unit_created = app_.Post("/api/units",
                                      {{"name", "南街物业"},
                                       {"credit_code", "91610921MA6YR8N2XM"},
                                       {"kind", "enterprise"},
                                       {"region_code", compound},
                                       {"contact_phone", "13912345678"},
                                       {"employees", 8}},
                                      token_);
  ExpectConforms("post", "/api/units", unit_created);
  ExpectConforms(
      "post", "/api/units",
      app_.Post("/api/units",
                {{"name", "南街小卖部"}, {"kind", "individual_business"}, {"region_code", compound}},
                token_));
  const auto org_unit = "/api/units/" + std::to_string(BodyOf(unit_created)["id"].get<std::int64_t>());
  ExpectConforms("patch", "/api/units/{id}", app_.Patch(org_unit, {{"industry", "物业"}}, token_));
  ExpectConforms("get", "/api/units/{id}", app_.Get(org_unit, token_));
  ExpectConforms("get", "/api/units", app_.Get("/api/units", token_));
  ExpectConforms("post", "/api/units/{id}/reveal",
                 app_.Post(org_unit + "/reveal", {{"reason", "核实"}}, token_));
  ExpectConforms("get", "/api/units/{id}/history", app_.Get(org_unit + "/history", token_));

  // Imports report what they read and wrote; a faulty file names each fault by line and column.
  const auto upload = [&](const std::string& target, const std::string& csv) {
    return app_.Call(http::Method::kPost, target, token_, csv, "text/csv");
  };
  const auto imported =
      upload("/api/households/import", "户号,户别,房屋编码\n0002,集体户," + dwelling + "\n");
  ExpectConforms("post", "/api/households/import", imported);
  EXPECT_EQ(BodyOf(imported)["imported"], 1);
  EXPECT_EQ(BodyOf(imported)["columns"]["房屋编码"], "dwelling_code");
  ExpectConforms("post", "/api/housing/import",
                 upload("/api/housing/import",
                        "房屋编码,产权性质,使用状态\n" + child(unit, {{"number", 302}}) + ",私有,空置\n"));
  const auto vehicles =
      upload("/api/vehicles/import", "序号,号牌号码,车主姓名,停放地址\n1,陕G54321,王五,南街小区\n");
  ExpectConforms("post", "/api/vehicles/import", vehicles);
  EXPECT_EQ(BodyOf(vehicles)["ignored_columns"], nlohmann::json::array({"序号"}));
  const auto refused = upload("/api/vehicles/import", "号牌号码,车主姓名,停放地址\n陕G54321,王五,南街小区\n");
  EXPECT_EQ(refused.status, 422);
  const auto fault = BodyOf(refused)["error"]["details"][0];
  EXPECT_EQ(fault["line"], 2) << refused.body;
  EXPECT_EQ(fault["column"], "号牌号码") << refused.body;
  EXPECT_EQ(fault["problem"], "already_registered") << refused.body;
  for (const auto* list : {"/api/households", "/api/housing", "/api/vehicles", "/api/units"}) {
    const auto xlsx = app_.Get(std::string(list) + "/export", token_);
    EXPECT_EQ(xlsx.status, 200) << list;
    EXPECT_EQ(xlsx.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") << list;
    const auto csv = app_.Get(std::string(list) + "/export?format=csv", token_);
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8") << list;
  }
}

TEST_F(OpenApiTest, EventConfigurationResponsesMatchTheirSchemas) {
  ExpectConforms("get", "/api/event-categories", app_.Get("/api/event-categories", token_));
  ExpectConforms(
      "post", "/api/event-categories",
      app_.Post(
          "/api/event-categories",
          {{"code", "order.dogs"},
           {"parent_code", "order"},
           {"name", "不文明养犬"},
           {"limits", {{{"stage", "handle"}, {"label", "处置"}, {"amount", 2}, {"unit", "working_days"}}}}},
          token_));
  ExpectConforms("patch", "/api/event-categories/{code}",
                 app_.Patch("/api/event-categories/order.dogs", {{"department", "县公安局"}}, token_));
  ExpectConforms(
      "get", "/api/event-categories/{code}/deadlines",
      app_.Get("/api/event-categories/order.dogs/deadlines?from=2026-02-13T16:30:00%2B08:00", token_));
  ExpectConforms("get", "/api/calendar", app_.Get("/api/calendar?year=2026", token_));
  ExpectConforms("put", "/api/calendar/{day}",
                 app_.Call(http::Method::kPut, "/api/calendar/2027-01-01", token_,
                           nlohmann::json{{"kind", "holiday"}, {"name", "元旦"}}.dump()));
  EXPECT_EQ(app_.Call(http::Method::kDelete, "/api/calendar/2027-01-01", token_).status, 204);
}

TEST_F(OpenApiTest, EventResponsesMatchTheirSchemas) {
  regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
      .AddNational({NationalNode("610000000000", "陕西省"), NationalNode("610900000000", "安康市"),
                    NationalNode("610921000000", "汉阴县"), NationalNode("610921100000", "城关镇"),
                    NationalNode("610921100001", "南街社区居委会")},
                   "openapi");
  const auto reported = app_.Post("/api/events",
                                  {{"category_code", "environment.exposed_garbage"},
                                   {"region_code", "610921100001"},
                                   {"title", "楼下垃圾堆放"},
                                   {"latitude", 32.89},
                                   {"longitude", 108.51}},
                                  token_);
  ExpectConforms("post", "/api/events", reported);
  ExpectConforms("get", "/api/events", app_.Get("/api/events?mine=true", token_));
  const auto path = "/api/events/" + std::to_string(BodyOf(reported)["id"].get<std::int64_t>());
  ExpectConforms("get", "/api/events/{id}", app_.Get(path, token_));
  ExpectConforms("post", "/api/events/{id}/accept",
                 app_.Post(path + "/accept", nlohmann::json::object(), token_));
  ExpectConforms("post", "/api/events/{id}/supervise",
                 app_.Post(path + "/supervise", {{"note", "督办"}, {"mark", "red"}}, token_));
  ExpectConforms("get", "/api/events/{id}/duplicates", app_.Get(path + "/duplicates", token_));
  const auto photo = app_.Call(http::Method::kPost, path + "/attachments?name=a.png", token_,
                               std::string("\x89PNG\r\n\x1A\n", 8) + "openapi", "image/png");
  ExpectConforms("post", "/api/events/{id}/attachments", photo);
  ExpectConforms("get", "/api/events/{id}/attachments", app_.Get(path + "/attachments", token_));
  const auto file =
      app_.Get(path + "/attachments/" + std::to_string(BodyOf(photo)["id"].get<std::int64_t>()), token_);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.content_type, "image/png");
  ExpectConforms("get", "/api/events/stats", app_.Get("/api/events/stats?by=community", token_));
  ExpectConforms("get", "/api/event-settings", app_.Get("/api/event-settings", token_));
  ExpectConforms("put", "/api/event-settings",
                 app_.Call(http::Method::kPut, "/api/event-settings", token_,
                           nlohmann::json{{"red_after_minutes", 2880}}.dump()));
}

TEST_F(OpenApiTest, Open311ResponsesMatchTheirSchemas) {
  regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
      .AddNational({NationalNode("610000000000", "陕西省"), NationalNode("610900000000", "安康市"),
                    NationalNode("610921000000", "汉阴县"), NationalNode("610921100000", "城关镇"),
                    NationalNode("610921100001", "南街社区居委会")},
                   "openapi");
  const auto key = app_.app().open311().IssueKey(app::ConsolePrincipal(), "openapi", "610921100001").secret;
  const std::string base = "/open311/v2/";
  ExpectConforms("get", base + "discovery.json", app_.Get(base + "discovery.json"));
  ExpectConforms("get", base + "services.json", app_.Get(base + "services.json"));
  ExpectConforms("get", base + "services/{service_code}.json", app_.Get(base + "services/order.noise.json"));
  const auto filed = app_.Call(
      http::Method::kPost, base + "requests.json", "",
      "api_key=" + key + "&service_code=order.noise&jurisdiction_id=610921100001&lat=32.89&long=108.51",
      "application/x-www-form-urlencoded");
  ExpectConforms("post", base + "requests.json", filed);
  const auto id = BodyOf(filed)[0]["service_request_id"].get<std::string>();
  ExpectConforms("get", base + "requests.json", app_.Get(base + "requests.json"));
  ExpectConforms("get", base + "requests/{service_request_id}.json",
                 app_.Get(base + "requests/" + id + ".json"));
  for (const auto* xml : {"discovery.xml", "services.xml", "requests.xml"}) {
    const auto response = app_.Get(base + xml);
    EXPECT_EQ(response.status, 200) << xml;
    EXPECT_EQ(response.content_type, "text/xml; charset=utf-8") << xml;
    EXPECT_TRUE(document_["paths"][base + xml]["get"]["responses"]["200"]["content"].contains("text/xml"))
        << xml;
  }
}

TEST_F(OpenApiTest, TheValidatorItselfCatchesMismatches) {
  const nlohmann::json schema = {
      {"type", "object"}, {"required", {"id"}}, {"properties", {{"id", {{"type", "integer"}}}}}};
  EXPECT_EQ(Mismatch(schema, {{"id", 1}}), "");
  EXPECT_NE(Mismatch(schema, {{"id", "1"}}), "");
  EXPECT_NE(Mismatch(schema, nlohmann::json::object()), "");
}

}  // namespace
}  // namespace shequ
