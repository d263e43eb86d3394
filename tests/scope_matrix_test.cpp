// Every route × every role × an object inside and an object outside the caller's scope.
//
// The sweep walks the live route table, so a new route without an entry in RequestFor fails
// here until someone decides what it should do for each role. Rules checked:
//  - a role without the route's permission gets 403 and the handler changes nothing;
//  - an object outside the caller's scope is answered 404 (or refused for a create) and its
//    data never appears in the body;
//  - an object inside the scope, with the permission, succeeds;
//  - lists never contain an account outside the caller's scope.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <algorithm>

#include <functional>
#include <map>

#include "core/time_format.hpp"
#include "events/workflow.hpp"
#include "regions/region_import.hpp"
#include "support/test_app.hpp"

namespace shequ {
namespace {

using regions::NationalNode;

using testing::BodyOf;
using testing::ErrorCodeOf;

struct Actor {
  std::string username;
  std::string role;
  std::vector<std::string> scopes;
};

const std::vector<Actor> kActors = {
    {"m-admin", "admin", {}},
    {"m-county", "county", {"610921000000"}},
    {"m-street", "street", {"610921100000"}},
    {"m-community", "community", {"610921100001"}},
    {"m-grid", "grid_worker", {"610921100001001"}},
    {"m-department", "department", {"610921000000"}},
    {"m-resident", "resident", {"610921100001"}},
};

// One object of each kind inside, and one outside, the area A actors work in.
struct Target {
  std::string username;  // an account
  std::string scope;     // its scope
  std::string compound;  // a compound's name; the compound's code extends `scope`
  std::int64_t id = 0;
  std::string compound_code;
  std::int64_t grid_id = 0;  // the first-level grid of the target's community
  std::string grid_name;
  std::int64_t person_id = 0;      // a resident of the compound
  std::int64_t event_id = 0;       // an event reported at the compound
  std::int64_t staff_id = 0;       // a community worker of the target's community, events' handler
  std::int64_t department_id = 0;  // a department serving the target's community, to summon
  std::string event_reference;
  // Registry records in the compound: a dwelling with a household, a housing record and a
  // vehicle, a unit at the compound, and the building unit fresh dwellings are added to.
  std::string unit_code;
  std::string dwelling_code;
  std::int64_t household_id = 0;
  std::int64_t vehicle_id = 0;
  std::int64_t org_unit_id = 0;
};

struct Call {
  std::string path;
  nlohmann::json body;  // null: no body
  std::string file;     // a file upload instead of JSON
  std::string content_type = "text/csv";
};

class ScopeMatrixTest : public ::testing::Test {
 protected:
  ScopeMatrixTest() {
    for (const auto& actor : kActors) app_.CreateUser(actor.username, actor.role, actor.scopes);
    app_.CreateUser("m-login", "resident", {"610921100002"});  // only ever signs in
    regions::RegionImporter(app_.app().database(), app_.clock(), app_.app().audit())
        .AddNational({NationalNode("610000000000", "陕西省"), NationalNode("610900000000", "安康市"),
                      NationalNode("610902000000", "汉滨区"), NationalNode("610902001000", "老城街道"),
                      NationalNode("610902001001", "东关社区居委会"), NationalNode("610921000000", "汉阴县"),
                      NationalNode("610921100000", "城关镇"), NationalNode("610921100001", "南街社区居委会"),
                      NationalNode("610921100002", "新城社区居委会")},
                     "matrix");
    open311_key_ =
        app_.app().open311().IssueKey(Console(), "matrix-client", std::string(kOpen311Scope)).secret;
    targets_ = {{"m-inside", "610921100001", "矩阵内小区"}, {"m-outside", "610902001001", "矩阵外小区"}};
    for (auto& target : targets_) {
      app_.CreateUser(target.username, "resident", {target.scope});
      for (const auto& user : app_.app().accounts().ListAll()) {
        if (user.username == target.username) target.id = user.id;
      }
      regions::NewRegion compound;
      compound.name = target.compound;
      target.compound_code =
          app_.app().regions().CreateChildrenAsConsole(target.scope, {compound}).front().code;
      target.grid_name = target.compound + "网格";
      target.grid_id =
          app_.app()
              .grids()
              .Create(Console(),
                      {.community_code = target.scope, .name = target.grid_name, .nodes = {target.scope}})
              .id;
      target.person_id = FreshPerson(target);
      const auto event = app_.app()
                             .events()
                             .Report(Console(), {.category_code = "order.noise",
                                                 .region_code = target.compound_code,
                                                 .title = target.compound + "噪声"})
                             .event;
      target.event_id = event.id;
      target.event_reference = event.reference;
      // A department sees only the events it is given or summoned to: summon the department actor
      // to the event of every target it serves.
      for (const auto& actor : kActors) {
        if (actor.role != "department" || !auth::Scope::Of(actor.scopes).Contains(target.compound_code))
          continue;
        for (const auto& user : app_.app().accounts().ListAll()) {
          if (user.username != actor.username) continue;
          app_.app().events().Take(Console(), event.id, "summons", {.department_ids = {user.id}});
        }
      }
      AddRegistryRecords(target);
      app_.CreateUser(target.username + "-staff", "community", {target.scope});
      app_.CreateUser(target.username + "-department", "department", {target.scope});
      for (const auto& user : app_.app().accounts().ListAll()) {
        if (user.username == target.username + "-staff") target.staff_id = user.id;
        if (user.username == target.username + "-department") target.department_id = user.id;
      }
    }
  }

  static auth::Principal Staff(const Target& target) {
    auth::Principal staff;
    staff.user_id = target.staff_id;
    staff.username = target.username + "-staff";
    staff.role = auth::Role::kCommunity;
    staff.scope = auth::Scope::Of({target.scope});
    return staff;
  }

  // A fresh event at the target's compound in the state a workflow step starts from, with the
  // caller as its handler, reporter or summoned department where the step needs one and the
  // caller works there; otherwise the target's own staff play those parts. A department working
  // there is summoned to the event first, as that is what makes an event its business.
  Call EventStepFor(const std::string& action, const Target& target, const auth::Principal& caller) {
    auto& events = app_.app().events();
    const bool works_there = caller.scope.Contains(target.compound_code);
    const auto step = [&](const auth::Principal& who, std::int64_t id, const std::string& name,
                          events::StepInput input = {}) { events.Take(who, id, name, input); };
    const bool caller_reports = action == "rating" || action == "reopen";
    const auto reporter = caller_reports && works_there ? caller : Console();
    const auto id = events
                        .Report(reporter, {.category_code = "order.noise",
                                           .region_code = target.compound_code,
                                           .title = target.compound + "夜间噪声"})
                        .event.id;
    const bool department_there = works_there && caller.role == auth::Role::kDepartment;
    const auto summon_caller = [&](std::int64_t event_id) -> std::int64_t {
      if (!department_there) return 0;
      return events.Take(Console(), event_id, "summons", {.department_ids = {caller.user_id}})
          .summons.back()
          .id;
    };
    const auto summons_id = summon_caller(id);
    const auto path = "/api/events/" + std::to_string(id) + "/" + action;
    const auto call = [&](nlohmann::json body) { return Call{path, std::move(body)}; };
    if (action == "accept") return call(nlohmann::json::object());
    if (action == "reject") return call({{"note", "无效"}});
    if (action == "escalate") return call({{"note", "网格无法处置"}});
    if (action == "supervise") return call({{"note", "督办"}, {"mark", "yellow"}});
    if (action == "merge") {
      const auto into = events
                            .Report(Console(), {.category_code = "order.noise",
                                                .region_code = target.compound_code,
                                                .title = target.compound + "噪声"})
                            .event.id;
      summon_caller(into);
      return call({{"into", into}});
    }
    step(Console(), id, "accept");
    if (action == "dispatch") return call({{"assignee_id", target.staff_id}});
    if (action == "shelve") return call({{"note", "暂缓"}});
    if (action == "resume") {
      step(Console(), id, "shelve", {.note = "暂缓"});
      return call(nlohmann::json::object());
    }
    const bool caller_handles =
        (action == "start" || action == "feedback" || action == "return" || action == "extension") &&
        works_there && caller.role != auth::Role::kResident;
    const auto handler = caller_handles ? caller : Staff(target);
    step(Console(), id, "dispatch", {.assignee_id = handler.user_id});
    if (action == "start") return call(nlohmann::json::object());
    if (action == "return") return call({{"note", "不属于本网格"}});
    if (action == "extension") return call({{"note", "等配件"}, {"until", "2030-01-01T00:00:00+08:00"}});
    if (action == "summons") return call({{"note", "吹哨"}, {"department_ids", {target.department_id}}});
    if (action == "check-in") return call({{"note", "已到场"}, {"summons_id", summons_id}});
    step(handler, id, "start");
    if (action == "extension/approve" || action == "extension/deny") {
      step(handler, id, "extension", {.note = "等配件", .until = *ParseTimestamp("2030-01-01T00:00:00Z")});
      return call({{"note", "审批"}});
    }
    if (action == "feedback") return call({{"note", "已处置"}});
    step(handler, id, "feedback", {.note = "已处置"});
    if (action == "verify") return call({{"passed", true}});
    step(Console(), id, "verify", {.passed = true});
    if (action == "close") return call(nlohmann::json::object());
    step(Console(), id, "close");
    if (action == "rating") return call({{"satisfaction", "satisfied"}});
    return call({{"note", "未修好"}});  // reopen
  }

  std::int64_t FreshPerson(const Target& target) {
    registry::NewPerson person;
    person.fields.name = target.compound + "居民";
    person.fields.phone = "13800000001";
    person.fields.residence_code = target.compound_code;
    return app_.app().registry().people.Create(Console(), person).person.id;
  }

  void AddRegistryRecords(Target& target) {
    auto& regions = app_.app().regions();
    const auto building =
        regions.CreateChildrenAsConsole(target.compound_code, {regions::NewRegion{}}).front().code;
    target.unit_code = regions.CreateChildrenAsConsole(building, {regions::NewRegion{}}).front().code;
    target.dwelling_code = FreshDwelling(target);
    auto& registry = app_.app().registry();
    target.household_id = registry.households
                              .Create(Console(), {.number = "矩阵户",
                                                  .dwelling_code = target.dwelling_code,
                                                  .head_person_id = Resident(target)})
                              .household.id;
    registry.housing.Create(
        Console(),
        {.dwelling_code = target.dwelling_code, .ownership = "shared", .occupancy = "owner_occupied"});
    target.vehicle_id =
        registry.vehicles
            .Create(Console(),
                    {.plate = NextPlate(), .owner_name = "矩阵车主", .region_code = target.dwelling_code})
            .vehicle.id;
    target.org_unit_id = registry.units
                             .Create(Console(), {.name = "矩阵物业",
                                                 .kind = "enterprise",
                                                 .region_code = target.compound_code,
                                                 .contact_phone = "13912345678"})
                             .unit.id;
  }

  // A dwelling of its own for each housing record a route creates.
  std::string FreshDwelling(const Target& target) {
    return app_.app()
        .regions()
        .CreateChildrenAsConsole(target.unit_code, {regions::NewRegion{}})
        .front()
        .code;
  }

  // A living person at the target's dwelling, in no household yet.
  std::int64_t Resident(const Target& target) {
    registry::NewPerson person;
    person.fields.name = "矩阵居民";
    person.fields.residence_code = target.dwelling_code;
    return app_.app().registry().people.Create(Console(), person).person.id;
  }

  std::string NextPlate() { return fmt::format("陕G{:05}", ++plates_); }

  // Registry routes act on the target's household, housing record, vehicle or unit; records a
  // route changes for good (members, parties) are made fresh for each call.
  std::optional<Call> RegistryRequestFor(const std::string& key, const Target& target,
                                         const std::string& tag) {
    auto& registry = app_.app().registry();
    const auto household = "/api/households/" + std::to_string(target.household_id);
    const auto housing = "/api/housing/" + target.dwelling_code;
    const auto vehicle = "/api/vehicles/" + std::to_string(target.vehicle_id);
    const auto unit = "/api/units/" + std::to_string(target.org_unit_id);
    if (key == "GET /api/households") return Call{"/api/households", nullptr};
    if (key == "POST /api/households")
      return Call{"/api/households", {{"dwelling_code", target.dwelling_code}, {"number", "矩阵" + tag}}};
    // Imports name a fresh place of the target's compound; exports ask for the compound.
    const auto export_of = [&](const std::string& list) {
      return Call{list + "/export?region=" + target.compound_code, nullptr};
    };
    if (key == "GET /api/households/export") return export_of("/api/households");
    if (key == "GET /api/households/import/template") return Call{"/api/households/import/template", nullptr};
    if (key == "POST /api/households/import") {
      return Call{"/api/households/import", nullptr,
                  "户号,户别,房屋编码\n矩阵导入" + tag + ",家庭户," + FreshDwelling(target) + "\n"};
    }
    if (key == "GET /api/housing/export") return export_of("/api/housing");
    if (key == "GET /api/housing/import/template") return Call{"/api/housing/import/template", nullptr};
    if (key == "POST /api/housing/import") {
      return Call{"/api/housing/import", nullptr,
                  "房屋编码,产权性质,使用状态\n" + FreshDwelling(target) + ",私有,自住\n"};
    }
    if (key == "GET /api/vehicles/export") return export_of("/api/vehicles");
    if (key == "GET /api/vehicles/import/template") return Call{"/api/vehicles/import/template", nullptr};
    if (key == "POST /api/vehicles/import") {
      return Call{
          "/api/vehicles/import", nullptr,
          "号牌号码,车主姓名,停放地编码\n" + NextPlate() + ",矩阵车主," + target.compound_code + "\n"};
    }
    if (key == "GET /api/units/export") return export_of("/api/units");
    if (key == "GET /api/households/{id}") return Call{household, nullptr};
    if (key == "PATCH /api/households/{id}") return Call{household, {{"note", "矩阵"}}};
    if (key == "POST /api/households/{id}/members")
      return Call{household + "/members", {{"person_id", Resident(target)}, {"relation", "son"}}};
    if (key == "DELETE /api/households/{id}/members/{person_id}") {
      const auto person = Resident(target);
      registry.households.AddMember(Console(), target.household_id, {.person_id = person, .relation = "son"});
      return Call{household + "/members/" + std::to_string(person) + "?reason=matrix", nullptr};
    }
    if (key == "GET /api/households/{id}/ledger") return Call{household + "/ledger?period=2026", nullptr};
    if (key == "POST /api/households/{id}/ledger") {
      return Call{household + "/ledger",
                  {{"category", "income"},
                   {"item", "务工收入"},
                   {"amount", 30000},
                   {"unit", "元"},
                   {"period", "2026"}}};
    }
    if (key == "GET /api/households/{id}/history") return Call{household + "/history", nullptr};
    if (key == "GET /api/housing") return Call{"/api/housing", nullptr};
    if (key == "POST /api/housing") {
      return Call{
          "/api/housing",
          {{"dwelling_code", FreshDwelling(target)}, {"ownership", "private"}, {"occupancy", "vacant"}}};
    }
    if (key == "GET /api/housing/{code}") return Call{housing, nullptr};
    if (key == "PATCH /api/housing/{code}") return Call{housing, {{"note", "矩阵"}}};
    if (key == "POST /api/housing/{code}/parties")
      return Call{housing + "/parties", {{"role", "tenant"}, {"party_name", "租户" + tag}}};
    if (key == "DELETE /api/housing/{code}/parties/{id}") {
      const auto view =
          registry.housing.AddParty(Console(), target.dwelling_code,
                                    {.role = "occupant", .party_name = "临时" + std::to_string(++plates_)});
      return Call{housing + "/parties/" + std::to_string(view.parties.back().id) + "?reason=matrix", nullptr};
    }
    if (key == "GET /api/housing/{code}/history") return Call{housing + "/history", nullptr};
    if (key == "GET /api/vehicles") return Call{"/api/vehicles", nullptr};
    if (key == "POST /api/vehicles") {
      return Call{"/api/vehicles",
                  {{"plate", NextPlate()}, {"owner_name", "车主"}, {"region_code", target.dwelling_code}}};
    }
    if (key == "GET /api/vehicles/{id}") return Call{vehicle, nullptr};
    if (key == "PATCH /api/vehicles/{id}") return Call{vehicle, {{"color", "白"}}};
    if (key == "GET /api/vehicles/{id}/history") return Call{vehicle + "/history", nullptr};
    if (key == "GET /api/units") return Call{"/api/units", nullptr};
    if (key == "POST /api/units") {
      return Call{
          "/api/units",
          {{"name", "矩阵单位" + tag}, {"kind", "enterprise"}, {"region_code", target.compound_code}}};
    }
    if (key == "GET /api/units/{id}") return Call{unit, nullptr};
    if (key == "PATCH /api/units/{id}") return Call{unit, {{"industry", "餐饮"}}};
    if (key == "POST /api/units/{id}/reveal") return Call{unit + "/reveal", {{"reason", "矩阵核查"}}};
    if (key == "GET /api/units/{id}/history") return Call{unit + "/history", nullptr};
    return std::nullopt;
  }

  // Open311 routes are public; what they show depends on the API key, scoped to the inside
  // community. Requests and filings name the target's event and compound.
  std::optional<Call> Open311RequestFor(const http::Route& route, const Target& target,
                                        const std::string& tag) {
    const auto& pattern = route.pattern;
    if (!pattern.starts_with("/open311/")) return std::nullopt;
    const std::string base = "/open311/v2/";
    const std::string ext = pattern.ends_with(".xml") ? ".xml" : ".json";
    const std::string key = "api_key=" + open311_key_;
    if (pattern == base + "{resource}")
      return Call{base + (route.method == http::Method::kPost ? "requests.html" : "nothing"), nullptr};
    if (pattern == base + "{collection}/{item}") return Call{base + "services/order.noise.html", nullptr};
    if (pattern.starts_with(base + "discovery")) return Call{base + "discovery" + ext, nullptr};
    if (pattern.starts_with(base + "services/")) return Call{base + "services/order.noise" + ext, nullptr};
    if (pattern.starts_with(base + "services"))
      return Call{base + "services" + ext + "?jurisdiction_id=" + target.scope, nullptr};
    if (pattern.starts_with(base + "tokens/")) return Call{base + "tokens/" + tag + ext, nullptr};
    if (pattern.starts_with(base + "requests/"))
      return Call{base + "requests/" + target.event_reference + ext + "?" + key, nullptr};
    if (route.method == http::Method::kPost) {
      return Call{base + "requests" + ext + "?" + key +
                      "&service_code=order.noise&description=matrix&address_id=" + target.compound_code,
                  nullptr};
    }
    return Call{base + "requests" + ext + "?" + key, nullptr};
  }

  static bool Open311Inside(const http::Route& route, const Target& target) {
    const auto& pattern = route.pattern;
    const bool known_format = pattern.ends_with(".xml") || pattern.ends_with(".json");
    if (!known_format || pattern.find("/tokens/") != std::string::npos) return false;  // always 404
    if (pattern.find("/requests") == std::string::npos) return true;  // discovery and services: for all
    return auth::Scope::Of({std::string(kOpen311Scope)}).Contains(target.compound_code);
  }

  static auth::Principal Console() {
    auth::Principal console;
    console.username = "console";
    console.role = auth::Role::kAdmin;
    console.scope = auth::Scope::National();
    return console;
  }

  // How to exercise each route against a target. Add a line for every new route.
  Call RequestFor(const http::Route& route, const Target& target, const std::string& tag,
                  const auth::Principal& caller) {
    const std::string key = std::string(http::MethodName(route.method)) + " " + route.pattern;
    constexpr std::string_view kEventStep = "POST /api/events/{id}/";
    if (key.starts_with(kEventStep) && events::FindStep(key.substr(kEventStep.size())) != nullptr) {
      return EventStepFor(key.substr(kEventStep.size()), target, caller);
    }
    const std::string id = std::to_string(target.id);
    // Region routes act on the target's compound; a delete gets a fresh empty building of its own.
    if (key == "GET /api/regions") return {"/api/regions?q=" + target.compound, nullptr};
    if (key == "GET /api/regions/{code}") return {"/api/regions/" + target.compound_code, nullptr};
    if (key == "GET /api/regions/{code}/children")
      return {"/api/regions/" + target.compound_code + "/children", nullptr};
    if (key == "POST /api/regions/{code}/children")
      return {"/api/regions/" + target.compound_code + "/children", nlohmann::json::object()};
    if (key == "PATCH /api/regions/{code}")
      return {"/api/regions/" + target.compound_code, {{"latitude", 32.9}}};
    const std::string grid = "/api/grids/" + std::to_string(target.grid_id);
    if (key == "GET /api/regions/{code}/grids") return {"/api/regions/" + target.scope + "/grids", nullptr};
    if (key == "POST /api/grids") {
      return {"/api/grids",
              {{"community_code", target.scope},
               {"parent_id", target.grid_id},
               {"name", "矩阵二级网格"},
               {"nodes", {target.compound_code}}}};
    }
    if (key == "GET /api/grids/{id}") return {grid + "?history=true", nullptr};
    if (key == "PATCH /api/grids/{id}")
      return {grid, {{"kind", "comprehensive"}, {"name", target.grid_name}}};
    if (key == "POST /api/grids/{id}/members") {
      return {grid + "/members", {{"name", "楼长" + tag}, {"role", "building_leader"}}};
    }
    if (key == "POST /api/grids/{id}/members/{member_id}/end") {
      const auto member =
          app_.app().grids().AddMember(Console(), target.grid_id, {.name = "临时", .role = "part_time"});
      return {grid + "/members/" + std::to_string(member.id) + "/end", {{"reason", "矩阵"}}};
    }
    if (key == "GET /api/regions/{code}/pairings") {
      return {"/api/regions/" + target.scope + "/pairings?history=true", nullptr};
    }
    if (key == "POST /api/pairings") {
      return {"/api/pairings",
              {{"kind", "unit_compound"},
               {"unit_name", "矩阵单位" + tag},
               {"region_code", target.compound_code}}};
    }
    if (key == "POST /api/pairings/{id}/end") {
      const auto pairing = app_.app().pairings().Assign(
          Console(),
          {.kind = "unit_compound", .unit_name = "临时单位" + tag, .region_code = target.compound_code});
      return {"/api/pairings/" + std::to_string(pairing.id) + "/end", {{"reason", "矩阵"}}};
    }
    const std::string person = "/api/people/" + std::to_string(target.person_id);
    if (key == "POST /api/events") {
      return {"/api/events",
              {{"category_code", "environment.exposed_garbage"},
               {"region_code", target.compound_code},
               {"title", "矩阵事件"}}};
    }
    if (key == "GET /api/events") return {"/api/events?mine=false", nullptr};
    if (key == "GET /api/events/{id}") return {"/api/events/" + std::to_string(target.event_id), nullptr};
    if (key == "GET /api/events/{id}/duplicates")
      return {"/api/events/" + std::to_string(target.event_id) + "/duplicates", nullptr};
    const auto attachments = "/api/events/" + std::to_string(target.event_id) + "/attachments";
    if (key == "POST /api/events/{id}/attachments") {
      return {attachments + "?name=photo.png", nullptr, std::string("\x89PNG\r\n\x1A\n", 8) + "matrix",
              "image/png"};
    }
    if (key == "GET /api/events/{id}/attachments") return {attachments, nullptr};
    if (key == "GET /api/events/{id}/attachments/{attachment_id}") {
      const auto photo =
          app_.app().attachments().Upload(Console(), target.event_id, "image/jpeg", "matrix.jpg",
                                          std::string("\xFF\xD8\xFF", 3) + target.username);
      return {attachments + "/" + std::to_string(photo.id), nullptr};
    }
    if (key == "GET /api/event-settings") return {"/api/event-settings", nullptr};
    if (key == "GET /api/events/stats") return {"/api/events/stats?by=community", nullptr};
    if (key == "PUT /api/event-settings") return {"/api/event-settings", {{"summons_minutes", 30}}};
    if (key == "GET /api/event-categories") return {"/api/event-categories?all=true", nullptr};
    if (key == "POST /api/event-categories") {
      auto code = "order.m_" + tag;
      std::replace(code.begin(), code.end(), '-', '_');
      return {"/api/event-categories", {{"code", code}, {"parent_code", "order"}, {"name", "矩阵类别"}}};
    }
    if (key == "PATCH /api/event-categories/{code}")
      return {"/api/event-categories/order.noise", {{"sort_order", 5}}};
    if (key == "GET /api/event-categories/{code}/deadlines") {
      return {"/api/event-categories/order.noise/deadlines?from=2026-03-02T09:00:00%2B08:00", nullptr};
    }
    if (key == "GET /api/calendar") return {"/api/calendar?year=2026", nullptr};
    if (key == "PUT /api/calendar/{day}")
      return {"/api/calendar/2027-01-01", {{"kind", "holiday"}, {"name", "元旦"}}};
    if (key == "DELETE /api/calendar/{day}") {
      app_.app().calendar().Put(Console(), {"2027-10-01", "holiday", "国庆节"});
      return {"/api/calendar/2027-10-01", nullptr};
    }
    if (key == "GET /api/people") return {"/api/people?q=" + target.compound, nullptr};
    if (key == "POST /api/people") {
      return {"/api/people",
              {{"name", target.compound + "新生儿"}, {"residence_code", target.compound_code}}};
    }
    if (key == "GET /api/people/{id}") return {person, nullptr};
    if (key == "GET /api/people/export")
      return {"/api/people/export?region=" + target.compound_code, nullptr};
    if (key == "GET /api/people/import/template") return {"/api/people/import/template", nullptr};
    if (key == "POST /api/people/import") {
      return {"/api/people/import", nullptr,
              "姓名,居住地编码\n" + target.compound + "导入," + target.compound_code + "\n"};
    }
    if (key == "PATCH /api/people/{id}") return {person, {{"employment", "务工"}}};
    if (key == "POST /api/people/{id}/reveal")
      return {person + "/reveal", {{"fields", {"phone"}}, {"reason", "矩阵核查"}}};
    if (key == "GET /api/people/{id}/history") return {person + "/history", nullptr};
    if (key == "GET /api/people/{id}/groups") return {person + "/groups", nullptr};
    if (key == "POST /api/people/{id}/events") {
      return {"/api/people/" + std::to_string(FreshPerson(target)) + "/events",
              {{"kind", "move_out"}, {"place", "西安市"}}};
    }
    if (key == "POST /api/people/{id}/groups") {
      return {"/api/people/" + std::to_string(FreshPerson(target)) + "/groups", {{"type_code", "veteran"}}};
    }
    if (key == "PATCH /api/key-groups/{id}") {
      const auto group = app_.app().registry().groups.Add(Console(), FreshPerson(target), "veteran", {});
      return {"/api/key-groups/" + std::to_string(group.id), {{"concern_level", "focus"}}};
    }
    if (key == "GET /api/group-types") return {"/api/group-types", nullptr};
    if (key == "POST /api/group-types") {
      auto code = "t_" + tag;
      std::replace(code.begin(), code.end(), '-', '_');
      return {"/api/group-types", {{"code", code}, {"name", "矩阵人群"}}};
    }
    if (key == "PATCH /api/group-types/{code}") return {"/api/group-types/veteran", {{"sort_order", 130}}};
    if (key == "DELETE /api/regions/{code}") {
      const auto leaf =
          app_.app().regions().CreateChildrenAsConsole(target.compound_code, {regions::NewRegion{}});
      return {"/api/regions/" + leaf.front().code, nullptr};
    }
    if (auto call = RegistryRequestFor(key, target, tag)) return *call;
    if (auto call = Open311RequestFor(route, target, tag)) return *call;
    static const std::map<std::string,
                          std::function<Call(const std::string&, const Target&, const std::string&)>>
        kRequests = {
            {"GET /healthz",
             [](auto&, auto&, auto&) {
               return Call{"/healthz", nullptr};
             }},
            {"GET /readyz",
             [](auto&, auto&, auto&) {
               return Call{"/readyz", nullptr};
             }},
            {"GET /metrics",
             [](auto&, auto&, auto&) {
               return Call{"/metrics", nullptr};
             }},
            {"GET /api/openapi.json",
             [](auto&, auto&, auto&) {
               return Call{"/api/openapi.json", nullptr};
             }},
            {"POST /api/auth/login",
             [](auto&, auto&, auto&) {
               return Call{"/api/auth/login", {{"username", "m-login"}, {"password", "Shequ-Test-2026"}}};
             }},
            {"POST /api/auth/logout",
             [](auto&, auto&, auto&) {
               return Call{"/api/auth/logout", nullptr};
             }},
            {"GET /api/me",
             [](auto&, auto&, auto&) {
               return Call{"/api/me", nullptr};
             }},
            {"POST /api/me/password",
             [](auto&, auto&, auto& tag) {
               return Call{"/api/me/password",
                           {{"current_password", tag == "0" ? "Shequ-Test-2026" : "Matrix-Next-2026!"},
                            {"new_password", "Matrix-Next-2026!"}}};
             }},
            {"GET /api/stream",
             [](auto&, auto&, auto&) {
               return Call{"/api/stream", nullptr};
             }},
            {"GET /api/audit",
             [](auto&, auto& t, auto&) {
               return Call{"/api/audit?object_id=" + std::to_string(t.id), nullptr};
             }},
            {"GET /api/users",
             [](auto&, auto&, auto&) {
               return Call{"/api/users?limit=500", nullptr};
             }},
            {"GET /api/departments",
             [](auto&, auto&, auto&) {
               return Call{"/api/departments", nullptr};
             }},
            {"POST /api/users",
             [](auto&, auto& t, auto& tag) {
               return Call{"/api/users",
                           {{"username", "new-" + tag},
                            {"role", "resident"},
                            {"scopes", {t.scope}},
                            {"password", "Resident-2026"}}};
             }},
            {"GET /api/users/{id}",
             [](auto& id, auto&, auto&) {
               return Call{"/api/users/" + id, nullptr};
             }},
            {"PATCH /api/users/{id}",
             [](auto& id, auto&, auto&) {
               return Call{"/api/users/" + id, {{"display_name", "改名"}}};
             }},
            {"POST /api/users/{id}/password",
             [](auto& id, auto&, auto&) {
               return Call{"/api/users/" + id + "/password", {{"new_password", "Reset-Pass-2026"}}};
             }},
        };
    auto it = kRequests.find(key);
    if (it == kRequests.end()) {
      ADD_FAILURE() << "no matrix entry for " << key << ": add one to RequestFor";
      return {};
    }
    return it->second(id, target, tag);
  }

  // Whether the object a route acts on is inside the caller's scope. Region and pairing routes
  // act on the target's compound, grid routes on its community's grid, account routes on its
  // account. A community's lists of grids and pairings answer whoever works in part of it, with
  // the entries of that part. Registry routes act on records in the target's compound.
  static bool Inside(const http::Route& route, const Target& target, const auth::Principal& principal) {
    const auto& pattern = route.pattern;
    if (pattern.starts_with("/open311/")) return Open311Inside(route, target);
    if (pattern.starts_with("/api/group-types") || pattern.starts_with("/api/event-categories") ||
        pattern.starts_with("/api/calendar") || pattern == "/api/event-settings") {
      return true;  // one list for the whole installation
    }
    // A resident sees only their own reports; staff see the events of their area.
    if (pattern == "/api/events/{id}") {
      return principal.role != auth::Role::kResident && principal.scope.Contains(target.compound_code);
    }
    if (pattern == "/api/events") return principal.scope.Contains(target.compound_code);
    if (pattern.starts_with("/api/events/{id}/attachments")) {
      return principal.role != auth::Role::kResident && principal.scope.Contains(target.compound_code);
    }
    // Steps act on a fresh event of the target's compound; residents reach only the steps of
    // their own reports (rating, reopening), which they made there when they live there.
    if (pattern.starts_with("/api/events/{id}/")) return principal.scope.Contains(target.compound_code);
    if (pattern.starts_with("/api/people") || pattern.starts_with("/api/key-groups")) {
      return principal.scope.Contains(target.compound_code);
    }
    if (IsRegistryLedger(pattern)) return principal.scope.Contains(target.compound_code);
    if (pattern.ends_with("/grids") || pattern.ends_with("/pairings"))
      return principal.scope.Overlaps(target.scope);
    if (pattern.starts_with("/api/grids")) return principal.scope.Contains(target.scope);
    if (pattern.starts_with("/api/regions") || pattern.starts_with("/api/pairings")) {
      return principal.scope.Contains(target.compound_code);
    }
    return principal.scope.Covers(auth::Scope::Of({target.scope}));
  }

  static bool IsRegistryLedger(const std::string& pattern) {
    return pattern.starts_with("/api/households") || pattern.starts_with("/api/housing") ||
           pattern.starts_with("/api/vehicles") || pattern.starts_with("/api/units");
  }

  static constexpr std::string_view kOpen311Scope = "610921100001";

  testing::TestApp app_;
  std::string open311_key_;
  std::vector<Target> targets_;
  int plates_ = 0;
};

TEST_F(ScopeMatrixTest, EveryRouteEveryRoleInsideAndOutsideScope) {
  const auto& routes = app_.app().router().routes();
  int checked = 0;
  for (const auto& actor : kActors) {
    auto token = app_.Login(actor.username);
    const auto principal = app_.app().sessions().Authenticate(token, "127.0.0.1");
    std::vector<const http::Route*> ordered;
    for (const auto& route : routes) ordered.push_back(&route);
    // Signing out last keeps the token valid for the rest of the sweep.
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const http::Route* r) { return r->pattern != "/api/auth/logout"; });
    int password_changes = 0;
    for (const auto* route : ordered) {
      for (const auto& target : targets_) {
        const std::string tag = actor.username + "-" + target.username;
        const bool changes_password = route->pattern == "/api/me/password";
        // Each sign-out needs a live session of its own.
        if (route->pattern == "/api/auth/logout") {
          token = app_.Login(actor.username, password_changes > 0 ? "Matrix-Next-2026!" : "Shequ-Test-2026");
        }
        auto call =
            RequestFor(*route, target, changes_password ? std::to_string(password_changes) : tag, principal);
        const auto response =
            call.file.empty()
                ? app_.Call(route->method, call.path, token, call.body.is_null() ? "" : call.body.dump())
                : app_.Call(route->method, call.path, token, call.file, call.content_type);
        if (changes_password && response.status == 204) ++password_changes;
        ++checked;
        const std::string where = actor.role + " " + std::string(http::MethodName(route->method)) + " " +
                                  call.path + " → " + target.username + ": " +
                                  std::to_string(response.status) + " " + response.body.substr(0, 200);
        const bool is_public = route->permission == http::kPublic;
        const bool any_user = route->permission == http::kSignedIn;
        const bool permitted =
            is_public || any_user || app_.app().permissions().Allows(principal.role, route->permission);
        if (!permitted) {
          EXPECT_EQ(response.status, 403) << where;
          EXPECT_EQ(ErrorCodeOf(response), "forbidden") << where;
          continue;
        }
        const bool target_matters = route->pattern.find("{id}") != std::string::npos ||
                                    route->pattern.find("{code}") != std::string::npos ||
                                    route->pattern == "/api/users" || route->pattern == "/api/regions" ||
                                    route->pattern == "/api/grids" || route->pattern == "/api/pairings" ||
                                    route->pattern.starts_with("/api/people") ||
                                    route->pattern == "/api/events" || IsRegistryLedger(route->pattern) ||
                                    route->pattern.starts_with("/open311/");
        // Region routes act on the target's compound, account routes on the target's account.
        const bool inside = Inside(*route, target, principal);
        if (target_matters && !inside) {
          // Open311 answers a filing outside the key's area with the spec's 400.
          const bool refused_filing =
              response.status == 422 || (route->pattern.starts_with("/open311/") && response.status == 400);
          EXPECT_TRUE(response.status == 404 || (route->method == http::Method::kPost && refused_filing) ||
                      (route->method == http::Method::kGet && response.status == 200))
              << where;
          if (route->pattern.find("{id}") != std::string::npos ||
              route->pattern.find("{code}") != std::string::npos) {
            EXPECT_EQ(ErrorCodeOf(response), "not_found") << where;
          }
          EXPECT_EQ(response.body.find(target.username), std::string::npos) << "leaked: " << where;
          EXPECT_EQ(response.body.find(target.compound), std::string::npos) << "leaked: " << where;
          EXPECT_EQ(response.body.find(target.compound_code), std::string::npos) << "leaked: " << where;
          EXPECT_EQ(response.body.find(target.grid_name), std::string::npos) << "leaked: " << where;
          continue;
        }
        EXPECT_GE(response.status, 200) << where;
        EXPECT_LT(response.status, 300) << where;
      }
    }
  }
  EXPECT_EQ(checked, static_cast<int>(kActors.size() * routes.size() * targets_.size()));
}

TEST_F(ScopeMatrixTest, ListsHoldOnlyAccountsInsideTheCallersScope) {
  for (const auto& actor : kActors) {
    const auto token = app_.Login(actor.username);
    const auto principal = app_.app().sessions().Authenticate(token, "127.0.0.1");
    const auto response = app_.Get("/api/users?limit=500", token);
    if (response.status == 403) continue;
    ASSERT_EQ(response.status, 200) << actor.username;
    const auto body = BodyOf(response);
    EXPECT_EQ(body["total"].get<std::size_t>(), body["items"].size());
    for (const auto& user : body["items"]) {
      std::vector<std::string> scopes = user["scopes"];
      const auto scope = user["role"] == "admin" ? auth::Scope::National() : auth::Scope::Of(scopes);
      EXPECT_TRUE(principal.scope.Covers(scope)) << actor.username << " sees " << user["username"];
    }
    if (actor.role != "admin") {
      EXPECT_EQ(response.body.find("m-outside"), std::string::npos) << actor.username;
    }
  }
}

}  // namespace
}  // namespace shequ
